"""Helpers shared by the clients2 probes (on top of probes/_probe.py)."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "probes"))

from _probe import exc_line, fmt, new_app, show  # noqa: F401

PORTS = re.compile(r":\d{4,5}\b")


def noport(text: str) -> str:
    return PORTS.sub(":PORT", text)


class Records(logging.Handler):
    """Collect (logger, level, first line of message, exc type) from every logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: list[tuple] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage().splitlines()[0] if record.getMessage() else ""
        exc = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
        self.seen.append((record.name, record.levelname, noport(msg)[:80], exc))

    def take(self, names=("sanic.error", "sanic.root", "sanic.server")) -> list:
        out = [r for r in self.seen if r[0] in names]
        self.seen.clear()
        return out


def capture() -> Records:
    h = Records()
    root = logging.getLogger()
    root.addHandler(h)
    root.setLevel(logging.DEBUG)
    for name in ("sanic.error", "sanic.root", "sanic.server", "sanic.access"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    return h
