"""The inspector as users run it: INSPECTOR=True on a multi-worker app, real processes.

The app runs in a subprocess; the test talks to its inspector with the client that
``sanic inspect`` uses and with the ``sanic inspect`` command itself.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import free_port, running

from hurtle_inspector import InspectorClient, InspectorError

APP = """
import os, sys
from sanic import Sanic
from sanic.response import text
from sanic.worker.inspector import Inspector

class MyInspector(Inspector):
    def hello(self, name="world"):
        return f"hello {{name}}"

app = Sanic("Inspected", inspector_class=MyInspector)
app.config.INSPECTOR = True
app.config.INSPECTOR_HOST = "127.0.0.1"
app.config.INSPECTOR_PORT = {inspector_port}
app.config.INSPECTOR_API_KEY = "s3cret"

@app.get("/")
async def index(request):
    return text(str(os.getpid()))

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2, motd=False)
"""


def server_workers(client: InspectorClient) -> dict[str, dict]:
    workers = client.info()["workers"]
    return {name: w for name, w in workers.items() if w.get("server")}


def wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_inspector_reports_scales_runs_custom_commands_and_shuts_down(tmp_path: Path) -> None:
    port, inspector_port = free_port(), free_port()
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP).format(port=port, inspector_port=inspector_port))
    client = InspectorClient("127.0.0.1", inspector_port, api_key="s3cret")
    with running([str(script)], "127.0.0.1", inspector_port, cwd=tmp_path) as proc:
        assert wait_for(lambda: len(server_workers(client)) == 2)
        info = client.info()["info"]
        assert (info["app"], info["port"], info["workers"]) == ("Inspected", port, 2)

        with pytest.raises(InspectorError, match="401"):
            InspectorClient("127.0.0.1", inspector_port, api_key="wrong").info()

        assert client.do("hello", name="bob") == "hello bob"

        cli = subprocess.run(
            [sys.executable, "-m", "hurtle_cli", "inspect", "--host", "127.0.0.1",
             "--port", str(inspector_port), "--api-key", "s3cret", "scale", "3"],
            capture_output=True, text=True, timeout=30,
        )
        assert cli.returncode == 0, cli.stderr
        assert "Scaling to 3" in cli.stdout
        assert wait_for(lambda: len(server_workers(client)) == 3)

        before = {w["pid"] for w in server_workers(client).values()}
        client.do("reload")
        assert wait_for(lambda: before.isdisjoint(
            w.get("pid") for w in server_workers(client).values()
        ) and len(server_workers(client)) == 3)

        client.do("shutdown")
        proc.wait(timeout=30)
    assert proc.returncode == 0
