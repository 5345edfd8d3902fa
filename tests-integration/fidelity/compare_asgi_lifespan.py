"""`asgi3_lifespan.py` under uvicorn, real Sanic and Hurtle: listeners, tasks, signals,
exit code and log, diffed ("ASGI mode, third audit" in README.md).

    python3 tests-integration/fidelity/compare_asgi_lifespan.py [MODE] [PATH,PATH...]

MODE (the app's `MODE`): "" (plain), stubborn, raiser, callables, bss_raise, ass_raise,
bsts_raise, asts_raise, bss_bare, bss_sanicexc, bss_kbd, bss_exit, bss_cancel. The paths
are requested (one connection each) before SIGINT goes to the server's PID. Events go to
`$TMPDIR/asgi3_lev_<side>.txt`. `SANIC_PY` / `HURTLE_PY` choose the interpreters.
Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

import compare_asgi_raw as raw_tool

HERE = os.path.dirname(os.path.abspath(__file__))


def observe(python: str, mode: str, paths: list[str], events: str) -> dict[str, object]:
    open(events, "w").close()
    port = raw_tool.free_port()
    env = dict(os.environ, EVENTS=events, MODE=mode)
    proc = subprocess.Popen(
        [python, "-m", "uvicorn", "asgi3_lifespan:app", "--host", "127.0.0.1", "--port",
         str(port)], cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
        start_new_session=True,
    )
    answers = []
    for _ in range(60):
        if proc.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
        except OSError:
            time.sleep(0.1)
            continue
        for path in paths:
            request = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
            answers.append(raw_tool.exchange(port, request).split("\n\n", 1)[-1])
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        break
    try:
        code: object = proc.wait(15)
    except subprocess.TimeoutExpired:
        code = "TIMEOUT"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    log = [
        re.sub(r"0x[0-9a-f]+|\d+", "N", line) for line in out.splitlines()
        if not (line.startswith("Main") and "INFO: " in line) and not line.startswith("  ")
    ]
    with open(events) as lines:
        return {"rc": code, "answers": answers, "events": lines.read().splitlines(), "log": log}


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    paths = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else ["/"]
    tmp = tempfile.gettempdir()
    seen = {
        side: observe(python, mode, paths, os.path.join(tmp, f"asgi3_lev_{side}.txt"))
        for side, python in (("sanic", raw_tool.SANIC_PY), ("hurtle", raw_tool.HURTLE_PY))
    }
    differ = 0
    for key in ("rc", "answers", "events", "log"):
        a = json.dumps(seen["sanic"][key], indent=0).splitlines()
        b = json.dumps(seen["hurtle"][key], indent=0).splitlines()
        if a == b:
            print(f"same {key}")
            continue
        differ += 1
        print(f"DIFF {key}")
        for line in difflib.unified_diff(a, b, "sanic", "hurtle", lineterm="", n=2):
            print("    " + line[:300])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
