"""A handler raising a BaseException that is not a cancellation (KeyboardInterrupt,
SystemExit, a user's own): the client gets a 500 and the server goes on. GeneratorExit is
how a coroutine is closed: the connection coroutine must not await after it."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_http.testing import FakeConnection, parse_responses

from .conftest import exchange, hello


class Custom(BaseException):
    pass


@pytest.mark.parametrize("kind", [KeyboardInterrupt, SystemExit, Custom])
async def test_base_exception_in_a_handler_is_a_500_and_a_close(
    kind: type[BaseException], caplog: pytest.LogCaptureFixture
) -> None:
    async def handler(request: Any) -> Any:
        if request.path == "/boom":
            raise kind("boom")
        return await hello(request)

    conn = FakeConnection(handler)
    with caplog.at_level(logging.ERROR, "sanic.error"):
        # Before, the connection closed with no answer at all.
        [res] = await exchange(conn, b"GET /boom HTTP/1.1\r\nhost: x\r\n\r\n")
    assert res.status == 500
    assert res.header("connection") == "close"
    assert conn.closed
    assert any(r.exc_info and r.exc_info[0] is kind for r in caplog.records)
    # The server is fine: a new connection is served.
    [res] = await exchange(FakeConnection(handler), b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
    assert res.status == 200


async def test_base_exception_after_a_suspension_is_a_500_too() -> None:
    async def handler(request: Any) -> Any:
        await asyncio.sleep(0)
        raise KeyboardInterrupt

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 500


async def test_closing_the_connection_coroutine_mid_handler_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # What a loop shut down under a Task does when it destroys it: close() throws
    # GeneratorExit into its coroutine, which must end without awaiting (an error page).
    async def handler(request: Any) -> Any:
        await asyncio.Event().wait()

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
    await conn.settle()
    task = conn.protocol.http.task
    assert task is not None and not task.done()
    with caplog.at_level(logging.ERROR):
        task.get_coro().close()  # RuntimeError: coroutine ignored GeneratorExit, before
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert not caplog.records
