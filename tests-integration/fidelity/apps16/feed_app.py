"""A server-sent-events feed (written for this round): ``ResponseStream`` with
``content_type="text/event-stream"`` and its headers, events with ``id:``/``event:``/
``retry:`` lines and multi-line ``data:``, ``Last-Event-ID`` resuming from a backlog, a
publish endpoint fanning out to subscriber queues kept in ``app.ctx``, a heartbeat comment,
a stream that ends itself after ``?limit=``, a client leaving noticed by the stream's
``finally`` (the subscriber removed, logged), ``request.respond()`` streaming for
comparison, and a ``before_server_stop`` listener closing the open streams."""

import asyncio
import json as jsonlib
import logging

from sanic import Sanic
from sanic.response import ResponseStream, json

log = logging.getLogger("sanic.root")
app = Sanic("feed")


@app.before_server_start
async def setup(app):
    app.ctx.subscribers = {}
    app.ctx.backlog = []
    app.ctx.next_id = 0


@app.before_server_stop
async def close_streams(app):
    for queue in list(app.ctx.subscribers.values()):
        queue.put_nowait(None)
    log.info("closing %d stream(s)", len(app.ctx.subscribers))
    await asyncio.sleep(0.05)


def format_event(event_id, kind, data):
    lines = [f"id: {event_id}", f"event: {kind}"]
    lines += [f"data: {line}" for line in data.split("\n")]
    return "\n".join(lines) + "\n\n"


@app.post("/publish/<kind>")
async def publish(request, kind):
    app_ctx = request.app.ctx
    app_ctx.next_id += 1
    data = request.body.decode()
    app_ctx.backlog.append((app_ctx.next_id, kind, data))
    for queue in app_ctx.subscribers.values():
        queue.put_nowait((app_ctx.next_id, kind, data))
    return json({"id": app_ctx.next_id, "subscribers": sorted(app_ctx.subscribers)})


@app.get("/events")
async def events(request):
    name = request.args.get("name", "anon")
    limit = int(request.args.get("limit", "0"))
    last = request.headers.get("last-event-id")
    queue = asyncio.Queue()
    subscribers = request.app.ctx.subscribers
    subscribers[name] = queue

    async def stream(response):
        sent = 0
        try:
            await response.write(f"retry: 1500\n: hello {name}\n\n")
            if last is not None and last.isdigit():
                for event_id, kind, data in request.app.ctx.backlog:
                    if event_id > int(last):
                        await response.write(format_event(event_id, kind, data))
                        sent += 1
            while not limit or sent < limit:
                try:
                    item = await asyncio.wait_for(queue.get(), 5)
                except asyncio.TimeoutError:
                    await response.write(": keep-alive\n\n")
                    continue
                if item is None:
                    await response.write("event: bye\ndata: server stopping\n\n")
                    break
                await response.write(format_event(*item))
                sent += 1
        finally:
            subscribers.pop(name, None)
            log.info("subscriber %s left after %d event(s)", name, sent)

    return ResponseStream(stream, content_type="text/event-stream",
                          headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@app.get("/events-respond")
async def events_respond(request):
    response = await request.respond(content_type="text/event-stream; charset=utf-8",
                                     headers={"Cache-Control": "no-store"})
    for i in range(3):
        await response.send(f"id: {i}\ndata: {jsonlib.dumps({'n': i})}\n\n")
    await response.eof()


@app.get("/subscribers")
async def list_subscribers(request):
    await asyncio.sleep(0.05)
    return json(sorted(request.app.ctx.subscribers))
