"""Fakes for testing an HTTP app without sockets: a transport, a clock, a connection.

``FakeConnection`` wires an ``HttpProtocol`` to a ``FakeTransport`` on the running event
loop, but with a ``FakeClock`` for time: timeouts fire only when a test calls
``advance(seconds)``, exactly at their deadline.  So keep-alive, request and response
timeouts, pipelining and flow control become instant, exact tests::

    async def test_keep_alive():
        conn = FakeConnection(handler, config={"KEEP_ALIVE_TIMEOUT": 5})
        conn.receive(b"GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
        await conn.settle()
        assert parse_responses(conn.take())[0].status == 200
        await conn.advance(5)
        assert conn.transport.closed

``settle()`` runs what is ready now; for a handler that awaits real I/O (``await file()``
reads in a thread), ``await conn.answered()`` waits until its response is out.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from dataclasses import dataclass, field
from typing import Any

from hurtle_http.protocol import HttpProtocol
from hurtle_http.server import as_app
from hurtle_http.stages import Stage


class FakeTransport(asyncio.Transport):
    """An in-memory transport: records writes, pause/resume and close."""

    def __init__(
        self,
        *,
        peername: Any = ("127.0.0.1", 54321),
        sockname: Any = ("127.0.0.1", 8000),
        ssl: bool = False,
    ) -> None:
        super().__init__()
        self.buffer = bytearray()
        self.closed = False
        self.aborted = False
        self.reading_paused = False
        self.protocol: Any = None
        self.extra: dict[str, Any] = {"peername": peername, "sockname": sockname}
        if ssl:
            self.extra["sslcontext"] = object()

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Record ``data`` (ignored once closed, like a real transport)."""
        if not self.closed:
            self.buffer += data

    def writelines(self, list_of_data: Any) -> None:
        for data in list_of_data:
            self.write(data)

    def close(self) -> None:
        """Close; the protocol hears ``connection_lost`` on the next loop iteration."""
        if not self.closed:
            self.closed = True
            protocol = self.protocol
            if protocol is not None:
                asyncio.get_event_loop().call_soon(protocol.connection_lost, None)

    def abort(self) -> None:
        self.aborted = True
        self.close()

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        self.reading_paused = True

    def resume_reading(self) -> None:
        self.reading_paused = False

    def is_reading(self) -> bool:
        return not self.reading_paused

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self.extra.get(name, default)

    def set_protocol(self, protocol: Any) -> None:
        self.protocol = protocol

    def get_protocol(self) -> Any:
        return self.protocol

    def can_write_eof(self) -> bool:
        return False

    def get_write_buffer_size(self) -> int:
        return 0


class ResettingTransport(FakeTransport):
    """A ``FakeTransport`` whose writes fail once ``room`` bytes went out (the peer reset
    the connection): as asyncio's and uvloop's transports then do, it is closing at once
    and drops what is written, and ``connection_lost`` comes on a later loop turn."""

    def __init__(self, room: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.room = room

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self.closed:
            return
        self.room -= len(data)
        if self.room < 0:
            self.close()
            return
        super().write(data)


class _Timer:
    __slots__ = ("_when", "_callback", "_args", "_cancelled")

    def __init__(self, when: float, callback: Any, args: tuple) -> None:
        self._when = when
        self._callback = callback
        self._args = args
        self._cancelled = False

    def when(self) -> float:
        return self._when

    def cancel(self) -> None:
        self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled


class FakeClock:
    """A loop stand-in whose ``time()`` moves only on ``advance()``; the rest is the real loop.

    ``call_at``/``call_later`` timers run from ``advance``; futures, tasks and
    ``call_soon`` go to the running asyncio loop.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop | None = None, start: float = 1000.0) -> None:
        self.loop = loop or asyncio.get_event_loop()
        self.now = start
        self._timers: list[tuple[float, int, _Timer]] = []
        self._seq = itertools.count()

    def time(self) -> float:
        return self.now

    def call_at(self, when: float, callback: Any, *args: Any, context: Any = None) -> _Timer:
        timer = _Timer(when, callback, args)
        heapq.heappush(self._timers, (when, next(self._seq), timer))
        return timer

    def call_later(self, delay: float, callback: Any, *args: Any, context: Any = None) -> _Timer:
        return self.call_at(self.now + delay, callback, *args)

    def pending_timers(self) -> int:
        """How many timers are scheduled and not cancelled."""
        return sum(1 for _, _, t in self._timers if not t._cancelled)

    async def advance(self, seconds: float) -> None:
        """Move time forward, firing due timers in order, letting tasks run in between."""
        target = self.now + seconds
        while True:
            await _settle()
            while self._timers and self._timers[0][2]._cancelled:
                heapq.heappop(self._timers)
            if not self._timers or self._timers[0][0] > target:
                break
            when, _, timer = heapq.heappop(self._timers)
            self.now = max(self.now, when)
            timer._callback(*timer._args)
        self.now = target
        await _settle()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loop, name)


async def _settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        await asyncio.sleep(0)


class FakeConnection:
    """An ``HttpProtocol`` for ``app`` (or a plain handler) on a fake transport and clock."""

    def __init__(
        self,
        app: Any,
        *,
        config: dict[str, Any] | None = None,
        transport: FakeTransport | None = None,
        clock: FakeClock | None = None,
        protocol_class: type = HttpProtocol,
    ) -> None:
        self.app = as_app(app, config)
        if config and self.app is app:
            for key, value in config.items():
                setattr(self.app.config, key, value)
        self.clock = clock or FakeClock()
        self.transport = transport or FakeTransport()
        self.protocol = protocol_class(loop=self.clock, app=self.app)
        self.transport.set_protocol(self.protocol)
        self.protocol.connection_made(self.transport)

    def receive(self, data: bytes) -> None:
        """Bytes from the client."""
        self.protocol.data_received(data)

    async def settle(self) -> None:
        """Let scheduled tasks run until nothing is left to do right now."""
        await _settle()

    async def advance(self, seconds: float) -> None:
        """Move the clock forward (firing timeouts), then settle."""
        await self.clock.advance(seconds)

    async def answered(self, timeout: float = 5.0) -> None:
        """Wait until every request received so far is answered (or the connection is
        closed), for at most ``timeout`` seconds of real time.

        ``settle()`` runs only what is ready now: a handler awaiting real I/O (``file()``
        reads the file in a thread) has not answered when it returns. Raises
        ``TimeoutError`` if the answers are not out in time (a handler waiting for the
        fake clock needs ``advance()`` instead).
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        await _settle()
        while not self._answered():
            if loop.time() >= deadline:
                http = self.protocol.http
                stage = getattr(http, "stage", None)
                raise TimeoutError(
                    f"the connection has not answered within {timeout} s (stage {stage})"
                )
            await asyncio.sleep(0.005)
            await _settle()

    def _answered(self) -> bool:
        http = self.protocol.http
        if self.transport.closed or http is None:
            return True
        return http.stage is Stage.IDLE and not http.queue

    def take(self) -> bytes:
        """Everything written to the client since the last ``take()``."""
        data = bytes(self.transport.buffer)
        self.transport.buffer.clear()
        return data

    @property
    def closed(self) -> bool:
        """True once the server closed the connection."""
        return self.transport.closed

    def client_disconnects(self) -> None:
        """The client goes away."""
        self.transport.closed = True
        self.protocol.connection_lost(ConnectionResetError("client went away"))


@dataclass
class ParsedResponse:
    """One HTTP/1.1 response parsed from bytes (headers lower-cased)."""

    status: int
    reason: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str, default: str | None = None) -> str | None:
        """The first value of header ``name`` (case-insensitive)."""
        name = name.lower()
        for key, value in self.headers:
            if key == name:
                return value
        return default


def parse_responses(data: bytes, *, head_only: bool = False) -> list[ParsedResponse]:
    """Split ``data`` into responses (Content-Length, chunked, or up to the end).

    ``head_only=True`` reads no body (for replies to HEAD requests).
    """
    out: list[ParsedResponse] = []
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            raise ValueError(f"incomplete response head: {data[pos:pos + 80]!r}")
        lines = data[pos:end].decode("latin-1").split("\r\n")
        _, status, *reason = lines[0].split(" ", 2)
        headers = []
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers.append((name.strip().lower(), value.strip()))
        res = ParsedResponse(int(status), reason[0] if reason else "", headers)
        pos = end + 4
        code = res.status
        if head_only or code < 200 or code in (204, 304):
            pass
        elif res.header("transfer-encoding") == "chunked":
            body = bytearray()
            while True:
                line_end = data.index(b"\r\n", pos)
                size = int(data[pos:line_end], 16)
                pos = line_end + 2
                if size == 0:
                    pos = data.index(b"\r\n", pos) + 2
                    break
                body += data[pos : pos + size]
                pos += size + 2
            res.body = bytes(body)
        elif res.header("content-length") is not None:
            size = int(res.header("content-length") or 0)
            res.body = data[pos : pos + size]
            pos += size
        else:
            res.body = data[pos:]
            pos = len(data)
        out.append(res)
    return out


__all__ = [
    "FakeClock",
    "FakeConnection",
    "FakeTransport",
    "ParsedResponse",
    "ResettingTransport",
    "parse_responses",
]
