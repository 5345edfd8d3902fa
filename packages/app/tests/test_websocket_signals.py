"""Websocket handlers: the ``websocket.handler.*`` signals around them, and what a
handler's error does (logged and signalled; no error handler, no response middleware)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text

from .conftest import run_asgi

SCOPE = {"type": "websocket", "headers": [(b"host", b"x")], "subprotocols": []}


def _signals(app: Sanic, seen: list[Any]) -> None:
    @app.signal("websocket.handler.before")
    async def before(request: Any, websocket: Any) -> None:
        seen.append("before")
        await websocket.send("before: " + await websocket.recv())

    @app.signal("websocket.handler.after")
    async def after(request: Any, websocket: Any) -> None:
        seen.append("after")
        await websocket.send("after: " + await websocket.recv())

    @app.signal("websocket.handler.exception")
    async def failed(request: Any, websocket: Any, exception: Exception) -> None:
        seen.append(f"exception {exception}")
        await websocket.send(f"exception: {exception}")

    @app.signal("http.handler.after")
    async def handler_after(request: Any) -> None:
        seen.append("http.handler.after")

    @app.exception(ValueError)
    async def handled(request: Any, exception: Exception) -> Any:
        seen.append("error handler")
        return text("handled", status=418)

    @app.on_response
    async def response_middleware(request: Any, response: Any) -> None:
        seen.append("response middleware")

    @app.websocket("/ok")
    async def ok(request: Any, ws: Any) -> None:
        seen.append("handler")

    @app.websocket("/fail")
    async def fail(request: Any, ws: Any) -> None:
        seen.append("handler")
        raise ValueError(await ws.recv())


def _texts(sent: list[dict[str, Any]]) -> list[str]:
    return [m["text"] for m in sent if m["type"] == "websocket.send"]


def _receive(*texts: str) -> list[dict[str, Any]]:
    return [{"type": "websocket.connect"}] + [
        {"type": "websocket.receive", "text": t} for t in texts
    ]


async def test_before_and_after_signals_run_around_the_handler(app: Sanic) -> None:
    seen: list[Any] = []
    _signals(app, seen)
    sent = await run_asgi(app, {**SCOPE, "path": "/ok"}, _receive("one", "two"))
    assert _texts(sent) == ["before: one", "after: two"]
    assert seen == ["before", "handler", "after", "http.handler.after"]


async def test_a_failing_handler_is_logged_and_signalled_not_handled(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[Any] = []
    _signals(app, seen)
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        sent = await run_asgi(app, {**SCOPE, "path": "/fail"}, _receive("one", "boom"))
    assert _texts(sent) == ["before: one", "exception: boom"]
    assert seen == ["before", "handler", "exception boom", "http.handler.after"]
    assert any(
        r.getMessage().startswith("Exception occurred while handling uri") for r in caplog.records
    )


async def test_a_failing_handler_without_signals_is_only_logged(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[Any] = []

    @app.exception(ValueError)
    async def handled(request: Any, exception: Exception) -> Any:
        seen.append("error handler")
        return text("handled", status=418)

    @app.websocket("/fail")
    async def fail(request: Any, ws: Any) -> None:
        raise ValueError("boom")

    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        sent = await run_asgi(app, {**SCOPE, "path": "/fail"}, _receive())
    assert seen == []
    assert sent[0] == {"type": "websocket.accept"}
    logged = [str(r.exc_info[1]) for r in caplog.records if r.exc_info]
    assert logged == ["boom"]


async def test_websocket_closed_raised_by_a_handler_is_signalled_not_logged(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: a handler that writes after its own close() ends with WebsocketClosed (a
    # SanicException): websocket.handler.exception gets it, and being quiet it is not
    # logged. Hurtle's WebsocketClosed is also a ConnectionClosed, so it ended the handler
    # silently, unsignalled.
    seen: list[Any] = []

    @app.signal("websocket.handler.exception")
    async def failed(request: Any, websocket: Any, exception: Exception) -> None:
        seen.append(f"{type(exception).__name__}: {exception}")

    @app.websocket("/late")
    async def late(request: Any, ws: Any) -> None:
        await ws.close()
        await ws.send("late")

    with caplog.at_level(logging.DEBUG, logger="sanic.error"):
        await run_asgi(app, {**SCOPE, "path": "/late"}, _receive())
    assert [s.split(":")[0][:15] for s in seen] == ["WebsocketClosed"]
    assert seen[0].endswith(": Cannot write to websocket interface after it is closed.")
    assert [r for r in caplog.records if r.exc_info] == []
