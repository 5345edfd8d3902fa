"""A websocket dropped because its client never answered a keepalive ping says so in the
log (WARNING, ``sanic.websockets``), as Sanic does; before, only the access line (when
the access log is on) told why the connection ended."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_http.testing import FakeConnection

_UPGRADE = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


async def test_a_ping_timeout_is_logged_as_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        await ws.recv()

    config = {"WEBSOCKET_PING_INTERVAL": 2, "WEBSOCKET_PING_TIMEOUT": 3}
    conn = FakeConnection(handler, config=config)
    with caplog.at_level(logging.INFO, logger="sanic.websockets"):
        conn.receive(_UPGRADE)
        await conn.settle()
        await conn.advance(4.9)  # pinged at 2 s, unanswered: not yet
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        await conn.advance(0.2)
        await conn.settle()
    warnings = [
        (r.name, r.getMessage()) for r in caplog.records if r.levelno == logging.WARNING
    ]
    assert warnings == [("sanic.websockets", "Websocket timed out waiting for pong")]
