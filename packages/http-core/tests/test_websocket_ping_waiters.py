"""A handler's pings that wait for their pongs (`ws.ping(data)`), as Sanic."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from .test_websocket import WsServer
from .test_websocket_tcp_close import _UPGRADE, _masked, _port


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


async def test_a_pong_answers_its_ping_and_the_pings_before_it() -> None:
    # RFC 6455 5.5.3: a peer may answer only the latest of several pings.
    seen: list[str] = []
    all_sent, checked = asyncio.Event(), asyncio.Event()

    async def handler(ws: Any) -> None:
        a, b, c = [await ws.ping(data) for data in (b"a", b"b", b"c")]
        all_sent.set()
        await asyncio.wait_for(asyncio.shield(b), 5)
        seen.append(f"a={a.done()} b={b.done()} c={c.done()}")
        checked.set()
        await ws.recv()  # (the peer's close ends it)

    server = WsServer(handler)
    async with server as url:
        reader, writer = await asyncio.open_connection("127.0.0.1", _port(url))
        try:
            writer.write(_UPGRADE)
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            await asyncio.wait_for(all_sent.wait(), 5)
            writer.write(_masked(0x8A, b"zz"))  # a pong that answers no ping: ignored
            writer.write(_masked(0x8A, b"b"))
            await asyncio.wait_for(checked.wait(), 5)
            writer.write(_masked(0x88, b"\x03\xe8"))
            await asyncio.wait_for(server.done.wait(), 5)
        finally:
            writer.close()
    assert seen == ["a=True b=True c=False"]
