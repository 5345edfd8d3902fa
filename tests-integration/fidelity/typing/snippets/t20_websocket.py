from typing import reveal_type

from sanic import Request, Sanic, Websocket
from sanic.server.websockets.impl import WebsocketImplProtocol

app = Sanic("T20")
@app.websocket("/ws")
async def feed(request: Request, ws: Websocket) -> None:
    msg = await ws.recv()
    reveal_type(msg)
    await ws.send("hello")
    await ws.send(b"bytes")
    async for m in ws:
        reveal_type(m)
    await ws.ping()
    await ws.close(code=1000, reason="bye")
    reveal_type(await ws.recv(timeout=1.0))
async def feed2(request: Request, ws: WebsocketImplProtocol) -> None:
    await ws.send("x")
app.add_websocket_route(feed2, "/ws2")
reveal_type(feed)
