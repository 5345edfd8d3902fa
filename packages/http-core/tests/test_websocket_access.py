"""A websocket's access-log lines (``OPEN``, ``CLOSE``/``CLOSE_ABN``), as Sanic writes them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from .test_websocket import WsServer, echo_handler


async def _lines(caplog: pytest.LogCaptureFixture, count: int) -> list[logging.LogRecord]:
    for _ in range(100):  # the CLOSE line comes when the connection is gone
        records = [r for r in caplog.records if r.name == "sanic.access"]
        if len(records) >= count:
            return records
        await asyncio.sleep(0.05)
    return [r for r in caplog.records if r.name == "sanic.access"]


def _fields(record: logging.LogRecord) -> tuple[Any, ...]:
    return (record.getMessage(), record.status, record.byte, record.duration)


async def test_a_client_close_is_logged_with_its_code_and_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = WsServer(echo_handler, ACCESS_LOG=True)
    with caplog.at_level(logging.INFO, logger="sanic.access"):
        async with server as url:
            async with connect(url + "?x=1") as client:
                await client.send("hi")
                await client.recv()
                await client.close(4000, "bye")
            opened, closed = await _lines(caplog, 2)
    assert _fields(opened) == ("OPEN", "", "", "")
    assert _fields(closed) == ("CLOSE", 4000, "'bye' from client", "")
    assert opened.request == closed.request == " \U0001f50c " + url + "?x=1"
    assert opened.host == closed.host and opened.host.startswith("127.0.0.1:")
    # In the order of an HTTP access line's fields.
    names = [n for n in vars(closed) if n in ("status", "byte", "host", "request", "duration")]
    assert names == ["status", "byte", "host", "request", "duration"]


async def test_a_client_that_vanishes_is_an_abnormal_close(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = WsServer(echo_handler, ACCESS_LOG=True)
    with caplog.at_level(logging.INFO, logger="sanic.access"):
        async with server as url:
            client = await connect(url)
            await client.send("hi")
            await client.recv()
            client.transport.abort()  # no close frame
            _, closed = await _lines(caplog, 2)
    assert _fields(closed) == ("CLOSE_ABN", 1006, "ABNORMAL from client", "")


async def test_a_server_close_is_logged_as_from_the_server(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: CLOSE_ABN whenever the server closed first, even cleanly; a code without
    # a reason shows Sanic's name for it (1001 "GOING AWAY", 1011 "SERVER ERR", else none).
    async def close_with(ws: Any) -> None:
        await ws.close(int(await ws.recv()))

    server = WsServer(close_with, ACCESS_LOG=True)
    with caplog.at_level(logging.INFO, logger="sanic.access"):
        async with server as url:
            for code in ("1001", "1011", "4000"):
                async with connect(url) as client:
                    await client.send(code)
                    with contextlib.suppress(ConnectionClosed):
                        await client.recv()
            records = await _lines(caplog, 6)
    closes = [_fields(r) for r in records if r.getMessage() != "OPEN"]
    assert closes == [
        ("CLOSE_ABN", 1001, "GOING AWAY from server", ""),
        ("CLOSE_ABN", 1011, "SERVER ERR from server", ""),
        ("CLOSE_ABN", 4000, " from server", ""),
    ]


async def test_no_websocket_lines_without_the_access_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = WsServer(echo_handler)
    with caplog.at_level(logging.INFO, logger="sanic.access"):
        async with server as url:
            async with connect(url) as client:
                await client.send("hi")
                await client.recv()
            await asyncio.wait_for(server.done.wait(), 5)
    assert [r for r in caplog.records if r.name == "sanic.access"] == []
