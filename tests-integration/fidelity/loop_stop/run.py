"""loop.stop() in a before_server_start / after_server_start listener, Sanic vs Hurtle.

    python3 tests-integration/fidelity/loop_stop/run.py

Runs app.py under each interpreter (REF_PYTHON: Sanic 25.12; HURTLE_PYTHON: this checkout),
single process and with the worker manager, stopping the loop in each listener; prints the
steps that ran (listeners, whether a request is answered), the exit status, and the last
error-looking line. Every run is bounded (18 s, then SIGTERM/SIGKILL by PID).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", str(HERE.parents[2] / ".venv/bin/python"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def probe(port: int) -> str:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            s.settimeout(2)
            data = s.recv(1000)
            return data.split(b"\r\n", 1)[0].decode() or "closed"
    except OSError as exc:
        return type(exc).__name__


def one(python: str, where: str, mode: str) -> tuple[list[str], str, int | str, str]:
    port = free_port()
    env = {**os.environ, "LOOP_STOP_IN": where, "MODE": mode, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [python, str(HERE / "app.py"), str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    time.sleep(8)
    answer = probe(port) if proc.poll() is None else "(exited)"
    if proc.poll() is None:
        proc.terminate()
    try:
        out, _ = proc.communicate(timeout=10)
        code: int | str = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        code = "killed"
    lines = out.splitlines()
    steps = [line.split("STEP ", 1)[1].split(" pid=")[0] for line in lines if "STEP " in line]
    errors = [
        line.strip() for line in lines
        if "Error" in line or "error" in line or "Traceback" in line
    ]
    return steps, answer, code, errors[-1][:160] if errors else ""


def main() -> int:
    for mode in ("single", "workers"):
        for where in ("before_server_start", "after_server_start"):
            print(f"== {mode}: loop.stop() in {where}")
            for name, python in (("sanic", REF_PY), ("hurtle", HURTLE_PY)):
                steps, answer, code, error = one(python, where, mode)
                print(f"  {name:6} exit {code}; GET / -> {answer}")
                print(f"         steps: {', '.join(steps)}")
                if error:
                    print(f"         last error line: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
