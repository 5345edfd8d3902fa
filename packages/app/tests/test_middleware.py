"""Middleware order: priority first, then definition order; responses reversed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_app import Sanic
from hurtle_app.middleware import MiddlewareRegistry, is_coroutine_callable
from hurtle_http.response import text


def _names(chain):
    return [func.__name__ for func, _ in chain]


def test_request_in_definition_order_response_reversed() -> None:
    registry = MiddlewareRegistry()

    def req_a(request): ...
    def req_b(request): ...
    def res_a(request, response): ...
    def res_b(request, response): ...

    for func, where in (
        (req_a, "request"),
        (res_a, "response"),
        (req_b, "request"),
        (res_b, "response"),
    ):
        registry.add(func, where)
    request_chain, response_chain = registry.chains_for("App.route")
    assert _names(request_chain) == ["req_a", "req_b"]
    assert _names(response_chain) == ["res_b", "res_a"]


def test_priority_runs_first_on_request_and_last_on_response() -> None:
    registry = MiddlewareRegistry()

    def low(request): ...
    def high(request): ...
    def res_low(request, response): ...
    def res_high(request, response): ...

    registry.add(low, "request")
    registry.add(high, "request", priority=5)
    registry.add(res_low, "response")
    registry.add(res_high, "response", priority=5)
    request_chain, response_chain = registry.chains_for("App.route")
    assert _names(request_chain) == ["high", "low"]
    assert _names(response_chain) == ["res_low", "res_high"]


def test_scoped_middleware_only_in_its_routes_chain() -> None:
    registry = MiddlewareRegistry()

    def everywhere(request): ...
    def only_bp(request): ...

    registry.add(everywhere, "request")
    registry.add(only_bp, "request", route_names=["App.bp.index"])
    assert _names(registry.chains_for("App.bp.index")[0]) == ["everywhere", "only_bp"]
    assert _names(registry.chains_for("App.other")[0]) == ["everywhere"]


def test_definition_order_wins_over_registration_order() -> None:
    registry = MiddlewareRegistry()

    def defined_first(request): ...
    def defined_second(request): ...

    registry.add(defined_second, "request", order=20)
    registry.add(defined_first, "request", order=10)
    assert _names(registry.chains_for("x")[0]) == ["defined_first", "defined_second"]


def test_the_chain_records_which_entries_must_be_awaited() -> None:
    registry = MiddlewareRegistry()

    async def async_mw(request): ...
    def sync_mw(request): ...

    registry.add(async_mw, "request")
    registry.add(sync_mw, "request")
    assert [flag for _, flag in registry.chains_for("x")[0]] == [True, False]


def test_coroutine_detection_sees_through_partials_and_callable_objects() -> None:
    from functools import partial

    async def handler(request, extra): ...

    class Callable:
        async def __call__(self, request): ...

    assert is_coroutine_callable(partial(handler, extra=1))
    assert is_coroutine_callable(Callable())
    assert not is_coroutine_callable(lambda request: None)


@given(priorities=st.lists(st.integers(min_value=-3, max_value=3), min_size=1, max_size=8))
def test_response_chain_is_the_request_ordering_reversed(priorities: list[int]) -> None:
    registry = MiddlewareRegistry()
    funcs = []
    for index, priority in enumerate(priorities):

        def mw(request, response=None, index=index):
            return index

        registry.add(mw, "request", priority=priority)
        registry.add(mw, "response", priority=priority)
        funcs.append(mw)
    request_chain, response_chain = registry.chains_for("r")
    request_funcs = [func for func, _ in request_chain]
    assert [func for func, _ in response_chain] == list(reversed(request_funcs))
    expected = sorted(range(len(priorities)), key=lambda i: (-priorities[i], i))
    assert request_funcs == [funcs[i] for i in expected]


@pytest.mark.parametrize("value", [False, 0, "", {}])
async def test_a_falsy_middleware_result_lets_the_request_go_on(
    app: Sanic, call: Any, value: Any
) -> None:
    # As Sanic: only a truthy value ends a chain (Sanic-CORS returns False to go on).
    @app.on_request
    async def req_mw(request: Any) -> Any:
        return value

    @app.on_response
    async def res_mw(request: Any, response: Any) -> Any:
        return value

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("handler")

    response = await call("GET", "/")
    assert (response.status, response.text) == (200, "handler")


async def test_a_truthy_non_response_from_response_middleware_is_a_500(
    app: Sanic, call: Any
) -> None:
    runs: list[int] = []

    @app.on_response
    async def res_mw(request: Any, response: Any) -> Any:
        runs.append(1)
        return True

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("handler")

    response = await call("GET", "/")
    assert response.status == 500
    assert "Invalid response type True (need HTTPResponse)" in response.text
    assert runs == [1]  # not run again on the error page


@pytest.mark.parametrize("spelling", ["RESPONSE", "Response", "rEsPoNsE"])
async def test_attach_to_is_read_in_any_case(app: Sanic, call: Any, spelling: str) -> None:
    # As Sanic: "RESPONSE" is the response location, by every way of registering.
    from hurtle_app import Blueprint

    bp = Blueprint("bp")

    @app.get("/a")
    async def a(request):
        return text("a")

    @bp.get("/c")
    async def c(request):
        return text("c")

    def tagger(tag: str):
        async def mw(request, response):
            response.headers["x-log"] = response.headers.get("x-log", "") + tag

        return mw

    app.middleware(spelling)(tagger("d"))
    app.register_middleware(tagger("g"), spelling)
    app.register_named_middleware(tagger("n"), ["TestApp.a", "TestApp.bp.c"], spelling)
    bp.middleware(spelling)(tagger("b"))
    app.blueprint(bp)
    assert (await call("GET", "/a")).headers["x-log"] == "ngd"
    assert (await call("GET", "/c")).headers["x-log"] == "bngd"
    with pytest.raises(KeyError):
        app.register_middleware(tagger("x"), "responses")


def test_named_middleware_says_a_bad_location_before_reading_the_names(app: Sanic) -> None:
    async def mw(request): ...

    # As Sanic: the location is checked first (it was "'NoneType' object is not iterable").
    with pytest.raises(KeyError):
        app.register_named_middleware(mw, None, "bogus")
    with pytest.raises(TypeError):
        app.register_named_middleware(mw, None, "request")


def test_a_route_named_twice_lists_its_named_middleware_once(app: Sanic) -> None:
    async def mw(request): ...

    app.register_named_middleware(mw, ["TestApp.a", "TestApp.a"])
    assert [m.func for m in app.named_request_middleware["TestApp.a"]] == [mw]


@pytest.mark.parametrize("priority", [1.5, "2", 2.0])
async def test_register_middleware_ignores_a_priority_that_is_not_an_int(
    app: Sanic, call: Any, priority: Any
) -> None:
    # As Sanic: register_middleware/register_named_middleware apply an int priority only;
    # 1.5 ran the middleware first here (and "2" made every request fail).
    ran: list[str] = []

    @app.get("/a")
    async def a(request):
        return text(",".join(ran))

    async def first(request):
        ran.append("first")

    async def second(request):
        ran.append("second")

    async def third(request):
        ran.append("third")

    app.register_middleware(first)
    app.register_middleware(second, priority=priority)
    app.register_named_middleware(third, ["TestApp.a"], priority=priority)
    assert (await call("GET", "/a")).text == "first,second,third"


async def test_named_middleware_dicts_changed_or_assigned_take_effect(app: Sanic,
                                                                       call: Any) -> None:
    # As Sanic's plain dicts: a route's middleware listed (or removed) there by hand runs
    # (or not) from the next start, and a dict assigned replaces them; a middleware
    # registered afterwards is listed in the dict handed out and runs too. Changes to
    # the dicts were lost, and assigning them raised AttributeError.
    from collections import deque

    @app.get("/a")
    async def a(request):
        return text(",".join(getattr(request.ctx, "ran", [])))

    @app.get("/b")
    async def b(request):
        return text(",".join(getattr(request.ctx, "ran", [])))

    def mark(name: str) -> Any:
        async def middleware(request, *response):
            if response:
                response[0].headers["x-ran"] = name
            else:
                request.ctx.ran = [*getattr(request.ctx, "ran", []), name]
        return middleware

    app.register_named_middleware(mark("registered"), ["TestApp.b"])
    named = app.named_request_middleware
    named["TestApp.a"] = deque([mark("added")])
    del named["TestApp.b"]
    app.register_named_middleware(mark("later"), ["TestApp.a"])
    assert app.named_request_middleware is named and len(named["TestApp.a"]) == 2
    app.named_response_middleware = {"TestApp.b": deque([mark("assigned")])}
    first, second = await call("GET", "/a"), await call("GET", "/b")
    # (a plain function put there is defined when the chains are built: after "later",
    # as Sanic orders them)
    assert first.text == "later,added" and "x-ran" not in first.headers
    assert second.text == "" and second.headers["x-ran"] == "assigned"


def test_app_listeners_may_be_assigned_and_that_changes_nothing(app: Sanic) -> None:
    # As Sanic: accepted (it was an AttributeError), and what runs is what was
    # registered, as when the dict read is changed.
    @app.before_server_start
    async def registered(app): ...

    app.listeners = {"before_server_start": []}
    assert app.listeners["before_server_start"] == [registered]
