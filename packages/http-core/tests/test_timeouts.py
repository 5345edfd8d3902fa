"""Keep-alive, request and response timeouts, exact to the second with a fake clock."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

from .conftest import exchange, hello

GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
TIMEOUTS = {"KEEP_ALIVE_TIMEOUT": 5, "REQUEST_TIMEOUT": 10, "RESPONSE_TIMEOUT": 20}


async def test_idle_keep_alive_connection_closes_silently_at_the_timeout() -> None:
    conn = FakeConnection(hello, config=TIMEOUTS)
    await exchange(conn, GET)
    await conn.advance(4.99)
    assert not conn.closed
    await conn.advance(0.01)
    assert conn.closed
    assert conn.take() == b""  # no response for an idle close


async def test_each_request_restarts_the_keep_alive_timer() -> None:
    conn = FakeConnection(hello, config=TIMEOUTS)
    for _ in range(3):
        await conn.advance(4)
        [res] = await exchange(conn, GET)
        assert res.status == 200
    assert not conn.closed


async def test_incomplete_head_gets_408_at_the_request_timeout() -> None:
    conn = FakeConnection(hello, config=TIMEOUTS)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n")
    await conn.advance(9.9)
    assert conn.take() == b"" and not conn.closed
    await conn.advance(0.1)
    [res] = parse_responses(conn.take())
    assert res.status == 408 and res.header("connection") == "close"
    assert b"Request Timeout" in res.body
    assert conn.closed


async def test_trickling_head_is_cut_off_after_request_timeout_in_total() -> None:
    # Slowloris: one byte a second never resets the clock.
    conn = FakeConnection(hello, config=TIMEOUTS)
    head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 50
    for byte in head[:10]:
        conn.receive(bytes([byte]))
        await conn.advance(1)
    [res] = parse_responses(conn.take())
    assert res.status == 408 and conn.closed


async def test_second_request_head_has_its_own_request_timeout() -> None:
    conn = FakeConnection(hello, config=TIMEOUTS)
    await exchange(conn, GET)
    await conn.advance(3)
    conn.receive(b"GET / HT")
    await conn.advance(9.5)
    assert not conn.closed
    conn.receive(b"TP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 200


async def test_slow_handler_gets_503_at_the_response_timeout() -> None:
    never = asyncio.Event()
    cancelled = []

    async def handler(request: Any) -> Any:
        try:
            await never.wait()
        except asyncio.CancelledError:
            cancelled.append(True)
            raise
        return text("late")

    conn = FakeConnection(handler, config=TIMEOUTS)
    conn.receive(GET)
    await conn.advance(19.5)
    assert conn.take() == b""
    await conn.advance(0.5)
    [res] = parse_responses(conn.take())
    assert res.status == 503 and b"Response Timeout" in res.body
    assert res.header("connection") == "close"
    assert cancelled == [True] and conn.closed


async def test_a_handler_cut_by_a_timeout_is_told_why() -> None:
    # As Sanic 25.12: the CancelledError a timeout throws into the handler carries the
    # message "Cancel connection task with a timeout" (a handler logging it says so); it
    # had none, as for a client that left. Both a slow handler (RESPONSE_TIMEOUT) and a
    # stream=True handler waiting for the rest of its body (REQUEST_TIMEOUT).
    seen: list[tuple] = []

    async def slow(request: Any) -> Any:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError as error:
            seen.append(error.args)
            raise

    async def reader(request: Any) -> Any:
        try:
            async for _ in request.stream:
                pass
        except asyncio.CancelledError as error:
            seen.append(error.args)
            raise

    conn = FakeConnection(slow, config=TIMEOUTS)
    conn.receive(GET)
    await conn.advance(20)
    [res] = parse_responses(conn.take())
    assert res.status == 503
    conn = FakeConnection(HandlerApp(reader, config=TIMEOUTS, stream=True))
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
    await conn.advance(20)
    [res] = parse_responses(conn.take())
    assert res.status == 503
    assert seen == [("Cancel connection task with a timeout",)] * 2


async def test_streaming_response_that_keeps_sending_is_not_timed_out() -> None:
    tick = asyncio.Queue()

    async def handler(request: Any) -> None:
        response = await request.respond()
        while (piece := await tick.get()) is not None:
            await response.send(piece)
        await response.eof()

    conn = FakeConnection(handler, config=TIMEOUTS)
    conn.receive(GET)
    for _ in range(5):
        await conn.advance(15)
        tick.put_nowait("x")
    tick.put_nowait(None)
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"xxxxx"


async def test_stalled_streaming_response_is_cut_not_answered_twice() -> None:
    never = asyncio.Event()

    async def handler(request: Any) -> None:
        response = await request.respond()
        await response.send("start")
        await never.wait()

    conn = FakeConnection(handler, config=TIMEOUTS)
    conn.receive(GET)
    await conn.advance(20)
    raw = conn.take()
    assert raw.count(b"HTTP/1.1") == 1 and b"503" not in raw
    assert conn.closed


async def test_zero_or_negative_request_timeout_allows_no_time_for_a_head() -> None:
    # As Sanic 25.12: REQUEST_TIMEOUT = 0 (or below) is a limit of no time, not "no limit":
    # a head that does not come whole is answered 408 at the next check (within 0.1 s).
    # Hurtle read it as no limit, so a client could hold the connection with half a head.
    for value in (0, -1):
        conn = FakeConnection(hello, config={**TIMEOUTS, "REQUEST_TIMEOUT": value})
        conn.receive(b"GET / HT")
        await conn.advance(0.1)
        [res] = parse_responses(conn.take())
        assert res.status == 408 and conn.closed
        # A head in one read is answered as usual.
        conn = FakeConnection(hello, config={**TIMEOUTS, "REQUEST_TIMEOUT": value})
        [res] = await exchange(conn, GET)
        assert res.status == 200 and not conn.closed


async def test_zero_or_negative_response_timeout_allows_a_handler_no_time() -> None:
    # As Sanic 25.12: RESPONSE_TIMEOUT = 0 (or below) answers 503 to a handler still
    # waiting at the next check (within 0.1 s); one that only yields is answered.
    async def sleepy(request: Any) -> Any:
        await asyncio.sleep(0.3)
        return text("late")

    async def quick(request: Any) -> Any:
        await asyncio.sleep(0)
        return text("quick")

    for value in (0, -1):
        conn = FakeConnection(sleepy, config={**TIMEOUTS, "RESPONSE_TIMEOUT": value})
        conn.receive(GET)
        await conn.advance(0.1)
        [res] = parse_responses(conn.take())
        assert res.status == 503 and conn.closed
        conn = FakeConnection(quick, config={**TIMEOUTS, "RESPONSE_TIMEOUT": value})
        [res] = await exchange(conn, GET)
        assert res.status == 200 and res.body == b"quick"


async def test_a_check_between_a_head_and_its_handler_does_not_lose_the_request() -> None:
    # A check that comes after a head is complete but before the connection's task took
    # the request up (same loop turn) is not yet the handler's time: with a zero response
    # timeout it cancelled the task before it began, and the client got no answer at all
    # (seen on a real socket about one time in three).
    conn = FakeConnection(hello, config={**TIMEOUTS, "RESPONSE_TIMEOUT": 0})
    conn.receive(GET)
    conn.protocol.check_timeouts()
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 200 and not conn.closed


async def test_zero_keep_alive_and_request_timeouts_wait_no_time_for_a_first_request() -> None:
    # With no keep-alive, the wait for a connection's first request is REQUEST_TIMEOUT's;
    # 0 there too closes a connection that sent nothing at the next check (as Sanic).
    conn = FakeConnection(
        hello, config={**TIMEOUTS, "KEEP_ALIVE_TIMEOUT": 0, "REQUEST_TIMEOUT": 0}
    )
    await conn.advance(0.1)
    assert conn.closed and conn.take() == b""


async def test_zero_keep_alive_timeout_keeps_no_connection_alive() -> None:
    # Sanic closes a connection at once after its response when KEEP_ALIVE_TIMEOUT is 0
    # (as nginx and gunicorn read 0: no keep-alive). Hurtle kept such connections open
    # forever; now it answers "Connection: close" and closes (Sanic says keep-alive).
    for ka in (0, -1):
        conn = FakeConnection(hello, config={**TIMEOUTS, "KEEP_ALIVE_TIMEOUT": ka})
        [res] = await exchange(conn, GET)
        assert res.status == 200
        assert res.header("connection") == "close"
        await conn.settle()
        assert conn.closed


async def test_zero_keep_alive_timeout_bounds_the_first_wait_by_request_timeout() -> None:
    conn = FakeConnection(hello, config={**TIMEOUTS, "KEEP_ALIVE_TIMEOUT": 0})
    await conn.advance(9.9)
    assert not conn.closed
    await conn.advance(0.1)
    assert conn.closed
    assert conn.take() == b""


async def test_one_timer_per_connection_not_per_request() -> None:
    conn = FakeConnection(hello, config=TIMEOUTS)
    for _ in range(50):
        await exchange(conn, GET)
    # the connection's own timer, and the loop's Date ticker (hurtle_http.datefield)
    assert conn.clock.pending_timers() == 2


async def test_empty_lines_do_not_hold_an_idle_connection_open() -> None:
    # RFC 9112 2.2: empty lines before a request line may be ignored, but a client sending
    # one every few seconds kept its idle connection (and its descriptor) forever.
    conn = FakeConnection(hello, config=TIMEOUTS)
    await exchange(conn, GET)
    for _ in range(10):  # 30 s of "\r\n" every 3 s: more than 2 keep-alive timeouts
        if conn.closed:
            break
        await conn.advance(3)
        conn.receive(b"\r\n")
    assert conn.closed
    assert conn.take() == b""


async def test_a_request_after_empty_lines_is_answered_and_restarts_the_timer() -> None:
    conn = FakeConnection(hello, config=TIMEOUTS)
    await exchange(conn, GET)
    for _ in range(2):
        await conn.advance(3)
        conn.receive(b"\r\n")
    [res] = await exchange(conn, GET)
    assert res.status == 200
    await conn.advance(4.99)
    assert not conn.closed
    await conn.advance(0.01)
    assert conn.closed


async def test_each_timeout_that_ends_a_connection_is_logged_at_debug(caplog: Any) -> None:
    # As Sanic: the reason a connection was closed is on `sanic.root` at DEBUG, which is
    # what a debug-mode run prints.
    never = asyncio.Event()

    async def slow(request: Any) -> Any:
        await never.wait()

    def said() -> list[tuple[str, int, str]]:
        return [
            (r.name, r.levelno, r.getMessage())
            for r in caplog.records
            if "Timeout" in r.getMessage()
        ]

    caplog.set_level(logging.DEBUG, logger="sanic.root")
    conn = FakeConnection(hello, config=TIMEOUTS)
    await exchange(conn, GET)
    await conn.advance(5)
    assert conn.closed
    assert said() == [("sanic.root", logging.DEBUG, "KeepAlive Timeout. Closing connection.")]

    caplog.clear()
    conn = FakeConnection(hello, config=TIMEOUTS)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n")
    await conn.advance(10)
    assert said() == [("sanic.root", logging.DEBUG, "Request Timeout. Closing connection.")]

    caplog.clear()
    conn = FakeConnection(slow, config=TIMEOUTS)
    conn.receive(GET)
    await conn.advance(20)
    assert said() == [("sanic.root", logging.DEBUG, "Response Timeout. Closing connection.")]


NAN = float("nan")


async def test_a_nan_keep_alive_timeout_sets_no_limit() -> None:
    # As Sanic: a deadline at NaN never comes. It was taken for 0 (no keep-alive): every
    # response said `connection: close` and the connection closed.
    conn = FakeConnection(hello, config={**TIMEOUTS, "KEEP_ALIVE_TIMEOUT": NAN})
    [res] = await exchange(conn, GET)
    assert res.status == 200 and res.header("connection") != "close"
    await conn.advance(600)
    assert not conn.closed
    [res] = await exchange(conn, GET)
    assert res.status == 200


def _nan_timers(conn: FakeConnection) -> list[float]:
    return [when for when, _, t in conn.clock._timers if not t._cancelled and when != when]


async def test_a_nan_request_timeout_sets_no_limit() -> None:
    # A timer scheduled at NaN fails in uvloop (`ValueError: cannot convert float NaN to
    # integer`, logged at each check) and fires on every loop turn in asyncio.
    conn = FakeConnection(hello, config={**TIMEOUTS, "REQUEST_TIMEOUT": NAN})
    conn.receive(b"GET / HTTP/1.1\r\nHo")
    await asyncio.wait_for(conn.advance(1), 5)  # (bounded: see below)
    assert not _nan_timers(conn)
    await conn.advance(600)
    assert conn.take() == b"" and not conn.closed  # no 408
    [res] = await exchange(conn, b"st: x\r\n\r\n")
    assert res.status == 200


async def test_a_nan_response_timeout_sets_no_limit() -> None:
    release = asyncio.Event()

    async def handler(request: Any) -> Any:
        await release.wait()
        return text("late")

    conn = FakeConnection(handler, config={**TIMEOUTS, "RESPONSE_TIMEOUT": NAN})
    conn.receive(GET)
    # (bounded: before, the fake clock fired the timer at NaN again and again)
    await asyncio.wait_for(conn.advance(1), 5)
    assert not _nan_timers(conn)
    await conn.advance(600)
    assert conn.take() == b"" and not conn.closed  # no 503
    release.set()
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 200 and res.body == b"late"
