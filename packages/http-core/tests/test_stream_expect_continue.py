"""A stream=True handler that starts its response (``request.respond()``) before reading a
body whose client waits for ``100-continue``: the 100 goes out before the response head
(as Sanic), never inside the response body."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


async def _echo_upper(request: Any) -> None:
    response = await request.respond(content_type="text/plain")
    await response.send("started;")
    async for chunk in request.stream:
        await response.send(chunk.upper())
    await response.eof()


@pytest.mark.parametrize("body_first", [False, True])
async def test_the_100_precedes_a_streamed_head_and_the_body_then_comes(body_first: bool) -> None:
    conn = FakeConnection(HandlerApp(_echo_upper, stream=True))
    head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
    conn.receive(head + (b"hello" if body_first else b""))
    await conn.settle()
    if not body_first:
        sent = conn.take()
        assert sent.startswith(CONTINUE + b"HTTP/1.1 200 OK\r\n")
        conn.receive(b"hello")
        await conn.settle()
        sent += conn.take()
    else:
        sent = conn.take()
    assert sent.startswith(CONTINUE + b"HTTP/1.1 200 OK\r\n")
    assert sent.count(b"100 Continue") == 1
    [informational, res] = parse_responses(sent)
    assert informational.status == 100
    assert res.body == b"started;HELLO"
    assert res.header("connection") == "keep-alive"
    assert not conn.closed
