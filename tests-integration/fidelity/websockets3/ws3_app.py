"""Websocket API surface probed by ws3_compare.py (served by real Sanic and by Hurtle).

Handlers and middleware append what they saw to the file named by WS3_OUT.
"""

import asyncio
import os
import sys

from sanic import Blueprint, Sanic
from sanic.exceptions import Unauthorized
from sanic.response import text

app = Sanic("Ws3")
OUT = os.environ.get("WS3_OUT", os.devnull)
app.config.WEBSOCKET_MAX_QUEUE = 4
app.config.WEBSOCKET_READ_LIMIT = 2**14
app.config.WEBSOCKET_WRITE_LIMIT = 2**14


def note(line):
    with open(OUT, "a") as f:
        f.write(line + "\n")


def ex(e):
    return f"{type(e).__name__}: {e}"


async def attempt(coro):
    try:
        return f"ok {await coro!r}"
    except BaseException as e:
        return ex(e)


@app.on_request
async def req_mw(request):
    request.ctx.mw = "set"
    note(f"req_mw {request.path} {request.method}")
    if request.path == "/mw_deny":
        return text("denied", status=403)
    if request.path == "/mw_raise":
        raise Unauthorized("nope")


@app.on_response
async def resp_mw(request, response):
    note(f"resp_mw {request.path} {type(response).__name__} {getattr(response, 'status', None)}")


@app.exception(LookupError)
async def on_lookup(request, exception):
    note(f"exc_handler {request.path} {type(exception).__name__}")
    return text("handled", status=418)


@app.websocket("/params/<name>/<n:int>")
async def params(request, ws, name, n):
    await ws.send(f"{name!r} {n!r} {dict(request.match_info)} ctx={getattr(request.ctx, 'mw', None)}")
    await ws.send(f"route={request.route.name} uri={request.route.path} ws_attr={request.route.extra.websocket if hasattr(request.route.extra, 'websocket') else '-'}")
    await ws.close()


@app.websocket("/named", name="custom_name")
async def named(request, ws):
    await ws.send(f"{request.route.name} {request.app.url_for('custom_name')} {request.app.url_for('custom_name', _external=True, _server='h:1')}")


@app.websocket("/strict/", strict_slashes=True)
async def strict(request, ws):
    await ws.send("strict")


@app.websocket("/loose/")
async def loose(request, ws):
    await ws.send("loose " + request.path)


@app.websocket("/v", version=3)
async def versioned(request, ws):
    await ws.send("v " + request.path + " " + request.route.name)


async def added(request, ws):
    await ws.send(f"added {request.route.name} {ws.subprotocol}")


app.add_websocket_route(added, "/added", subprotocols=["p1", "p2"], name="added_name")


class Callable:
    __name__ = "callable_obj"  # Sanic 25.12 fails at start-up without one

    async def __call__(self, request, ws):
        await ws.send("callable")


app.add_websocket_route(Callable(), "/callable", name="callable")


@app.websocket("/ret_str")
async def ret_str(request, ws):
    return "a string"


@app.websocket("/ret_resp")
async def ret_resp(request, ws):
    return text("a response")


@app.websocket("/raise")
async def raise_(request, ws):
    await ws.send("before")
    raise ValueError("boom")


@app.websocket("/raise_lookup")
async def raise_lookup(request, ws):
    raise KeyError("k")


@app.websocket("/mw_deny")
async def mw_deny(request, ws):
    note("mw_deny handler ran")


@app.websocket("/mw_raise")
async def mw_raise(request, ws):
    note("mw_raise handler ran")


@app.websocket("/close/<code:int>")
async def closer(request, ws, code):
    note(f"close {code} " + await attempt(ws.close(code, "why")))


@app.websocket("/methods")
async def methods(request, ws):
    names = ["recv", "receive", "get", "send", "put", "ping", "pong", "close", "recv_burst",
             "recv_streaming", "subprotocol", "connection", "ws_proto", "__aiter__", "__anext__"]
    await ws.send(" ".join(n for n in names if hasattr(ws, n)))
    for n in ("receive", "get"):
        if hasattr(ws, n):
            await ws.send(n + " " + await attempt(getattr(ws, n)(timeout=0.05)))
    p = await ws.ping(b"data")
    await ws.send(f"ping {type(p).__name__} awaited={await attempt(asyncio.wait_for(p, 2))}")
    await ws.send("send_set " + await attempt(ws.send({"a"})))
    await ws.send("send_float " + await attempt(ws.send(1.5)))
    await ws.send("send_bool " + await attempt(ws.send(True)))
    await ws.send("send_empty_list " + await attempt(ws.send([])))
    await ws.send("send_mixed_list " + await attempt(ws.send(["a", b"b"])))
    await ws.send("recv_neg " + await attempt(ws.recv(timeout=-1)))
    await ws.send("recv_none " + await attempt(ws.recv(timeout=None)))
    await ws.send("END")


@app.websocket("/echo_timeout")
async def echo_timeout(request, ws):
    while True:
        msg = await ws.recv(timeout=0.2)
        await ws.send(f"got {msg!r}")
        if msg is None:
            break


bp = Blueprint("bp", url_prefix="/bp", version=2)


@bp.on_request
async def bp_mw(request):
    note(f"bp_mw {request.path}")


@bp.websocket("/w", name="bpw")
async def bpw(request, ws):
    await ws.send(f"bp {request.route.name} {request.path} {request.app.url_for('bp.bpw')}")


app.blueprint(bp)


@app.get("/cfg")
async def cfg(request):
    c = request.app.config
    keys = ["WEBSOCKET_MAX_SIZE", "WEBSOCKET_PING_INTERVAL", "WEBSOCKET_PING_TIMEOUT",
            "WEBSOCKET_MAX_QUEUE", "WEBSOCKET_READ_LIMIT", "WEBSOCKET_WRITE_LIMIT",
            "WEBSOCKET_TIMEOUT", "websocket_timeout"]
    return text(" ".join(f"{k}={c.get(k, '-')!r}" for k in keys))


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), single_process=True, access_log=False)
