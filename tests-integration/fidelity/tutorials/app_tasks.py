"""Background work with app.add_task: a periodic task started from a listener, a
named task per request, app.get_task/cancel_task, and the app injected into a task
factory (pattern origin: a Chinese translation of the Sanic background-tasks guide returned
by the code search without an address, and GitHub r3ap3rpy/sanic-web-framework
Part_7/ListenersInAction.py for the listener)."""

import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("TutTasks")
app.ctx.ticks = 0
app.ctx.jobs = {}


async def ticker(app):
    for _ in range(200):
        app.ctx.ticks += 1
        await asyncio.sleep(0.01)


async def job(app, name, n):
    await asyncio.sleep(0.01 * n)
    app.ctx.jobs[name] = "done"


@app.after_server_start
async def start_ticker(app):
    app.add_task(ticker, name="ticker")


@app.post("/jobs/<name>")
async def submit(request, name: str):
    request.app.ctx.jobs[name] = "queued"
    request.app.add_task(job(request.app, name, 1), name=f"job-{name}")
    return json({"queued": name}, status=202)


@app.get("/jobs/<name>")
async def status(request, name: str):
    for _ in range(50):
        if request.app.ctx.jobs.get(name) == "done":
            break
        await asyncio.sleep(0.01)
    return json({"state": request.app.ctx.jobs.get(name, "unknown")})


@app.get("/ticker")
async def ticker_state(request):
    task = request.app.get_task("ticker", raise_exception=False)
    return json({"running": task is not None, "positive": request.app.ctx.ticks > 0})


@app.delete("/ticker")
async def stop(request):
    await request.app.cancel_task("ticker")
    return json({"cancelled": True})


@app.get("/missing-task")
async def missing(request):
    request.app.get_task("nope")
