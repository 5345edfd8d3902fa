"""The ``Date`` field of responses (RFC 9110 section 6.6.1).

An origin server with a clock MUST send ``Date`` in its 2xx, 3xx and 4xx responses (and
may in the others); Sanic sends none. The field is formatted once per second (IMF-fixdate,
``Sun, 06 Nov 1994 08:49:37 GMT``) and the heads cached with it are dropped when the second
changes (``on_change``). A connection compares its loop's time with the deadline it got
from ``sync`` (no clock read per response on the request path).
A response that sets its own ``Date`` keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from email.utils import formatdate
from time import time


class DateField:
    """The current ``date: ...\\r\\n`` line, as str (``text``) and bytes (``line``)."""

    __slots__ = ("text", "line", "until", "on_change")

    def __init__(self) -> None:
        self.text = ""
        self.line = b""
        self.until = 0.0  # the wall-clock second after the one formatted
        self.on_change: list[Callable[[], None]] = []

    def refresh(self, now: float) -> None:
        """Format the second of ``now`` (``time.time()``) and tell the caches."""
        self.text = f"date: {formatdate(now, usegmt=True)}\r\n"
        self.line = self.text.encode("ascii")
        self.until = float(int(now) + 1)
        for dropped in self.on_change:
            dropped()

    def sync(self, loop_now: float) -> float:
        """Bring the line up to this second; return when, in the caller's loop time
        (``loop_now`` is ``loop.time()`` now), the next second starts. Each connection
        keeps its own deadline, so clocks of different loops never mix."""
        now = time()
        if now >= self.until:
            self.refresh(now)
        return loop_now + (self.until - now)

    def current(self) -> str:
        """The line for this second (``text``), refreshed if the second changed."""
        now = time()
        if now >= self.until:
            self.refresh(now)
        return self.text


#: The process's one Date line (every connection and loop shares it).
DATE = DateField()

__all__ = ["DATE", "DateField"]
