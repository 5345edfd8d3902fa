"""Server-sent events (pattern origin: the SSE handlers found for Next.js/Workers
rewritten for Sanic, with `event:`/`data:`/`retry:` lines, a first "connected" event,
no-cache headers, and dano/asyncio-sse's id/event/retry fields): `request.respond()`
with headers and content type, `send()` of str and bytes, `eof()`, an error raised
after the first event, a handler returning after respond without eof, HEAD."""

import asyncio
import json as jsonlib

from sanic import Sanic
from sanic.response import json

app = Sanic("TutSse2")


def event(data, name=None, id=None, retry=None) -> str:
    out = ""
    if retry is not None:
        out += f"retry: {retry}\n"
    if id is not None:
        out += f"id: {id}\n"
    if name is not None:
        out += f"event: {name}\n"
    return out + f"data: {jsonlib.dumps(data)}\n\n"


@app.get("/events")
async def events(request):
    response = await request.respond(
        content_type="text/event-stream",
        headers={
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
            "Connection": "keep-alive",
        },
    )
    await response.send(event({"message": "Connection established"}, name="connected", retry=3000))
    for i in range(3):
        await asyncio.sleep(0.01)
        await response.send(event({"n": i}, name="tick", id=i).encode())
    await response.send(": keep-alive comment\n\n")
    await response.eof()


@app.get("/events-noeof")
async def noeof(request):
    response = await request.respond(content_type="text/event-stream; charset=utf-8")
    await response.send(event("one"))


@app.get("/events-fail")
async def events_fail(request):
    response = await request.respond(content_type="text/event-stream")
    await response.send(event("before"))
    raise RuntimeError("producer died")


@app.get("/events-status")
async def events_status(request):
    response = await request.respond(status=202, content_type="text/event-stream")
    await response.send("")
    await response.send(event("after empty"))
    await response.eof()
    return json({"ignored": True})
