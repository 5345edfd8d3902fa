"""An exception handler that returns no response (``None``, a dict): the 500 for it is
logged with the error it was handling as its context, as Sanic's ("During handling of the
above exception, another exception occurred"), and with a traceback. The logged
``ServerError`` had neither: the log did not say which error the handler was given."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import pytest

from hurtle_app import Sanic


class Original(Exception):
    pass


@pytest.mark.parametrize("returned", [None, {"a": 1}])
async def test_the_500_for_a_non_response_is_chained_to_the_handled_error(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture, returned: Any
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        raise Original("the first error")

    @app.exception(Original)
    async def handler(request: Any, exception: Exception) -> Any:
        return returned

    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        assert (await call("GET", "/")).status == 500
    [record] = [r for r in caplog.records if r.name == "sanic.error"]
    error = record.exc_info[1]
    assert str(error) == f"Invalid response type {returned!r} (need HTTPResponse)"
    assert isinstance(error.__context__, Original)
    text = "".join(traceback.format_exception(error))
    assert "Original: the first error" in text
    assert "During handling of the above exception" in text
    assert text.count("Traceback (most recent call last)") == 2


async def test_the_500_s_handlers_run_with_it_as_the_exception_being_handled(
    app: Sanic, call: Any
) -> None:
    # APM agents (elastic-apm, atatus) report ``sys.exc_info()`` from their error handler
    # wrapper: for the 500 an exception handler's non-response causes, that is the 500 (as
    # Sanic), not the error the handler was given, which was reported twice.
    import sys

    from hurtle_http.response import text

    seen: list[tuple[str, str]] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        raise Original("the first error")

    @app.exception(Original)
    async def handler(request: Any, exception: Exception) -> Any:
        return {"not": "a response"}

    @app.exception(Exception)
    async def catch_all(request: Any, exception: Exception) -> Any:
        seen.append((type(exception).__name__, type(sys.exc_info()[1]).__name__))
        return text("caught", status=500)

    response = await call("GET", "/")
    assert (response.status, response.text) == (500, "caught")
    assert seen == [("ServerError", "ServerError")]


@pytest.mark.parametrize("returned", ["a string", {"a": 1}])
async def test_the_500_for_a_non_response_is_reported_as_an_exception_of_its_own(
    app: Sanic, call: Any, returned: Any
) -> None:
    # As Sanic: that 500 is announced like the error the handler was given, so a
    # ``report_exception`` handler (an error tracker) and ``http.lifecycle.exception``
    # see both; they saw only the first.
    import asyncio

    reported: list[str] = []
    lifecycle: list[str] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        raise Original("the first error")

    @app.exception(Original)
    def handler(request: Any, exception: Exception) -> Any:
        return returned

    @app.report_exception
    async def report(app: Sanic, exception: Exception) -> None:
        reported.append(f"{type(exception).__name__}: {exception}")

    @app.signal("http.lifecycle.exception")
    async def on_exception(request: Any, exception: Exception) -> None:
        lifecycle.append(type(exception).__name__)

    assert (await call("GET", "/")).status == 500
    for _ in range(100):  # the report signal runs as a task of its own
        if len(reported) >= 2:
            break
        await asyncio.sleep(0.01)
    invalid = f"ServerError: Invalid response type {returned!r} (need HTTPResponse)"
    assert reported == ["Original: the first error", invalid]
    assert lifecycle == ["Original", "ServerError"]
