"""Where the websockets library's own records about a served connection go: under
``sanic.websockets`` (its frames at DEBUG), as in Sanic; never ``websockets.server``, which
reached the root logger, so ``logging.basicConfig(level=INFO)`` printed two lines for
each connection."""

from __future__ import annotations

import asyncio
import logging

import pytest
from websockets.asyncio.client import connect

from .test_websocket import WsServer, echo_handler


async def test_the_library_logs_a_served_connection_under_sanic_websockets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = WsServer(echo_handler)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sanic.websockets")
    async with server as url:
        async with connect(url, logger=logging.getLogger("test.client")) as client:
            await client.send("x")
            assert await client.recv() == "x"
        for _ in range(100):  # at most 1 s: the server sees the close after the client
            if any("CLOSED" in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.01)
    names = {r.name for r in caplog.records if not r.name.startswith("test.")}
    assert not any(name.startswith("websockets") for name in names)
    frames = [r.getMessage() for r in caplog.records if r.name == "sanic.websockets"]
    assert "< TEXT 'x' [1 byte]" in frames and "> TEXT 'x' [1 byte]" in frames
    # Nothing at INFO or above: a connection that opens and closes normally prints nothing
    # in the default set-up (Sanic's `connection closed` comes only now and then).
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO] == []
