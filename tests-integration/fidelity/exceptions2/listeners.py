"""A listener raising one of sanic.exceptions' classes: what app.run does, logs, reports.

    python3 tests-integration/fidelity/exceptions2/compare.py listeners EVENT CLASS

EVENT: before_server_start, after_server_start, main_process_start, before_server_stop.
CLASS: a name in sanic.exceptions (made with the message "boom"), or ValueError.
"""

from __future__ import annotations

import logging
import re
import socket
import sys

from sanic import Sanic
from sanic import exceptions as E

WHICH, CLASS = sys.argv[1], sys.argv[2]
recs: list[tuple] = []


class Recorder(logging.Handler):
    def emit(self, r: logging.LogRecord) -> None:
        msg = r.getMessage()
        if r.name in ("sanic.access", "sanic.server") or "Goin' Fast" in msg:
            return
        if r.levelno < logging.WARNING:
            return
        first = re.sub(r"\[\d+\]", "[PID]", msg.splitlines()[0][:140] if msg else msg)
        err = type(r.exc_info[1]).__name__ if r.exc_info and r.exc_info[1] else None
        recs.append((r.name, r.levelname, first, err))


logging.getLogger().addHandler(Recorder())
app = Sanic("Exc2Listeners")


@app.report_exception
async def report(app, exc):
    print("REPORT", type(exc).__name__, str(exc), flush=True)


def make(event: str):
    async def listener(app):
        print("LISTENER", event, flush=True)
        if event == WHICH:
            cls = (
                getattr(E, CLASS, None)
                or {"ValueError": ValueError, "RuntimeError": RuntimeError}[CLASS]
            )
            raise cls("boom")
        if event == "after_server_start":
            app.loop.call_later(0.3, app.stop)

    listener.__name__ = f"on_{event}"
    return listener


for event in (
    "main_process_start",
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_stop",
):
    app.register_listener(make(event), event)


@app.get("/")
async def index(request):
    return None


with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
try:
    app.run(host="127.0.0.1", port=port, single_process=True, access_log=False, motd=False)
    print("RUN returned")
except BaseException as e:
    print("RUN raised", type(e).__name__, str(e)[:100])
for r in recs:
    print("LOG", r)
