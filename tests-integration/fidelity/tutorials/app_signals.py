"""Signals for decoupled side effects: @app.signal on a custom event, handlers
dispatching with context, a built-in http.lifecycle signal adding a header (pattern
origin: the documented signals API; no single public snippet was found for it, so the
shape is the common "send a welcome mail after registration" example)."""

import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("TutSignals")
app.ctx.sent = []


@app.signal("user.registration.created")
async def send_welcome(email, **context):
    await asyncio.sleep(0)
    app.ctx.sent.append(email)


@app.signal("http.lifecycle.response")
async def stamp(request, response):
    response.headers["x-signalled"] = "1"


@app.post("/register")
async def register(request):
    email = (request.json or {}).get("email")
    await request.app.dispatch("user.registration.created", context={"email": email})
    return json({"registered": email}, status=201)


@app.get("/outbox")
async def outbox(request):
    await asyncio.sleep(0.05)
    return json(request.app.ctx.sent)


@app.get("/unknown-signal")
async def unknown(request):
    await request.app.dispatch("user.nothing.here", fail_not_found=True)
    return json({})
