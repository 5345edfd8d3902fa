"""Log records, report_exception calls and lifecycle signals for every app_exc.py case.

    python3 tests-integration/fidelity/exceptions2/compare.py logs        # NOISY off
    python3 tests-integration/fidelity/exceptions2/compare.py logs noisy  # NOISY_EXCEPTIONS

One server (sanic_testing's ReusableClient) answers /x/<case> for every case, then the
middleware, signal and background-task routes; per request it prints the status and what
the log, ``report_exception`` and ``http.lifecycle.exception`` saw.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_exc import CASES, build

from sanic_testing.reusable import ReusableClient

recs: list[tuple] = []


class Recorder(logging.Handler):
    def emit(self, r: logging.LogRecord) -> None:
        if r.name in ("sanic.access", "sanic.server") or not (
            r.name.startswith("sanic") or r.name in ("root", "asyncio")
        ):
            return
        msg = r.getMessage()
        if r.name == "sanic.root" and r.levelno < logging.WARNING:
            return
        first = msg.splitlines()[0][:160] if msg else msg
        first = first.replace("127.0.0.1", "H")
        first = re.sub(r"H:\d+", "H:PORT", first)
        err = type(r.exc_info[1]).__name__ if r.exc_info and r.exc_info[1] else None
        recs.append((r.name, r.levelname, first, err))


logging.getLogger().addHandler(Recorder())
logging.getLogger().setLevel(logging.DEBUG)

app = build("Exc2Logs")
app.config.TOUCHUP = False
if "noisy" in sys.argv[1:]:
    app.config.NOISY_EXCEPTIONS = True
seen: list[tuple] = []


@app.report_exception
async def report(app, exc):
    seen.append(("report", type(exc).__name__))


@app.signal("http.lifecycle.exception")
async def lifecycle(request, exception):
    seen.append(("lifecycle", type(exception).__name__))


paths = [f"/x/{c}" for c in CASES if c != "hdr_inst"]
for case in ("bare_SanicException", "bare_NotFound", "valueerror", "quiet_500", "teapot"):
    # No /task/: under ReusableClient Sanic's add_task from a handler never runs the task
    # (logs_served.py compares tasks under app.run).
    paths += [f"/mw/{case}", f"/rmw/{case}", f"/sig/{case}", f"/sigbg/{case}"]

with ReusableClient(app) as client:
    for path in paths:
        recs.clear()
        seen.clear()
        _, resp = client.get(path, headers={"accept": "application/json"})
        time.sleep(0.08)  # background tasks and dispatches finish (bounded)
        print("==", path, resp.status)
        for r in recs:
            print("   log", r)
        for s in seen:
            print("   ", *s)
