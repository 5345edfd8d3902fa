"""``app.inspector`` in the main process once the inspector runs (Sanic's access point for
custom inspector commands), and the error it gives before that."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import free_port

APP = """
import sys
from sanic import Sanic, text
from sanic.exceptions import SanicException

app = Sanic("InspectorAttr")
app.config.INSPECTOR = True
app.config.INSPECTOR_PORT = {inspector_port}

try:
    app.inspector
except SanicException as exc:
    print("before:", "main_process_start" in str(exc), flush=True)

@app.main_process_ready
async def ready(app):
    print("ready:", type(app.inspector).__name__, flush=True)
    app.stop()

@app.get("/")
async def index(request):
    return text("ok")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, motd=False)
"""


def test_app_inspector_is_the_running_inspector(tmp_path: Path) -> None:
    script = tmp_path / "inspector_attr.py"
    script.write_text(APP.format(inspector_port=free_port(), port=free_port()))
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert "before: True" in done.stdout
    assert "ready: Inspector" in done.stdout, done.stdout + done.stderr
