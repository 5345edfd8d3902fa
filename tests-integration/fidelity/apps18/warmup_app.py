"""Readiness after a warm-up (written for this round): ``before_server_start`` opens a
fake pool in ``app.ctx``; ``after_server_start`` starts a named warm-up task with
``app.add_task(..., name="warmup")`` that flips ``app.ctx.ready`` after filling a cache,
and a named ticker task; ``/ready`` answers 503 with ``Retry-After`` until then, 200
after; ``/tasks`` lists ``app.tasks`` names and ``app.get_task(name, raise_exception=False)``;
``DELETE /tasks/<name>`` cancels with ``app.cancel_task`` (an unknown name answered from
the ``SanicException`` it raises); ``app.purge_tasks()`` after a cancel; the listeners'
order recorded and shown; ``before_server_stop`` cancels the ticker."""

import asyncio

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import json

app = Sanic("warmup")
ORDER = []


@app.before_server_start
async def open_pool(app, _):
    ORDER.append("before_server_start")
    app.ctx.pool = {"size": 4}
    app.ctx.ready = False
    app.ctx.cache = {}
    app.ctx.ticks = 0
    app.ctx.go = asyncio.Event()


async def warm(app):
    # The warm-up waits for its go (POST /warm), so /ready is 503 before it whatever the
    # timing of the servers' start.
    await app.ctx.go.wait()
    for i in range(3):
        app.ctx.cache[f"k{i}"] = i * i
        await asyncio.sleep(0)
    app.ctx.ready = True
    ORDER.append("warm done")


async def ticker(app):
    while True:
        app.ctx.ticks += 1
        await asyncio.sleep(30)


@app.after_server_start
async def start_tasks(app, _):
    ORDER.append("after_server_start")
    app.add_task(warm(app), name="warmup")
    app.add_task(ticker(app), name="ticker")


@app.before_server_stop
async def stop_ticker(app, _):
    await app.cancel_task("ticker", raise_exception=False)


@app.get("/ready")
async def ready(request):
    if not request.app.ctx.ready:
        return json({"ready": False}, status=503, headers={"Retry-After": "1"})
    return json({"ready": True, "cache": request.app.ctx.cache, "pool": request.app.ctx.pool})


@app.post("/warm")
async def go(request):
    request.app.ctx.go.set()
    await asyncio.sleep(0.05)
    return json({"ready": request.app.ctx.ready})


@app.get("/tasks")
async def tasks(request):
    names = sorted(t.get_name() for t in request.app.tasks)
    ticker_task = request.app.get_task("ticker", raise_exception=False)
    return json({"names": names, "ticker": None if ticker_task is None else {
        "done": ticker_task.done(), "cancelled": ticker_task.cancelled()},
        "missing": request.app.get_task("nope", raise_exception=False)})


@app.delete("/tasks/<name>")
async def cancel(request, name):
    try:
        await request.app.cancel_task(name, msg="stopped over HTTP")
    except SanicException as exc:
        return json({"error": str(exc), "type": type(exc).__name__}, status=404)
    request.app.purge_tasks()
    return json({"cancelled": name, "left": sorted(t.get_name() for t in request.app.tasks)})


@app.get("/order")
async def order(request):
    return json(ORDER)
