"""Flow control for one connection: pause/resume reading and writing, ``drain()``.

Reading: the protocol pauses the transport when more request body is buffered than the
handler has read (``REQUEST_BUFFER_SIZE``), or while pipelined requests queue behind a
running handler, and resumes when the handler catches up.  Writing: asyncio calls
``pause_writing``/``resume_writing`` on the protocol around its high/low water marks;
``drain()`` waits for the resume so a streaming handler cannot fill memory.
"""

from __future__ import annotations

import asyncio
from typing import Any


class FlowControl:
    """Reading/writing pause state of one transport, with a ``drain()`` for writers."""

    __slots__ = ("transport", "loop", "reading_paused", "writing_paused", "closed", "_waiters")

    def __init__(self, transport: Any, loop: Any) -> None:
        self.transport = transport
        self.loop = loop
        self.reading_paused = False
        self.writing_paused = False
        self.closed = False
        self._waiters: list[asyncio.Future] = []

    def pause_reading(self) -> None:
        """Stop receiving from the peer until ``resume_reading``."""
        if not self.reading_paused and not self.closed:
            self.reading_paused = True
            try:
                self.transport.pause_reading()
            except (AttributeError, RuntimeError):
                pass

    def resume_reading(self) -> None:
        """Receive from the peer again."""
        if self.reading_paused and not self.closed:
            self.reading_paused = False
            try:
                self.transport.resume_reading()
            except (AttributeError, RuntimeError):
                pass

    def pause_writing(self) -> None:
        """The transport's buffer is above its high-water mark: writers must wait."""
        self.writing_paused = True

    def resume_writing(self) -> None:
        """The transport's buffer drained: wake the waiting writers."""
        self.writing_paused = False
        self._wake(None)

    def connection_lost(self, exc: BaseException | None) -> None:
        """The transport is gone: waiting writers get ``ConnectionResetError``."""
        self.closed = True
        self.writing_paused = False
        self._wake(exc or ConnectionResetError("Connection lost"))

    async def drain(self) -> None:
        """Return once writing may go on; raise ``ConnectionResetError`` if it never will."""
        if self.closed:
            raise ConnectionResetError("Connection lost")
        if not self.writing_paused:
            return
        waiter = self.loop.create_future()
        self._waiters.append(waiter)
        await waiter

    def is_waiter(self, future: Any) -> bool:
        """Whether ``future`` is a ``drain()`` waiting here."""
        return future in self._waiters

    def _wake(self, exc: BaseException | None) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)


__all__ = ["FlowControl"]
