"""A page-hit counter across worker processes (written for this round), run as its author
runs it (``python hitcounter_app.py``: ``app.run(workers=2, ...)``): ``main_process_start``
puts a ``multiprocessing`` ``Value`` and ``Queue`` in ``app.shared_ctx``, each worker counts
into the shared value under its lock and reports its first hit on the queue;
``main_process_ready``/``main_process_stop`` log from the main process,
``before_server_start`` logs the worker's name (``app.m.name`` prefix) and whether
``app.shared_ctx`` holds the value; ``/hits`` answers the total; ``/who`` the worker's
state (``app.m.state`` keys); ``main_process_stop`` drains the queue and logs the totals."""

import logging
import os
from multiprocessing import Queue, Value

from sanic import Sanic
from sanic.response import json

log = logging.getLogger("hitcounter")
app = Sanic("hitcounter")


@app.main_process_start
async def make_shared(app):
    app.shared_ctx.hits = Value("i", 0)
    app.shared_ctx.first = Queue()
    log.warning("main: shared state ready")


@app.main_process_ready
async def ready(app):
    log.warning("main: ready, workers=%s", app.state.workers)


@app.before_server_start
async def worker_start(app):
    app.ctx.reported = False
    log.warning("worker %s: shared hits present=%s",
                app.m.name.split("-")[0], hasattr(app.shared_ctx, "hits"))


@app.get("/hits")
async def hits(request):
    counter = request.app.shared_ctx.hits
    with counter.get_lock():
        counter.value += 1
        total = counter.value
    if not request.app.ctx.reported:
        request.app.ctx.reported = True
        request.app.shared_ctx.first.put("hit")
    return json({"total": total})


@app.get("/who")
async def who(request):
    return json({"name_prefix": request.app.m.name.split("-")[0],
                 "state_keys": sorted(request.app.m.state)})


@app.main_process_stop
async def totals(app):
    seen = 0
    while not app.shared_ctx.first.empty() and seen < 10:
        app.shared_ctx.first.get_nowait()
        seen += 1
    log.warning("main: total hits %s, workers that reported %s",
                app.shared_ctx.hits.value, "some" if seen else "none")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", "8000")), workers=2,
            access_log=False, motd=False)
