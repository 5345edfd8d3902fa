"""The inspector as users run it: INSPECTOR=True on a multi-worker app, real processes.

The app runs in a subprocess; the test talks to its inspector with the client that
``sanic inspect`` uses and with the ``sanic inspect`` command itself.
"""

from __future__ import annotations

import platform
import subprocess
import sys
import textwrap
import time
from datetime import datetime
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
        # Sanic's info: the start-up banner's facts.
        assert (info["app"], info["mode"]) == ("Inspected", "production, w/ 2 workers")
        assert info["server"] == "sanic, HTTP/1.1" and info["extra"] == {}
        assert {"sanic==25.12.0", "sanic-routing==23.12.0"} <= set(info["packages"])
        assert info["python"] == platform.python_version()

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
        assert wait_for(lambda: len(server_workers(client)) == 3 and all(
            w.get("state") == "ACKED" and w.get("pid") not in before
            for w in server_workers(client).values()
        ))

        for entry in server_workers(client).values():
            # ISO 8601 dates, as Sanic's inspector sends them; a restart keeps the first
            # start and adds when it restarted.
            started = datetime.fromisoformat(entry["start_at"])
            assert datetime.fromisoformat(entry["restart_at"]) > started
            assert entry["starts"] == 2

        client.do("shutdown")
        proc.wait(timeout=30)
    assert proc.returncode == 0
    output = proc.stdout.read() if proc.stdout else ""
    # The inspector's process logs like Sanic's, under its own prefix.
    assert any(line.startswith("Inspector ") and "Worker ready" in line
               for line in output.splitlines()), output
    assert "Incoming inspector action: scale" in output
    assert "Incoming inspector action: shutdown" in output


TLS_APP = """
from sanic import Sanic
from sanic.response import text

app = Sanic("InspectedOverTLS")
app.config.INSPECTOR = True
app.config.INSPECTOR_HOST = "localhost"
app.config.INSPECTOR_PORT = {inspector_port}
app.config.INSPECTOR_API_KEY = "s3cret"
app.config.INSPECTOR_TLS_CERT = {cert!r}
app.config.INSPECTOR_TLS_KEY = {key!r}
app.get("/")(lambda request: text("hi"))

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=1, motd=False)
"""


def test_sanic_inspect_secure_verifies_the_inspectors_certificate(tmp_path: Path) -> None:
    # `sanic inspect --secure` sends the API key; it accepted any certificate, so whoever
    # answered on that port got the key. As Sanic's, it now verifies the certificate: one
    # the system does not trust fails, and is trusted through SSL_CERT_FILE.
    import os

    import trustme

    authority = trustme.CA()
    issued = authority.issue_cert("localhost")
    cert, key, ca = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    issued.cert_chain_pems[0].write_to_path(str(cert))
    issued.private_key_pem.write_to_path(str(key))
    authority.cert_pem.write_to_path(str(ca))
    port, inspector_port = free_port(), free_port()
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(TLS_APP).format(
        port=port, inspector_port=inspector_port, cert=str(cert), key=str(key)))
    command = [sys.executable, "-m", "hurtle_cli", "inspect", "--secure", "--port",
               str(inspector_port), "--api-key", "s3cret", "--raw"]
    env = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    with running([str(script)], "127.0.0.1", inspector_port, cwd=tmp_path):
        untrusted = subprocess.run(command, capture_output=True, text=True, timeout=30,
                                   env=env)
        trusted = subprocess.run(command, capture_output=True, text=True, timeout=30,
                                 env={**env, "SSL_CERT_FILE": str(ca)})
    assert untrusted.returncode == 1
    assert "CERTIFICATE_VERIFY_FAILED" in untrusted.stdout + untrusted.stderr
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert '"app":"InspectedOverTLS"' in trusted.stdout
