"""Server workers started with each multiprocessing start method (``Sanic.start_method``).

Each test runs a real server subprocess on loopback and stops it by its PID.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import textwrap
import time
from pathlib import Path

import httpx
import pytest
from helpers import free_port, running

APP = """
import multiprocessing
from sanic import Sanic
from hurtle_http.response import json

Sanic.start_method = {method!r}
app = Sanic("Methods")

@app.get("/")
async def index(request):
    return json({{"name": request.app.m.name,
                  "method": multiprocessing.get_start_method(allow_none=True)}})

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2)
"""


@pytest.mark.parametrize("method", ["forkserver", "fork", "spawn"])
def test_every_start_method_serves_from_each_worker_with_its_own_label(
    tmp_path: Path, method: str
) -> None:
    # forkserver: every worker used to exit 0 at once ("exited with code 0 before it
    # finished starting"), its parent being the fork server; and every worker's log lines
    # said "Srv 0", the fork server's environment.
    port = free_port()
    script = tmp_path / "methods.py"
    script.write_text(textwrap.dedent(APP).format(method=method, port=port))
    seen: dict[str, str] = {}
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        deadline = time.monotonic() + 30
        with httpx.Client(timeout=30) as client:
            while len(seen) < 2 and time.monotonic() < deadline:
                # A new connection each time, so the kernel may hand it to either worker.
                body = client.get(f"http://127.0.0.1:{port}/",
                                  headers={"connection": "close"}).json()
                seen[body["name"]] = body["method"]
        os.kill(proc.pid, signal.SIGINT)
        proc.wait(20)
    output = proc.stdout.read() if proc.stdout else ""
    assert seen == {"Sanic-Server-0-0": method, "Sanic-Server-1-0": method}
    assert proc.returncode == 0
    lines = output.splitlines()
    # Under fork a worker keeps the main process's logging set-up, as in Sanic ("Main").
    for index in ((0, 1) if method != "fork" else ()):
        assert any(line.startswith(f"Srv {index} ") and "Worker ready" in line
                   for line in lines), output
    assert "before it finished starting" not in output


def _group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("method", ["forkserver", "fork", "spawn"])
def test_no_process_outlives_a_killed_main_process(tmp_path: Path, method: str) -> None:
    # forkserver: the workers held the fork server's "alive" pipe, so after a SIGKILLed
    # main process the fork server (their parent) never ended and they kept serving.
    port = free_port()
    script = tmp_path / "methods.py"
    script.write_text(textwrap.dedent(APP).format(method=method, port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        httpx.get(f"http://127.0.0.1:{port}/", timeout=30).raise_for_status()
        assert len(_group_members(proc.pid)) >= 3  # main, state server, workers
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 15
        left = _group_members(proc.pid)
        try:
            while left and time.monotonic() < deadline:
                time.sleep(0.1)
                left = _group_members(proc.pid)
        finally:
            for pid in left:  # ours (our session's group): do not leave them behind
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    assert left == []
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=2)


MAIN_NAMED_APP = """
from sanic import Sanic
from sanic.response import text

app = Sanic(__name__)
app.ctx.starts = 0

@app.before_server_start
async def count(app):
    app.ctx.starts += 1

@app.get("/")
async def index(request):
    return text(f"{{request.app.name}} debug={{request.app.debug}} starts={{request.app.ctx.starts}}")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, debug=True)
"""


def test_a_script_app_named_after_its_module_is_served_by_its_worker(tmp_path: Path) -> None:
    # ``Sanic(__name__)`` run as ``python app.py`` is "__main__"; the spawned worker
    # imports app.py again as "__mp_main__" and must still find it (as Sanic does), with
    # the run's settings (debug) and its listeners run once.
    port = free_port()
    (tmp_path / "app.py").write_text(MAIN_NAMED_APP.format(port=port))
    with running(["app.py"], "127.0.0.1", port, cwd=tmp_path) as proc:
        response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
    assert response.status_code == 200
    assert response.text == "__mp_main__ debug=True starts=1"
    # the worker logs in the debug format (time only), as the main process does
    output = proc.stdout.read() if proc.stdout else ""
    assert re.search(r"Srv 0 \d\d:\d\d:\d\d INFO: Worker ready", output), output


FACTORY_APP = """
import sys
from sanic import Sanic
from sanic.response import text
from sanic.worker.loader import AppLoader

def create_app():
    app = Sanic("Built")
    @app.get("/")
    async def index(request):
        return text(request.app.m.name[:13])
    return app

if __name__ == "__main__":
    Sanic.start_method = sys.argv[1]
    loader = AppLoader(factory=create_app)
    app = loader.load()
    app.prepare(host="127.0.0.1", port={port}, workers=2)
    Sanic.serve(primary=app, app_loader=loader)
"""


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_an_app_factory_serves_under_every_start_method(tmp_path: Path, method: str) -> None:
    # Under fork a worker inherits the main process's app, so the factory building it
    # again failed every worker ('Sanic app name "Built" already in use.') and the run
    # ended; Sanic 25.12 fails the same way. The worker's factory now builds its app.
    port = free_port()
    (tmp_path / "app.py").write_text(FACTORY_APP.format(port=port))
    with running(["app.py", method], "127.0.0.1", port, cwd=tmp_path) as proc:
        deadline = time.monotonic() + 30
        answer = None
        while answer is None and time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
            time.sleep(0.2)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGINT)
        proc.wait(20)
    output = proc.stdout.read() if proc.stdout else ""
    assert answer is not None and answer.text == "Sanic-Server-", output
    assert "already in use" not in output
    assert proc.returncode == 0, output
