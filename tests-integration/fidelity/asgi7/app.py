"""One app for `probe.py`: under uvicorn with Sanic 25.12, with Hurtle, and served by
Hurtle itself (`python app.py PORT`). Signal reports and handler outcomes go to `EVENTS`."""

from __future__ import annotations

import asyncio
import os
import sys
from http import HTTPStatus

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import empty, file, text

app = Sanic("Asgi7")
app.config.WEBSOCKET_MAX_SIZE = 100
FILE = os.path.abspath(__file__)


def note(line: str) -> None:
    with open(os.environ["EVENTS"], "a") as out:
        out.write(line + "\n")


@app.signal("server.exception.report")
async def report(exception, **_):
    note(f"report {type(exception).__name__}: {exception}")


@app.signal("http.lifecycle.exception")
async def lifecycle_exception(request, exception):
    note(f"lifecycle.exception {type(exception).__name__}")


@app.signal("http.lifecycle.read_head")
async def read_head(head):
    if b"X-Fail-Head" in bytes(head):
        raise RuntimeError("read_head failed")


@app.signal("http.handler.before")
async def handler_before(request):
    if request.path == "/sig/before":
        raise RuntimeError("handler.before failed")


@app.signal("websocket.handler.before")
async def ws_before(request, websocket):
    if request.path == "/ws/before":
        raise RuntimeError("websocket.handler.before failed")


def failing(event: str, path: str):
    async def handler(**kw):
        request = kw.get("request")
        if request is not None and request.path == path:
            note(f"{event} raising")
            raise RuntimeError(f"{event} failed")
    app.signal(event)(handler)


for event, path in (("http.lifecycle.request", "/sig/request"),
                    ("http.lifecycle.handle", "/sig/handle"),
                    ("http.lifecycle.response", "/sig/response"),
                    ("http.routing.after", "/sig/routing"),
                    ("http.handler.after", "/sig/after"),
                    ("websocket.handler.after", "/ws/after"),
                    ("websocket.handler.exception", "/ws/exception")):
    failing(event, path)


@app.on_response
async def seen_by_middleware(request, response):
    if request.path.startswith(("/ws/", "/sig/")):
        note(f"response middleware {response.status}")


@app.get("/sig/<name>")
async def sig_any(request, name):
    return text("sig handler ran")


@app.websocket("/ws/<name>")
async def ws_any(request, ws, name):
    note(f"ws {name} handler ran")
    if name == "exception":
        raise KeyError("ws handler failed")
    await ws.send("hi")


@app.on_request
async def deny_websockets(request):
    if request.path.startswith("/ws/deny/"):
        kind = request.path.rsplit("/", 1)[1]
        status = {"403": 403, "403f": 403.0, "600": 600, "101": 101, "204": 204}[kind]
        return text("denied", status=status)


@app.websocket("/ws/deny/<kind>")
async def ws_denied(request, ws, kind):
    note("ws deny handler ran")


@app.websocket("/ws/late")
async def ws_late(request, ws):
    await asyncio.sleep(0.3)
    try:
        got = await ws.recv()
        note(f"ws late recv {len(got) if got is not None else None}")
    except Exception as error:
        note(f"ws late recv raised {type(error).__name__}")
    try:
        async for message in ws:
            note(f"ws late iterated {len(message)}")
    except Exception as error:
        note(f"ws late iteration raised {type(error).__name__}")


app.static("/st", os.path.dirname(FILE))


@app.get("/status/<kind>")
async def status_kind(request, kind):
    if kind == "stream":
        response = await request.respond(status=200.0)
        await response.send("streamed")
        await response.eof()
        return None
    if kind == "empty":
        return empty(status=204.0)
    return text("x", status={"true": True, "http": HTTPStatus(201)}[kind])


@app.signal("custom.probe.fail")
async def custom_fail():
    raise RuntimeError("custom signal failed")


@app.get("/float")
async def float_status(request):
    return text("x", status=200.0)


@app.get("/upgrade/<kind>")
async def upgrade(request, kind):
    headers = {"up": {"Upgrade": "h2c"},
               "upclose": {"Upgrade": "h2c", "Connection": "upgrade, close"},
               "close2": {"Connection": "keep-alive, close"},
               "given": {"Upgrade": "h2c", "Connection": "Upgrade"},
               "alone": {"Connection": "upgrade"},
               "plain": {}}[kind]
    return text("x", headers=headers)


@app.route("/file", methods=["GET", "HEAD", "OPTIONS", "POST"])
async def conditional(request):
    return await file(FILE, request_headers=request.headers)


@app.route("/file404", methods=["GET", "HEAD"])
async def conditional_404(request):
    return await file(FILE, status=404, request_headers=request.headers)


@app.get("/maxage/<value>")
async def maxage(request, value):
    return await file(FILE, max_age=float(value))


@app.get("/sig/before")
async def sig_before(request):
    return text("not reached")


@app.get("/sig/dispatch/<inline>")
async def sig_dispatch(request, inline):
    try:
        await app.dispatch("custom.probe.fail", inline=inline == "1")
    except Exception as error:
        note(f"dispatch raised {type(error).__name__}")
    return text("dispatched")


class NoStatus(SanicException):
    status_code = None  # type: ignore[assignment]


@app.get("/nostatus")
async def no_status(request):
    raise NoStatus("secret message")


class Odd(Exception):
    pass


@app.exception(Odd)
async def odd_handler(request, exception):
    return "not a response"


@app.get("/nonresponse")
async def non_response(request):
    raise Odd("odd")


@app.websocket("/ws/before")
async def ws_before_route(request, ws):
    note("ws before handler ran")
    await ws.send("hi")


@app.websocket("/ws/big")
async def ws_big(request, ws):
    try:
        got = await ws.recv()
        note(f"ws big recv {len(got) if got is not None else None}")
    except Exception as error:
        note(f"ws big recv raised {type(error).__name__}")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=False)
