"""A streaming handler whose ``send`` finds its connection closed by the server (a stop
past ``GRACEFUL_SHUTDOWN_TIMEOUT`` closes it before the handler's task is cancelled)
and lets that ``RequestCancelled`` escape: the client is gone, so nothing more runs for
the request, as when the client left (no ``http.lifecycle.exception``, no exception
handler, no error logged). Sanic's handler gets a plain ``CancelledError`` there and
runs nothing more either."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import RequestCancelled
from hurtle_http.testing import FakeConnection


async def test_a_send_to_a_connection_the_server_closed_runs_no_error_path(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[Any] = []
    go_on = asyncio.Event()

    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        await response.send("first")
        await go_on.wait()
        try:
            await response.send("second")
        except BaseException as error:
            seen.append(type(error))
            raise

    @app.signal("http.lifecycle.exception")
    async def on_exception(request: Any, exception: BaseException) -> None:
        seen.append(("signal", type(exception)))

    @app.exception(Exception)
    async def handler(request: Any, exception: BaseException) -> None:
        seen.append(("handler", type(exception)))

    await app._startup()
    conn = FakeConnection(app)
    with caplog.at_level(logging.DEBUG):
        conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
        await conn.settle()
        assert b"first" in conn.take()
        go_on.set()
        conn.protocol.close()  # the server's stop closes the connection
        await conn.settle()
    assert seen == [RequestCancelled]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
