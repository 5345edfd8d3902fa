"""Clients that end or lose the connection while a handler is at work: the connection
ends with the work, never idles on after it, and a streaming handler learns at once that
its data goes nowhere."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, ResettingTransport, parse_responses


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


async def test_a_half_closed_client_is_closed_after_its_answer() -> None:
    gate = asyncio.Event()

    async def slow(request: Any) -> Any:
        await gate.wait()
        return text("late")

    conn = FakeConnection(slow)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert conn.protocol.eof_received() is True  # the answer is still to be written
    gate.set()
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"late"
    assert res.header("connection") == "close"
    # Before, the connection stayed open (its Task parked) until KEEP_ALIVE_TIMEOUT
    # though no request can come: 1,000 such clients held 1,000 descriptors and Tasks.
    assert conn.closed


async def test_a_half_closed_client_gets_every_pipelined_answer_then_the_close() -> None:
    gate = asyncio.Event()

    async def slow(request: Any) -> Any:
        await gate.wait()
        return text(request.path)

    conn = FakeConnection(slow)
    conn.receive(b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert conn.protocol.eof_received() is True
    gate.set()
    await conn.settle()
    first, second = parse_responses(conn.take())
    assert (first.body, second.body) == (b"/a", b"/b")
    assert first.header("connection") != "close"
    assert second.header("connection") == "close"
    assert conn.closed


async def test_a_half_closed_client_with_a_partial_head_is_closed_after_the_answer() -> None:
    gate = asyncio.Event()

    async def slow(request: Any) -> Any:
        await gate.wait()
        return text("done")

    conn = FakeConnection(slow)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /never-ends HTTP/1.1\r\nHo")
    await conn.settle()
    assert conn.protocol.eof_received() is True
    gate.set()
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"done"
    assert conn.closed


async def test_requests_held_back_unparsed_are_answered_before_the_close() -> None:
    gate = asyncio.Event()

    async def slow(request: Any) -> Any:
        await gate.wait()
        return text(request.path)

    conn = FakeConnection(slow, config={"REQUEST_BUFFER_QUEUE_SIZE": 1})
    # One large read (parsed a few KB at a time; what follows the waiting request is
    # held back unparsed until the queue drains).
    pad = b"X-Pad: " + b"p" * 3000 + b"\r\n"
    conn.receive(b"".join(b"GET /%d HTTP/1.1\r\nHost: x\r\n%s\r\n" % (i, pad) for i in range(8)))
    assert conn.protocol.http._held
    await conn.settle()
    assert conn.protocol.eof_received() is True
    gate.set()
    await conn.settle()
    responses = parse_responses(conn.take())
    assert [r.body for r in responses] == [b"/%d" % i for i in range(8)]
    assert responses[-1].header("connection") == "close"
    assert conn.closed
