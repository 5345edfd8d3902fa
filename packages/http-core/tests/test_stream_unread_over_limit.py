"""A stream=True route that answers without reading a body over REQUEST_MAX_SIZE: the rest
is not read through after the response, the connection closes (as Sanic 25.12)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

NEXT = b"GET /next HTTP/1.1\r\nHost: x\r\n\r\n"


async def _early(request: Any) -> Any:
    return text("early")


class _StreamingApp(HandlerApp):
    """A stream=True route: its body may pass REQUEST_MAX_SIZE (the app's seam)."""

    def streams_body(self, request: Any) -> bool:
        return True


def _conn() -> FakeConnection:
    return FakeConnection(_StreamingApp(_early, config={"REQUEST_MAX_SIZE": 100}, stream=True))


@pytest.mark.parametrize("size", [101, 5000])
async def test_an_unread_body_over_the_limit_closes_after_the_answer(size: int) -> None:
    conn = _conn()
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % size + b"x" * size + NEXT)
    await conn.settle()
    responses = parse_responses(conn.take())
    assert [r.body for r in responses] == [b"early"]
    assert conn.closed


async def test_a_declared_length_over_the_limit_is_not_waited_for() -> None:
    conn = _conn()
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nxyz")
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"early"]
    assert conn.closed


async def test_a_chunked_rest_is_read_until_it_passes_the_limit() -> None:
    conn = _conn()
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"early"]
    assert not conn.closed  # 5 bytes so far: the rest is drained
    conn.receive(b"32\r\n" + b"y" * 50 + b"\r\n")
    await conn.settle()
    assert not conn.closed
    conn.receive(b"32\r\n" + b"y" * 50 + b"\r\n")
    await conn.settle()
    assert conn.closed  # 105 bytes: over the limit


async def test_an_unread_body_within_the_limit_is_drained_and_the_next_request_served() -> None:
    conn = _conn()
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"x" * 100 + NEXT)
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"early", b"early"]
    assert not conn.closed
