"""A websocket chat with rooms (written for this round): ``@app.websocket`` with a room
parameter and ``subprotocols=``, members kept per room in ``app.ctx``, JSON messages
(``join`` greeting, ``say`` broadcast to the room, ``whisper`` to one member, ``/quit``
ending with ``ws.close(code, reason)``), ``asyncio.gather`` broadcast that drops members
whose ``send`` fails, a room cap refusing a fifth member with close code 1013, a
``recv(timeout=...)`` idle check sending a ping text, ``WEBSOCKET_MAX_SIZE`` refusing a big
frame, and an HTTP endpoint listing rooms."""

import asyncio
import json as jsonlib
import logging

from sanic import Sanic
from sanic.response import json

log = logging.getLogger("sanic.root")
app = Sanic("rooms")
app.config.WEBSOCKET_MAX_SIZE = 2048
app.config.WEBSOCKET_PING_INTERVAL = None
ROOM_CAP = 4


@app.before_server_start
async def setup(app):
    app.ctx.rooms = {}


async def broadcast(room, payload, skip=None):
    message = jsonlib.dumps(payload, sort_keys=True)
    members = [(n, ws) for n, ws in room.items() if n != skip]
    results = await asyncio.gather(*(ws.send(message) for _, ws in members),
                                   return_exceptions=True)
    for (name, _), result in zip(members, results, strict=True):
        if isinstance(result, Exception):
            room.pop(name, None)
            log.info("dropped %s: %s", name, type(result).__name__)


@app.websocket("/ws/<room_name>", subprotocols=["chat.v1", "chat.v2"])
async def chat(request, ws, room_name):
    rooms = request.app.ctx.rooms
    room = rooms.setdefault(room_name, {})
    name = request.args.get("name") or f"guest{len(room) + 1}"
    if len(room) >= ROOM_CAP:
        await ws.close(1013, "room full")
        return
    if name in room:
        await ws.send(jsonlib.dumps({"error": "name taken"}))
        await ws.close(4001, "name taken")
        return
    room[name] = ws
    await ws.send(jsonlib.dumps({"welcome": name, "room": room_name,
                                 "members": sorted(room), "proto": ws.subprotocol}))
    await broadcast(room, {"joined": name}, skip=name)
    try:
        while True:
            raw = await ws.recv(timeout=float(request.args.get("idle", "30")))
            if raw is None:
                await ws.send(jsonlib.dumps({"ping": "still there?"}))
                continue
            if raw == "/quit":
                await ws.close(1000, "bye " + name)
                break
            try:
                msg = jsonlib.loads(raw)
            except ValueError:
                await ws.send(jsonlib.dumps({"error": "bad json"}))
                continue
            if msg.get("to"):
                target = room.get(msg["to"])
                if target is None:
                    await ws.send(jsonlib.dumps({"error": f"no {msg['to']} here"}))
                else:
                    await target.send(jsonlib.dumps({"from": name, "whisper": msg.get("text")}))
            else:
                await broadcast(room, {"from": name, "text": msg.get("text")})
    finally:
        room.pop(name, None)
        if not room:
            rooms.pop(room_name, None)
        else:
            await broadcast(room, {"left": name})
        log.info("%s left %s", name, room_name)


@app.get("/rooms")
async def list_rooms(request):
    await asyncio.sleep(0.05)
    return json({k: sorted(v) for k, v in sorted(request.app.ctx.rooms.items())})
