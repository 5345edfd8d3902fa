"""The ``Date`` field of every response (RFC 9110 section 6.6.1).

An origin server with a clock MUST send ``Date`` in its 2xx, 3xx and 4xx responses (and
may in the others). The value changes once a second, so it is not formatted per response:
each event loop that serves a connection runs one ticker that, at every whole second,
stores the new field line here and tells the writers that cached it (their cached heads
hold the line, so a response pays nothing for it).

Sanic 25.12 sends no ``Date``; the field is the only difference this makes on the wire.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable

from hurtle_http.httpdate import format_http_date

__all__ = ["date_line", "ensure_ticking", "on_change"]

_forgetters: list[Callable[[], None]] = []
_ticking: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()
_second = 0
_line = ""


def _refresh() -> None:
    """Store the field line of the current second; drop caches holding the old one."""
    global _second, _line
    now = int(time.time())
    if now == _second:
        return
    _second = now
    _line = f"date: {format_http_date(now)}\r\n"  # IMF-fixdate
    for forget in _forgetters:
        forget()


def date_line() -> str:
    """``date: <now>\\r\\n``, the field line for a response head."""
    if not _ticking:
        _refresh()  # no loop is ticking (a writer used without a server): format now
    return _line


def on_change(forget: Callable[[], None]) -> None:
    """Call ``forget`` (a cache's ``clear``) whenever the line changes."""
    _forgetters.append(forget)


def _tick(loop: asyncio.AbstractEventLoop) -> None:
    _refresh()
    if loop.is_closed():
        return
    # At the next whole second (plus a little, so the second has turned).
    loop.call_at(loop.time() + 1.0005 - time.time() % 1.0, _tick, loop)


def ensure_ticking(loop: asyncio.AbstractEventLoop) -> None:
    """Keep the line current on ``loop`` (once per loop; cheap to call per connection)."""
    if loop in _ticking:
        return
    _ticking.add(loop)
    _tick(loop)


_refresh()
