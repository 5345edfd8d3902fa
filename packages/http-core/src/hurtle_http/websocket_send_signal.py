"""``http.lifecycle.send`` for the bytes of a websocket connection (its 101 and its frames).

As Sanic: an app that listens to ``http.lifecycle.send`` sees what a websocket connection
writes too, each write once, in the order written. Frames are written from plain functions
(answers to pings, the close handshake), so each signal runs in a task of its own; the tasks
start in the order of the writes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

_log = logging.getLogger("sanic.error")


def send_signaller(
    hook: Callable[[str, dict[str, Any]], Any], request: Any, loop: asyncio.AbstractEventLoop
) -> Callable[[bytes | bytearray], None]:
    """A callback for each write of the connection: it dispatches ``http.lifecycle.send``."""
    running: set[asyncio.Task] = set()

    async def dispatch(data: bytes | bytearray) -> None:
        try:
            await hook("http.lifecycle.send", {"request": request, "response": None, "data": data})
        except Exception:
            _log.exception("Exception in an http.lifecycle.send handler of a websocket")

    def on_send(data: bytes | bytearray) -> None:
        task = loop.create_task(dispatch(data))
        running.add(task)  # (a task nobody holds may be collected before it runs)
        task.add_done_callback(running.discard)

    return on_send


__all__ = ["send_signaller"]
