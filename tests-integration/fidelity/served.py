"""One app folder served under Sanic 25.12 or this checkout, for the raw-socket scripts.

``serve(python, folder)`` starts ``folder/app.py``'s ``app`` with ``app.run(single_process=
True)`` on a free loopback port and returns ``(process, port)`` once it accepts
connections. Used by ``refused_body/``, ``ws_peer_gone/``, ``timeouts_zero/`` and the
scripts of "Leftovers, fourth pass".
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", str(HERE.parents[1] / ".venv/bin/python"))
RUNNER = (
    "import sys; sys.path.insert(0, {here!r}); from app import app; "
    "app.run(host='127.0.0.1', port={port}, single_process=True, access_log=False, motd=False)"
)


def free_port() -> int:
    """A loopback TCP port free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(python: str, folder: Path, *, env: dict[str, str] | None = None,
          stdout: int | None = subprocess.DEVNULL, stderr: int | None = subprocess.DEVNULL,
          start_within: float = 30.0) -> tuple[subprocess.Popen, int]:
    """Start ``folder``'s app under ``python``; ``(process, port)`` once it accepts."""
    port = free_port()
    proc = subprocess.Popen(
        [python, "-c", RUNNER.format(here=str(folder), port=port)],
        env=env, stdout=stdout, stderr=stderr,
    )
    deadline = time.monotonic() + start_within
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{python}: the server did not start")
