"""Accepting at the descriptor limit on asyncio's selector loop (``AcceptGuard``)."""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from typing import Any

import pytest

from hurtle_http.listener import AcceptGuard, guard_accept


class _Conn:
    closed = False

    def close(self) -> None:
        self.closed = True


class _AtLimit:
    """A listening socket whose first accept of each pair fails with EMFILE."""

    def __init__(self, waiting: int) -> None:
        self.waiting = waiting
        self.calls = 0
        self.accepted: list[_Conn] = []
        self.closed = False

    def accept(self) -> tuple[_Conn, Any]:
        self.calls += 1
        if self.calls % 2:
            raise OSError(errno.EMFILE, "Too many open files")
        if not self.waiting:
            raise BlockingIOError(errno.EAGAIN, "none waiting")
        self.waiting -= 1
        conn = _Conn()
        self.accepted.append(conn)
        return conn, ("127.0.0.1", 1)

    def getsockname(self) -> tuple[str, int]:
        return ("127.0.0.1", 8000)

    def close(self) -> None:
        self.closed = True


def test_a_connection_over_the_limit_is_closed_and_reported_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # asyncio's own handling logged a line (and scheduled a retry) per failed accept, a
    # hundred per wake-up, more every second while the limit lasted.
    sock = _AtLimit(waiting=3)
    guard = AcceptGuard(sock)  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR, "sanic.error"):
        for _ in range(3):
            with pytest.raises(BlockingIOError):
                guard.accept()
    assert [conn.closed for conn in sock.accepted] == [True, True, True]
    [record] = caplog.records
    assert "Too many open files" in record.getMessage()
    assert "127.0.0.1:8000" in record.getMessage()
    guard.close()
    assert sock.closed


def test_other_accept_errors_are_left_to_the_loop() -> None:
    class Refusing(_AtLimit):
        def accept(self) -> Any:
            raise OSError(errno.ECONNABORTED, "aborted")

    guard = AcceptGuard(Refusing(0))  # type: ignore[arg-type]
    with pytest.raises(OSError) as info:
        guard.accept()
    assert info.value.errno == errno.ECONNABORTED
    guard.close()


async def test_the_guard_serves_on_a_selector_loop_only() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        loop = asyncio.get_running_loop()
        guarded = guard_accept(sock, loop)
        assert isinstance(guarded, AcceptGuard) is isinstance(
            loop, asyncio.selector_events.BaseSelectorEventLoop
        )
        if isinstance(guarded, AcceptGuard):
            server = await loop.create_server(asyncio.Protocol, sock=guarded)
            port = server.sockets[0].getsockname()[1]
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            server.close()
            await server.wait_closed()
            assert sock.fileno() == -1  # closed with the server, as a plain socket is
            guarded.close()  # again: harmless
