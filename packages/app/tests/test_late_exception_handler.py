"""An exception raised after part of the response went out: no exception handler runs.

Sanic 25.12 neither calls the app's exception handler for it (its page could not be
sent) nor logs the default handler's line: it logs the exception itself on
``sanic.error``, that the error page is not sent, and a warning naming the handler.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text


async def test_the_exception_handler_is_not_run_once_data_went_out(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []

    @app.exception(KeyError)
    def on_key_error(request: Any, exception: BaseException) -> Any:
        ran.append("handler")
        return text("custom", status=418)

    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        await response.send("partial")
        raise KeyError("late")

    with caplog.at_level(logging.WARNING):
        sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.text == "partial"
    assert ran == []
    by_logger = [(r.name, r.levelname) for r in caplog.records]
    assert ("sanic.error", "ERROR") in by_logger
    late = [r for r in caplog.records if r.name == "sanic.error"]
    assert late[0].exc_info is not None and late[0].getMessage() == "'late'"
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("on_key_error" in message for message in warned)


async def test_the_handler_still_answers_when_nothing_was_sent(app: Sanic, call: Any) -> None:
    @app.exception(KeyError)
    def on_key_error(request: Any, exception: BaseException) -> Any:
        return text("custom", status=418)

    @app.get("/")
    async def index(request: Any) -> None:
        await request.respond(content_type="text/plain")
        raise KeyError("early")

    sent = await call("GET", "/")
    assert sent.status == 418
    assert sent.text == "custom"
