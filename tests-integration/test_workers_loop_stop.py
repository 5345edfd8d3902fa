"""loop.stop() in a worker's start listener: a stop of that worker, as in Sanic."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from helpers import free_port

APP = """
import asyncio
from sanic import Sanic
from sanic.response import text

app = Sanic("LoopStopWorker")

@app.get("/")
async def index(request):
    return text("ok")

def listener(event):
    def run(app):
        print("STEP", event, flush=True)
        if event == "after_server_start":
            asyncio.get_running_loop().stop()
    return run

for event in ("before_server_start", "after_server_start", "before_server_stop",
              "after_server_stop"):
    app.register_listener(listener(event), event)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def test_loop_stop_in_after_server_start_runs_the_stop_listeners_once(tmp_path) -> None:
    # The worker raised "Event loop stopped before Future completed", exited 1 and was
    # respawned again and again, never running its stop listeners. As Sanic now: the
    # stop listeners run, the worker is not respawned (and, as it was the only one,
    # Hurtle's main process ends; Sanic's stays until a signal).
    script = tmp_path / "loop_stop.py"
    script.write_text(textwrap.dedent(APP).format(port=free_port()))
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
        timeout=60,
    )
    output = proc.stdout + proc.stderr
    steps = [line.split()[1] for line in output.splitlines() if line.startswith("STEP ")]
    assert steps == [
        "before_server_start", "after_server_start", "before_server_stop", "after_server_stop"
    ], output
    assert "Event loop stopped" not in output and "unexpectedly" not in output
    assert proc.returncode == 0
