"""Websocket handler idioms (pattern origin: bronfo/dx app.py's send loop with a counter
and a recv loop run together, JRafiei/presentaion's `while True: await ws.recv()` feed,
chat servers checking `if msg is None: break`, a custom close code 4000 as apps use for
"auth failed", a blueprint websocket with url_prefix, query-string auth on the handshake)."""

import asyncio

from sanic import Blueprint, Sanic
from sanic.exceptions import Unauthorized

app = Sanic("TutWsApi")
bp = Blueprint("live", url_prefix="/live")


@app.websocket("/feed")
async def feed(request, ws):
    while True:
        msg = await ws.recv()
        if msg is None or msg == "stop":
            break
        await ws.send(msg.upper() if isinstance(msg, str) else msg[::-1])
    await ws.send("bye")


@app.websocket("/auth")
async def auth(request, ws):
    if request.args.get("token") != "ok":
        await ws.close(code=4000, reason="auth failed")
        return
    await ws.send(f"hello {request.args.get('user', 'anon')}")


@app.websocket("/reject")
async def reject(request, ws):
    raise Unauthorized("no token")


@app.websocket("/timeout")
async def timeout(request, ws):
    got = await ws.recv(timeout=0.05)
    await ws.send(f"timeout gave {got!r}")
    got = await ws.recv(timeout=2)
    await ws.send(f"then {got!r}")


@app.websocket("/both")
async def both(request, ws):
    async def sender():
        for i in range(3):
            await ws.send(f"tick {i}")
            await asyncio.sleep(0.01)

    async def receiver():
        return await ws.recv()

    got, _ = await asyncio.gather(receiver(), sender())
    await ws.send(f"got {got}")


@app.websocket("/types")
async def types(request, ws):
    for value in (b"\x00\x01", "text", bytearray(b"ba")):
        await ws.send(value)
    try:
        await ws.send({"a": 1})
    except TypeError as e:
        await ws.send(f"TypeError {e}")


@app.websocket("/close/<code:int>")
async def close_with(request, ws, code: int):
    await ws.send("closing")
    await ws.close(code=code, reason=f"code {code}")


@bp.websocket("/room/<name>")
async def room(request, ws, name):
    await ws.send(f"{name} {request.path} {request.route.name}")


app.blueprint(bp)
