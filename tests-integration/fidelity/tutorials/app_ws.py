"""Websocket chat: a module-level set of connected sockets, each message sent to
every other client, removed in finally (pattern origin: GitHub
lemire/Code-used-on-Daniel-Lemire-s-blog 2023/11/27/server.py,
cyrusmsk/d_http_websocket_benchmark python_server/sserver.py)."""

from sanic import Sanic
from sanic.response import html

app = Sanic("TutWs")
connected = set()


@app.get("/")
async def page(request):
    return html("<!doctype html><title>chat</title><script>new WebSocket('/ws')</script>")


@app.websocket("/ws")
async def chat(request, ws):
    connected.add(ws)
    try:
        await ws.send(f"hello {len(connected)}")
        while True:
            message = await ws.recv()
            if message is None:
                break
            if message == "bye":
                await ws.close(code=1000, reason="bye")
                break
            for client in list(connected):
                if client is not ws:
                    await client.send(message)
            await ws.send("echo:" + message)
    finally:
        connected.discard(ws)
