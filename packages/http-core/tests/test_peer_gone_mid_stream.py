"""Clients that end or lose the connection while a handler is at work: the connection
ends with the work, never idles on after it, and a streaming handler learns at once that
its data goes nowhere."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_http.testing import FakeConnection, ResettingTransport


async def test_a_handler_sending_in_a_loop_stops_when_the_peer_resets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sent: list[int] = []
    outcome: list[str] = []

    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        try:
            for i in range(10_000):  # never waits: the write buffer never fills
                await response.send(b"y" * 1000)
                sent.append(i)
        except asyncio.CancelledError:
            outcome.append("cancelled")
            raise
        outcome.append("sent everything")

    conn = FakeConnection(handler, transport=ResettingTransport(room=5000))
    with caplog.at_level(logging.DEBUG):
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
    # Before, all 10,000 sends "succeeded" into the closed transport (10 MB produced for
    # nobody; a `while True` sender held the loop for good).
    # Now it is cancelled as at any disconnect, and nothing is logged (as in Sanic).
    assert outcome == ["cancelled"]
    assert len(sent) < 10
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
