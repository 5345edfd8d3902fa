"""A handler that streams with ``request.respond()`` and then returns that same response."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.testing import FakeConnection, parse_responses


async def _two_requests(app: Sanic, path: str) -> tuple[list[Any], bool]:
    await app._startup()
    conn = FakeConnection(app)
    conn.receive(
        f"GET {path} HTTP/1.1\r\nhost: x\r\n\r\n"
        "GET /next HTTP/1.1\r\nhost: x\r\n\r\n".encode()
    )
    data = b""
    for _ in range(50):
        await conn.settle()
        data += conn.take()
        if data.count(b"HTTP/1.1 200") == 2 and data.endswith(b"next"):
            break
    return parse_responses(data), conn.closed


@pytest.mark.parametrize("sent", [True, False])
async def test_returning_the_streamed_response_finishes_it_and_keeps_the_connection(
    app: Sanic, sent: bool, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/s")
    async def streamed(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        if sent:
            await response.send("a")
        return response

    @app.get("/next")
    async def following(request: Any) -> Any:
        from hurtle_http.response import text

        return text("next")

    with caplog.at_level(logging.ERROR, "sanic.error"):
        responses, closed = await _two_requests(app, "/s")
    assert [r.status for r in responses] == [200, 200]
    assert responses[0].body == (b"a" if sent else b"")
    assert responses[0].header("connection") == "keep-alive"
    assert responses[1].body == b"next"
    assert not closed
    # Only Sanic's line for a response returned after request.respond() (it is logged
    # there too, though what was bound goes out complete); no error from the stream.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        "The response object returned by the route handler will not be sent to client. "
        "The request has already been responded to."
    ]
