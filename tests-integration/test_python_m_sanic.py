"""``python -m sanic server.app --host=... --port=... --workers=N`` (the seed docs' way of
running from the command line) and ``python -m sanic <target> exec <command>``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
from helpers import free_port, running

APP = """
import os
from sanic import Sanic
from sanic.response import json

app = Sanic("PythonDashM")

@app.get("/")
async def index(request):
    return json({"pid": os.getpid()})

@app.command
def hello(name: str = "world"):
    print("hello", name)
"""


def test_python_m_sanic_serves_with_workers(tmp_path: Path) -> None:
    (tmp_path / "server.py").write_text(APP)
    port = free_port()
    args = ["-m", "sanic", "server.app", "--host=127.0.0.1", f"--port={port}", "--workers=2"]
    with running(args, "127.0.0.1", port, cwd=tmp_path) as proc:
        pids = set()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(pids) < 2:
            with httpx.Client(timeout=30) as client:
                pids.add(client.get(f"http://127.0.0.1:{port}/").json()["pid"])
        assert pids and proc.pid not in pids
    assert proc.returncode == 0


def test_python_m_sanic_exec_runs_an_app_command(tmp_path: Path) -> None:
    (tmp_path / "server.py").write_text(APP)
    done = subprocess.run(
        [sys.executable, "-m", "sanic", "server.app", "exec", "hello", "--name", "hurtle"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "hello hurtle" in done.stdout
