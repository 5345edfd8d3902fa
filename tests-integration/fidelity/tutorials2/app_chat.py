"""Websocket chat rooms (pattern origin: cyrusmsk/d_http_websocket_benchmark
python_server/sserver.py and lemire/Code-used-on-Daniel-Lemire-s-blog 2023/11/27/server.py
broadcasting to a `connected` set; a PyChat broadcast server's JSON protocol; JRafiei/
presentaion main.py): rooms keyed by a path parameter, JSON messages, `async for` over
the socket, `ws.recv(timeout=...)`, a subprotocol, closing with a code and reason."""

import json as jsonlib

from sanic import Sanic
from sanic.response import html

app = Sanic("TutChat")
rooms: dict[str, set] = {}


@app.get("/")
async def page(request):
    return html("<script>new WebSocket('ws://' + location.host + '/ws/lobby')</script>")


@app.websocket("/ws/<room>")
async def chat(request, ws, room: str):
    members = rooms.setdefault(room, set())
    members.add(ws)
    try:
        await ws.send(jsonlib.dumps({"event": "joined", "room": room, "count": len(members)}))
        async for raw in ws:
            try:
                msg = jsonlib.loads(raw)
            except ValueError:
                await ws.close(code=1003, reason="json only")
                break
            if msg.get("text") == "bye":
                await ws.send(jsonlib.dumps({"event": "bye"}))
                break
            for other in list(members):
                await other.send(
                    jsonlib.dumps({"from": msg.get("sender"), "text": msg.get("text")})
                )
    finally:
        members.discard(ws)


@app.websocket("/echo", subprotocols=["chat.v1", "chat.v2"])
async def echo(request, ws):
    await ws.send(f"proto={ws.subprotocol}")
    msg = await ws.recv(timeout=0.5)
    await ws.send(f"echo:{msg}")
    late = await ws.recv(timeout=0.05)
    await ws.send(f"late:{late}")


@app.websocket("/fail")
async def fail(request, ws):
    await ws.send("about to fail")
    raise ValueError("boom in ws")
