"""What a websocket handler sees of its handshake request: a body the handshake declared
(Content-Length) is the request's body, as for any route that reads one (as Sanic)."""

from __future__ import annotations

import os
import struct
from typing import Any

from hurtle_app import Sanic
from hurtle_http.testing import FakeConnection

from .conftest import raw_request

UPGRADE = {
    "connection": "Upgrade",
    "upgrade": "websocket",
    "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
    "sec-websocket-version": "13",
}


def _text_frame(payload: bytes) -> bytes:
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return struct.pack("!BB", 0x81, 0x80 | len(payload)) + mask + masked


async def test_a_handshake_body_is_the_handlers_request_body(app: Sanic) -> None:
    seen: list[Any] = []

    @app.websocket("/ws")
    async def ws(request: Any, ws: Any) -> None:
        seen.append(request.body)
        seen.append(await ws.recv())

    await app._startup()
    conn = FakeConnection(app)
    conn.receive(raw_request("GET", "/ws", UPGRADE, b"hello") + _text_frame(b"frame"))
    for _ in range(50):
        await conn.settle()
        if len(seen) == 2:
            break
    assert conn.take().startswith(b"HTTP/1.1 101 ")
    assert seen == [b"hello", "frame"]


async def test_a_handshake_body_in_several_reads_is_whole_before_the_frames(app: Sanic) -> None:
    seen: list[Any] = []

    @app.websocket("/ws")
    async def ws(request: Any, ws: Any) -> None:
        seen.append(request.body)
        seen.append(await ws.recv())

    await app._startup()
    conn = FakeConnection(app)
    data = raw_request("GET", "/ws", UPGRADE, b"x" * 3000) + _text_frame(b"frame")
    for start in range(0, len(data), 1000):
        conn.receive(data[start : start + 1000])
        await conn.settle()
    for _ in range(50):
        await conn.settle()
        if len(seen) == 2:
            break
    assert seen == [b"x" * 3000, "frame"]
