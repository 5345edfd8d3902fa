"""A background job queue (written for this round): an ``asyncio.Queue`` made in
``before_server_start``, two consumers started there with ``app.add_task(..., name=)``, jobs
submitted by POST and run in the background, their state changes announced by
``app.dispatch("jobs.state.<state>", context=...)`` and recorded by ``@app.signal``
handlers (one with a ``condition``), a long poll that waits on ``app.event(...,
timeout=)`` wrapped in ``asyncio.wait_for``, a fire-and-forget ``app.add_task`` from a
handler (an unnamed task), cancelling a job by its task name (``app.cancel_task``),
``app.get_task(..., raise_exception=False)``, a failing job whose exception is kept, and
the consumers stopped in ``before_server_stop``. As first written the signal handler took
``state`` from the event's dynamic part: a ``TypeError`` (missing ``state``) in both, which
neither passes to the handler; the state now travels in the context too."""

import asyncio

from sanic import Sanic
from sanic.exceptions import NotFound, ServiceUnavailable
from sanic.response import json

app = Sanic("jobqueue")
app.config.FALLBACK_ERROR_FORMAT = "json"


@app.before_server_start
async def setup(app, _):
    app.ctx.queue = asyncio.Queue(maxsize=3)
    app.ctx.jobs = {}
    app.ctx.events = []
    app.ctx.next = 1
    app.ctx.gate = asyncio.Event()


@app.after_server_start
async def start_consumers(app, _):
    for n in (1, 2):
        app.add_task(consumer(app, n), name=f"consumer-{n}")


@app.before_server_stop
async def stop_consumers(app, _):
    for n in (1, 2):
        await app.cancel_task(f"consumer-{n}", raise_exception=False)


async def run_job(app, job):
    kind = job["kind"]
    if kind == "sum":
        return sum(job["args"])
    if kind == "sleep":
        await asyncio.sleep(float(job["args"][0]))
        return "slept"
    if kind == "gated":
        await app.ctx.gate.wait()
        return "opened"
    if kind == "fail":
        raise ValueError(f"job {job['id']} failed on purpose")
    raise LookupError(f"unknown kind {kind}")


async def consumer(app, n):
    while True:
        job = await app.ctx.queue.get()
        job["state"] = "running"
        job["worker"] = n
        await app.dispatch("jobs.state.running", context={"id": job["id"], "state": "running"})
        try:
            job["result"] = await run_job(app, job)
            job["state"] = "done"
        except Exception as exc:
            job["state"] = "failed"
            job["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            app.ctx.queue.task_done()
        await app.dispatch(f"jobs.state.{job['state']}",
                           context={"id": job["id"], "state": job["state"]})


@app.signal("jobs.state.<state>")
async def on_state(state, id, **_):
    app.ctx.events.append(f"{id}:{state}")


@app.signal("jobs.state.failed", condition={"alert": True})
async def never_called(**context):
    app.ctx.events.append("alert")


@app.post("/jobs")
async def submit(request):
    body = request.json or {}
    job_id = f"j{request.app.ctx.next}"
    request.app.ctx.next += 1
    job = {"id": job_id, "kind": body.get("kind", "sum"), "args": body.get("args", []),
           "state": "queued"}
    try:
        request.app.ctx.queue.put_nowait(job)
    except asyncio.QueueFull:
        raise ServiceUnavailable("queue full, retry later", headers={"Retry-After": "1"}) from None
    request.app.ctx.jobs[job_id] = job
    await request.app.dispatch("jobs.state.queued", context={"id": job_id, "state": "queued"})
    return json({"id": job_id, "state": "queued",
                 "href": request.app.url_for("status", job_id=job_id)}, status=202,
                headers={"Location": request.app.url_for("status", job_id=job_id)})


def find(request, job_id):
    job = request.app.ctx.jobs.get(job_id)
    if job is None:
        raise NotFound(f"no job {job_id}")
    return job


@app.get("/jobs/<job_id>")
async def status(request, job_id):
    job = find(request, job_id)
    return json({k: v for k, v in job.items() if k != "args"})


@app.get("/jobs/<job_id>/wait")
async def wait(request, job_id):
    job = find(request, job_id)
    timeout = float(request.args.get("timeout", "0.5"))
    try:
        while job["state"] in ("queued", "running"):
            await asyncio.wait_for(request.app.event("jobs.state.*"), timeout)
    except asyncio.TimeoutError:
        return json({"id": job_id, "state": job["state"], "timed_out": True}, status=202)
    return json({"id": job_id, "state": job["state"]})


@app.post("/gate")
async def open_gate(request):
    request.app.ctx.gate.set()
    await asyncio.sleep(0.05)
    return json({"opened": True})


@app.post("/later")
async def later(request):
    async def note():
        await asyncio.sleep(0)
        request.app.ctx.events.append("later-ran")
    task = request.app.add_task(note())
    return json({"scheduled": isinstance(task, asyncio.Task)})


@app.get("/tasks")
async def tasks(request):
    names = sorted(t.get_name() for t in request.app.tasks if t.get_name().startswith("consumer"))
    missing = request.app.get_task("nope", raise_exception=False)
    return json({"consumers": names, "missing": missing,
                 "queue": request.app.ctx.queue.qsize()})


@app.get("/events")
async def events(request):
    return json(request.app.ctx.events)
