"""A request no route takes: the exception signals come before the app-wide middleware."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import text


async def test_a_request_no_route_takes_is_reported_before_the_middleware_runs(
    app: Sanic, call: Any
) -> None:
    # As Sanic: the 404 is announced (exception signals) first, even when request
    # middleware then answers the request or fails itself.
    seen: list[str] = []

    @app.signal("http.lifecycle.exception")
    async def lifecycle(request: Any, exception: Exception) -> None:
        seen.append(f"exception {type(exception).__name__}")

    @app.on_request
    async def middleware(request: Any) -> Any:
        seen.append(f"middleware {request.path}")
        if request.path == "/fails":
            raise IndexError("from middleware")
        if request.path == "/answers":
            return text("from middleware")
        return None

    assert (await call("GET", "/missing")).status == 404
    assert (await call("GET", "/answers")).status == 200
    assert (await call("GET", "/fails")).status == 500
    assert seen == [
        "exception NotFound",
        "middleware /missing",
        "exception NotFound",
        "middleware /answers",
        "exception NotFound",
        "middleware /fails",
        "exception IndexError",
    ]
