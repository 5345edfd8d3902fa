"""``Middleware`` records (``sanic.middleware.Middleware``) registered on an app."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from hurtle_app.middleware import Middleware, MiddlewareLocation
from hurtle_http.response import text


def _route(app: Sanic, seen: list[str]) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        seen.append("handler")
        return text("ok")


async def test_a_record_built_with_the_location_enum_registers_its_function(
    app: Sanic, call: Any
) -> None:
    seen: list[str] = []

    def low(request: Any) -> None:
        seen.append("low")

    def high(request: Any) -> None:
        seen.append("high")

    app.register_middleware(Middleware(low, MiddlewareLocation.REQUEST, priority=1))
    record = Middleware(high, MiddlewareLocation.REQUEST, priority=2)
    assert app.register_middleware(record) is record
    _route(app, seen)
    assert (await call("GET", "/")).text == "ok"
    assert seen == ["high", "low", "handler"]


async def test_an_explicit_priority_wins_over_the_records_own(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    def first(request: Any) -> None:
        seen.append("first")

    def second(request: Any) -> None:
        seen.append("second")

    app.register_middleware(first, priority=5)
    record = Middleware(second, MiddlewareLocation.REQUEST, priority=1)
    app.register_middleware(middleware=record, priority=9)
    _route(app, seen)
    await call("GET", "/")
    assert seen == ["second", "first", "handler"]
    assert record.priority == 1


async def test_attach_to_decides_where_a_record_runs(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    def after(request: Any, response: Any) -> None:
        seen.append("after")

    app.register_middleware(Middleware(after, MiddlewareLocation.REQUEST), "response")
    app.register_named_middleware(
        Middleware(after, MiddlewareLocation.RESPONSE), ["TestApp.index"], "response"
    )
    _route(app, seen)
    await call("GET", "/")
    assert seen[0] == "handler" and "after" in seen


def test_reset_count_restarts_the_definition_order() -> None:
    Middleware(lambda r: None, "request")
    Middleware.reset_count()
    assert Middleware(lambda r: None, MiddlewareLocation.RESPONSE).order == 0
    assert Middleware(lambda r: None, "request").order == 1
