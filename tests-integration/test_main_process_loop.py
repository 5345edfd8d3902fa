"""The main process of ``app.run()`` with workers runs its ``main_process_*`` listeners on
the loop Sanic 25.12 uses there: uvloop when installed, if ``USE_UVLOOP`` is True or left
at its default."""

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


DEBUG_APP = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("MainDebug")
app.get("/")(lambda request: text("ok"))

@app.main_process_start
def main_start(app):
    print("main_process_start ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, debug=True)
"""


def test_debug_run_logs_the_logo_and_the_start_method_as_sanic_does(tmp_path: Path) -> None:
    """In debug mode Sanic 25.12's main process logs its logo (DEBUG) before the banner
    lines and, after the main_process_start listeners, which multiprocessing start method
    it uses."""
    from hurtle_app.motd import get_logo

    port = free_port()
    script = tmp_path / "main_debug_app.py"
    script.write_text(textwrap.dedent(DEBUG_APP).format(port=port))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text == "ok"
    output = proc.stdout.read() if proc.stdout else ""
    logo = get_logo().strip().splitlines()[0].strip()
    assert logo in output
    assert output.index(logo) < output.index("Goin' Fast @")
    context = "DEBUG: Creating multiprocessing context using 'spawn'"
    assert context in output
    assert output.index("main_process_start ran") < output.index(context)
