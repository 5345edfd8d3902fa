"""The app of run.py: timeouts from the TIMEOUTS environment variable (JSON, NaN allowed)."""

import asyncio
import json
import os

from sanic import Sanic
from sanic.response import text

app = Sanic("TimeoutsNaN")
app.config.update(json.loads(os.environ.get("TIMEOUTS", "{}")))


@app.get("/")
async def index(request):
    return text("ok")


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(2)
    return text("slow done")


@app.websocket("/ws")
async def ws(request, ws):
    async for message in ws:
        await ws.send(message)
