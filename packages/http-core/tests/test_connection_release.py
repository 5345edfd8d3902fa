"""A connection that is over (lost, its Task done) is freed by reference counting.

Its ``Http``, requests and response referred back to it and to its protocol, so only the
cyclic collector freed them; a connection that lived through a collection was promoted,
and then stayed in memory until a full collection, which a big heap makes rare (the
stress5 probe: 800 connections of 5 requests, closed, four times: 3,153 still held, and
RSS growing; Sanic's are freed at the close).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from hurtle_http.exceptions import BadRequest
from hurtle_http.http import Http
from hurtle_http.request import Request
from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses


@pytest.fixture
def no_cycle_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def alive() -> tuple[int, int]:
    """Live ``Http`` and ``Request`` objects."""
    objects = gc.get_objects()
    return (
        sum(isinstance(o, Http) for o in objects),
        sum(isinstance(o, Request) for o in objects),
    )


async def hello(request: Any) -> Any:
    return text("hello")


async def streaming(request: Any) -> Any:
    response = await request.respond(content_type="text/plain")
    for _ in range(1000):
        await response.send(b"x" * 100)
        await asyncio.sleep(0)
    await response.eof()


async def served_then_closed(conn: FakeConnection) -> None:
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    await conn.settle()
    assert parse_responses(conn.take())[0].body == b"hello"
    assert conn.closed


async def client_leaves_after_a_request(conn: FakeConnection) -> None:
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert parse_responses(conn.take())[0].body == b"hello"
    conn.client_disconnects()  # the connection's Task was parked, waiting for more
    await conn.settle()


async def client_resets_mid_stream(conn: FakeConnection) -> None:
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    for _ in range(5):
        await asyncio.sleep(0)
    assert conn.take().startswith(b"HTTP/1.1 200 OK")
    conn.client_disconnects()
    await conn.settle()


async def client_leaves_mid_body(conn: FakeConnection) -> None:
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
    await conn.settle()
    conn.client_disconnects()
    await conn.settle()


async def upgrade_answered_then_closed(conn: FakeConnection) -> None:
    # httptools ends the head of every Upgrade request with an error (as for each
    # websocket): the answer to it left the error and the frames that read the request in
    # a cycle, and the protocol with them.
    conn.receive(
        b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, close\r\nUpgrade: other\r\n\r\n"
    )
    await conn.settle()
    assert parse_responses(conn.take())[0].body == b"hello"
    assert conn.closed


@pytest.mark.parametrize(
    ("handler", "scenario"),
    [
        (hello, served_then_closed),
        (hello, client_leaves_after_a_request),
        (streaming, client_resets_mid_stream),
        (hello, client_leaves_mid_body),
        (hello, upgrade_answered_then_closed),
    ],
    ids=["connection-close", "client-leaves-idle", "reset-mid-stream", "gone-mid-body", "upgrade"],
)
@pytest.mark.usefixtures("no_cycle_collector")
async def test_a_finished_connection_is_freed_without_the_cycle_collector(
    handler: Any, scenario: Callable[[FakeConnection], Awaitable[None]]
) -> None:
    before = alive()
    for _ in range(5):
        conn = FakeConnection(handler)
        await scenario(conn)
        assert conn.protocol.http is None  # released
        del conn
    await asyncio.sleep(0)
    assert alive() == before


async def test_a_task_reading_the_body_after_the_connection_was_released_still_fails() -> None:
    # The release drops the connection's requests; a body cut short by the client must
    # not then read as complete (None) for a task of the handler that outlives it.
    go = asyncio.Event()
    outcome: list[Any] = []

    async def late_reader(request: Any) -> None:
        await go.wait()
        try:
            while (piece := await request.stream.read()) is not None:
                outcome.append(piece)
            outcome.append("complete")
        except Exception as error:
            outcome.append(error)

    async def handler(request: Any) -> Any:
        keep.append(asyncio.ensure_future(late_reader(request)))
        await asyncio.Event().wait()  # until the connection is lost

    keep: list[asyncio.Future] = []
    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")
    await conn.settle()
    conn.client_disconnects()
    await conn.settle()
    assert conn.protocol.http is None  # released
    go.set()
    await asyncio.wait(keep, timeout=5)
    assert len(outcome) == 1 and isinstance(outcome[0], BadRequest), outcome
