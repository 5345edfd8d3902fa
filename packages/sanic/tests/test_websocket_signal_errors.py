"""A ``websocket.handler.before`` or ``websocket.handler.exception`` handler that raises: as
in Sanic, its error is the request's, not the websocket handler's: it goes to the error
handling (``http.lifecycle.exception``, error handlers, response middleware, logged as a
request's error) and ``http.handler.after`` does not run. Sanic then writes the error page
on the upgraded connection (the client fails with 1002); Hurtle closes the websocket
cleanly instead (RFC 6455 5.2: after the handshake only frames are sent)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from sanic import Sanic, response
from sanic.signals import Event


def _app(name: str, case: str) -> tuple[Sanic, list[str]]:
    app = Sanic(name)
    seen: list[str] = []

    @app.signal(Event.WEBSOCKET_HANDLER_BEFORE)
    async def before(request: Any, websocket: Any) -> None:
        if case == "before":
            raise RuntimeError("before-boom")

    @app.signal(Event.WEBSOCKET_HANDLER_EXCEPTION)
    async def failed(request: Any, websocket: Any, exception: Exception) -> None:
        seen.append(f"websocket.handler.exception {exception!r}")
        if case == "exception":
            raise RuntimeError("exception-boom")

    @app.signal(Event.HTTP_LIFECYCLE_EXCEPTION)
    async def lifecycle_exception(request: Any, exception: Exception) -> None:
        seen.append(f"http.lifecycle.exception {exception!r}")

    @app.signal(Event.HTTP_HANDLER_AFTER)
    async def handler_after(request: Any) -> None:
        seen.append("http.handler.after")

    @app.exception(RuntimeError)
    async def handled(request: Any, exception: Exception) -> Any:
        seen.append(f"error handler {exception!r}")
        return response.text("handled", status=500)

    @app.on_response
    async def response_middleware(request: Any, resp: Any) -> None:
        seen.append(f"response middleware {resp.status}")

    @app.websocket("/ws")
    async def ws(request: Any, ws: Any) -> None:
        seen.append("handler")
        if case == "exception":
            raise ValueError("handler-boom")
        await ws.send("hello")

    return app, seen


async def _client(ws: Any, got: list[str]) -> None:
    try:
        got.append(f"got {await asyncio.wait_for(ws.recv(), 2)!r}")
    except Exception as error:
        got.append(f"{type(error).__name__} {getattr(error.rcvd, 'code', None)}")


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "before",
            [
                "http.lifecycle.exception RuntimeError('before-boom')",
                "error handler RuntimeError('before-boom')",
            ],
        ),
        (
            "exception",
            [
                "handler",
                "websocket.handler.exception ValueError('handler-boom')",
                "http.lifecycle.exception RuntimeError('exception-boom')",
                "error handler RuntimeError('exception-boom')",
            ],
        ),
    ],
)
def test_a_raising_signal_handler_goes_to_the_error_handling(
    case: str, expected: list[str]
) -> None:
    app, seen = _app(f"WsSignalRaises_{case}", case)
    got: list[str] = []
    app.test_client.websocket("/ws", mimic=lambda ws: _client(ws, got))
    assert seen == [*expected, "response middleware 500"]  # no http.handler.after
    assert got == ["ConnectionClosedOK 1000"]  # a close frame, no error page


def test_a_quiet_before_handler_changes_nothing() -> None:
    app, seen = _app("WsBeforeQuiet", "none")
    got: list[str] = []
    app.test_client.websocket("/ws", mimic=lambda ws: _client(ws, got))
    assert seen == ["handler", "http.handler.after"]
    assert got == ["got 'hello'"]
