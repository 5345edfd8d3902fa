"""``app.config.RELOADED_FILES`` in restarted workers, Sanic vs Hurtle.

    python3 tests-integration/fidelity/reloaded_files/run.py

Runs app.py under each interpreter (REF_PYTHON: Sanic 25.12; HURTLE_PYTHON: this
checkout) with auto-reload, then: edits a file of the reload dir, asks for
``app.m.restart()``, then for ``app.m.restart(zero_downtime=True)``; prints the value each
new worker found. Each step waits for a new worker (at most 30 s); the run ends with
SIGINT (SIGKILL after 15 s), by PID.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", str(HERE.parents[2] / ".venv/bin/python"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3) as answer:
            return answer.read().decode()
    except OSError as exc:
        return type(exc).__name__


def lines(out: Path) -> list[str]:
    return out.read_text().splitlines() if out.exists() else []


def wait_for(out: Path, count: int, poke: object = None, limit: float = 30.0) -> None:
    """Until ``out`` has ``count`` lines; ``poke()`` first and then every 8 s."""
    deadline = time.monotonic() + limit
    poked = 0.0
    while len(lines(out)) < count and time.monotonic() < deadline:
        if callable(poke) and time.monotonic() - poked > 8:
            poke()
            poked = time.monotonic()
        time.sleep(0.2)


def one(python: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        watched, out = Path(tmp, "watched"), Path(tmp, "out")
        watched.mkdir()
        page = watched / "page.html"
        page.write_text("0")
        port = free_port()
        proc = subprocess.Popen(
            [python, str(HERE / "app.py"), str(port), str(watched), str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(out, 1)
            while get(port, "/") != "ok" and proc.poll() is None:
                time.sleep(0.2)
            edits = iter(range(1, 100))
            # The reloader's first look may come after an edit: edit until a worker restarts.
            wait_for(out, 2, poke=lambda: page.write_text(str(next(edits))), limit=45)
            get(port, "/restart")
            wait_for(out, 3)
            get(port, "/restart-zd")
            wait_for(out, 4)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return lines(out)


def main() -> int:
    for name, python in (("sanic", REF_PY), ("hurtle", HURTLE_PY)):
        print(f"{name:6}", " | ".join(one(python)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
