"""The access lines of a websocket (``sanic.access``): one when it opens, one when it
closes, as Sanic writes them."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from websockets.asyncio.client import connect

from .test_websocket import WsServer, echo_handler


async def _records(caplog: pytest.LogCaptureFixture, count: int) -> list[Any]:
    for _ in range(500):  # at most 5 s: the close line comes when the connection ends
        found = [r for r in caplog.records if r.name == "sanic.access"]
        if len(found) >= count:
            return found
        await asyncio.sleep(0.01)
    return [r for r in caplog.records if r.name == "sanic.access"]


def _fields(record: Any) -> tuple[Any, ...]:
    return (record.getMessage(), record.request, record.status, record.byte, record.duration)


async def test_open_and_client_close_lines(caplog: pytest.LogCaptureFixture) -> None:
    server = WsServer(echo_handler, ACCESS_LOG=True)
    with caplog.at_level("INFO", logger="sanic.access"):
        async with server as url:
            async with connect(url) as client:
                await client.send("x")
                await client.recv()
                await client.close(1001, "gone")
            opened, closed = await _records(caplog, 2)
    target = f" \N{ELECTRIC PLUG} {url}"
    assert _fields(opened) == ("OPEN", target, "", "", "")
    assert _fields(closed) == ("CLOSE", target, 1001, "'gone' from client", "")
    assert opened.host == closed.host and opened.host.startswith("127.0.0.1:")


@pytest.mark.parametrize(("code", "byte"), [(1000, "NORMAL from server"), (4002, " from server"),
                                            (1011, "SERVER ERR from server")])
async def test_a_close_by_the_handler_names_its_code(
    caplog: pytest.LogCaptureFixture, code: int, byte: str
) -> None:
    async def handler(ws: Any) -> None:
        await ws.close(code)

    server = WsServer(handler, ACCESS_LOG=True)
    with caplog.at_level("INFO", logger="sanic.access"):
        async with server as url, connect(url) as client:
            await client.wait_closed()
            _, closed = await _records(caplog, 2)
    assert (closed.status, closed.byte) == (code, byte)


async def test_a_client_that_vanishes_is_an_abnormal_close(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = WsServer(echo_handler, ACCESS_LOG=True)
    with caplog.at_level("INFO", logger="sanic.access"):
        async with server as url:
            client = await connect(url)
            client.transport.abort()  # no close frame
            _, closed = await _records(caplog, 2)
    assert (closed.getMessage(), closed.status, closed.byte) == (
        "CLOSE_ABN", 1006, "ABNORMAL from client"
    )


async def test_no_lines_without_the_access_log(caplog: pytest.LogCaptureFixture) -> None:
    server = WsServer(echo_handler)
    with caplog.at_level("INFO", logger="sanic.access"):
        async with server as url:
            async with connect(url) as client:
                await client.send("x")
                await client.recv()
            await asyncio.wait_for(server.done.wait(), 5)
    assert [r for r in caplog.records if r.name == "sanic.access"] == []
