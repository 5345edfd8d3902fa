"""The real sanic-ext 25.12 runs on Hurtle unchanged.

A scratch venv gets every workspace package (editable) plus sanic-ext installed with
``--no-deps`` (so the real ``sanic`` never comes in) and sanic-ext's imports (pyyaml,
pydantic, jinja2); an app using OpenAPI docs, ``@validate``, CORS, dependency injection,
templates and auto HEAD/OPTIONS is then driven through ASGI. Installs go through ``uv``
(its cache makes reruns fast).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from helpers import free_port, plugin_venv, run_checked, wait_for_port

HERE = Path(__file__).parent / "sanic_ext_app"


@pytest.fixture(scope="module")
def python(tmp_path_factory: pytest.TempPathFactory) -> str:
    return plugin_venv(
        tmp_path_factory.mktemp("sanic-ext"),
        ["sanic-ext==25.12.0"],
        ["pyyaml", "pydantic", "jinja2", "httpx"],
    )


def test_sanic_ext_features_work(python: str) -> None:
    results = json.loads(run_checked(python, str(HERE / "check.py")).strip().splitlines()[-1])
    assert results == {name: True for name in results}
    assert len(results) == 15


def _reports_both(response: httpx.Response) -> bool:
    """Whether the health answer lists the logger and the worker as serving. A request
    waiting when the worker starts serving is answered while its after_server_start
    listeners (sanic-ext's own among them) still run, before the worker marks itself
    serving, as in Sanic: the first answer may say "serving": false."""
    try:
        workers = response.json()
    except ValueError:
        return False
    server = workers.get("Sanic-Server-0-0")
    return "Sanic-Logger-0" in workers and isinstance(server, dict) and server.get(
        "serving") is True


@pytest.mark.parametrize("setup", ["explicit", "auto"])
def test_health_endpoint_reports_the_running_processes(python: str, setup: str) -> None:
    # sanic-ext's HEALTH_ENDPOINT answers json(Inspector._make_safe(dict(app.m.workers)))
    # from a worker of app.run(); its background logger runs as a managed process. With
    # "auto", the main process must load sanic-ext before main_process_start (the logger
    # queue the workers use is made there).
    port = free_port()
    proc = subprocess.Popen(
        [python, str(HERE / "healthapp.py"), str(port), setup], stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        wait_for_port("127.0.0.1", port, proc, timeout=30)
        deadline = time.monotonic() + 60
        response = None
        while time.monotonic() < deadline:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/__health__", timeout=10)
            except httpx.HTTPError:  # the worker may still be starting
                time.sleep(0.2)
                continue
            if _reports_both(response):
                break
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGINT)  # the main process stops its workers
        try:
            output, _ = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            output, _ = proc.communicate(timeout=5)
    assert response is not None and response.status_code == 200, output
    workers = response.json()
    assert workers["Sanic-Server-0-0"]["serving"] is True
    assert workers["Sanic-Logger-0"]["start_at"].startswith("20")
