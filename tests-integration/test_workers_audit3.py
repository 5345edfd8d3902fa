"""Serving, workers and inspector, third audit: what differed from Sanic 25.12 with real
processes on loopback (each test runs a script to its end, or stops it by its PID)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import free_port

SERVE_SINGLE_TWO_APPS = """
from sanic import Sanic
from hurtle_http.response import text

primary = Sanic("PrimaryOne")
other = Sanic("OtherOne")


@primary.get("/")
async def index(request):
    return text("primary")


@other.get("/")
async def other_index(request):
    return text("other")


@other.main_process_start
async def other_start(app):
    print("other main_process_start ran", flush=True)


@other.main_process_stop
async def other_stop(app):
    print("other main_process_stop ran", flush=True)


@primary.after_server_start
async def done(app):
    app.stop()


if __name__ == "__main__":
    primary.prepare(host="127.0.0.1", port={port}, motd=False)
    other.prepare(host="127.0.0.1", port={other_port}, motd=False)
    Sanic.serve_single(primary)
"""


def test_serve_single_warns_that_other_apps_main_process_listeners_are_ignored(
    tmp_path: Path,
) -> None:
    # Sanic.serve_single() with two apps runs no main_process_* listener of the other
    # app, and Sanic says so with a warning naming the primary app. Hurtle ignored them
    # without a word.
    script = tmp_path / "two_apps.py"
    script.write_text(textwrap.dedent(SERVE_SINGLE_TWO_APPS).format(
        port=free_port(), other_port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING: Sanic found 2 listener(s) on secondary applications attached to the " \
        "main process. These will be ignored since main process listeners can only be " \
        'attached to your primary application: Sanic(name="PrimaryOne")' in output
    assert "other main_process" not in output
