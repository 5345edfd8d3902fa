"""SIGTERM to ``app.run`` with workers: idle keep-alive connections are closed at once,
a request in flight is answered (with ``connection: close``), then everything exits 0.

The server subprocess runs on a free loopback port and is signalled by its PID.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

from helpers import free_port, running

APP = """
import asyncio
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Shutdown")
app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 10

@app.get("/")
async def index(request):
    return text("quick")

@app.get("/slow")
async def slow(request):
    open({marker!r}, "w").close()
    await asyncio.sleep(1.5)
    return text("slow done")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def read_all(sock: socket.socket) -> bytes:
    """Everything until the server closes (each recv bounded by the socket timeout)."""
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def test_sigterm_closes_idle_keepalive_and_finishes_in_flight_with_close(tmp_path) -> None:
    port = free_port()
    script = tmp_path / "shutdown_app.py"
    marker = tmp_path / "slow-started"
    script.write_text(textwrap.dedent(APP).format(port=port, marker=str(marker)))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        idle = socket.create_connection(("127.0.0.1", port), timeout=30)
        busy = socket.create_connection(("127.0.0.1", port), timeout=30)
        with idle, busy:
            idle.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            first = idle.recv(65536)
            busy.sendall(b"GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            deadline = time.monotonic() + 10
            while not marker.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            os.kill(proc.pid, signal.SIGTERM)
            after_term = read_all(idle)  # closed by the server, not by our timeout
            answer = read_all(busy)
        proc.wait(20)
    assert b"connection: keep-alive" in first.lower()
    assert after_term == b""
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"connection: close" in head.lower()
    assert body == b"slow done"
    assert proc.returncode == 0


STOP_WHILE_STARTING = """
import asyncio
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("StopWhileStarting")
app.get("/")(lambda request: text("never asked"))

@app.before_server_start
async def stop_at_once(app):
    app.stop()  # asks the manager to stop every process once they have all started
    await asyncio.sleep(0.3)
    print("state while starting:", app.m.state.get("state"), flush=True)

@app.after_server_start
async def started(app):
    print("after_server_start ran", flush=True)

@app.before_server_stop
async def before_stop(app):
    print("before_server_stop ran", flush=True)

@app.after_server_stop
async def after_stop(app):
    print("after_server_stop ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, motd=False)
"""


def test_a_stop_during_start_up_still_runs_the_stop_listeners(tmp_path) -> None:
    import subprocess
    import sys

    script = tmp_path / "stop_while_starting.py"
    script.write_text(textwrap.dedent(STOP_WHILE_STARTING).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # As Sanic's manager, Hurtle's acts on a worker's stop request once every worker has
    # acknowledged its start (Sanic's worker then dies: "Event loop stopped before Future
    # completed"); here the start completes, then the stop runs every stop listener.
    assert "state while starting: STARTED" in output
    lines = [line for line in output.splitlines() if line.endswith(" ran")]
    assert lines == ["after_server_start ran", "before_server_stop ran", "after_server_stop ran"]


FAILING_STOP = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("FailingStop")
app.get("/")(lambda request: text("hi"))

@app.after_server_start
async def stop_at_once(app):
    app.stop()

@app.before_server_stop
async def flush(app):
    raise RuntimeError("could not flush the queue")

@app.after_server_stop
async def close_pool(app):
    print("after_server_stop ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1)
"""


def test_a_failing_stop_listener_is_reported_and_the_stop_goes_on(tmp_path) -> None:
    # A before_server_stop that raised ended the worker there: no graceful drain, no
    # after_server_stop (pools left open), no "Worker complete". Sanic hides the error.
    script = tmp_path / "failing_stop.py"
    script.write_text(textwrap.dedent(FAILING_STOP).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=40)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "ERROR: could not flush the queue" in output
    assert "RuntimeError: could not flush the queue" in output  # the traceback
    assert "after_server_stop ran" in output
    assert "Worker complete" in output


SLOW_IMPORT = """
import os, time
from sanic import Sanic
from hurtle_http.response import text

if os.environ.get("SANIC_WORKER_NAME", "").startswith("Sanic-Slow-"):
    time.sleep(4)  # this managed process is still importing when it is stopped

app = Sanic("SlowImport")

def slow():
    while True:
        time.sleep(0.1)

@app.main_process_ready
async def ready(app):
    app.manager.manage("Slow", slow, {{}}, transient=True, restartable=True)

@app.get("/restart")
async def restart(request):
    request.app.m.restart("Sanic-Slow-0")
    return text("restarting")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def test_a_managed_process_stopped_while_importing_ends_quietly(tmp_path) -> None:
    # A managed process restarted (or shut down) while it still imports the main module
    # under ``spawn`` printed a KeyboardInterrupt traceback from the middle of the import:
    # it is sent SIGTERM until it runs its function, SIGINT after (its clean-up runs).
    import httpx

    port = free_port()
    script = tmp_path / "slow_import.py"
    script.write_text(textwrap.dedent(SLOW_IMPORT).format(port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        answer = httpx.get(f"http://127.0.0.1:{port}/restart", timeout=10).text
        time.sleep(1)  # the replacement is importing too when the server stops
        os.kill(proc.pid, signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    assert answer == "restarting"
    assert proc.returncode == 0, output
    assert "Server Stopped" in output
    assert "KeyboardInterrupt" not in output, output
