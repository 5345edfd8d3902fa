"""The main process of ``app.run()`` with workers runs its ``main_process_*`` listeners on
the loop Sanic 25.12 uses there: uvloop when installed, unless ``USE_UVLOOP`` is False."""

from __future__ import annotations

import textwrap
from pathlib import Path

import httpx
import pytest
from helpers import free_port, running

APP = """
import asyncio
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("MainLoop")
app.get("/")(lambda request: text("ok"))

@app.main_process_start
async def main_start(app, loop):
    print("main loop:", type(loop).__module__, flush=True)

if __name__ == "__main__":
    app.config.USE_UVLOOP = {use_uvloop}
    app.run(host="127.0.0.1", port={port}, workers=1)
"""


@pytest.mark.parametrize(("use_uvloop", "module"), [(True, "uvloop"), (False, "asyncio")])
def test_main_process_listeners_run_on_uvloop_unless_turned_off(
    tmp_path: Path, use_uvloop: bool, module: str
) -> None:
    port = free_port()
    script = tmp_path / "main_loop_app.py"
    script.write_text(textwrap.dedent(APP).format(port=port, use_uvloop=use_uvloop))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text == "ok"
    output = proc.stdout.read() if proc.stdout else ""
    lines = [line for line in output.splitlines() if line.startswith("main loop:")]
    assert len(lines) == 1
    assert lines[0].split(": ", 1)[1].split(".")[0] == module
