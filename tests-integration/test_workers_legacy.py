"""``app.run(legacy=True)``: the pre-manager runner of Sanic 22.9-23.x (seed 004).

Several plain worker processes on one socket with no manager (no ``app.m``, no respawn),
an ``ssl.SSLContext`` accepted (workers are forked), and the old program-restarting
auto-reloader. Each test runs its own server subprocess, stopped by its PID.
"""

from __future__ import annotations

import ssl
import textwrap
import time
from pathlib import Path

import httpx
import trustme
from helpers import edit_until, free_port, poll_text, running

APP = """
import os, ssl
from sanic import Sanic
from hurtle_http.response import json

app = Sanic("Legacy")

@app.main_process_start
async def main_start(app, loop):
    print("main_process_start", os.getpid(), flush=True)

@app.get("/")
async def index(request):
    try:
        manager = request.app.m.name
    except AttributeError:
        manager = None
    return json({{"pid": os.getpid(), "parent": os.getppid(), "m": manager}})

@app.get("/exit")
async def leave(request):
    os._exit(4)

if __name__ == "__main__":
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain({cert!r}, {key!r})
    app.run(host="127.0.0.1", port={port}, workers=2, legacy=True, ssl=context)
"""


def test_legacy_workers_share_the_socket_without_a_manager(tmp_path: Path) -> None:
    authority = trustme.CA()
    leaf = authority.issue_cert("127.0.0.1")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    leaf.cert_chain_pems[0].write_to_path(str(cert))
    leaf.private_key_pem.write_to_path(str(key))
    verify = ssl.create_default_context()
    authority.configure_trust(verify)
    port = free_port()
    script = tmp_path / "legacy_app.py"
    script.write_text(textwrap.dedent(APP).format(port=port, cert=str(cert), key=str(key)))
    url = f"https://127.0.0.1:{port}"
    bodies: dict[int, dict] = {}
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        deadline = time.monotonic() + 20
        with httpx.Client(verify=verify, timeout=10,
                          limits=httpx.Limits(max_keepalive_connections=0)) as client:
            while len(bodies) < 2 and time.monotonic() < deadline:
                body = client.get(url).json()
                bodies[body["pid"]] = body
                time.sleep(0.02)
            try:
                client.get(f"{url}/exit")
            except httpx.HTTPError:
                pass  # that worker is gone mid-request
            time.sleep(0.5)  # past the runner's 0.1 s look at its workers
            after = {client.get(url).json()["pid"] for _ in range(6)}
    output = proc.stdout.read() if proc.stdout else ""
    assert len(bodies) == 2
    assert all(b["parent"] == proc.pid and b["m"] is None for b in bodies.values())
    # The dead worker is reported, not replaced: the other one serves alone.
    assert len(after) == 1 and after <= set(bodies)
    assert "exited with code 4. The legacy runner does not restart workers" in output
    assert [line for line in output.splitlines() if line.startswith("main_process_start")] \
        == [f"main_process_start {proc.pid}"]
    assert proc.returncode == 0


RELOAD_APP = """
import os
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("LegacyReload")

@app.get("/")
async def index(request):
    return text("VERSION-1 " + os.environ.get("SANIC_SERVER_RUNNING", "-"))

if __name__ == "__main__":
    app.config.RELOADER_INTERVAL = 0.1
    app.run(host="127.0.0.1", port={port}, legacy=True, auto_reload=True)
"""


def test_legacy_auto_reload_reruns_the_program_on_change(tmp_path: Path) -> None:
    port = free_port()
    script = tmp_path / "legacy_reload.py"
    script.write_text(textwrap.dedent(RELOAD_APP).format(port=port))
    url = f"http://127.0.0.1:{port}/"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        first = poll_text(url, "VERSION-1 true", timeout=20.0)
        source = script.read_text().replace("VERSION-1", "VERSION-2")
        second = edit_until(script, source, url, "VERSION-2 true")
    output = proc.stdout.read() if proc.stdout else ""
    assert (first, second) == ("VERSION-1 true", "VERSION-2 true")
    assert f"Change detected in {script}" in output


STOPPING_APP = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("LegacyStop")
app.get("/")(lambda request: text("hi"))

@app.after_server_start
async def done(app):
    app.stop()  # each worker stops on request

@app.main_process_stop
async def main_stop(app):
    print("main_process_stop ran", flush=True)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2, legacy=True, motd=False)
"""


def test_legacy_workers_stopping_on_request_end_the_run_without_an_error(tmp_path) -> None:
    # app.stop() in every legacy worker: each exits 0. That was reported as an ERROR per
    # worker ("exited with code 0 ... does not restart workers") and the run exited 1.
    import subprocess
    import sys

    script = tmp_path / "legacy_stop.py"
    script.write_text(textwrap.dedent(STOPPING_APP).format(port=free_port()))
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "ERROR" not in output, output
    assert output.count("stopped (exit code 0)") == 2
    assert "Every worker has stopped; shutting down." in output
    assert "main_process_stop ran" in output
