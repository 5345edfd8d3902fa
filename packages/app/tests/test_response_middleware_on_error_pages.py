"""A response middleware that returns something other than a response (a truthy value)
gets a 500, on an error page (404, 405, a handler's or an exception handler's answer) as
on a handler's response, as in Sanic."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException
from hurtle_http.response import text


class Teapot(Exception):
    pass


@pytest.fixture
def junk_app(app: Sanic) -> tuple[Sanic, list[str]]:
    seen: list[str] = []

    @app.on_response
    async def junk(request: Any, response: Any) -> Any:
        seen.append(f"junk {response.status}")
        return "not a response"

    @app.on_response(priority=1)  # response middleware: a higher priority runs later
    async def later(request: Any, response: Any) -> None:
        seen.append(f"later {response.status}")

    @app.get("/ok")
    async def ok(request: Any) -> Any:
        return text("ok")

    @app.get("/fail")
    async def fail(request: Any) -> Any:
        raise SanicException("brewing", status_code=418)

    @app.get("/handled")
    async def handled(request: Any) -> Any:
        raise Teapot("short and stout")

    @app.exception(Teapot)
    async def on_teapot(request: Any, exc: Exception) -> Any:
        return text(f"handled {exc}", status=299)

    return app, seen


@pytest.mark.parametrize(
    ("method", "path", "first"),
    [
        ("GET", "/ok", 200),
        ("GET", "/nothing", 404),
        ("DELETE", "/ok", 405),
        ("GET", "/fail", 418),
        ("GET", "/handled", 299),
    ],
)
async def test_a_non_response_from_response_middleware_is_a_500(
    junk_app: tuple[Sanic, list[str]], call: Any, method: str, path: str, first: int
) -> None:
    # Hurtle sent the error page as it was (the 404, 405, 418 or the handler's 299),
    # dropping the value; a handler's 200 got the 500 already.
    app, seen = junk_app
    sent = await call(method, path)
    assert sent.status == 500
    assert "Invalid response type 'not a response' (need HTTPResponse)" in sent.text
    # The chain stops at the value and does not run again on the 500.
    assert seen == [f"junk {first}"]


async def test_the_500_goes_through_the_exception_handlers(app: Sanic, call: Any) -> None:
    @app.on_response
    async def junk(request: Any, response: Any) -> Any:
        return ["not", "a", "response"]

    @app.exception(Exception)
    async def everything(request: Any, exc: Exception) -> Any:
        return text(f"{type(exc).__name__}: {exc}", status=503)

    sent = await call("GET", "/nothing")
    assert sent.status == 503
    assert (
        sent.text
        == "ServerError: Invalid response type ['not', 'a', 'response'] (need HTTPResponse)"
    )


async def test_falsy_values_leave_the_error_page_alone(app: Sanic, call: Any) -> None:
    @app.on_response
    async def falsy(request: Any, response: Any) -> Any:
        response.headers["x-seen"] = str(response.status)
        return ""

    sent = await call("GET", "/nothing")
    assert sent.status == 404
    assert sent.headers["x-seen"] == "404"
