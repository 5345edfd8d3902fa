"""``app.enable_websocket(False)``: websocket routes are refused with a plain 500, as in Sanic."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from hurtle_app import Sanic

from .conftest import served


def _app(name: str, enabled: bool) -> Sanic:
    app = Sanic(name, configure_logging=False)

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        await ws.send("hello")

    if not enabled:
        app.enable_websocket(False)
    return app


async def test_disabled_websockets_answer_500(caplog: pytest.LogCaptureFixture) -> None:
    async with served(_app("WsOff", enabled=False)) as port:
        with caplog.at_level(logging.ERROR), pytest.raises(InvalidStatus) as info:
            await asyncio.wait_for(connect(f"ws://127.0.0.1:{port}/ws"), 5)
        response = info.value.response
        assert response.status_code == 500
        # The generic page (the reason is an internal error, shown only in the log).
        assert b"enable_websocket" not in response.body
        assert any(
            "enable_websocket(False)" in r.getMessage() + str(r.exc_info) for r in caplog.records
        )


async def test_enabled_websockets_still_work() -> None:
    async with served(_app("WsOn", enabled=True)) as port:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            assert await asyncio.wait_for(client.recv(), 5) == "hello"
