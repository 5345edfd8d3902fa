"""The log records a probe prints: (logger, level, first line, exception type), less the
start-up banner, the server's own lines and access lines."""

from __future__ import annotations

import logging

recs: list[tuple[str, str, str, str | None]] = []


class _Recorder(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.name in ("sanic.access", "sanic.server"):
            return
        if record.name == "sanic.root" and record.levelno < logging.WARNING:
            return
        message = record.getMessage()
        first = message.splitlines()[0][:150] if message else message
        error = type(record.exc_info[1]).__name__ if record.exc_info else None
        recs.append((record.name, record.levelname, first.replace("mockserver:1234", "H"), error))


logging.getLogger().addHandler(_Recorder())
