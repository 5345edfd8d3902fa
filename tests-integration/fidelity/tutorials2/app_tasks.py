"""Background tasks (pattern origin: sanic-org/sanic-guide src/basics/tasks.md with the app
injected into `add_task(fn)`, nicow222/sanic-prueba-producer server.py adding a task in
`before_server_start`, Air-Zhuang/sanic_pro's hourly "alive" loop, Asmodius/sanic-scheduler
example's periodic jobs): a periodic loop counting ticks on app.ctx, a task added from a
handler with a name, `app.tasks` listing, cancel from a handler, a sync function given to
add_task, a task that raises."""

import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("TutTasks2")


async def ticker(app):
    while True:
        app.ctx.ticks += 1
        await asyncio.sleep(0.01)


async def notify_started():
    await asyncio.sleep(0)
    app.ctx.started_note = "Server successfully started!"


@app.before_server_start
async def setup(app, loop):
    app.ctx.ticks = 0
    app.ctx.jobs = []
    app.add_task(ticker, name="ticker")
    app.add_task(notify_started())


async def job(n):
    await asyncio.sleep(0.01)
    app.ctx.jobs.append(n)


@app.post("/jobs/<n:int>")
async def add_job(request, n):
    request.app.add_task(job(n), name=f"job-{n}")
    await asyncio.sleep(0.05)
    return json({"jobs": request.app.ctx.jobs})


@app.get("/status")
async def status(request):
    await asyncio.sleep(0.03)
    names = sorted(t.get_name() for t in request.app.tasks)
    return json(
        {
            "ticking": request.app.ctx.ticks > 0,
            "note": request.app.ctx.started_note,
            "names": [n for n in names if not n.startswith("Task-")],
        }
    )


@app.post("/stop")
async def stop(request):
    await request.app.cancel_task("ticker")
    before = request.app.ctx.ticks
    await asyncio.sleep(0.03)
    request.app.purge_tasks()
    return json(
        {
            "stopped": request.app.ctx.ticks == before,
            "names": sorted(t.get_name() for t in request.app.tasks),
        }
    )


@app.post("/sync-task")
async def sync_task(request):
    def not_a_coroutine():
        return 1

    request.app.add_task(not_a_coroutine)
    return json({"ok": True})


@app.post("/failing")
async def failing(request):
    async def explode():
        raise ValueError("task failed")

    request.app.add_task(explode(), name="explode")
    await asyncio.sleep(0.03)
    return json({"ok": True})


@app.post("/dup")
async def dup(request):
    request.app.add_task(asyncio.sleep(1), name="same")
    request.app.add_task(asyncio.sleep(1), name="same")
    return json({"ok": True})
