"""What the middleware decorators return and what the app lists, as Sanic 25.12 (checked
black box side by side): the decorators return the ``Middleware`` record they register,
and that very record is what ``app.request_middleware``, ``app.named_*_middleware``,
``bp.middlewares`` and ``bp._future_middleware`` hold."""

from __future__ import annotations

from collections import deque
from typing import Any

import pytest

from hurtle_app import Blueprint, Sanic
from hurtle_app.middleware import Middleware, MiddlewareLocation
from hurtle_http.response import text


def _route(app: Sanic, seen: list[str]) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        seen.append("handler")
        return text("ok")


def test_the_decorators_return_the_record_the_app_lists(app: Sanic) -> None:
    async def on_req(request: Any) -> None: ...

    async def on_resp(request: Any, response: Any) -> None: ...

    def plain(request: Any) -> None: ...

    def direct(request: Any) -> None: ...

    request_record = app.on_request(on_req)
    response_record = app.middleware("response")(on_resp)
    prioritised = app.on_request(priority=3)(plain)
    kept_out = app.middleware(direct, attach_to="response", apply=False)

    assert isinstance(request_record, Middleware)
    assert request_record.func is on_req
    assert (request_record.location, request_record.priority) == (MiddlewareLocation.REQUEST, 0)
    assert (response_record.location, prioritised.priority) == (MiddlewareLocation.RESPONSE, 3)
    assert list(app.request_middleware) == [request_record, prioritised]
    assert app.request_middleware[0] is request_record
    assert app.response_middleware[0] is response_record
    assert isinstance(kept_out, Middleware) and kept_out not in app.response_middleware
    # Like Sanic's record: no __name__ of its own, hashes as its function, equals itself.
    assert not hasattr(request_record, "__name__")
    assert hash(request_record) == hash(on_req) and request_record != on_req
    assert request_record.order == (0, -request_record.definition)
    assert prioritised.order == (3, -prioritised.definition)


async def test_a_decorated_middleware_can_still_be_called_directly(app: Sanic, call: Any) -> None:
    @app.on_request
    async def stamp(request: Any) -> None:
        request.ctx.stamped = getattr(request.ctx, "stamped", 0) + 1

    @app.on_response
    def header(request: Any, response: Any) -> None:
        response.headers["x-calls"] = str(request.ctx.stamped)

    @app.get("/")
    async def index(request: Any) -> Any:
        await stamp(request)  # the app calls the decorated name itself
        response = text("ok")
        header(request, response)
        return response

    response = await call("GET", "/")
    assert (response.status, response.headers["x-calls"]) == (200, "2")


def test_blueprint_decorators_return_the_record_the_app_lists(app: Sanic) -> None:
    bp = Blueprint("bp", url_prefix="/bp")

    @bp.get("/")
    async def index(request: Any) -> Any:
        return text("bp")

    @bp.on_request
    async def before(request: Any) -> None: ...

    @bp.middleware("response")
    async def after(request: Any, response: Any) -> None: ...

    @bp.on_response(priority=2)
    async def later(request: Any, response: Any) -> None: ...

    assert [future.middleware for future in bp._future_middleware] == [before, after, later]
    assert bp._future_middleware[0] == (before, "request")
    assert bp.middlewares == []  # until registered
    app.blueprint(bp)
    assert bp.middlewares == [before, after, later]
    assert list(app.named_request_middleware["TestApp.bp.index"]) == [before]
    # As Sanic's deques: named response middleware newest first.
    assert list(app.named_response_middleware["TestApp.bp.index"]) == [later, after]
    assert app.named_request_middleware["TestApp.bp.index"][0] is before


def test_group_decorators_leave_the_name_none_as_sanic(app: Sanic) -> None:
    one, two = Blueprint("one", url_prefix="/1"), Blueprint("two", url_prefix="/2")
    group = Blueprint.group(one, two)

    async def mw(request: Any) -> None: ...

    assert group.on_request(mw) is None
    assert group.middleware("response")(mw) is None
    assert group.on_response()(mw) is None
    # Each member made its own record.
    first, second = one._future_middleware[0].middleware, two._future_middleware[0].middleware
    assert first is not second and first.func is second.func is mw


async def test_group_exception_decorator_leaves_the_name_none_as_sanic(
    app: Sanic, call: Any
) -> None:
    one, two = Blueprint("one", url_prefix="/1"), Blueprint("two", url_prefix="/2")
    for bp in (one, two):

        @bp.get("/r", name="r")
        async def boom(request: Any) -> Any:
            raise ValueError("boom")

    group = Blueprint.group(one, two, url_prefix="/g")

    @group.exception(ValueError)
    async def caught(request: Any, exc: Exception) -> Any:
        return text(f"caught {exc}", status=418)

    assert caught is None
    app.blueprint(group)
    for path in ("/g/1/r", "/g/2/r"):
        resp = await call("GET", path)
        assert (resp.status, resp.text) == (418, "caught boom")


async def test_a_record_is_listed_once_however_often_registered(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    @app.on_request
    async def decorated(request: Any) -> None:
        seen.append("decorated")

    def named(request: Any) -> None:
        seen.append("named")

    assert app.register_middleware(decorated) is decorated
    record = Middleware(named, MiddlewareLocation.REQUEST)
    app.register_named_middleware(record, ["TestApp.index"])
    app.register_named_middleware(record, ["TestApp.index", "TestApp.other"])
    _route(app, seen)
    await call("GET", "/")
    assert seen == ["decorated", "named", "handler"]
    assert list(app.request_middleware) == [decorated]
    assert {k: list(v) for k, v in app.named_request_middleware.items()} == {
        "TestApp.index": [record],
        "TestApp.other": [record],
    }


def test_a_record_attached_elsewhere_keeps_its_own_location(app: Sanic) -> None:
    record = Middleware(lambda request, response: None, MiddlewareLocation.REQUEST)
    app.register_middleware(record, "response")
    assert app.response_middleware[0] is record
    assert record.location is MiddlewareLocation.REQUEST


async def test_a_wrapped_record_runs_through_its_wrapper(send_to: Any) -> None:
    # As an APM agent does: register_middleware wrapped, the record it is given wrapped in
    # a proxy that passes isinstance checks; Sanic runs the proxy, so the timing runs.
    seen: list[str] = []

    class Proxy:
        def __init__(self, inner: Middleware) -> None:
            self.inner = inner

        @property  # type: ignore[misc]
        def __class__(self) -> type:
            return type(self.inner)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

        def __call__(self, *args: Any) -> Any:
            seen.append("timed")
            return self.inner(*args)

    class Traced(Sanic):
        def register_middleware(self, middleware: Any, attach_to: str = "request", **kw: Any):
            super().register_middleware(Proxy(middleware), attach_to, **kw)
            return middleware

    app = Traced("Traced", configure_logging=False)

    @app.on_request
    async def mw(request: Any) -> None:
        seen.append("mw")

    _route(app, seen)
    await send_to(app, "GET", "/")
    assert seen == ["timed", "mw", "handler"]


async def test_a_record_changed_before_start_runs_as_changed(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    @app.on_request
    async def first(request: Any) -> None:
        seen.append("first")

    @app.on_request
    async def replaced(request: Any) -> None:
        seen.append("replaced")

    async def replacement(request: Any) -> None:
        seen.append("replacement")

    replaced.func = replacement
    replaced.priority = 10
    _route(app, seen)
    await call("GET", "/")
    assert seen == ["replacement", "first", "handler"]


def test_finalize_lists_records_by_priority_then_definition(app: Sanic) -> None:
    def make(name: str) -> Any:
        def func(request: Any) -> None: ...

        func.__name__ = name
        return func

    early = Middleware(make("early"), MiddlewareLocation.REQUEST)  # defined first
    app.on_request(make("a"))
    plain = make("plain")
    app.request_middleware.append(plain)
    app.on_request(make("b"), priority=1)
    app.register_middleware(early)
    _route(app, [])
    app.finalize()
    listed = app.request_middleware
    assert isinstance(listed, deque)
    assert [m.func.__name__ for m in listed] == ["b", "early", "a", "plain"]
    assert all(isinstance(m, Middleware) for m in listed)


@pytest.mark.parametrize("value", [1, 2])
def test_a_record_takes_the_locations_value(value: int) -> None:
    record = Middleware(lambda request: None, value)
    assert record.location is MiddlewareLocation(value)
    assert repr(record).endswith(f"location={MiddlewareLocation(value).name})")


def test_a_blueprint_copy_has_records_of_its_own(app: Sanic) -> None:
    bp = Blueprint("orig", url_prefix="/a")

    @bp.get("/")
    async def index(request: Any) -> Any:
        return text("a")

    @bp.on_request(priority=2)
    async def mw(request: Any) -> None: ...

    copied = bp.copy("copied", url_prefix="/b")
    record = copied._future_middleware[0].middleware
    assert record is not mw  # as Sanic: not the original's record
    assert (record.func, record.priority, record.definition) == (mw.func, 2, mw.definition)
    app.blueprint(bp)
    app.blueprint(copied)
    assert app.named_request_middleware["TestApp.copied.index"][0] is record
    assert app.named_request_middleware["TestApp.orig.index"][0] is mw
