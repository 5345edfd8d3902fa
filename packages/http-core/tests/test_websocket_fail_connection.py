"""``fail_connection()`` and ``end_connection()``: Sanic's synchronous ways for a handler to
end its websocket (a flood check calling ``ws.fail_connection()`` is found in apps)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from hurtle_http.exceptions import WebsocketClosed

from .test_websocket import WsServer


async def _client_sees(url: str) -> list[Any]:
    seen: list[Any] = []
    async with connect(url) as client:
        try:
            while True:
                seen.append(await asyncio.wait_for(client.recv(), 3))
        except ConnectionClosed as exc:
            rcvd = exc.rcvd
            seen.append((type(exc).__name__, rcvd and rcvd.code, rcvd and rcvd.reason))
    return seen


@pytest.mark.parametrize(
    ("args", "client"),
    [
        ((), ("ConnectionClosedError", None, None)),  # 1006: no close frame
        ((1011, "flood"), ("ConnectionClosedError", 1011, "flood")),
        ((1000, "bye"), ("ConnectionClosedOK", 1000, "bye")),
    ],
)
async def test_fail_connection_ends_the_websocket_at_once(args: Any, client: Any) -> None:
    # Before, WebsocketImplProtocol had no fail_connection: AttributeError in the handler.
    seen: list[Any] = []

    async def handler(ws: Any) -> None:
        await ws.send("hi")
        seen.append(ws.fail_connection(*args))
        seen.append(ws.fail_connection(1011, "again"))
        try:
            await ws.send("late")
        except WebsocketClosed as exc:
            seen.append(str(exc))

    server = WsServer(handler)
    async with server as url:
        assert await _client_sees(url) == ["hi", client]
        await asyncio.wait_for(server.done.wait(), 5)
    assert seen == [False, False, "Cannot write to websocket interface after it is closed."]


async def test_end_connection_sends_the_close_frame_without_waiting() -> None:
    seen: list[Any] = []

    async def handler(ws: Any) -> None:
        await ws.send("hi")
        seen.append(ws.end_connection(4000, "done"))
        seen.append(ws.end_connection())  # a second call sends nothing more
        seen.append(await ws.wait_for_connection_lost(5))

    server = WsServer(handler)
    async with server as url:
        assert await _client_sees(url) == ["hi", ("ConnectionClosedError", 4000, "done")]
        await asyncio.wait_for(server.done.wait(), 5)
    assert seen == [False, False, True]


@pytest.mark.parametrize("how", ["fail_connection", "close"])
async def test_failing_without_a_close_frame_leaves_the_protocol_closed(how: str) -> None:
    # As Sanic: once failed with 1006 (no close frame) the websockets state is CLOSED at
    # once, with close_code 1006; before, it stayed OPEN until TCP's end was read.
    seen: list[Any] = []

    async def handler(ws: Any) -> None:
        await ws.send("hi")
        if how == "close":
            await ws.close(1006)
        else:
            ws.fail_connection()
        proto = ws.ws_proto
        seen.append((proto.state.name, proto.close_code, proto.close_reason))

    server = WsServer(handler)
    async with server as url:
        assert await _client_sees(url) == ["hi", ("ConnectionClosedError", None, None)]
        await asyncio.wait_for(server.done.wait(), 5)
    assert seen == [("CLOSED", 1006, "")]
