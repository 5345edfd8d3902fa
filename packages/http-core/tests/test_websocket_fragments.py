"""Fragmented websocket messages: joined in compact memory however small the fragments,
with a text message's UTF-8 checked as each fragment arrives (FakeConnection, no socket)."""

from __future__ import annotations

import asyncio
import os
import struct
import tracemalloc
from typing import Any

from hurtle_http.testing import FakeConnection

_UPGRADE = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def _frame(opcode: int, payload: bytes, fin: bool = True) -> bytes:
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    assert len(payload) < 126
    return struct.pack("!BB", (0x80 if fin else 0) | opcode, 0x80 | len(payload)) + mask + masked


async def _connect() -> tuple[FakeConnection, list[Any], asyncio.Event]:
    received: list[Any] = []
    release = asyncio.Event()

    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        try:
            received.append(await ws.recv())
        except Exception as error:
            received.append(error)
        await release.wait()

    conn = FakeConnection(handler, config={"WEBSOCKET_PING_INTERVAL": 0})
    conn.receive(_UPGRADE)
    await conn.settle()
    assert conn.take().startswith(b"HTTP/1.1 101 ")
    return conn, received, release


async def test_tiny_fragments_are_joined_in_about_one_byte_of_memory_each() -> None:
    conn, received, release = await _connect()
    count = 30_000
    conn.receive(_frame(0x2, b"a", fin=False))
    fragments = _frame(0x0, b"b", fin=False) * 100
    tracemalloc.start()
    try:
        for _ in range(count // 100):
            conn.receive(fragments)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # one bytes object per fragment would take over 30 bytes per payload byte
    assert peak < 10 * count, peak
    conn.receive(_frame(0x0, b"c"))
    await conn.settle()
    assert received == [b"a" + b"b" * count + b"c"]
    release.set()
    await conn.settle()


async def test_text_split_inside_a_character_is_joined() -> None:
    conn, received, release = await _connect()
    data = "héllo €".encode()
    conn.receive(_frame(0x1, data[:2], fin=False))  # ends inside "é"
    conn.receive(_frame(0x0, data[2:-1], fin=False))  # ends inside "€"
    conn.receive(_frame(0x0, data[-1:]))
    await conn.settle()
    assert received == ["héllo €"]
    release.set()
    await conn.settle()


async def test_invalid_utf8_in_a_fragment_fails_before_the_message_ends() -> None:
    conn, received, release = await _connect()
    conn.receive(_frame(0x1, b"ok", fin=False))
    conn.receive(_frame(0x0, b"\xff", fin=False))
    await conn.settle()
    close = conn.take()
    assert close[:1] == b"\x88" and struct.unpack("!H", close[2:4]) == (1007,)
    assert [type(error).__name__ for error in received] == ["ConnectionClosedError"]
    release.set()
    await conn.advance(11)


async def test_frames_in_the_upgrade_read_are_all_received() -> None:
    # A large first read (upgrade request, then 20 KB of frames) is parsed in pieces;
    # every frame after the head still reaches the websocket, in order.
    received: list[Any] = []
    release = asyncio.Event()

    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        for _ in range(200):
            received.append(await ws.recv())
        await release.wait()

    conn = FakeConnection(handler, config={"WEBSOCKET_PING_INTERVAL": 0})
    frames = b"".join(_frame(0x1, b"%03d" % i + b"x" * 90) for i in range(200))
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * 3 + _UPGRADE + frames)
    await conn.settle()
    assert received == [f"{i:03d}" + "x" * 90 for i in range(200)]
    release.set()
    await conn.settle()


async def test_reading_pauses_once_a_max_size_of_messages_waits_unread() -> None:
    # A handler that does not read: the peer's messages wait up to about one
    # WEBSOCKET_MAX_SIZE (not MAX_QUEUE messages of that size), then reading pauses.
    taken: list[Any] = []
    step = asyncio.Event()

    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        for _ in range(2):
            await step.wait()
            step.clear()
            taken.append(await ws.recv())

    config = {"WEBSOCKET_PING_INTERVAL": 0, "WEBSOCKET_MAX_SIZE": 200}
    conn = FakeConnection(handler, config=config)
    conn.receive(_UPGRADE)
    await conn.settle()
    conn.receive(_frame(0x2, b"a" * 100))
    await conn.settle()
    assert not conn.transport.reading_paused
    conn.receive(_frame(0x2, b"b" * 100))
    await conn.settle()
    assert conn.transport.reading_paused
    step.set()
    await conn.settle()
    assert taken == [b"a" * 100] and conn.transport.reading_paused
    step.set()
    await conn.settle()
    assert taken == [b"a" * 100, b"b" * 100] and not conn.transport.reading_paused


async def test_nothing_after_invalid_utf8_in_the_same_read_reaches_the_handler() -> None:
    # RFC 6455 7.1.7: once the connection is failed, no more data from the peer is
    # processed, even frames that came in the same read as the invalid text.
    conn, received, release = await _connect()
    conn.receive(
        _frame(0x1, b"ok\xe6\x97", fin=False) + _frame(0x0, b"\xa5\xff") + _frame(0x1, b"after")
    )
    await conn.settle()
    close = conn.take()
    assert close[:1] == b"\x88" and struct.unpack("!H", close[2:4]) == (1007,)
    assert [type(error).__name__ for error in received] == ["ConnectionClosedError"]
    release.set()
    await conn.advance(11)

