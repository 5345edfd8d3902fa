"""Timeouts on the wire: a slow request head or body (408), a slow handler (503)."""

import asyncio

from sanic import Sanic
from sanic.response import text

app = Sanic("FidelityTimeouts")
app.config.REQUEST_TIMEOUT = 1
app.config.RESPONSE_TIMEOUT = 1
app.config.KEEP_ALIVE_TIMEOUT = 1


@app.route("/", methods=["GET", "POST"])
async def index(request):
    return text("ok")


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(3)
    return text("too late")


@app.get("/slow-stream")
async def slow_stream(request):
    response = await request.respond(content_type="text/plain")
    await response.send("first ")
    await asyncio.sleep(3)
    await response.send("late")
    await response.eof()


@app.post("/stream-in", stream=True)
async def stream_in(request):
    body = b""
    async for chunk in request.stream:
        body += chunk
    return text(body.decode())
