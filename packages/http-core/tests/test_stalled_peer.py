"""A client that stops reading what the server sends cannot hold a connection, or its
unsent bytes, forever: a close waits for pending writes only while they make progress
(GRACEFUL_TCP_CLOSE_TIMEOUT), a timeout's answer stuck behind such writes is cut, and a
websocket peer that reads nothing is not read either (its pings would queue pongs)."""

from __future__ import annotations

import asyncio
import os
import struct
from typing import Any

from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, FakeTransport, parse_responses

HIGH_WATER = 65_536
BIG = "x" * 200_000


class StalledTransport(FakeTransport):
    """The transport of a client that reads nothing until ``client_reads``: writes stay
    pending, over the high-water mark the protocol is told to pause writing, and a close
    waits for them to flush, as a real transport does."""

    def __init__(self) -> None:
        super().__init__()
        self.pending = 0
        self.writing_paused = False
        self.lost = False

    def write(self, data: Any) -> None:
        if self.closed:
            return
        self.buffer += data
        self.pending += len(data)
        if self.pending > HIGH_WATER and not self.writing_paused:
            self.writing_paused = True
            self.protocol.pause_writing()

    def get_write_buffer_size(self) -> int:
        return self.pending

    def client_reads(self, size: int) -> None:
        """The client reads ``size`` of the pending bytes."""
        self.pending = max(0, self.pending - size)
        if self.writing_paused and self.pending <= HIGH_WATER // 4:
            self.writing_paused = False
            self.protocol.resume_writing()
        if self.closed and not self.pending:
            self._lose()

    def close(self) -> None:
        self.closed = True
        if not self.pending:
            self._lose()

    def abort(self) -> None:
        self.aborted = self.closed = True
        self.pending = 0
        self._lose()

    def _lose(self) -> None:
        if not self.lost:
            self.lost = True
            asyncio.get_event_loop().call_soon(self.protocol.connection_lost, None)


def _stalled(handler: Any, **config: Any) -> tuple[FakeConnection, StalledTransport]:
    transport = StalledTransport()
    return FakeConnection(handler, config=config, transport=transport), transport


async def big(request: Any) -> Any:
    return text(BIG)


async def test_a_close_whose_writes_never_flush_is_aborted_after_the_tcp_close_timeout() -> None:
    conn, transport = _stalled(big)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    await conn.settle()
    assert transport.closed and transport.pending
    await conn.advance(4.9)
    assert not transport.aborted
    await conn.advance(0.1)  # GRACEFUL_TCP_CLOSE_TIMEOUT (5 s) without any progress
    assert transport.aborted and transport.lost and conn.protocol.flow.closed


async def test_a_close_that_flushes_slowly_is_never_cut() -> None:
    conn, transport = _stalled(big, GRACEFUL_TCP_CLOSE_TIMEOUT=2)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    await conn.settle()
    for _ in range(10):  # 20 s, a little read every 1.9 s
        await conn.advance(1.9)
        transport.client_reads(1000)
    assert not transport.aborted and not transport.lost
    transport.client_reads(len(transport.buffer))
    await conn.settle()
    assert transport.lost and not transport.aborted
    [res] = parse_responses(bytes(transport.buffer))
    assert res.body == BIG.encode()


async def test_keep_alive_close_with_unread_response_is_aborted() -> None:
    conn, transport = _stalled(big, KEEP_ALIVE_TIMEOUT=2, GRACEFUL_TCP_CLOSE_TIMEOUT=3)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    await conn.advance(2)
    assert transport.closed and not transport.aborted
    await conn.advance(3)
    assert transport.aborted


async def test_response_timeout_of_a_stream_the_client_never_reads_ends_the_connection() -> None:
    async def stream(request: Any) -> None:
        response = await request.respond()
        for _ in range(100):
            await response.send(BIG)
        await response.eof()

    conn, transport = _stalled(stream, RESPONSE_TIMEOUT=3)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert transport.pending < 2 * len(BIG) + HIGH_WATER  # the stream waits for drain
    await conn.advance(3)
    assert transport.closed and not transport.aborted
    await conn.advance(5)
    assert transport.aborted and transport.lost


async def test_timeout_answer_stuck_behind_unread_responses_is_cut() -> None:
    # Pipelined requests: the first answer fills the client's buffer, the second waits
    # for a drain that never comes; at RESPONSE_TIMEOUT its 503 cannot go out either.
    conn, transport = _stalled(big, RESPONSE_TIMEOUT=3)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * 2)
    http = conn.protocol.http
    await conn.settle()
    assert len(parse_responses(bytes(transport.buffer))) == 1
    await conn.advance(3)
    assert not transport.closed
    await conn.advance(4.9)
    assert not transport.aborted
    await conn.advance(0.1)
    assert transport.aborted and transport.lost
    await conn.settle()
    assert http is not None and http.task is None
    assert conn.protocol.http is None  # released with its Task


def _ping(payload: bytes) -> bytes:
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return struct.pack("!BB", 0x89, 0x80 | len(payload)) + mask + masked


_UPGRADE = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


async def test_websocket_peer_that_reads_no_pongs_is_not_read_until_it_does() -> None:
    release = asyncio.Event()

    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        await release.wait()  # never reads: pongs are the library's answer to pings
        await ws.close()

    conn, transport = _stalled(handler, WEBSOCKET_PING_INTERVAL=0)
    conn.receive(_UPGRADE)
    await conn.settle()
    assert transport.buffer.startswith(b"HTTP/1.1 101 ")
    pings = _ping(b"p" * 125) * 100
    for _ in range(10):  # 130 KB of pings: a pong each
        if transport.reading_paused:
            break
        conn.receive(pings)
        await conn.settle()
    assert transport.reading_paused
    assert transport.pending < HIGH_WATER + len(pings)
    transport.client_reads(transport.pending)  # the client reads its pongs
    assert not transport.reading_paused
    conn.receive(pings)  # and its next pings are answered again
    await conn.settle()
    assert transport.pending == 100 * (2 + 125)  # a pong (unmasked) for each ping
    release.set()
    transport.client_reads(transport.pending)
    await conn.advance(11)
    assert transport.lost


async def test_websocket_peer_that_reads_nothing_fails_the_keepalive_ping() -> None:
    # The handler's send() waits for a drain that never comes; the keepalive ping is
    # queued anyway, and with no pong by its timeout the connection is dropped.
    outcome: list[BaseException] = []

    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        try:
            while True:
                await ws.send(BIG)
        except Exception as error:
            outcome.append(error)

    conn, transport = _stalled(handler, WEBSOCKET_PING_INTERVAL=2, WEBSOCKET_PING_TIMEOUT=3)
    conn.receive(_UPGRADE)
    await conn.settle()
    assert transport.pending < 2 * len(BIG) + HIGH_WATER
    await conn.advance(4.9)
    assert not transport.aborted
    await conn.advance(0.1)
    assert transport.aborted and transport.lost
    await conn.settle()
    assert [type(error).__name__ for error in outcome] == ["ConnectionClosedError"]
    assert outcome[0].sent is not None and outcome[0].sent.code == 1011


async def test_websocket_keepalive_goes_on_while_pongs_come() -> None:
    release = asyncio.Event()

    async def handler(request: Any) -> None:
        await request.transport.get_protocol().websocket_handshake(request)
        await release.wait()

    conn, transport = _stalled(handler, WEBSOCKET_PING_INTERVAL=2, WEBSOCKET_PING_TIMEOUT=3)
    conn.receive(_UPGRADE)
    await conn.settle()
    head = len(transport.buffer)
    for _ in range(5):
        await conn.advance(2)
        frame = bytes(transport.buffer[head:])
        head = len(transport.buffer)
        assert frame[0] == 0x89  # a ping: answer it
        payload = frame[2 : 2 + frame[1]]
        mask = b"\x00\x00\x00\x00"
        conn.receive(struct.pack("!BB", 0x8A, 0x80 | len(payload)) + mask + payload)
        await conn.settle()
    assert not transport.aborted and not transport.closed
    release.set()
    transport.client_reads(transport.pending)
    await conn.advance(11)
    assert transport.lost
