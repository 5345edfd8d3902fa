"""A handler's pings that wait for their pongs (`ws.ping(data)`), as Sanic."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from .test_websocket import WsServer


async def test_a_second_ping_with_the_payload_of_one_still_awaited_is_refused() -> None:
    seen: list[str] = []

    async def handler(ws: Any) -> None:
        first = await ws.ping(b"same")
        try:
            await ws.ping(b"same")
        except ValueError as exc:
            seen.append(f"ValueError: {exc}")
        # the first ping still gets its pong (the client answers it)
        seen.append(f"first pong {await asyncio.wait_for(first, 5)!r}")
        again = await ws.ping(b"same")  # answered: the payload may be used again
        seen.append(f"again pong {await asyncio.wait_for(again, 5)!r}")

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(client.recv(), 5)
        await asyncio.wait_for(server.done.wait(), 5)
    assert seen == [
        "ValueError: already waiting for a pong with the same data",
        "first pong None",
        "again pong None",
    ]
