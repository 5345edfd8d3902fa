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
    # As Sanic 25.12: the first record defined after a reset is number 1.
    assert Middleware(lambda r: None, MiddlewareLocation.RESPONSE).definition == 1
    assert Middleware(lambda r: None, "request").definition == 2


def test_every_way_of_adding_middleware_records_its_priority(app: Sanic) -> None:
    def mw(*args: Any) -> None:
        return None

    app.register_middleware(mw, priority=7)
    app.middleware(mw, "response", priority=6)
    app.on_request(mw, priority=5)

    @app.on_response(priority=4)
    def decorated(request: Any, response: Any) -> None:
        return None

    request = [(m.func, m.priority) for m in app.request_middleware]
    response = [(m.func, m.priority) for m in app.response_middleware]
    assert request == [(mw, 7), (mw, 5)]
    assert response == [(decorated.func, 4), (mw, 6)]  # newest first, as Sanic lists them
    assert all(m.location is MiddlewareLocation.REQUEST for m in app.request_middleware)
    assert app.request_middleware[0].order == (7, -app.request_middleware[0].definition)


def test_a_record_registered_with_a_priority_is_listed_with_it(app: Sanic) -> None:
    def mw(request: Any) -> None:
        return None

    record = Middleware(mw, MiddlewareLocation.REQUEST, priority=1)
    app.register_middleware(record, priority=9)
    app.register_named_middleware(record, ["index"], priority=8)
    assert [m.priority for m in app.request_middleware] == [9]
    assert [m.priority for m in app.named_request_middleware["index"]] == [8]
    assert record.priority == 1


async def test_named_middleware_is_listed_under_the_name_given(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    def short(request: Any) -> None:
        seen.append("short")

    def full(request: Any) -> None:
        seen.append("full")

    app.register_named_middleware(short, ["index"])
    app.register_named_middleware(full, ["TestApp.index"])
    assert sorted(app.named_request_middleware) == ["TestApp.index", "index"]
    _route(app, seen)
    await call("GET", "/")
    assert seen == ["short", "full", "handler"]


async def test_the_same_function_registered_twice_runs_twice(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    def low(request: Any) -> None:
        seen.append("low")

    def twice(request: Any) -> None:
        seen.append("twice")

    app.on_request(twice)
    app.on_request(low, priority=1)
    app.on_request(twice, priority=2)
    _route(app, seen)
    await call("GET", "/")
    assert seen == ["twice", "low", "twice", "handler"]
    assert len(app.request_middleware) == 3


def test_a_record_calls_its_function() -> None:
    record = Middleware(lambda request: f"saw {request}", MiddlewareLocation.REQUEST)
    assert record("r") == "saw r"
    assert repr(record) == "Middleware(func=<function <lambda>>, priority=0, location=REQUEST)"


async def test_records_appended_to_the_apps_deques_run(app: Sanic, call: Any) -> None:
    # Extensions (Sanic-CORS) put middleware straight into app.request_middleware and
    # app.response_middleware, as Sanic keeps its app-wide middleware there.
    seen: list[str] = []

    def registered(request: Any) -> None:
        seen.append("registered")

    def first(request: Any) -> None:
        seen.append("first")

    def plain(request: Any) -> None:
        seen.append("plain")

    def stamp(request: Any, response: Any) -> None:
        response.headers["x-stamp"] = "1"

    app.register_middleware(registered)
    app.request_middleware.appendleft(Middleware(first, MiddlewareLocation.REQUEST, priority=99))
    app.request_middleware.append(plain)
    app.response_middleware.append(Middleware(stamp, MiddlewareLocation.RESPONSE))
    assert app.request_middleware is app.request_middleware  # the same deque each time
    _route(app, seen)
    response = await call("GET", "/")
    assert (response.text, response.headers.get("x-stamp")) == ("ok", "1")
    assert seen == ["first", "registered", "plain", "handler"]


def test_middleware_convert_makes_records_of_functions() -> None:
    def func(request: Any) -> None: ...

    record = Middleware(func, MiddlewareLocation.REQUEST, priority=3)
    converted = Middleware.convert([record], [func], location=MiddlewareLocation.REQUEST)
    assert converted[0] is record
    assert converted[1].func is func and converted[1].priority == 0
    assert converted[1].location is MiddlewareLocation.REQUEST


def test_response_middleware_is_listed_newest_first(app: Sanic) -> None:
    # As Sanic's deque (the order they run in); request middleware in registration order.
    @app.on_response
    async def one(request: Any, response: Any) -> None: ...

    @app.on_response
    async def two(request: Any, response: Any) -> None: ...

    @app.on_request
    async def first(request: Any) -> None: ...

    @app.on_request
    async def second(request: Any) -> None: ...

    assert list(app.response_middleware) == [two, one]
    assert list(app.request_middleware) == [first, second]


def test_finalizing_lists_app_wide_middleware_by_priority_as_sanic() -> None:
    """Before start-up the deques list registration order; ``finalize()`` orders them by
    priority (request: highest first, response: lowest first), then by definition."""
    app = Sanic("SortedLists")
    for name, priority in [("r1", 0), ("r2", 3), ("r3", 0), ("r4", 3), ("r5", -1)]:
        app.on_request(_named(name, 1), priority=priority)
    for name, priority in [("s1", 0), ("s2", 3), ("s3", 0), ("s4", 3), ("s5", -1)]:
        app.on_response(_named(name, 2), priority=priority)
    _route(app, [])

    def listed() -> tuple[list[str], list[str]]:
        return (
            [m.func.__name__ for m in app.request_middleware],
            [m.func.__name__ for m in app.response_middleware],
        )

    assert listed() == (["r1", "r2", "r3", "r4", "r5"], ["s5", "s4", "s3", "s2", "s1"])
    request_deque = app.request_middleware
    app.finalize()
    assert listed() == (["r2", "r4", "r1", "r3", "r5"], ["s5", "s3", "s1", "s4", "s2"])
    assert app.request_middleware is not request_deque  # a new deque, as Sanic's


def _named(name: str, arity: int) -> Any:
    async def request_mw(request: Any) -> None:
        return None

    async def response_mw(request: Any, response: Any) -> None:
        return None

    func = request_mw if arity == 1 else response_mw
    func.__name__ = name
    return func
