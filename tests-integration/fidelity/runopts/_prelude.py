"""Shared start of every runopts scenario: an app whose listeners print what runs, and where.

Each scenario file imports this, then starts the server its own way. Lines starting with
``EV`` are the listeners' (and the scenario's) markers; ``READY`` is printed once a server
has started so the driver knows when to act.
"""

from __future__ import annotations

import asyncio
import os
import sys

from sanic import Sanic, text

PORT = int(os.environ.get("PROBE_PORT", "18200"))
PORT2 = PORT + 1
MAIN_PID = os.environ.setdefault("PROBE_MAIN_PID", str(os.getpid()))


def who() -> str:
    return "main" if str(os.getpid()) == MAIN_PID else "worker"


def ev(*parts: object) -> None:
    # one write, so that two processes' lines do not interleave
    sys.stdout.write(" ".join(["EV", who(), *map(str, parts)]) + "\n")
    sys.stdout.flush()


EVENTS = (
    "main_process_start",
    "main_process_ready",
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_stop",
)


def make_app(name: str = "A") -> Sanic:
    app = Sanic(name)

    @app.get("/")
    async def root(request):
        return text(f"ok {request.app.name}")

    @app.get("/stop")
    async def stop(request):
        request.app.stop()
        return text("stopping")

    for event in EVENTS:
        app.register_listener(_listener(event), event)
    return app


def _listener(event: str):
    def listener(app):
        ev(app.name, event)
        if event == "after_server_start":
            sys.stdout.write("READY\n")
            sys.stdout.flush()
    return listener


__all__ = ["PORT", "PORT2", "Sanic", "asyncio", "ev", "make_app", "sys", "text", "who"]
