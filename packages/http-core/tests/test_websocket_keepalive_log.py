"""A websocket dropped because its client never answered a keepalive ping says so in the
log (WARNING, ``sanic.websockets``), as Sanic does; before, only the access line (when
the access log is on) told why the connection ended. Also: websocket settings of the
wrong type (from SANIC_ variables), as Sanic takes them."""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

import pytest

from hurtle_http.exceptions import SanicException
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection

_UPGRADE = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


async def test_a_ping_timeout_is_logged_as_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        await ws.recv()

    config = {"WEBSOCKET_PING_INTERVAL": 2, "WEBSOCKET_PING_TIMEOUT": 3}
    conn = FakeConnection(handler, config=config)
    with caplog.at_level(logging.INFO, logger="sanic.websockets"):
        conn.receive(_UPGRADE)
        await conn.settle()
        await conn.advance(4.9)  # pinged at 2 s, unanswered: not yet
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        await conn.advance(0.2)
        await conn.settle()
    warnings = [
        (r.name, r.getMessage()) for r in caplog.records if r.levelno == logging.WARNING
    ]
    assert warnings == [("sanic.websockets", "Websocket timed out waiting for pong")]


async def _frames_after(config: dict[str, Any], seconds: float) -> tuple[bytes, bool]:
    async def handler(request: Any) -> None:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        await ws.recv()

    conn = FakeConnection(handler, config=config)
    conn.receive(_UPGRADE)
    await conn.settle()
    # (bounded: before, the fake clock fired a timer at NaN again and again)
    await asyncio.wait_for(conn.advance(seconds), 5)
    head, _, frames = conn.take().partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 101")
    return frames, conn.closed


def _opcodes(frames: bytes) -> list[int]:
    opcodes = []
    while frames:  # (server frames: unmasked, short payloads)
        opcodes.append(frames[0])
        frames = frames[2 + frames[1] :]
    return opcodes


async def test_a_nan_ping_interval_sends_no_pings() -> None:
    # As Sanic: no pings, quietly. Before, the keepalive scheduled a timer at NaN: in
    # uvloop a logged `ValueError: cannot convert float NaN to integer`, in asyncio a
    # ping on every loop turn.
    frames, closed = await _frames_after({"WEBSOCKET_PING_INTERVAL": float("nan")}, 60)
    assert frames == b"" and not closed


async def test_a_nan_ping_timeout_sets_no_limit() -> None:
    # As a ping timeout of None: pings go on at each interval and an unanswered one never
    # fails the connection (Sanic's keepalive sends one and waits on). Before, the
    # connection failed with 1011 at once (asyncio) or the keepalive died with a logged
    # ValueError (uvloop).
    config = {"WEBSOCKET_PING_INTERVAL": 2, "WEBSOCKET_PING_TIMEOUT": float("nan")}
    frames, closed = await _frames_after(config, 60)
    assert _opcodes(frames) == [0x89] * 30 and not closed  # a ping every 2 s, no close frame


async def test_a_ping_timeout_closes_with_1011_and_no_reason() -> None:
    # As Sanic: the close frame is 1011 alone (the reason is in the log, above). It
    # carried the library's "keepalive ping timeout".
    frames, closed = await _frames_after(
        {"WEBSOCKET_PING_INTERVAL": 2, "WEBSOCKET_PING_TIMEOUT": 3}, 6
    )
    assert frames[:1] == b"\x89"  # the ping (payload: 4 bytes)
    assert frames[6:] == b"\x88\x02\x03\xf3"  # close 1011, no reason
    assert closed


@pytest.mark.parametrize("interval", ["abc", "1", [1]])
async def test_a_ping_interval_that_is_no_number_sends_no_pings(
    interval: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: no pings and nothing logged (WEBSOCKET_PING_INTERVAL from a typo'd
    # SANIC_ variable). Before, the keepalive task failed on its first wait: a
    # "Task exception was never retrieved" TypeError traceback in the log.
    with caplog.at_level(logging.DEBUG):
        frames, closed = await _frames_after({"WEBSOCKET_PING_INTERVAL": interval}, 60)
        gc.collect()
        await asyncio.sleep(0)
    assert frames == b"" and not closed
    assert not [r.getMessage() for r in caplog.records if "never retrieved" in r.getMessage()]


@pytest.mark.parametrize("size", [10.5, "abc"])
async def test_a_max_size_the_library_refuses_fails_the_handshake_as_sanic_says(
    size: Any,
) -> None:
    # WEBSOCKET_MAX_SIZE = "10.5" from a SANIC_ variable is a float: Sanic answers 500
    # "Failed to open a WebSocket connection." (the cause in its log). The handler got the
    # library's bare TypeError, and the client the generic 500 page.
    seen: list[Any] = []

    async def handler(request: Any) -> Any:
        try:
            await request.transport.get_protocol().websocket_handshake(request)
        except Exception as error:
            seen.append(error)
            return text("refused")

    conn = FakeConnection(handler, config={"WEBSOCKET_MAX_SIZE": size})
    conn.receive(_UPGRADE)
    await conn.settle()
    [error] = seen
    assert isinstance(error, SanicException) and error.status_code == 500
    assert str(error).startswith("Failed to open a WebSocket connection.\nSee server log")
    assert isinstance(error.__cause__, (TypeError, ValueError))


@pytest.mark.parametrize("timeout", [0, -1])
async def test_a_ping_timeout_of_zero_or_below_allows_no_time(timeout: float) -> None:
    # As Sanic: the first ping is followed by a close 1011 (before, 0 meant no limit:
    # a ping every interval, the connection kept).
    frames, closed = await _frames_after(
        {"WEBSOCKET_PING_INTERVAL": 2, "WEBSOCKET_PING_TIMEOUT": timeout}, 6
    )
    assert frames[:1] == b"\x89" and frames[6:] == b"\x88\x02\x03\xf3"
    assert closed


async def test_a_ping_timeout_of_none_waits_for_the_pong() -> None:
    frames, closed = await _frames_after(
        {"WEBSOCKET_PING_INTERVAL": 2, "WEBSOCKET_PING_TIMEOUT": None}, 6
    )
    assert _opcodes(frames) == [0x89] * 3 and not closed  # pings at 2, 4 and 6 s
