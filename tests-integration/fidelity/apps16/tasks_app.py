"""A job runner (written for this round): jobs started from requests with
``app.add_task(coro, name=...)``, a named ticker added before the run as a callable taking
the app, ``app.get_task``, ``app.cancel_task`` (with ``raise_exception=False`` too),
``app.purge_tasks`` after jobs end, ``app.tasks`` listed, a job that fails, a job waiting
on ``app.event`` of a custom signal that another request dispatches, and a ``before_server_stop``
listener reporting what is still running (in the log)."""

import asyncio
import logging

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json

log = logging.getLogger("sanic.root")
app = Sanic("jobs")
RESULTS: dict = {}


async def ticker(app):
    app.ctx.ticks = 0
    while True:
        await asyncio.sleep(0.01)
        app.ctx.ticks += 1


# ``app.add_task(ticker, name="ticker")`` here (before the run) is refused alike by both:
# "Cannot name task outside of a running application". So it is named from a listener.
@app.after_server_start
async def start_ticker(app):
    app.add_task(ticker(app), name="ticker")


async def job(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise RuntimeError(f"job {name} failed")
        RESULTS[name] = "done"
        return name
    except asyncio.CancelledError:
        RESULTS[name] = "cancelled"
        raise


async def waiter(app, name):
    await app.event("jobs.go.now")
    RESULTS[name] = "woken"


def describe(task):
    if task.done():
        state = "cancelled" if task.cancelled() else ("failed" if task.exception() else "done")
    else:
        state = "running"
    return {"name": task.get_name(), "state": state}


@app.signal("jobs.go.now")
async def on_go(**context):
    RESULTS["signal"] = context


@app.post("/jobs/<name>")
async def start(request, name):
    seconds = float(request.args.get("seconds", "0.05"))
    task_name = f"job:{name}"
    try:
        request.app.get_task(task_name)
    except SanicException:
        pass
    else:
        return json({"error": f"{task_name} exists"}, status=409)
    if request.args.get("kind") == "waiter":
        task = request.app.add_task(waiter(request.app, name), name=task_name)
    else:
        task = request.app.add_task(job(name, seconds, fail="fail" in request.args), name=task_name)
    return json({"started": task.get_name(), "type": type(task).__name__}, status=202)


@app.get("/jobs/<name>")
async def status(request, name):
    try:
        task = request.app.get_task(f"job:{name}")
    except SanicException as e:
        raise NotFound(str(e)) from None
    return json({**describe(task), "result": RESULTS.get(name)})


@app.delete("/jobs/<name>")
async def cancel(request, name):
    quiet = "quiet" in request.args
    try:
        await request.app.cancel_task(f"job:{name}", raise_exception=not quiet)
    except SanicException as e:
        return json({"error": str(e), "type": type(e).__name__}, status=404)
    await asyncio.sleep(0.01)
    return json({"cancelled": name, "result": RESULTS.get(name)})


@app.get("/tasks")
async def tasks(request):
    return json(sorted((describe(t) for t in request.app.tasks), key=lambda d: d["name"]))


@app.post("/purge")
async def purge(request):
    before = len(list(request.app.tasks))
    request.app.purge_tasks()
    return json({"before": before, "after": len(list(request.app.tasks))})


@app.post("/go")
async def go(request):
    await request.app.dispatch("jobs.go.now", context={"by": "request"})
    await asyncio.sleep(0.01)
    return json(RESULTS)


@app.get("/ticks")
async def ticks(request):
    await asyncio.sleep(0.05)
    return json({"ticking": request.app.ctx.ticks > 0,
                 "ticker": describe(request.app.get_task("ticker"))})


@app.get("/wait")
async def wait(request):
    await asyncio.sleep(float(request.args.get("s", "0.1")))
    return json({"waited": True})


@app.before_server_stop
async def report(app):
    running = sorted(t.get_name() for t in app.tasks if not t.done())
    log.info("still running at stop: %s", ", ".join(running))
