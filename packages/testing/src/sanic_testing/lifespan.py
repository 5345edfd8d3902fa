"""Run an app's server listeners once per client and event loop, for in-process clients."""

from __future__ import annotations

import asyncio
from typing import Any

__all__ = ["ListenerLifespan"]


class ListenerLifespan:
    """Start-up listeners on first use in an event loop; stop listeners on ``shutdown``.

    The in-process clients have no server: they run the same listener steps an ASGI
    server's lifespan does (finalize, ``before_server_start``, ``after_server_start``; then
    ``before_server_stop``, ``after_server_stop``) through the app's listener interface,
    so an exception in a listener reaches the test unchanged.  A client used from a new
    event loop (pytest-asyncio gives each test its own) starts the listeners again there,
    because what they created belongs to the old loop.
    """

    def __init__(self, app: Any, *, keep_tasks: bool = False) -> None:
        self.app = app
        # The ASGI client's: as Sanic's, the tasks the app runs (a handler's add_task)
        # outlive the call's stop; they are in ``app.tasks`` and run on until the event
        # loop ends, which cancels them.
        self.keep_tasks = keep_tasks
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock: asyncio.Lock | None = None
        self.started = False

    async def ensure_started(self) -> None:
        """Run the start-up listeners unless they already ran in this event loop."""
        loop = asyncio.get_running_loop()
        if self.started and self._loop is loop:
            return
        if self._loop is not loop:
            self._loop, self._lock, self.started = loop, asyncio.Lock(), False
        lock = self._lock
        if lock is None:  # pragma: no cover - set just above
            raise RuntimeError("lifespan lock missing")
        async with lock:
            if self.started:
                return
            app = self.app
            app.state.asgi = True
            await app._startup()
            await app._server_event("init", "before")
            await app._server_event("init", "after")
            self.started = True

    async def shutdown(self) -> None:
        """Run the stop listeners if the start-up ones ran in this event loop."""
        if not self.started or self._loop is not asyncio.get_running_loop():
            self.started = False
            return
        self.started = False
        await self.app._server_event("shutdown", "before")
        await self.app._server_event("shutdown", "after", stop_tasks=not self.keep_tasks)
