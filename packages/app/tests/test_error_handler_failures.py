"""What is sent when error handling itself fails, and adding routes after a run."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_app.handlers import ErrorHandler
from hurtle_app.state import Mode
from hurtle_http.response import text


class _BrokenPages(ErrorHandler):
    def default(self, request: Any, exception: BaseException) -> Any:
        raise RuntimeError("the page broke")


@pytest.mark.parametrize("debug", [False, True])
async def test_an_error_handler_that_raises_gives_a_plain_500(
    debug: bool, send_to: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = Sanic("Broken", error_handler=_BrokenPages(), configure_logging=False)
    if debug:
        app.state.mode = Mode.DEBUG

    @app.get("/")
    async def index(request: Any) -> Any:
        raise ValueError("first")

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await send_to(app, "GET", "/")
    assert sent.status == 500
    if debug:
        assert sent.text.startswith("Error while handling error: the page broke\nStack: ")
        assert 'raise RuntimeError("the page broke")' in sent.text
    else:
        assert sent.text == "An error occurred while handling an error"
    assert "Exception occurred in the error handler" in caplog.messages


async def test_routes_added_after_router_reset_are_served(app: Sanic, call: Any) -> None:
    @app.get("/one")
    async def one(request: Any) -> Any:
        return text("one")

    assert (await call("GET", "/one")).text == "one"
    app.router.reset()

    @app.get("/two")
    async def two(request: Any) -> Any:
        return text("two")

    await app._startup()  # what every runner does when it starts serving
    assert (await call("GET", "/two")).text == "two"
    assert (await call("GET", "/one")).text == "one"


async def test_a_handler_returning_no_response_is_answered_by_the_exception_handlers(
    app: Sanic, call: Any
) -> None:
    # As Sanic: the 500 for an exception handler's non-response (a str here) goes through
    # the exception handlers like any error, so a handler for Exception answers it; it
    # was always the default page.
    from hurtle_http.exceptions import NotFound

    @app.get("/gone")
    async def gone(request: Any) -> Any:
        raise NotFound("gone")

    async def not_a_response(request: Any, exception: Exception) -> Any:
        return "a string"

    async def anything(request: Any, exception: Exception) -> Any:
        return text(f"caught: {exception}", status=599)

    app.error_handler.add(NotFound, not_a_response)
    app.exception(Exception)(anything)
    sent = await call("GET", "/gone")
    assert sent.status == 599
    assert sent.text == "caught: Invalid response type 'a string' (need HTTPResponse)"


class _PagesReadingTheBody(ErrorHandler):
    """As memegen's error reporter: the default page reads ``request.json``."""

    def default(self, request: Any, exception: BaseException) -> Any:
        request.ctx.seen = request.json
        return super().default(request, exception)


async def test_a_default_page_failing_with_an_http_error_is_the_500_not_that_errors_page(
    send_to: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: the body that is not JSON makes default() raise BadRequest; the client
    # gets the 500 for a failed error page, not a 400 for the body it never had to send.
    app = Sanic("ReadsBody", error_handler=_PagesReadingTheBody(), configure_logging=False)

    @app.post("/")
    async def index(request: Any) -> Any:
        raise RuntimeError("first")

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await send_to(app, "POST", "/", {"content-type": "application/json"}, b"{bad")
    assert sent.status == 500
    assert sent.text == "An error occurred while handling an error"
    assert "Exception occurred in the error handler" in caplog.messages


async def test_a_sync_handler_returning_none_then_a_failing_default_page_is_the_500(
    send_to: Any,
) -> None:
    app = Sanic("NoneThenBody", error_handler=_PagesReadingTheBody(), configure_logging=False)

    @app.post("/")
    async def index(request: Any) -> Any:
        raise KeyError("first")

    @app.exception(KeyError)
    def nothing(request: Any, exception: BaseException) -> None:
        return None

    sent = await send_to(app, "POST", "/", {"content-type": "application/json"}, b"{bad")
    assert sent.status == 500
    assert sent.text == "An error occurred while handling an error"
