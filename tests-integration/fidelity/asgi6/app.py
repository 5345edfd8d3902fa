"""One app for `probe.py`: served by uvicorn under Sanic 25.12 and under Hurtle.

Every listener, signal and handler outcome goes to the file named by `EVENTS`."""

from __future__ import annotations

import asyncio
import os

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import HTTPResponse, empty, text

app = Sanic("Asgi6")
if os.environ.get("MAX_SIZE"):
    app.config.REQUEST_MAX_SIZE = int(os.environ["MAX_SIZE"])
if os.environ.get("RESPONSE_TIMEOUT"):
    app.config.RESPONSE_TIMEOUT = float(os.environ["RESPONSE_TIMEOUT"])
if os.environ.get("WS_MAX"):
    app.config.WEBSOCKET_MAX_SIZE = float(os.environ["WS_MAX"])
FAIL = os.environ.get("FAIL", "")


def note(line: str) -> None:
    with open(os.environ["EVENTS"], "a") as out:
        out.write(line + "\n")


for event in ("main_process_start", "main_process_ready", "before_server_start",
              "after_server_start", "before_server_stop", "after_server_stop",
              "main_process_stop", "reload_process_start"):
    def make(event: str):
        async def listener(app):
            note(f"listener {event}")
            if event == FAIL:
                raise RuntimeError(f"failing {event}")
        return listener
    app.register_listener(make(event), event)

for name in ("begin", "read_head", "request", "handle", "read_body", "exception",
             "response", "send", "complete"):
    def make_signal(name: str):
        async def handler(**kw):
            extra = ""
            if "data" in kw:
                extra = " " + repr(kw["data"])[:40]
            note(f"signal http.lifecycle.{name}{extra}")
        return handler
    app.signal(f"http.lifecycle.{name}")(make_signal(name))


@app.route("/cookie/<kind>", methods=["GET", "HEAD"])
async def cookie(request, kind):
    if kind == "none":
        response = text("x")
        response.add_cookie("a", None)
    elif kind == "maxage":
        response = text("x")
        response.add_cookie("a", "b", max_age="60")
    elif kind == "204":
        response = empty()
        response.add_cookie("a", "b")
    elif kind == "304":
        response = HTTPResponse(status=304)
        response.add_cookie("a", "b")
    elif kind == "delete":
        response = text("x")
        response.delete_cookie("a")
    elif kind == "raise":
        raise NotFound("gone")
    else:
        response = text("plain")
        response.add_cookie("a", "b", httponly=True, secure=True)
    return response


@app.on_response
async def cookie_on_errors(request, response):
    if request.path.startswith("/cookie/raise") or request.path == "/missing":
        response.add_cookie("e", "1")


@app.get("/hdr/<kind>")
async def header(request, kind):
    if kind == "whole":
        return text("x", headers={"x-é": "1"})
    if kind == "value":
        return text("x", headers={"x-a": "é"})
    response = await request.respond(headers={"x-é": "1"})
    await response.send("abc")
    await response.eof()


@app.route("/stream/<given>", methods=["GET", "HEAD"])
async def stream(request, given):
    headers = {} if given == "none" else {"content-length": given}
    try:
        response = await request.respond(headers=headers, content_type="text/plain")
        await response.send("abcd")
        await response.eof()
    except Exception as error:
        note(f"stream {given} {type(error).__name__}: {error}")
        raise


@app.post("/read_later", stream=True)
async def read_later(request):
    first = await request.stream.read()

    async def rest():
        got = []
        for _ in range(20):
            chunk = await request.stream.read()
            if chunk is None:
                break
            got.append(chunk)
        note(f"task read {b''.join(got)!r}")
    app.add_task(rest())
    return text(f"first {first!r}")


@app.get("/slow")
async def slow(request):
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError as error:
        note(f"slow cancelled {error.args}")
        raise
    return text("slow done")


@app.post("/body")
async def body(request):
    return text(f"{len(request.body)}")


@app.get("/info")
async def info(request):
    ci = request.conn_info
    return text("\n".join(f"{k}={v}" for k, v in [
        ("scheme", request.scheme), ("host", request.host), ("url", request.url),
        ("ip", request.ip), ("remote_addr", request.remote_addr), ("port", request.port),
        ("server_name", request.server_name), ("server_port", request.server_port),
        ("server_path", request.server_path), ("path", request.path),
        ("url_for", request.url_for("info")),
        ("ext", app.url_for("info", _external=True)),
        ("ci.client", ci and ci.client), ("ci.client_port", ci and ci.client_port),
        ("ci.ssl", ci and ci.ssl), ("ci.peername", ci and ci.peername),
    ]))


@app.get("/hosted", host="a.example:443")
async def hosted(request):
    return text("hosted")


@app.websocket("/ws/fail")
async def ws_fail(request, ws):
    await ws.send("hi")
    try:
        await ws.fail_connection(1011, "bad")
        note(f"ws fail_connection ok state={getattr(ws, 'ws_proto', None) and ws.ws_proto.state}")
    except Exception as error:
        note(f"ws fail_connection {type(error).__name__}: {error}")


@app.websocket("/ws/close1006")
async def ws_close1006(request, ws):
    try:
        await ws.close(1006)
        note("ws close1006 ok")
    except Exception as error:
        note(f"ws close1006 {type(error).__name__}: {error}")


@app.websocket("/ws/echo")
async def ws_echo(request, ws):
    message = await ws.recv()
    await ws.send(f"echo {message}")
    await ws.close(4001, "bye")


@app.route("/stream_te/<status:int>", methods=["GET", "HEAD"])
async def stream_te(request, status):
    headers = {"content-length": "4", "transfer-encoding": "chunked"}
    response = await request.respond(status=status, headers=headers)
    await response.send("abcd")
    await response.eof()


@app.get("/cookie_stream/<when>")
async def cookie_stream(request, when):
    response = await request.respond(content_type="text/plain")
    if when == "before":
        response.add_cookie("s", "1")
    await response.send("a")
    if when == "after":
        response.add_cookie("s", "2")
    await response.send("b")
    await response.eof()
