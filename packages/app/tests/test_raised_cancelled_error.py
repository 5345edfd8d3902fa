"""A ``CancelledError`` raised by a handler or middleware is an error like any other."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import json, text
from hurtle_http.testing import FakeConnection, parse_responses

# Told from a cancellation of the task by Task.cancelling() (Python 3.11+); on 3.10 every
# CancelledError is taken as a cancellation and propagates (pipeline.raised_by_code).
needs_cancelling = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="Task.cancelling() is Python 3.11+"
)


@needs_cancelling
async def test_exception_handlers_catch_it(app: Sanic, call: Any) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        raise asyncio.CancelledError("stop here")

    @app.exception(asyncio.CancelledError)
    async def on_cancel(request: Any, exc: BaseException) -> Any:
        return json({"said": exc.args[0]}, status=418)

    sent = await call("GET", "/")
    assert sent.status == 418
    assert sent.text == '{"said":"stop here"}'


@needs_cancelling
async def test_without_a_handler_it_is_a_500(app: Sanic, call: Any) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        raise asyncio.CancelledError()

    assert (await call("GET", "/")).status == 500


@needs_cancelling
async def test_from_a_response_middleware_it_is_a_500_and_logged(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    runs: list[int] = []

    @app.on_response
    async def breaks(request: Any, response: Any) -> None:
        runs.append(response.status)
        raise asyncio.CancelledError("in middleware")

    @app.get("/")
    def index(request: Any) -> Any:
        return text("ok")

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.status == 500
    # As Sanic 25.12 (black box): the response middleware runs once per request, so it
    # does not run (and fail) again on the 500; the error is logged as a handler's.
    assert runs == [200]
    assert "Exception occurred while handling uri: 'http://example.com/'" in caplog.messages


async def test_a_failing_response_middleware_on_an_error_page_logs_sanics_message(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.on_response
    async def breaks(request: Any, response: Any) -> None:
        raise ValueError("boom")

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/missing")
    assert sent.status == 404
    assert "Exception occurred in one of response middleware handlers" in caplog.messages


@pytest.mark.parametrize("where", ["handler", "request middleware"])
async def test_a_non_response_value_goes_through_the_response_middleware(
    app: Sanic, call: Any, where: str
) -> None:
    # As Sanic 25.12 (its own suite and black box): the value is offered to the response
    # middleware, which may turn it into a response; when none does, it is a 500 that the
    # response middleware does not see again.
    seen: list[str] = []

    @app.on_request
    def early(request: Any) -> Any:
        return {"a": 1} if where == "request middleware" else None

    @app.on_response
    def wrap(request: Any, value: Any) -> Any:
        seen.append(type(value).__name__)
        if isinstance(value, dict) and request.args.get("wrap"):
            return json({**value, "wrapped": True})
        return None

    @app.get("/")
    async def index(request: Any) -> Any:
        return {"a": 1}

    sent = await call("GET", "/?wrap=1")
    assert (sent.status, sent.text) == (200, '{"a":1,"wrapped":true}')
    assert seen == ["dict"]
    seen.clear()
    sent = await call("GET", "/")
    assert sent.status == 500
    assert "Invalid response type {'a': 1} (need HTTPResponse)" in sent.text
    assert seen == ["dict"]  # not again on the 500 page


async def test_a_handler_returning_none_gets_its_500_through_the_response_middleware(
    app: Sanic, call: Any
) -> None:
    seen: list[int] = []

    @app.on_response
    def note(request: Any, response: Any) -> None:
        seen.append(response.status)

    @app.get("/")
    async def index(request: Any) -> None:
        return None

    assert (await call("GET", "/")).status == 500
    assert seen == [500]


async def test_a_handler_value_no_middleware_turns_into_a_response_is_a_500(
    app: Sanic, call: Any
) -> None:
    @app.on_response
    def ignore(request: Any, value: Any) -> None:
        return None

    @app.get("/")
    async def index(request: Any) -> Any:
        return {"a": 1}

    assert (await call("GET", "/")).status == 500


@needs_cancelling
@pytest.mark.parametrize("where", ["handler", "request middleware"])
async def test_the_connection_is_closed_after_answering_it(app: Sanic, where: str) -> None:
    # As Sanic 25.12 for a handler's: the answer says `connection: close`, the connection
    # closes, and a request pipelined behind it is not served. (From a request middleware
    # Sanic sends no answer at all; Hurtle answers, then closes the same way.)
    @app.on_request
    def early(request: Any) -> None:
        if where == "request middleware" and request.path == "/c":
            raise asyncio.CancelledError()

    @app.get("/c")
    async def cancelled(request: Any) -> Any:
        raise asyncio.CancelledError()

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    await app._startup()
    conn = FakeConnection(app)
    conn.receive(b"GET /c HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
    data = b""
    for _ in range(50):
        await conn.settle()
        data += conn.take()
        if conn.closed:
            break
    answers = parse_responses(data)
    assert [a.status for a in answers] == [500]
    assert answers[0].header("connection") == "close"
    assert conn.closed
