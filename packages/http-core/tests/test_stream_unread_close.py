"""A stream=True route that answers without reading its body, on a connection that closes
after the answer (`Connection: close`, HTTP/1.0, KEEP_ALIVE off): the rest of the body is
read before the close, as Sanic 25.12 does. Closing with it unread would reset the
connection (RST) and the client could lose the answer (RFC 9112 9.6)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses


async def _early(request: Any) -> Any:
    return text("early")


class _StreamingApp(HandlerApp):
    """A stream=True route (the app's seam)."""

    def streams_body(self, request: Any) -> bool:
        return True


def _conn(**config: Any) -> FakeConnection:
    return FakeConnection(_StreamingApp(_early, config=config, stream=True))


@pytest.mark.parametrize(
    ("head", "config"),
    [
        (b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 50\r\n\r\n", {}),
        (b"POST / HTTP/1.0\r\nContent-Length: 50\r\n\r\n", {}),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n", {"KEEP_ALIVE": False}),
    ],
)
async def test_the_rest_of_the_body_is_read_before_the_close(head: bytes, config: Any) -> None:
    conn = _conn(**config)
    conn.receive(head + b"x" * 10)
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"early"]
    assert not conn.closed  # 40 bytes still on their way: read them first
    conn.receive(b"y" * 40)
    await conn.settle()
    assert conn.closed


async def test_a_chunked_rest_is_read_before_the_close() -> None:
    conn = _conn()
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
    conn.receive(b"5\r\nhello\r\n")
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"early"]
    assert not conn.closed
    conn.receive(b"0\r\n\r\n")
    await conn.settle()
    assert conn.closed


async def test_a_rest_over_the_limit_still_closes_at_once() -> None:
    conn = _conn(REQUEST_MAX_SIZE=100)
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5000\r\n\r\nxyz")
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"early"]
    assert conn.closed
