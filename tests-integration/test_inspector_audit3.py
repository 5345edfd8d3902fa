"""The inspector's view of the workers during a reload, with real processes (third audit)."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

from helpers import free_port, running

from hurtle_inspector import InspectorClient

APP = """
import asyncio
from sanic import Sanic
from sanic.response import text

Sanic.start_method = "fork"  # replacements start without importing everything again
app = Sanic("ReloadWatched")
app.config.INSPECTOR = True
app.config.INSPECTOR_HOST = "127.0.0.1"
app.config.INSPECTOR_PORT = {inspector_port}

@app.before_server_stop
async def drain(app):
    await asyncio.sleep(1.0)  # a stop that takes a while: the reload is seen under way

app.get("/")(lambda request: text("hi"))

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2, motd=False)
"""


def servers(client: InspectorClient) -> dict[str, dict]:
    return {n: w for n, w in client.info()["workers"].items() if w.get("server")}


def test_a_worker_being_reloaded_is_listed_with_its_old_pid(tmp_path: Path) -> None:
    # As Sanic: while a worker restarts (RESTARTING, then STARTING) its entry keeps the
    # pid of the process being replaced. Hurtle's said "pid": null there.
    port, inspector_port = free_port(), free_port()
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP).format(port=port, inspector_port=inspector_port))
    client = InspectorClient("127.0.0.1", inspector_port, timeout=5)
    with running([str(script)], "127.0.0.1", inspector_port, cwd=tmp_path):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            workers = servers(client)
            if len(workers) == 2 and all(w["state"] == "ACKED" for w in workers.values()):
                break
            time.sleep(0.1)
        old = {name: w["pid"] for name, w in servers(client).items()}
        assert len(old) == 2 and all(isinstance(pid, int) for pid in old.values())
        client.do("reload")
        under_way: list[tuple[str, str, object]] = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            workers = servers(client)
            under_way += [(name, w["state"], w.get("pid")) for name, w in workers.items()
                          if w["state"] in ("RESTARTING", "STARTING")]
            if all(w["state"] == "ACKED" and w["pid"] not in old.values()
                   for w in workers.values()):
                break
            time.sleep(0.05)
    assert under_way, "the reload was never seen under way"
    assert [(name, pid) for name, _, pid in under_way] == [
        (name, old[name]) for name, _, _ in under_way]
