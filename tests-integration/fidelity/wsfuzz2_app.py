"""Websocket handlers driven by the client's messages, for ``wsfuzz.py --round2``.

    python wsfuzz2_app.py PORT      # WSFUZZ_OUT names the file the handlers write to

Each text message the client sends is a command the handler runs (``send:dict``,
``ping``, ``recv:0.05``, ``close:999:bye``, ``raise:value``, ``attrs``, ``iter``...); what
each call returned or raised goes to WSFUZZ_OUT as JSON lines tagged with the ``case``
query argument, as in ``wsfuzz_app.py`` (whose helpers are reused). The same handler is
also mounted in blueprints (prefixes, ``strict_slashes``, a version) and with
subprotocols; request middleware and the ``websocket.handler.*`` signals record that they
ran. ``WSFUZZ2_PING`` ("interval,timeout") turns keepalive pings on.
"""

import asyncio
import os
import sys

from wsfuzz_app import ex, note

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException

app = Sanic("WsFuzz2")
app.config.WEBSOCKET_MAX_SIZE = 64
_ping = os.environ.get("WSFUZZ2_PING")
if _ping:
    app.config.WEBSOCKET_PING_INTERVAL, app.config.WEBSOCKET_PING_TIMEOUT = (
        float(x) for x in _ping.split(",")
    )
else:
    app.config.WEBSOCKET_PING_INTERVAL = None

SENDS = {
    "str": "s", "bytes": b"b", "empty": "", "dict": {"a": 1}, "list": ["x", "y"],
    "int": 7, "none": None, "bytearray": bytearray(b"ba"), "memoryview": memoryview(b"mv"),
    "float": 1.5, "bool": True, "tuple": ("t",), "big": "z" * 200,
}
PINGS = {"none": None, "str": "abc", "bytes": b"xyz", "long": b"p" * 126, "int": 5}
REASONS = {"": "", "bye": "bye", "r123": "r" * 123, "r124": "r" * 124, "e62": "é" * 62,
           "surrogate": "\udc80", "nul": "a\x00b"}


def _raise(what):
    if what == "value":
        raise ValueError("boom")
    if what == "sanic403":
        raise SanicException("nope", status_code=403)
    if what == "notfound":
        raise NotFound("gone")
    if what == "cancel":
        raise asyncio.CancelledError()
    raise KeyError(what)


async def run(request, ws, cmd):
    """Run one command; False when the handler should end (returned or the loop left)."""
    name, _, arg = cmd.partition(":")
    if name == "send":
        await ws.send(SENDS.get(arg, arg))
    elif name == "ping":
        waiter = await ws.ping(PINGS.get(arg)) if arg else await ws.ping()
        note(request, "ping returned", type(waiter).__name__)
        got = await asyncio.wait_for(waiter, 0.4)
        note(request, "pong", repr(got)[:40])
    elif name == "pong":
        await ws.pong(PINGS.get(arg, b""))
    elif name == "recv":
        timeout = None if arg == "none" else float(arg)
        got = await ws.recv(timeout=timeout)
        note(request, "recv", repr(got)[:80])
    elif name == "burst":
        note(request, "burst", repr(await ws.recv_burst())[:80])
    elif name == "close":
        code, _, reason = arg.partition(":")
        await ws.close(int(code), REASONS.get(reason, reason))
    elif name == "return":
        return False
    elif name == "raise":
        _raise(arg)
    elif name == "attrs":
        note(request, "attrs", request.method, request.path, request.route.name,
             request.route.path, dict(request.args), request.scheme,
             request.headers.get("upgrade"), request.headers.getall("sec-websocket-protocol", []),
             ws.subprotocol, getattr(request.ctx, "mw", None), request.match_info,
             request.stream is None, request.body)
    else:
        await ws.send(f"echo {cmd}")
    return True


async def step(request, ws, msg):
    note(request, "msg", repr(msg)[:80])
    if not isinstance(msg, str):
        await ws.send(msg)
        return True
    try:
        return await run(request, ws, msg)
    except asyncio.CancelledError as e:
        note(request, msg, ex(e))
        raise
    except (ValueError, KeyError, SanicException) as e:
        if msg.startswith("raise:"):
            raise
        note(request, msg, ex(e))
    except Exception as e:
        note(request, msg, ex(e))
    return True


async def commands(request, ws):
    """Run the client's commands until ``return``, ``iter`` (the rest through ``async for``)
    or 30 messages; how it ended is noted."""
    try:
        for _ in range(30):
            msg = await ws.recv()
            if msg == "iter":
                note(request, "iter")
                async for m in ws:
                    if not await step(request, ws, m):
                        break
                note(request, "loop ended")
                break
            if not await step(request, ws, msg):
                break
    except BaseException as e:
        note(request, "end", ex(e))
        raise
    note(request, "end", "returned")


@app.on_request
async def mark(request):
    request.ctx.mw = request.path
    note(request, "mw request")


@app.on_response
async def mark_response(request, response):
    note(request, "mw response", getattr(response, "status", None))


@app.signal("websocket.handler.before")
async def before(request, websocket, **_):
    note(request, "signal before")


@app.signal("websocket.handler.after")
async def after(request, websocket, **_):
    note(request, "signal after")


@app.signal("websocket.handler.exception")
async def failed(request, websocket, exception, **_):
    note(request, "signal exception", ex(exception))


app.add_websocket_route(commands, "/cmd", name="cmd")
app.add_websocket_route(commands, "/proto", name="proto", subprotocols=["chat", "Chat", "v2.x"])
app.add_websocket_route(commands, "/strict", name="strict", strict_slashes=True)
app.add_websocket_route(commands, "/slash/", name="slash")


@app.websocket("/typed/<n:int>")
async def typed(request, ws, n):
    note(request, "typed", repr(n))
    await commands(request, ws)



bp = Blueprint("bp", url_prefix="/bp")
bp.add_websocket_route(commands, "/cmd", name="cmd")
bp.add_websocket_route(commands, "/strict", name="strict", strict_slashes=True)
bpv = Blueprint("bpv", url_prefix="/v/", version=2, strict_slashes=True)
bpv.add_websocket_route(commands, "/cmd/", name="cmd")
group = Blueprint.group(bp, bpv, url_prefix="/g")


@bp.on_request
async def bp_mark(request):
    note(request, "bp mw request")


app.blueprint(group)


if __name__ == "__main__":
    app.run(
        host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=False, motd=False
    )
