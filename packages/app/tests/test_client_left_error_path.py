"""A client that goes away before its response started (mid-body, or while the handler
awaits): as in Sanic 25.12, the handler is cancelled and the request then goes through
the app's error path with ``RequestCancelled``: ``server.exception.report``,
``http.lifecycle.exception``, an exception handler registered for ``RequestCancelled``
(or ``CancelledError``; not one for ``Exception``), the response middleware with the
500, ``http.lifecycle.response``. Nothing reaches the client, nothing is logged as an
error, and ``http.lifecycle.send`` is not dispatched. A connection the server closed
itself (a stop past its grace) runs none of it, as in Sanic."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import RequestCancelled
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection


def _observe(app: Sanic, seen: list[str], *, lifecycle: bool = False, catch: Any = RequestCancelled) -> None:
    """Record what the app sees of a request's end in ``seen``."""

    @app.post("/slow")
    async def slow(request: Any) -> Any:
        seen.append(f"handler body={len(request.body)}")
        await asyncio.Event().wait()

    @app.post("/upload")
    async def upload(request: Any) -> Any:
        seen.append("handler")
        return text("ok")

    @app.exception(catch)
    async def on_cancelled(request: Any, exception: BaseException) -> Any:
        seen.append(f"error handler {type(exception).__name__}")
        return text("gone", status=500)

    @app.exception(Exception)
    async def on_error(request: Any, exception: BaseException) -> Any:
        seen.append(f"Exception handler {type(exception).__name__}")
        return text("error", status=500)

    @app.signal("server.exception.report")
    async def on_report(exception: BaseException) -> None:
        seen.append(f"report {type(exception).__name__}")

    @app.signal("http.lifecycle.exception")
    async def on_exception(request: Any, exception: BaseException) -> None:
        seen.append(f"exception signal {type(exception).__name__}")

    @app.on_request
    async def on_request(request: Any) -> None:
        seen.append("request middleware")

    @app.on_response
    async def on_response(request: Any, response: Any) -> None:
        seen.append(f"response middleware {response.status}")

    if lifecycle:

        @app.signal("http.lifecycle.response")
        async def on_response_signal(request: Any, response: Any) -> None:
            seen.append(f"response signal {response.status}")

        @app.signal("http.lifecycle.send")
        async def on_send(data: bytes) -> None:
            seen.append("send signal")


@pytest.mark.parametrize("lifecycle", [False, True], ids=["plain", "lifecycle-signals"])
@pytest.mark.parametrize("catch", [RequestCancelled, asyncio.CancelledError], ids=lambda c: c.__name__)
async def test_a_client_leaving_while_the_handler_awaits_runs_the_error_path(
    app: Sanic, caplog: pytest.LogCaptureFixture, lifecycle: bool, catch: Any
) -> None:
    seen: list[str] = []
    _observe(app, seen, lifecycle=lifecycle, catch=catch)
    app.config.ACCESS_LOG = True
    await app._startup()
    conn = FakeConnection(app)
    with caplog.at_level(logging.DEBUG):
        conn.receive(b"POST /slow HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\nhi")
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    expected = [
        "request middleware",
        "handler body=2",
        "report RequestCancelled",
        "exception signal RequestCancelled",
        "error handler RequestCancelled",
        "response middleware 500",
    ]
    if lifecycle:
        expected.append("response signal 500")
    assert seen == expected
    assert conn.take() == b""
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    # One access line, Sanic's last one for it (its first, "500 4", is for bytes that
    # never went out).
    assert [(r.status, r.byte) for r in caplog.records if r.name == "sanic.access"] == [
        (500, "DISCONNECTED")
    ]


async def test_a_client_leaving_mid_body_runs_the_error_path_without_the_handler(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: a plain route's body is read before its request middleware, which the
    # error path does not run for it either (as for a response timeout there).
    seen: list[str] = []
    _observe(app, seen, lifecycle=True)
    await app._startup()
    conn = FakeConnection(app)
    with caplog.at_level(logging.DEBUG):
        conn.receive(b"POST /upload HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\n" + b"x" * 10)
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    assert seen == [
        "report RequestCancelled",
        "exception signal RequestCancelled",
        "error handler RequestCancelled",
        "response middleware 500",
        "response signal 500",
    ]
    assert conn.take() == b""
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_connection_the_server_closed_runs_no_error_path(app: Sanic) -> None:
    # The stop past its grace aborts the connection, then its loss cancels the handler:
    # as in Sanic ("Request: ... stopped. Transport is closed."), nothing more runs.
    seen: list[str] = []
    _observe(app, seen)
    await app._startup()
    conn = FakeConnection(app)
    conn.receive(b"POST /slow HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\nhi")
    await conn.settle()
    conn.protocol.abort()
    conn.protocol.connection_lost(None)
    await conn.settle()
    assert seen == ["request middleware", "handler body=2"]
