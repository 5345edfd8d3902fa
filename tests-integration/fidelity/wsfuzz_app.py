"""Websocket handlers fuzzed by wsfuzz.py (served by real Sanic and by Hurtle).

    python wsfuzz_app.py PORT      # WSFUZZ_OUT names the file the handlers write to

Each handler writes what it saw (values received, what its calls returned or raised, how
it ended) as JSON lines tagged with the `case` query argument of its handshake.
"""

import asyncio
import json
import os
import sys

from sanic import Sanic
from sanic.response import text

app = Sanic("WsFuzz")
app.config.WEBSOCKET_MAX_SIZE = 64
# Keepalive pings would make the frames a client sees depend on timing.
app.config.WEBSOCKET_PING_INTERVAL = None
OUT = os.environ.get("WSFUZZ_OUT", os.devnull)


def note(request, *what):
    """Record one observation of the handler serving ``request``."""
    with open(OUT, "a") as f:
        f.write(json.dumps({"case": request.args.get("case"), "ev": what}, default=repr) + "\n")


def ex(e):
    return f"{type(e).__name__}: {e}"


async def attempt(request, name, coro):
    """Await ``coro`` and record its result or exception (a cancellation goes on)."""
    try:
        got = await coro
    except BaseException as e:
        note(request, name, ex(e))
        if isinstance(e, asyncio.CancelledError):
            raise
        return None
    note(request, name, "ok", repr(got)[:80])
    return got


def observed(fn):
    """Record how the handler ended (returned, or the exception), then end the same way."""

    async def handler(request, ws):
        try:
            await fn(request, ws)
        except BaseException as e:
            note(request, "end", ex(e))
            raise
        note(request, "end", "returned")

    handler.__name__ = fn.__name__
    return handler


async def echo_loop(request, ws, limit=20):
    for _ in range(limit):
        msg = await ws.recv()
        note(request, "recv", repr(msg)[:80])
        await ws.send(msg)


@app.websocket("/echo")
@observed
async def echo(request, ws):
    await echo_loop(request, ws)


@app.websocket("/iter")
@observed
async def iterate(request, ws):
    async for msg in ws:
        note(request, "iter", repr(msg)[:80])
        await ws.send(msg)
    note(request, "loop ended")


@app.websocket("/timeout")
@observed
async def timeout(request, ws):
    for _ in range(8):
        msg = await ws.recv(timeout=0.25)
        note(request, "recv", repr(msg)[:80])
        if msg is not None:
            await ws.send(msg)


@app.websocket("/after_close")
@observed
async def after_close(request, ws):
    msg = await ws.recv()
    note(request, "recv", repr(msg)[:80])
    await attempt(request, "close", ws.close(4001, "handler done"))
    await attempt(request, "send", ws.send("late"))
    await attempt(request, "ping", ws.ping())
    await attempt(request, "recv", ws.recv(timeout=0.3))


@app.websocket("/returns")
@observed
async def returns(request, ws):
    note(request, "start")


@app.websocket("/send_return")
@observed
async def send_return(request, ws):
    await ws.send("bye")


@app.websocket("/raises")
@observed
async def raises(request, ws):
    msg = await ws.recv()
    note(request, "recv", repr(msg)[:80])
    raise ValueError("boom")


@app.websocket("/raise_now")
@observed
async def raise_now(request, ws):
    raise RuntimeError("early")


@app.websocket("/proto", subprotocols=["chat", "superchat"])
@observed
async def proto(request, ws):
    note(request, "subprotocol", ws.subprotocol)
    await ws.send(f"proto {ws.subprotocol}")
    await echo_loop(request, ws)


@app.websocket("/closer")
@observed
async def closer(request, ws):
    """``close CODE REASON`` closes with that code (``long``: a 140-byte reason), then
    tries a send; anything else is echoed."""
    for _ in range(20):
        msg = await ws.recv()
        note(request, "recv", repr(msg)[:80])
        if isinstance(msg, str) and msg.startswith("close "):
            _, code, *reason = msg.split(" ", 2)
            why = reason[0] if reason else ""
            await attempt(request, "close", ws.close(int(code), "é" * 70 if why == "long" else why))
            await attempt(request, "send", ws.send("after"))
            return
        await ws.send(msg)


@app.websocket("/burst")
@observed
async def burst(request, ws):
    await asyncio.sleep(0.3)
    await attempt(request, "burst", ws.recv_burst())
    await echo_loop(request, ws)


@app.websocket("/streaming")
@observed
async def streaming(request, ws):
    for _ in range(10):
        pieces = []
        async for piece in ws.recv_streaming():
            pieces.append(piece)
        note(request, "pieces", repr(pieces)[:120])
        await ws.send(f"{len(pieces)} pieces")


@app.get("/ready")
async def ready(request):
    return text("ok")


if __name__ == "__main__":
    app.run(
        host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=False, motd=False
    )
