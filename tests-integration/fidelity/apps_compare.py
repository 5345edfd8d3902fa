"""Run an application under real Sanic 25.12 and under Hurtle the way its author does, and
diff what a user sees: the answers, the routes and the logs (``plugins/compare.py`` with
more ways to start and to talk to the app). Not a test (CI has no Sanic).

    SANIC_PY=/path/to/sanic-venv/bin/python HURTLE_PY=.venv/bin/python \
        python3 tests-integration/fidelity/apps_compare.py APP.py REQS.py [--main] [--show] [--logs]

``--main`` runs ``python APP.py`` itself (its ``app.run(...)`` reads the port from
``APP_PORT``), so the run's own options (debug, workers, ``single_process``...) and its
banner are compared; without it ``plugins/serve.py`` serves ``app``. The working directory
is APP.py's folder. Besides ``REQS`` and ``IGNORE``, REQS.py may define:

- ``CMD``: the interpreter's arguments instead (``["-m", "sanic", "mod:app", "--port",
  "{port}"]``), to compare the ``sanic`` command line;
- ``DRIVER(port) -> list[str]``: lines that replace the first request's answer (websocket
  clients, several ports, polling); run it with an interpreter that has what it imports;
- ``NOPORT = True``: the app serves no TCP port (a UNIX socket); wait 4 s instead.

Timestamps, durations, PIDs, ports and source paths are masked in the logs; the empty
``alt-svc`` field of Sanic's debug mode (kept, see README.md) is dropped.
"""

from __future__ import annotations

import os
import re
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))
import compare

compare.PYTHONS["sanic"] = os.environ.get("SANIC_PY", compare.PYTHONS["sanic"])
compare.PYTHONS["hurtle"] = os.environ.get("HURTLE_PY", compare.PYTHONS["hurtle"])
MAIN = "--main" in sys.argv
SPEC: dict[str, Any] = runpy.run_path(sys.argv[2]) if len(sys.argv) > 2 else {}
_send = compare.send
_normalized_log = compare.normalized_log


def send(port: int, req: tuple, ignore: set[str]) -> list[str]:
    return [line for line in _send(port, req, ignore) if line != "alt-svc: "]


def normalized_log(text: str) -> list[str]:
    text = re.sub(r"\b\d\d:\d\d:\d\d\b", "T", text)
    text = re.sub(r"\d+\.\dms", "Nms", text)
    text = re.sub(r"/\S+/(site-packages|src)/\S+", "SRC", text)
    text = re.sub(r"(Srv \d+|Main ) *", lambda m: m.group(1).strip() + " ", text)
    return _normalized_log(text)


def run(side: str, app_file: str, reqs: list[tuple], ignore: set[str]) -> tuple[list, str, str]:
    port = compare.free_port()
    routes_file = Path(f"/tmp/apps-compare-routes-{side}-{os.getpid()}.json")
    routes_file.unlink(missing_ok=True)
    env = dict(os.environ, ROUTES_OUT=str(routes_file), PYTHONUNBUFFERED="1",
               PYTHONHASHSEED="0", APP_FILE=app_file, APP_PORT=str(port))
    python = compare.PYTHONS[side]
    cmd = [python, app_file] if MAIN else [python, str(compare.HERE / "serve.py")]
    if SPEC.get("CMD") is not None:
        cmd = [python, *(arg.format(port=port) for arg in SPEC["CMD"])]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True,
                            cwd=os.path.dirname(os.path.abspath(app_file)))
    noport = bool(SPEC.get("NOPORT"))
    deadline, up = time.monotonic() + (4 if noport else 30), False
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            up = True
            break
        except OSError:
            time.sleep(0.1)
    if noport:
        up = proc.poll() is None
    time.sleep(0.5)
    driver = SPEC.get("DRIVER")
    if not up:
        answers = [["<no server>"] for _ in reqs]
    elif driver is not None:
        answers = [driver(port)] + [send(port, req, ignore) for req in reqs[1:]]
    else:
        answers = [send(port, req, ignore) for req in reqs]
    time.sleep(0.3)
    log = compare.stop(proc) + f"\n<exit {proc.returncode}>"
    routes = routes_file.read_text() if routes_file.exists() else "<none>"
    routes_file.unlink(missing_ok=True)
    return answers, routes, log


if __name__ == "__main__":
    compare.send = send
    compare.normalized_log = normalized_log
    compare.run = run
    sys.argv = [arg for arg in sys.argv if arg != "--main"]
    sys.exit(compare.main())
