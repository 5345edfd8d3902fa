"""The app of run.py: timeouts from the TIMEOUTS environment variable (JSON)."""

import asyncio
import json
import os

from sanic import Sanic
from sanic.response import text

app = Sanic("TimeoutsZero")
app.config.update(json.loads(os.environ.get("TIMEOUTS", "{}")))


@app.route("/", methods=["GET", "POST"])
async def index(request):
    return text(f"ok {len(request.body)}")


@app.get("/yield")
async def yielding(request):
    await asyncio.sleep(0)
    return text("yielded")


@app.get("/sleep")
async def sleeping(request):
    await asyncio.sleep(0.3)
    return text("slept")


@app.get("/stream")
async def stream(request):
    response = await request.respond(content_type="text/plain")
    await response.send("a")
    await asyncio.sleep(0.3)
    await response.send("b")
    await response.eof()


@app.post("/streamed", stream=True)
async def streamed(request):
    size = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        size += len(chunk)
    return text(f"read {size}")
