"""An operations dashboard fed by long polling and server-sent events (written for this
round): metrics posted as JSON bump a version and wake waiters on an ``asyncio.Condition``
made in ``before_server_start``; ``GET /poll?since=N`` waits (``asyncio.wait_for`` on
``Condition.wait_for``) and answers the new snapshot, or 204 with ``Retry-After`` on
timeout; ``GET /stream`` is a ``ResponseStream`` (``text/event-stream``, ``retry:``,
``id:``, multi-line ``data:``, comments as keep-alives) ending after ``limit`` events; a
``request.respond()`` CSV export written row by row with ``send`` and ``eof``; a stream
whose producer raises after the head went out; ``response.headers`` set before the first
write; HEAD of a stream route; ``request.app.ctx`` state and an ``on_response`` middleware
adding ``X-Version``. As first written the stream's limit was set as an attribute of the
``ResponseStream`` (``resp.limit = ...``): an ``AttributeError`` (500) in both; it is now
bound with ``functools.partial``."""

import asyncio
import json as stdjson
from functools import partial

from sanic import Sanic
from sanic.response import ResponseStream, empty, json

app = Sanic("dashboard")


@app.before_server_start
async def setup(app, _):
    app.ctx.cond = asyncio.Condition()
    app.ctx.version = 0
    app.ctx.metrics = {}


@app.on_response
async def version_header(request, response):
    response.headers["X-Version"] = str(request.app.ctx.version)


def snapshot(app):
    return {"version": app.ctx.version, "metrics": dict(sorted(app.ctx.metrics.items()))}


@app.post("/metrics")
async def post_metrics(request):
    data = request.json
    if not isinstance(data, dict) or not all(isinstance(v, (int, float)) for v in data.values()):
        return json({"error": "an object of numbers"}, status=422)
    async with request.app.ctx.cond:
        request.app.ctx.metrics.update(data)
        request.app.ctx.version += 1
        request.app.ctx.cond.notify_all()
    return json({"version": request.app.ctx.version}, status=201)


@app.get("/poll")
async def poll(request):
    since = int(request.args.get("since", "0"))
    timeout = min(float(request.args.get("timeout", "0.3")), 2.0)
    cond = request.app.ctx.cond
    try:
        async with cond:
            await asyncio.wait_for(cond.wait_for(lambda: request.app.ctx.version > since), timeout)
    except asyncio.TimeoutError:
        return empty(status=204, headers={"Retry-After": "1", "Cache-Control": "no-store"})
    return json(snapshot(request.app), headers={"Cache-Control": "no-store"})


async def events(response, limit):
    req_app = Sanic.get_app("dashboard")
    await response.write(": connected\n\nretry: 1500\n\n")
    for n in range(1, limit + 1):
        body = stdjson.dumps(snapshot(req_app), sort_keys=True, indent=1)
        data = "".join(f"data: {line}\n" for line in body.splitlines())
        await response.write(f"id: {n}\nevent: snapshot\n{data}\n")
        await asyncio.sleep(0.01)
    await response.write("event: bye\ndata: done\n\n")


@app.get("/stream")
async def stream(request):
    limit = int(request.args.get("limit", "2"))
    return ResponseStream(partial(events, limit=limit),
                          content_type="text/event-stream; charset=utf-8",
                          headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def broken(response):
    await response.write("data: first\n\n")
    raise RuntimeError("metrics backend went away")


@app.get("/stream/broken")
async def stream_broken(request):
    return ResponseStream(broken, content_type="text/event-stream")


@app.get("/export.csv")
async def export(request):
    response = await request.respond(content_type="text/csv",
                                     headers={"Content-Disposition": "attachment; filename=m.csv"})
    await response.send("name,value\n")
    for key, value in sorted(request.app.ctx.metrics.items()):
        await response.send(f"{key},{value}\n")
    await response.eof()


@app.get("/snapshot")
async def snap(request):
    return json(snapshot(request.app))
