"""Workers that fail: at start-up the server stops with the traceback and a non-zero
exit (it does not hang); a worker that crashes later is reported with its exit code and
replaced.

Each test runs its own server subprocess on a free loopback port, stopped by its PID.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import httpx
from helpers import free_port, running

FAILING_START = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("FailingStart")

@app.before_server_start
async def connect(app, loop):
    raise RuntimeError("the database at db:5432 refused the connection")

@app.get("/")
async def index(request):
    return text("never")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2)
"""


def test_exception_in_before_server_start_ends_run_with_the_traceback(tmp_path) -> None:
    script = tmp_path / "failing.py"
    script.write_text(textwrap.dedent(FAILING_START).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=30)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in output
    assert "RuntimeError: the database at db:5432 refused the connection" in output
    assert "before it finished starting; stopping the server" in output
    # As Sanic: the worker logs the failure through the error logger (its format and
    # handlers), not multiprocessing's bare "Process Sanic-Server-0-0:" report.
    assert "ERROR: the database at db:5432 refused the connection" in output
    assert "Process Sanic-Server-" not in output
    assert "Not all workers acknowledged a successful startup. Shutting down." in output


CRASHING = """
import os
from sanic import Sanic
from hurtle_http.response import json

app = Sanic("Crashing")

@app.get("/")
async def index(request):
    return json({{"pid": os.getpid()}})

@app.get("/crash")
async def crash(request):
    os._exit(3)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1)
"""


def test_worker_that_exits_is_reported_with_its_code_and_replaced(tmp_path) -> None:
    port = free_port()
    script = tmp_path / "crashing.py"
    script.write_text(textwrap.dedent(CRASHING).format(port=port))
    url = f"http://127.0.0.1:{port}"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        first = httpx.get(url, timeout=10).json()["pid"]
        try:
            httpx.get(f"{url}/crash", timeout=10)
        except httpx.HTTPError:
            pass  # the worker died mid-request: the client sees the connection close
        second = None
        deadline = time.monotonic() + 20
        while second is None and time.monotonic() < deadline:
            try:
                second = httpx.get(url, timeout=5).json()["pid"]
            except httpx.HTTPError:
                time.sleep(0.1)
    output = proc.stdout.read() if proc.stdout else ""
    assert second is not None and second != first
    assert f"Sanic-Server-0-0 [{first}] exited with code 3 unexpectedly" in output
    assert "respawning it in" in output
    assert proc.returncode == 0


MAIN_FAILS = """
import sys
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("MainFails")

@app.get("/")
async def index(request):
    return text("never")

@app.main_process_ready
async def ready(app):
    if {fail_ready} == "exit":
        sys.exit(3)
    if {fail_ready}:
        raise ValueError("the config service is down")

@app.main_process_stop
async def stopped(app):
    print("main_process_stop ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers={workers})
"""


def _run_main_fails(tmp_path, *, fail_ready: bool | str, workers: int) -> tuple[int, list[str]]:
    script = tmp_path / "main_fails.py"
    script.write_text(textwrap.dedent(MAIN_FAILS).format(
        port=free_port(), fail_ready=repr(fail_ready), workers=workers))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            timeout=30)
    return result.returncode, result.stdout.splitlines()


def _index(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if text in line)


def test_a_failure_in_the_main_process_is_logged_before_its_traceback(tmp_path) -> None:
    # As Sanic: the main process logs "Experienced exception while trying to serve" and
    # "Server Stopped", runs main_process_stop, then the traceback ends the run (exit 1).
    code, lines = _run_main_fails(tmp_path, fail_ready=True, workers=2)
    assert code == 1
    failed = _index(lines, "ERROR: Experienced exception while trying to serve")
    stopped = _index(lines, "INFO: Server Stopped")
    listener = _index(lines, "main_process_stop ran")
    traceback = _index(lines, "Traceback (most recent call last)")
    assert failed < stopped < listener < traceback
    assert lines[-1] == "ValueError: the config service is down"
    assert not any("Starting worker" in line for line in lines)


def test_sys_exit_in_a_main_process_listener_is_logged_as_a_failure_to_serve(tmp_path) -> None:
    # As Sanic: sys.exit(3) in main_process_start/ready is logged as any failure there,
    # before "Server Stopped" and main_process_stop; the run ends with its code. Hurtle
    # logged only "Server Stopped", as if the run had ended normally.
    code, lines = _run_main_fails(tmp_path, fail_ready="exit", workers=1)
    assert code == 3
    failed = _index(lines, "ERROR: Experienced exception while trying to serve")
    assert failed < _index(lines, "INFO: Server Stopped") < _index(lines, "main_process_stop ran")
    assert not any("Traceback" in line or "Starting worker" in line for line in lines)


def test_no_workers_is_logged_as_a_failure_to_serve(tmp_path) -> None:
    # As Sanic: refused once main_process_start has run, so main_process_stop runs too
    # (both were skipped: resources opened at start were never closed).
    code, lines = _run_main_fails(tmp_path, fail_ready=False, workers=0)
    assert code == 1
    failed = _index(lines, "ERROR: Experienced exception while trying to serve")
    stopped = _index(lines, "INFO: Server Stopped")
    assert failed < stopped < _index(lines, "main_process_stop ran") < _index(lines, "Traceback")
    assert lines[-1] == "RuntimeError: Cannot serve with no workers"


UNPICKLABLE_SHARED = """
import threading
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Unpicklable")
app.get("/")(lambda request: text("never"))

@app.main_process_start
async def share(app):
    app.shared_ctx.counter_lock = threading.Lock()

@app.main_process_stop
async def stopped(app):
    print("main_process_stop ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2)
"""


def test_a_shared_ctx_value_that_cannot_be_pickled_is_named(tmp_path) -> None:
    # As Sanic, the run fails at once with pickle's own error (exit 1); Hurtle also names
    # the shared_ctx value at fault and what to use instead.
    script = tmp_path / "unpicklable.py"
    script.write_text(textwrap.dedent(UNPICKLABLE_SHARED).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=30)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "TypeError: cannot pickle '_thread.lock' object" in output
    assert "app.shared_ctx.counter_lock cannot be sent to the worker processes" in output
    assert "use a multiprocessing object" in output
    assert "Experienced exception while trying to serve" in output
    assert "main_process_stop ran" in output


UNGUARDED_RELOAD = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Unguarded")

@app.get("/")
async def index(request):
    return text("never")

# No `if __name__ == "__main__":`: every spawned process (the worker and the reloader)
# imports this file again and runs this line too, and fails.
app.run(host="127.0.0.1", port={port}, auto_reload=True)
"""


def test_auto_reload_run_whose_every_process_failed_exits_non_zero(tmp_path) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(UNGUARDED_RELOAD).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    output = result.stdout + result.stderr
    assert 'inside of a `if __name__ == "__main__"` block' in output
    assert "No process is left running (" in output
    assert result.returncode == 1  # it served nothing: a supervisor must not see success


EXITING_START = """
import sys
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("ExitingStart")

@app.before_server_start
async def check_settings(app):
    sys.exit(2)  # e.g. a settings check that gives up

app.get("/")(lambda request: text("never"))

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1)
"""


def test_sys_exit_in_a_start_up_listener_is_said_where_the_manager_points(tmp_path) -> None:
    # SystemExit leaves no traceback: the manager said "See the error above" and there was
    # none. The worker now says it exited while starting, and with which code.
    script = tmp_path / "exiting.py"
    script.write_text(textwrap.dedent(EXITING_START).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=30)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    lines = output.splitlines()
    said = [n for n, line in enumerate(lines) if "exited (SystemExit: 2) while starting" in line]
    pointed = [n for n, line in enumerate(lines) if "See the error above" in line]
    assert said and pointed and said[0] < pointed[0], output
