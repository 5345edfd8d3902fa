"""Lifecycle hooks as older tutorials write them (pattern origin: sanic-guide
src/basics/tasks.md adding a task at module level before the app runs, r3ap3rpy/
sanic-web-framework's `@app.listener('before_server_start')` with `(app, loop)`,
`register_middleware`, `@app.exception([NotFound, MethodNotAllowed])`, shared_ctx set in
`main_process_start`, a /shutdown endpoint calling `app.stop()`)."""

import asyncio
from multiprocessing import Value

from sanic import Sanic
from sanic.exceptions import MethodNotAllowed, NotFound
from sanic.log import logger
from sanic.response import json, text

app = Sanic("TutLifecycle")
events: list = []


async def notify_server_started():
    await asyncio.sleep(0)
    events.append("module-level task ran")


app.add_task(notify_server_started())


async def auto_inject(app):
    events.append(f"injected {app.name}")


app.add_task(auto_inject)


@app.listener("before_server_start")
async def before(app, loop):
    events.append(f"before_server_start loop={loop is asyncio.get_running_loop()}")


@app.listener("after_server_start")
def after(app, loop):
    events.append("after_server_start (sync)")


@app.main_process_start
async def main_start(app):
    app.shared_ctx.counter = Value("i", 0)
    events.append("main_process_start")


@app.main_process_ready
async def main_ready(app):
    events.append("main_process_ready")


@app.before_server_stop
async def before_stop(app):
    logger.info("before_server_stop with %d events", len(events))


async def count(request):
    # main_process_start does not run under single_process=True (both), so no counter
    counter = getattr(request.app.shared_ctx, "counter", None)
    request.ctx.counted = counter is not None


app.register_middleware(count, "request")


@app.exception([NotFound, MethodNotAllowed])
async def not_here(request, exception):
    return json(
        {"error": type(exception).__name__, "status": exception.status_code},
        status=exception.status_code,
    )


@app.get("/events")
async def show(request):
    await asyncio.sleep(0.05)
    return json({"events": events, "counted": request.ctx.counted})


@app.post("/shutdown")
async def shutdown(request):
    request.app.stop()
    return text("stopping")
