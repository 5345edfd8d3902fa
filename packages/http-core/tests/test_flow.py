"""Flow control: reading pauses when the body buffer is full, writing waits for drain."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_http.flow import FlowControl
from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, FakeTransport, parse_responses

from .conftest import exchange, hello


async def test_reading_pauses_when_unread_body_exceeds_the_buffer_and_resumes_on_read() -> None:
    release = asyncio.Event()
    seen: list[bytes] = []

    async def handler(request: Any) -> Any:
        await release.wait()
        async for chunk in request.stream:
            seen.append(chunk)
        return text(str(sum(map(len, seen))))

    conn = FakeConnection(HandlerApp(handler, stream=True), config={"REQUEST_BUFFER_SIZE": 10})
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n\r\n" + b"a" * 8)
    await conn.settle()
    assert not conn.transport.reading_paused
    conn.receive(b"b" * 8)
    await conn.settle()
    assert conn.transport.reading_paused
    release.set()
    await conn.settle()
    assert not conn.transport.reading_paused
    conn.receive(b"c" * 14)
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"30"


async def test_many_pipelined_requests_pause_reading_until_answered() -> None:
    gate = asyncio.Event()

    async def handler(request: Any) -> Any:
        await gate.wait()
        return text("ok")

    conn = FakeConnection(handler, config={"REQUEST_BUFFER_QUEUE_SIZE": 3})
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * 5)
    await conn.settle()
    assert conn.transport.reading_paused
    gate.set()
    await conn.settle()
    assert len(parse_responses(conn.take())) == 5
    assert not conn.transport.reading_paused


async def test_writer_waits_while_the_transport_is_paused() -> None:
    async def handler(request: Any) -> None:
        response = await request.respond()
        await response.send("one")
        await response.send("two")
        await response.eof()

    conn = FakeConnection(handler)
    conn.protocol.pause_writing()
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert conn.take() == b""
    conn.protocol.resume_writing()
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"onetwo"


async def test_drain_raises_when_the_connection_is_lost_while_waiting() -> None:
    flow = FlowControl(FakeTransport(), asyncio.get_running_loop())
    flow.pause_writing()
    waiter = asyncio.ensure_future(flow.drain())
    await asyncio.sleep(0)
    flow.connection_lost(None)
    with pytest.raises(ConnectionResetError):
        await waiter


async def test_drain_returns_at_once_when_not_paused() -> None:
    flow = FlowControl(FakeTransport(), asyncio.get_running_loop())
    await flow.drain()
    assert not flow.writing_paused


async def test_pause_and_resume_reading_reach_the_transport_once() -> None:
    transport = FakeTransport()
    flow = FlowControl(transport, asyncio.get_running_loop())
    flow.pause_reading()
    flow.pause_reading()
    assert transport.reading_paused and flow.reading_paused
    flow.resume_reading()
    assert not transport.reading_paused


async def test_small_requests_never_pause_reading() -> None:
    conn = FakeConnection(hello)
    for _ in range(10):
        await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
    assert not conn.transport.reading_paused


async def test_a_large_read_of_pipelined_requests_is_parsed_as_the_queue_drains() -> None:
    # 2,000 tiny requests in one read: only about one 4 KB piece of it becomes Requests
    # beyond REQUEST_BUFFER_QUEUE_SIZE; the rest waits, unparsed, and is answered in order.
    gate = asyncio.Event()

    async def handler(request: Any) -> Any:
        await gate.wait()
        return text(request.path)

    conn = FakeConnection(handler, config={"REQUEST_BUFFER_QUEUE_SIZE": 10})
    wire = b"".join(b"GET /%d HTTP/1.1\r\nHost: x\r\n\r\n" % i for i in range(2000))
    conn.receive(wire)
    await conn.settle()
    begun = conn.protocol.state["requests_count"]
    assert begun < 10 + 4096 // 20 + 2
    assert conn.transport.reading_paused
    gate.set()
    for _ in range(200):
        await conn.settle()
        if conn.protocol.state["requests_count"] == 2000 and not conn.transport.reading_paused:
            break
    conn.receive(b"GET /last HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    bodies = [res.body for res in parse_responses(conn.take())]
    assert bodies == [b"/%d" % i for i in range(2000)] + [b"/last"]
