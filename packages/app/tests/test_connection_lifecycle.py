"""``http.lifecycle.begin`` and ``http.lifecycle.complete`` through the app: once per
connection, with its ``conn_info``, as in Sanic (a keep-alive connection's requests share
what a ``begin`` handler put in ``conn_info.ctx``)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


async def test_requests_of_one_connection_share_what_begin_set_up(app: Sanic) -> None:
    seen: list[Any] = []

    @app.signal("http.lifecycle.begin")
    async def begin(conn_info: Any) -> None:
        conn_info.ctx.count = 0

    @app.signal("http.lifecycle.complete")
    async def complete(conn_info: Any) -> None:
        seen.append(("complete", conn_info.ctx.count))

    @app.on_request
    async def count(request: Any) -> None:
        request.conn_info.ctx.count += 1

    @app.get("/")
    async def index(request: Any) -> Any:
        return text(str(request.conn_info.ctx.count))

    await app._startup()
    conn = FakeConnection(app)
    for _ in range(3):
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"1", b"2", b"3"]
    conn.client_disconnects()
    await conn.settle()
    assert seen == [("complete", 3)]



@pytest.mark.parametrize("event", ["begin", "complete"])
async def test_a_connection_handlers_error_reaches_report_exception(
    app: Sanic, event: str
) -> None:
    # As Sanic: report_exception handlers see a begin or complete handler's error.
    reported: list[str] = []

    @app.signal(f"http.lifecycle.{event}")
    async def fail(conn_info: Any) -> None:
        raise RuntimeError(event)

    @app.report_exception
    async def report(app: Sanic, exception: Exception) -> None:
        reported.append(str(exception))

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    await app._startup()
    conn = FakeConnection(app)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    conn.client_disconnects()
    await conn.settle()
    assert reported == [event]
