"""``sanic.server.serve`` and ``serve_multiple``: Sanic's low-level entry points (the seed
docs name ``serve_multiple(server_settings, workers)``), each in its own subprocess."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import httpx
from helpers import free_port, running

APP = """
import os, sys
from sanic import Sanic
from sanic.response import json
from sanic.server import serve, serve_multiple

app = Sanic("LowLevel")

@app.before_server_start
async def started(app):
    print("worker started", os.getpid(), flush=True)

@app.get("/")
async def index(request):
    return json({{"pid": os.getpid()}})

if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(host="127.0.0.1", port={port}, app=app)
    else:
        serve_multiple({{"app": app, "host": "127.0.0.1", "port": {port}}}, 2)
"""


def _script(tmp_path: Path, port: int) -> Path:
    script = tmp_path / "low_level_app.py"
    script.write_text(textwrap.dedent(APP).format(port=port))
    return script


def test_serve_runs_the_app_with_its_listeners(tmp_path: Path) -> None:
    port = free_port()
    script = _script(tmp_path, port)
    with running([str(script), "serve"], "127.0.0.1", port) as proc:
        response = httpx.get(f"http://127.0.0.1:{port}/", timeout=30)
        assert response.status_code == 200
        assert response.json()["pid"] == proc.pid
    output = proc.stdout.read() if proc.stdout else ""
    assert f"worker started {proc.pid}" in output
    assert proc.returncode == 0


def test_serve_multiple_forks_workers_on_one_socket(tmp_path: Path) -> None:
    port = free_port()
    script = _script(tmp_path, port)
    with running([str(script), "multiple"], "127.0.0.1", port) as proc:
        pids = set()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(pids) < 2:
            with httpx.Client(timeout=30) as client:  # a new connection each time
                pids.add(client.get(f"http://127.0.0.1:{port}/").json()["pid"])
        assert proc.pid not in pids
    output = proc.stdout.read() if proc.stdout else ""
    assert output.count("worker started") == 2
