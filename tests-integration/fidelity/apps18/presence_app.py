"""Presence and a shared counter over websockets (written for this round): clients join a
document channel at ``/docs/<doc>/live?token=``; an ``on_request`` middleware refuses a
bad token with 401 before the upgrade (a plain HTTP answer); each join and leave is
broadcast to the channel (JSON text frames), ``inc``/``dec`` messages change a shared
counter and broadcast it, ``who`` answers only the sender, a binary frame is echoed back
reversed; an HTTP ``POST /docs/<doc>/kick/<user>`` closes that user's socket from another
task with ``ws.close(4001, "kicked")``; ``GET /docs/<doc>`` lists who is there;
``request.ctx.user`` set by the middleware is read in the websocket handler."""

import asyncio
import json as stdjson

from sanic import Sanic
from sanic.exceptions import NotFound, Unauthorized
from sanic.response import json

app = Sanic("presence")
TOKENS = {"t-ana": "ana", "t-bo": "bo", "t-cy": "cy"}
CHANNELS: dict = {}
COUNTERS: dict = {}


@app.on_request
async def auth(request):
    if request.route is not None and request.route.name == "presence.live":
        user = TOKENS.get(request.args.get("token", ""))
        if user is None:
            raise Unauthorized("bad token")
        request.ctx.user = user


async def broadcast(doc, message):
    for ws in list(CHANNELS.get(doc, {}).values()):
        try:
            await ws.send(stdjson.dumps(message, sort_keys=True))
        except Exception:
            pass


@app.websocket("/docs/<doc>/live")
async def live(request, ws, doc):
    user = request.ctx.user
    members = CHANNELS.setdefault(doc, {})
    if user in members:
        await ws.close(4009, "already connected")
        return
    members[user] = ws
    await broadcast(doc, {"event": "join", "user": user, "members": sorted(members)})
    try:
        async for message in ws:
            if isinstance(message, bytes):
                await ws.send(message[::-1])
            elif message in ("inc", "dec"):
                COUNTERS[doc] = COUNTERS.get(doc, 0) + (1 if message == "inc" else -1)
                await broadcast(doc, {"event": "count", "value": COUNTERS[doc], "by": user})
            elif message == "who":
                await ws.send(stdjson.dumps({"members": sorted(members)}))
            else:
                await ws.send(stdjson.dumps({"error": f"unknown {message!r}"}))
    finally:
        members.pop(user, None)
        await broadcast(doc, {"event": "leave", "user": user, "members": sorted(members)})


@app.post("/docs/<doc>/kick/<user>")
async def kick(request, doc, user):
    ws = CHANNELS.get(doc, {}).get(user)
    if ws is None:
        raise NotFound(f"{user} is not in {doc}")
    await ws.close(4001, "kicked")
    await asyncio.sleep(0.1)
    return json({"kicked": user})


@app.get("/docs/<doc>")
async def members(request, doc):
    return json({"members": sorted(CHANNELS.get(doc, {})), "count": COUNTERS.get(doc, 0)})
