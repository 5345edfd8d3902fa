"""A body given to a 204 or 304 is not sent, and the server says so in its log, with the
request's path and the status, as Sanic does (an app's `json({}, status=204)` is a common
slip: the client gets no body and the log tells the author why)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_http.response import empty, json, raw, text
from hurtle_http.testing import FakeConnection, parse_responses

WARNING = "Message body set in response on /x. A {} response may only have headers, no body."


async def _serve(handler: Any, method: str = "GET") -> Any:
    conn = FakeConnection(handler)
    conn.receive(f"{method} /x HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    await conn.settle()
    return parse_responses(conn.take())[0]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "sanic.root" and r.levelno == logging.WARNING
    ]


@pytest.mark.parametrize(
    ("make", "status"),
    [
        (lambda: json({}, status=204), 204),
        (lambda: text("stale", status=304), 304),
    ],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
async def test_a_whole_body_on_a_no_content_status_is_dropped_and_logged(
    make: Any, status: int, method: str, caplog: pytest.LogCaptureFixture
) -> None:
    async def handler(request: Any) -> Any:
        return make()

    with caplog.at_level(logging.WARNING, logger="sanic.root"):
        response = await _serve(handler, method)
    assert (response.status, response.body) == (status, b"")
    assert _warnings(caplog) == [WARNING.format(status)]


async def test_a_streamed_body_on_a_204_is_dropped_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def handler(request: Any) -> None:
        response = await request.respond(status=204)
        await response.send("late body")
        await response.eof()

    with caplog.at_level(logging.WARNING, logger="sanic.root"):
        response = await _serve(handler)
    assert (response.status, response.body) == (204, b"")
    assert _warnings(caplog) == [WARNING.format(204)]


@pytest.mark.parametrize(
    "make",
    [
        lambda: empty(),
        lambda: raw(b"", status=204),
        lambda: text("abc", status=205),  # sent with an empty content, no warning
        lambda: text("fine"),
    ],
)
async def test_no_warning_without_a_dropped_body(
    make: Any, caplog: pytest.LogCaptureFixture
) -> None:
    async def handler(request: Any) -> Any:
        return make()

    with caplog.at_level(logging.WARNING, logger="sanic.root"):
        await _serve(handler)
    assert _warnings(caplog) == []
