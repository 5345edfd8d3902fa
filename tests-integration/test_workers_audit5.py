"""Worker manager, fifth audit: what differed from Sanic 25.12 with real processes on
loopback (each script stops itself; each run is bounded)."""

from __future__ import annotations

from test_workers_lifecycle import run_app_script

SHARED_CTX_METHOD_NAMES = """
from multiprocessing import Lock, Value
from sanic import Sanic

app = Sanic("SharedNames")

@app.main_process_start
async def start(app):
    # Names of the context's own methods, taken by the user's values (Sanic allows it).
    app.shared_ctx.lock = Lock()
    app.shared_ctx.public = Value("i", 1)
    app.shared_ctx.unpicklable = Value("i", 2)

@app.after_server_start
async def check(app):
    with app.shared_ctx.lock:
        app.shared_ctx.public.value += 10
    print("worker sees", app.shared_ctx.public.value, app.shared_ctx.unpicklable.value, flush=True)
    app.stop()

@app.main_process_stop
async def stopped(app):
    print("main sees", app.shared_ctx.public.value, flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def test_shared_ctx_values_may_be_named_lock_or_public(tmp_path) -> None:
    # `app.shared_ctx.lock = Lock()` failed the run (`TypeError: 'Lock' object is not
    # callable`: the runner called the value as the context's own method).
    result = run_app_script(tmp_path, "shared_names.py", SHARED_CTX_METHOD_NAMES)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "worker sees 11 2" in output
    assert "main sees 11" in output


THRESHOLD_APP = """
import time
from sanic import Sanic
from sanic.worker.manager import WorkerManager

WorkerManager.THRESHOLD = 5  # Sanic's knob for the start-up wait: ticks of 0.1 s

app = Sanic("Threshold")

@app.before_server_start
async def slow(app):
    time.sleep(2.5)

@app.after_server_start
async def done(app):
    app.stop()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def test_worker_manager_threshold_sets_the_start_up_wait(tmp_path) -> None:
    # `WorkerManager.THRESHOLD` (Sanic's documented way to change how long workers have to
    # start) was ignored: the warning came after 30 s whatever it said. Sanic gives up
    # after it (kills the run, exit -9); Hurtle warns after it and keeps waiting.
    result = run_app_script(tmp_path, "threshold.py", THRESHOLD_APP)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "has not acknowledged start-up after 0.5s" in output
    assert "Worker ready" in output
