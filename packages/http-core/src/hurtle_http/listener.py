"""Accepting at the file descriptor limit on asyncio's own (selector) event loop.

When ``accept()`` fails for want of a descriptor (EMFILE, ENFILE), CPython's selector
loop (3.11 to 3.13) logs ``socket.accept() out of system resource`` and schedules a retry,
then goes on trying the other ``backlog - 1`` accepts of that wake-up, each failing the
same way: a hundred log lines and a hundred retries per wake-up, and the retries wake it
up again. While the limit lasts the lines and the work grow every second (2,000 lines a
second after 10 s), under Hurtle as under Sanic.

uvloop (libuv) handles the limit itself: it frees a descriptor it keeps in reserve,
accepts the waiting connection and closes it at once, so the client sees the connection
end instead of waiting in the backlog. ``AcceptGuard`` does the same for the selector
loop, and says so in the log at most once every ``LOG_EVERY`` seconds, with a count.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import time
from typing import Any

error_logger = logging.getLogger("sanic.error")

#: Seconds between two log lines about connections closed at the descriptor limit.
LOG_EVERY = 10.0

_LIMITS = (errno.EMFILE, errno.ENFILE)


def _reserve() -> int | None:
    try:
        return os.open(os.devnull, os.O_RDONLY)
    except OSError:
        return None


class AcceptGuard:
    """A listening socket as asyncio's selector loop sees it: every socket method is the
    socket's own, except ``accept``, which closes the connections over the descriptor
    limit (with one log line) instead of failing, and ``close``, which also frees the
    reserved descriptor."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._spare = _reserve()
        self._closed_since_log = 0
        self._logged_at: float | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def __repr__(self) -> str:
        return repr(self._sock)

    def accept(self) -> tuple[socket.socket, Any]:
        """``socket.accept()``; at the descriptor limit, close the waiting connection and
        raise ``BlockingIOError`` (the loop then waits for the next one)."""
        try:
            return self._sock.accept()
        except OSError as error:
            if error.errno not in _LIMITS or not self._close_one(error):
                raise
            raise BlockingIOError(errno.EAGAIN, "connection over the descriptor limit closed") from None

    def _close_one(self, error: OSError) -> bool:
        spare = self._spare
        if spare is None:
            return False
        self._spare = None
        os.close(spare)
        try:
            conn, _ = self._sock.accept()
        except OSError:
            conn = None
        if conn is not None:
            conn.close()
        self._spare = _reserve()  # the descriptor just freed, before anything else takes it
        if conn is None:
            return False
        self._closed_since_log += 1
        now = time.monotonic()
        if self._logged_at is None or now - self._logged_at >= LOG_EVERY:
            error_logger.error(
                "Cannot accept connections: %s (on %s). Connections over the limit are "
                "closed until descriptors free up (raise it: ulimit -n); %d closed since "
                "the last such line.",
                error.strerror or error,
                _address(self._sock),
                self._closed_since_log,
            )
            self._logged_at = now
            self._closed_since_log = 0
        return True

    def close(self) -> None:
        """Close the socket and free the reserved descriptor."""
        spare, self._spare = self._spare, None
        if spare is not None:
            os.close(spare)
        self._sock.close()


def _address(sock: socket.socket) -> str:
    try:
        name = sock.getsockname()
    except OSError:
        return "?"
    if isinstance(name, tuple):
        return f"{name[0]}:{name[1]}"
    return str(name)


def guard_accept(sock: socket.socket, loop: Any) -> Any:
    """``sock`` for ``loop.create_server(sock=...)``: wrapped in an ``AcceptGuard`` on
    asyncio's selector loop, as is on any other loop (uvloop has its own answer)."""
    from asyncio.selector_events import BaseSelectorEventLoop

    if isinstance(loop, BaseSelectorEventLoop) and isinstance(sock, socket.socket):
        return AcceptGuard(sock)
    return sock


__all__ = ["AcceptGuard", "guard_accept"]
