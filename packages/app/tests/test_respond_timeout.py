"""A response timeout while a handler holds a ``request.respond()`` response it sent
nothing of: the app's error page answers (503), as in Sanic, nothing logged as an error."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.testing import FakeConnection, parse_responses


async def test_an_unsent_respond_is_replaced_by_the_timeout_error_page(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    never = asyncio.Event()

    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(content_type="text/plain", headers={"x-s": "1"})
        await never.wait()
        await response.send("late")

    await app._startup()
    conn = FakeConnection(app, config={"RESPONSE_TIMEOUT": 5})
    with caplog.at_level(logging.ERROR, "sanic.error"):
        conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
        await conn.advance(5.5)
        [res] = parse_responses(conn.take())
    assert res.status == 503
    assert res.header("x-s") is None
    assert "503 — Service Unavailable" in res.body.decode()
    assert "Response Timeout" in res.body.decode()
    assert conn.closed
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
