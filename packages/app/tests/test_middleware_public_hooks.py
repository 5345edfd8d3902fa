"""Middleware reaches the app through its public methods and attributes, as on Sanic.

APM agents (New Relic) wrap ``Sanic.register_middleware``/``register_named_middleware`` to
time every middleware, and their suites save and restore ``app.request_middleware`` by
assignment; a subclass overriding those methods sees the same calls.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from hurtle_app import Blueprint, Sanic
from hurtle_app.middleware import Middleware
from hurtle_http.response import text


def _name(middleware: Any) -> str:
    return getattr(middleware, "func", middleware).__name__


class _Watched(Sanic):
    calls: list[tuple[Any, ...]]

    def register_middleware(self, middleware: Any, attach_to: str = "request", **kw: Any) -> Any:
        self.calls.append(("app", type(middleware).__name__, _name(middleware), attach_to))
        return super().register_middleware(middleware, attach_to, **kw)

    def register_named_middleware(
        self, middleware: Any, route_names: Any, attach_to: str = "request", **kw: Any
    ) -> Any:
        entry = ("named", type(middleware).__name__, _name(middleware), list(route_names))
        self.calls.append((*entry, attach_to))
        return super().register_named_middleware(middleware, route_names, attach_to, **kw)


async def test_decorators_and_blueprints_register_through_the_public_methods(
    send_to: Any,
) -> None:
    _Watched.calls = []
    app = _Watched("Watched", configure_logging=False)
    bp = Blueprint("bp")
    seen: list[str] = []

    @app.on_request
    async def first(request: Any) -> None:
        seen.append("first")

    @app.middleware("response", priority=2)
    async def last(request: Any, response: Any) -> None:
        seen.append("last")

    @bp.on_request
    async def inner(request: Any) -> None:
        seen.append("inner")

    @bp.get("/b")
    async def handler(request: Any) -> Any:
        seen.append("handler")
        return text("b")

    app.blueprint(bp)
    assert app.calls == [
        ("app", "Middleware", "first", "request"),
        ("app", "Middleware", "last", "response"),
        ("named", "Middleware", "inner", ["Watched.bp.handler"], "request"),
    ]
    assert (await send_to(app, "GET", "/b")).text == "b"
    assert seen == ["first", "inner", "handler", "last"]
    # The records keep what the decorators said (priority, definition order).
    assert [m.priority for m in app.response_middleware] == [2]


async def test_a_wrapper_on_register_middleware_sees_decorated_middleware(
    send_to: Any,
) -> None:
    timed: list[str] = []

    class Agent(Sanic):
        # What an agent does: register a wrapper of the function instead.
        def register_middleware(self, middleware: Any, attach_to: str = "request", **kw: Any):
            func = getattr(middleware, "func", middleware)

            async def wrapper(request: Any) -> Any:
                timed.append(func.__name__)
                return await func(request)

            super().register_middleware(wrapper, attach_to)
            return middleware

    app = Agent("Agent", configure_logging=False)

    @app.on_request
    async def check(request: Any) -> None:
        return None

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    assert (await send_to(app, "GET", "/")).status == 200
    assert timed == ["check"]


async def test_the_middleware_deques_can_be_replaced(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    @app.on_request
    async def kept(request: Any) -> None:
        seen.append("kept")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    saved_request, saved_response = deque(app.request_middleware), deque(app.response_middleware)
    await call("GET", "/")

    def failing(request: Any) -> None:
        raise ValueError("boom")

    app.register_middleware(failing)
    assert (await call("GET", "/")).status == 500
    # Restored by assignment (Sanic's attributes are plain ones): the object given is kept
    # and the next start serves with it again.
    app.request_middleware = saved_request
    app.response_middleware = saved_response
    assert app.request_middleware is saved_request
    assert app.response_middleware is saved_response
    seen.clear()
    assert (await call("GET", "/")).status == 200
    assert seen == ["kept"]


async def test_finalize_middleware_on_a_started_app_serves_the_new_chains(
    app: Sanic, call: Any
) -> None:
    seen: list[str] = []

    @app.on_request
    async def old(request: Any) -> None:
        seen.append("old")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    await call("GET", "/")  # the route's target is now remembered with its chains

    async def new(request: Any) -> None:
        seen.append("new")

    # Appended in place (as Sanic-CORS does), then compiled again by hand.
    app.request_middleware.clear()
    app.request_middleware.append(Middleware(new, "request"))
    app.finalize_middleware()
    seen.clear()
    await call("GET", "/")
    await call("GET", "/nowhere")  # a 404 runs the app-wide chain too
    assert seen == ["new", "new"]
