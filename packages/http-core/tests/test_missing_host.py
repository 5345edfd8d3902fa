"""RFC 9112 section 3.2: an HTTP/1.1 request without a Host field is answered 400."""

from __future__ import annotations

import pytest

from hurtle_http.testing import FakeConnection

from .conftest import echo, exchange


@pytest.mark.parametrize(
    "head",
    [
        b"GET / HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET http://example.com/ HTTP/1.1\r\n\r\n",  # an absolute target needs Host too
        b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nab",
        b"GET / HTTP/1.5\r\n\r\n",  # a higher minor version is read as 1.1
    ],
)
async def test_an_http_1_1_request_without_host_is_a_400(head: bytes) -> None:
    # Sanic 25.12 serves it (a request.host of ""); the RFC says MUST 400.
    conn = FakeConnection(echo)
    [res] = await exchange(conn, head)
    assert res.status == 400
    assert b"Missing Host header" in res.body
    assert res.header("connection") == "close" and conn.closed


@pytest.mark.parametrize(
    "head",
    [
        b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost:\r\n\r\n",  # empty: valid (a target without authority)
        b"GET / HTTP/1.1\r\nhOsT: x\r\nConnection: close\r\n\r\n",
        b"GET / HTTP/1.0\r\n\r\n",  # HTTP/1.0 has no such rule
    ],
)
async def test_a_request_with_host_or_of_http_1_0_is_served(head: bytes) -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(conn, head)
    assert res.status == 200 and res.body == b"GET / "


async def test_each_request_of_a_connection_needs_its_own_host() -> None:
    conn = FakeConnection(echo)
    first, second = await exchange(
        conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n"
    )
    assert (first.status, second.status) == (200, 400)
    assert conn.closed
