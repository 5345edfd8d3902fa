"""A streaming handler whose client resets: cancelled as at any disconnect, nothing
logged (as in Sanic), even when its sends never wait."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.testing import FakeConnection, ResettingTransport


async def test_a_send_loop_to_a_reset_client_is_cancelled_quietly(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[str] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        try:
            for _ in range(10_000):  # the write buffer never fills: no send waits
                await response.send(b"y" * 1000)
        except asyncio.CancelledError as error:
            seen.append(type(error).__name__)
            raise
        seen.append("sent everything")

    conn = FakeConnection(app, transport=ResettingTransport(room=5000))
    with caplog.at_level(logging.DEBUG):
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        for _ in range(5):
            await conn.settle()
    # Before: every send "succeeded" into the closed transport (10 MB for nobody). A
    # RequestCancelled raised at once would be taken for the handler's own error and
    # logged with a traceback: the handler is cancelled instead, as by connection_lost.
    assert seen == ["CancelledError"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
