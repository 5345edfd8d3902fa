"""Server-sent events: a text/event-stream response fed by an in-process pub/sub
(an asyncio.Queue stands in for Redis), with the stream(callback) shape as ResponseStream (sanic.response.stream is gone in 25.12)
(pattern origin: GitHub NoneGG/aredis examples/sanic_server.py; headers as in
common SSE guides: cache-control no-cache, x-accel-buffering no)."""

import asyncio
import json as jsonlib

from sanic import Sanic
from sanic.response import ResponseStream, json

app = Sanic("TutSse")


@app.before_server_start
async def setup(app):
    app.ctx.queue = asyncio.Queue()


@app.post("/publish")
async def publish(request):
    for item in request.json:
        request.app.ctx.queue.put_nowait(item)
    return json({"queued": len(request.json)})


@app.get("/events")
async def events(request):
    response = await request.respond(
        content_type="text/event-stream",
        headers={"cache-control": "no-cache", "x-accel-buffering": "no"},
    )
    await response.send("retry: 1000\n\n")
    q = request.app.ctx.queue
    while not q.empty():
        item = q.get_nowait()
        await response.send(f"id: {item['id']}\nevent: msg\ndata: {jsonlib.dumps(item)}\n\n")
    await response.send(": end\n\n", end_stream=True)


@app.get("/legacy")
async def legacy(request):
    async def _stream(res):
        for i in range(3):
            await res.write(f"data: {i}\n\n")
            await asyncio.sleep(0)

    return ResponseStream(_stream, content_type="text/event-stream")
