"""Websocket handshakes on the wire: errors, subprotocols, size limit, close codes."""

from sanic import Sanic
from sanic.response import text

app = Sanic("FidelityWs")
app.config.WEBSOCKET_MAX_SIZE = 16


@app.websocket("/ws")
async def ws(request, socket):
    await socket.send("hello")
    msg = await socket.recv()
    await socket.send(f"got {msg}")


@app.websocket("/proto", subprotocols=["chat", "superchat"])
async def proto(request, socket):
    await socket.send(f"proto {socket.subprotocol}")


@app.websocket("/raise")
async def raise_(request, socket):
    await socket.send("about to fail")
    raise ValueError("boom")


@app.websocket("/return")
async def return_(request, socket):
    await socket.send("bye")


@app.get("/plain")
async def plain(request):
    return text("plain")
