"""A route that ignores its body (``ignore_body``, a GET's default) meets a body that is
too large or malformed: as Sanic 25.12, its handler runs and answers (the body is not its
business), then the connection closes (the rest cannot be read through). A 413 or 400
came before the handler instead. A route that reads its body keeps the early refusal."""

from __future__ import annotations

import asyncio

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses

BAD_CHUNK = b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n"
TOO_LARGE = b"Content-Length: 200000000\r\n\r\nabc"


async def _answer(app: Sanic, data: bytes) -> tuple[object, FakeConnection]:
    await app._startup()
    conn = FakeConnection(app)
    conn.receive(data)
    sent = b""
    for _ in range(200):
        await conn.settle()
        sent += conn.take()
        parsed = parse_responses(sent) if sent else []
        if parsed:
            return parsed[0], conn
        await asyncio.sleep(0.001)
    raise AssertionError(f"no answer: {sent!r}")


def _routes(app: Sanic) -> None:
    @app.get("/ignores")
    async def ignores(request):
        return text(f"served, body {request.body!r}")

    @app.get("/reads", ignore_body=False)
    async def reads(request):
        return text(f"read {len(request.body)}")


@pytest.mark.parametrize("body", [BAD_CHUNK, TOO_LARGE], ids=["bad chunk", "too large"])
async def test_a_route_ignoring_its_body_answers_then_closes(app: Sanic, body: bytes) -> None:
    _routes(app)
    res, conn = await _answer(app, b"GET /ignores HTTP/1.1\r\nHost: x\r\n" + body)
    assert (res.status, res.body) == (200, b"served, body b''")
    for _ in range(20):
        await conn.settle()
    assert conn.closed


@pytest.mark.parametrize(
    ("body", "status"), [(BAD_CHUNK, 400), (TOO_LARGE, 413)], ids=["bad chunk", "too large"]
)
async def test_a_route_reading_its_body_refuses_it_first(
    app: Sanic, body: bytes, status: int
) -> None:
    _routes(app)
    res, conn = await _answer(app, b"GET /reads HTTP/1.1\r\nHost: x\r\n" + body)
    assert res.status == status and res.header("connection") == "close"
