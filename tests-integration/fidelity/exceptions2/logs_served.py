"""Log records and reports of errors from tasks, signals, middleware and quiet exceptions,
with app_exc.py served by ``app.run(single_process=True)`` (the real server).

    python3 tests-integration/fidelity/exceptions2/compare.py logs_served [noisy]

(``logs.py`` uses sanic_testing's ReusableClient, under which Sanic's ``add_task`` from a
handler never runs the task: its loop is not "running" there.)
"""

from __future__ import annotations

import logging
import re
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_exc import build

recs: list[str] = []


class Recorder(logging.Handler):
    def emit(self, r: logging.LogRecord) -> None:
        if r.name in ("sanic.access", "sanic.server") or (
            r.name == "sanic.root" and r.levelno < logging.WARNING
        ):
            return
        if not (r.name.startswith("sanic") or r.name in ("root", "asyncio")):
            return
        msg = r.getMessage()
        first = re.sub(r"127\.0\.0\.1:\d+", "H", msg.splitlines()[0][:160] if msg else msg)
        err = type(r.exc_info[1]).__name__ if r.exc_info and r.exc_info[1] else None
        recs.append(f"   log {r.name} {r.levelname} {first!r} {err}")


app = build("Exc2Served")
if "noisy" in sys.argv[1:]:
    app.config.NOISY_EXCEPTIONS = True


@app.report_exception
async def report(app, exc):
    recs.append(f"   report {type(exc).__name__}")


@app.signal("http.lifecycle.exception")
async def lifecycle(request, exception):
    recs.append(f"   lifecycle {type(exception).__name__}")


PATHS = [
    "/x/quiet_500",
    "/x/teapot",
    "/x/ctx_500",
    "/x/bare_NotFound",
    "/x/valueerror",
    "/x/bare_ServerKilled",
    "/x/bare_RequestCancelled",
    "/x/bare_WebsocketClosed",
    "/x/pyfile",
    "/x/bare_LoadFileException",
    "/x/bare_InvalidSignal",
    "/x/st_503",
    "/x/bare_ServiceUnavailable",
    "/x/bare_URLBuildError",
    "/x/vague",
]
for case in ("bare_SanicException", "bare_NotFound", "valueerror", "quiet_500", "teapot"):
    PATHS += [f"/mw/{case}", f"/rmw/{case}", f"/sig/{case}", f"/sigbg/{case}", f"/task/{case}"]
OUT: list[str] = []


def client(port: int, loop) -> None:
    try:
        for path in PATHS:
            recs.clear()
            req = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers={"Accept": "application/json"}
            )
            try:
                with urllib.request.urlopen(req, timeout=5) as resp:
                    status = resp.status
            except urllib.error.HTTPError as e:
                status = e.code
            except Exception as e:
                status = f"no answer ({type(e).__name__})"
            time.sleep(0.15)  # a background task or dispatch ends (bounded)
            OUT.append(f"== {path} {status}")
            # Sorted: a task's report and asyncio's "never retrieved" record come in
            # either order (the latter when the task is collected).
            OUT.extend(sorted(recs))
    finally:
        # From the loop's thread: Sanic's app.stop() called from this thread does nothing.
        loop.call_soon_threadsafe(app.stop)


@app.after_server_start
async def go(app, loop):
    threading.Thread(target=client, args=(PORT, loop), daemon=True).start()


with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    PORT = s.getsockname()[1]
logging.getLogger().addHandler(Recorder())
app.run(host="127.0.0.1", port=PORT, single_process=True, access_log=False, motd=False)
print("\n".join(OUT), flush=True)
