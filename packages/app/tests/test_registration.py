"""Route registration: names, methods, versions, hosts, ctx kwargs, friendly errors."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_app.blueprints import Blueprint
from hurtle_app.views import HTTPMethodView
from hurtle_http.exceptions import BadRequest, SanicException
from hurtle_http.response import text
from sanic_routing.exceptions import BadMethod


def _routes(app: Sanic) -> dict[str, object]:
    app.router.finalize()
    return {route.name: route for route in app.router.routes}


def test_route_names_are_app_name_dot_handler_name(app: Sanic) -> None:
    @app.get("/")
    async def index(request):
        return text("x")

    @app.post("/named", name="custom")
    async def other(request):
        return text("x")

    assert set(_routes(app)) == {"TestApp.index", "TestApp.custom"}


@pytest.mark.parametrize(
    ("decorator", "method"),
    [
        ("get", "GET"),
        ("post", "POST"),
        ("put", "PUT"),
        ("patch", "PATCH"),
        ("delete", "DELETE"),
        ("head", "HEAD"),
        ("options", "OPTIONS"),
    ],
)
def test_method_shortcuts_register_that_method(app: Sanic, decorator: str, method: str) -> None:
    async def handler(request):
        return text("x")

    getattr(app, decorator)("/x")(handler)
    assert _routes(app)["TestApp.handler"].methods == frozenset({method})


def test_route_with_methods_list_and_add_route(app: Sanic) -> None:
    async def handler1(request):
        return text("OK")

    async def handler2(request, name):
        return text(name)

    app.add_route(handler1, "/test")
    app.add_route(handler2, "/folder/<name>", methods=["GET", "post"])
    routes = _routes(app)
    assert routes["TestApp.handler1"].methods == frozenset({"GET"})
    assert routes["TestApp.handler2"].methods == frozenset({"GET", "POST"})


@pytest.mark.parametrize(
    ("version", "prefix", "path"),
    [
        (1, "/v", "v1/x"),
        ("v2", "/v", "v2/x"),
        ("3", "/v", "v3/x"),
        (1.1, "/v", "v1.1/x"),
        (1, "/api/v", "api/v1/x"),
    ],
)
def test_versions_prefix_the_path(app: Sanic, version, prefix: str, path: str) -> None:
    @app.get("/x", version=version, version_prefix=prefix)
    async def handler(request):
        return text("x")

    assert _routes(app)["TestApp.handler"].path == path


def test_ctx_kwargs_land_on_route_ctx(app: Sanic) -> None:
    @app.get("/", ctx_label="home", ctx_weight=3)
    async def index(request):
        return text("x")

    route = _routes(app)["TestApp.index"]
    assert (route.ctx.label, route.ctx.weight) == ("home", 3)


def test_unknown_keyword_is_refused_with_the_ctx_hint(app: Sanic) -> None:
    with pytest.raises(TypeError, match="^Unexpected keyword arguments: label, tag .*ctx_"):
        app.get("/", label="home", tag="t")


def test_unknown_middleware_location_is_also_a_key_error_as_in_sanic(app: Sanic) -> None:
    async def mw(request):
        return None

    with pytest.raises(KeyError, match="'request' or 'response'"):
        app.middleware(mw, "sideways")
    with pytest.raises(ValueError, match="not 'sideways'"):
        app.middleware(mw, "sideways")


def test_listener_without_an_event_is_a_bad_request_error(app: Sanic) -> None:
    with pytest.raises(BadRequest, match="^Invalid event registration: Missing event name.$"):
        app.listener(lambda app_: None)


@pytest.mark.parametrize("event", [5, None, 2.5])
def test_a_listener_event_that_is_no_string_is_a_bad_request_naming_it(
    app: Sanic, event: object
) -> None:
    # As Sanic: BadRequest "Invalid event: 5. Use one of: ..." from register_listener and
    # from @app.listener(5) (Hurtle raised its KeyError for an unknown name; for None,
    # register_listener said "Missing event name")
    async def lsn(app_):
        return None

    message = f"^Invalid event: {event}. Use one of: before_server_start, "
    with pytest.raises(BadRequest, match=message):
        app.register_listener(lsn, event)  # type: ignore[arg-type]
    with pytest.raises(BadRequest, match=message):
        app.listener(event)(lsn)  # type: ignore[arg-type]
    assert not app._future_listeners


def test_handler_without_request_parameter_gets_a_friendly_error(app: Sanic) -> None:
    with pytest.raises(ValueError, match=r"Required parameter `request` missing in the nope\(\)"):

        @app.get("/")
        async def nope():
            return text("x")


@pytest.mark.parametrize("source", ["async def feed(): ...", "async def feed(request): ..."])
def test_websocket_handler_needs_request_and_ws(app: Sanic, source: str) -> None:
    namespace: dict = {}
    exec(source, namespace)
    # Sanic's message, for either parameter missing.
    message = r"^Required parameter `request` and/or `ws` missing in the feed\(\) route\?$"
    with pytest.raises(ValueError, match=message):
        app.websocket("/ws")(namespace["feed"])


@pytest.mark.parametrize(
    ("source", "websocket", "registered"),
    [
        # As Sanic: the parameters are counted whatever their kind.
        ("async def feed(*args): ...", True, False),
        ("async def feed(**kw): ...", True, False),
        ("async def feed(request, *, ws): ...", True, True),
        ("async def feed(request, **kw): ...", True, True),
        ("async def feed(*args, **kw): ...", True, True),
        ("async def feed(**kw): ...", False, True),
        ("async def feed(*, request): ...", False, True),
    ],
)
def test_which_handler_signatures_a_route_accepts(
    app: Sanic, source: str, websocket: bool, registered: bool
) -> None:
    namespace: dict = {}
    exec(source, namespace)
    register = app.websocket("/feed") if websocket else app.get("/feed")
    if registered:
        register(namespace["feed"])
        assert [r.uri for r in app._future_routes] == ["/feed"]
    else:
        with pytest.raises(ValueError, match="^Required parameter `request` and/or `ws`"):
            register(namespace["feed"])


def test_host_must_be_a_string_or_an_iterable(app: Sanic) -> None:
    message = "^Expected either string or Iterable of host strings, not 321$"
    with pytest.raises(ValueError, match=message):
        app.get("/", host=321)(lambda request: text("x"))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["__x", "__x__", "__"])
def test_parameter_names_cannot_start_with_two_underscores(app: Sanic, name: str) -> None:
    app.get(f"/p/<{name}>")(lambda request, **kw: text("x"))  # as Sanic: refused at finalize
    message = f"^Invalid route: <RouteGroup: path=p/<{name}:str> len=1>. Parameter names cannot"
    with pytest.raises(SanicException, match=message):
        app.router.finalize()


async def test_one_underscore_or_a_trailing_dunder_is_a_fine_name(app: Sanic, call) -> None:
    @app.get("/p/<_a>/<b__>")
    async def fine(request, _a, b__):
        return text(f"{_a} {b__}")

    assert (await call("GET", "/p/1/2")).text == "1 2"


def test_unknown_http_method_is_refused(app: Sanic) -> None:
    # Sanic raises sanic-routing's BadMethod here, so code catching it keeps working.
    with pytest.raises(BadMethod, match=r"Bad method: \['BREW'\]"):
        app.route("/", methods=["BREW"])


async def test_methods_the_router_was_told_to_allow_can_be_routed(app: Sanic, call) -> None:
    # Sanic checks methods against app.router.ALLOWED_METHODS, which code may extend
    # (sanic-ext adds CONNECT and TRACE); a blueprint's methods are checked when it is
    # registered, against the app it is registered on.
    from hurtle_app.blueprints import Blueprint

    app.router.ALLOWED_METHODS = (*app.router.ALLOWED_METHODS, "TRACE", "CONNECT")
    bp = Blueprint("bp", url_prefix="/bp")

    @app.route("/t", methods=["trace", "connect"])
    async def traced(request):
        return text(request.method)

    @bp.route("/t", methods=["TRACE"])
    async def bp_traced(request):
        return text("bp " + request.method)

    app.blueprint(bp)
    assert (await call("TRACE", "/t")).text == "TRACE"
    assert (await call("CONNECT", "/t")).text == "CONNECT"
    assert (await call("TRACE", "/bp/t")).text == "bp TRACE"
    assert (await call("GET", "/t")).status == 405


def test_a_blueprint_method_the_app_does_not_allow_is_refused_at_registration(
    app: Sanic,
) -> None:
    from hurtle_app.blueprints import Blueprint

    bp = Blueprint("bp")

    @bp.route("/t", methods=["TRACE"])
    async def bp_traced(request):
        return text("x")

    with pytest.raises(BadMethod, match=r"Bad method: \['TRACE'\]"):
        app.blueprint(bp)


async def test_unknown_error_format_is_refused_once_the_route_is_added(app: Sanic, call) -> None:
    # As Sanic: the decorator refuses it after adding the route, which stays and is
    # served (its errors in the fallback format); apply=False refuses nothing.
    declare = app.route("/", error_format="yaml")
    with pytest.raises(SanicException, match="^Unknown format: yaml$"):
        declare(lambda request: text("served"))
    app.route("/later", error_format="yaml", apply=False)(lambda request: text("x"))

    def boom(request):
        raise ValueError("boom")

    with pytest.raises(SanicException, match="^Unknown format: yaml$"):
        app.add_route(boom, "/boom", error_format="yaml")
    response = await call("GET", "/")
    assert (response.status, response.text) == (200, "served")
    response = await call("GET", "/boom")
    assert response.status == 500
    assert response.headers["content-type"].startswith("text/plain")
    assert (await call("GET", "/later")).status == 404


async def test_unknown_error_format_stops_a_blueprint_after_adding_that_route(
    app: Sanic, call
) -> None:
    bp = Blueprint("bp", url_prefix="/bp")
    bp.add_route(lambda request: text("first"), "/first", error_format="yaml")
    bp.add_route(lambda request: text("second"), "/second", error_format="json")
    with pytest.raises(SanicException, match="^Unknown format: yaml$"):
        app.blueprint(bp)
    assert (await call("GET", "/bp/first")).text == "first"
    assert (await call("GET", "/bp/second")).status == 404


def test_a_handler_that_is_not_callable_is_refused(app: Sanic) -> None:
    with pytest.raises(TypeError, match="^'index' is not a callable object$"):
        app.add_route("index", "/")


def _forgot_to_return_its_wrapper(handler):
    async def wrapper(request):
        return await handler(request)


@pytest.mark.parametrize("owner", ["app", "blueprint"])
def test_a_handler_without_a_name_is_refused_as_in_sanic(app: Sanic, owner: str) -> None:
    # A decorator that forgot ``return wrapper`` routes None: Sanic says it cannot name
    # the route (a ValueError), before anything else about the handler.
    target = app if owner == "app" else Blueprint("bp")
    with pytest.raises(ValueError, match="^Could not generate a name for handler$"):

        @target.get("/")
        @_forgot_to_return_its_wrapper
        async def index(request):
            return text("index")

    for register in (
        lambda: target.add_route(None, "/a"),
        lambda: target.websocket("/ws")(None),
        lambda: target.route("/b")(5),
    ):
        with pytest.raises(ValueError, match="^Could not generate a name for handler$"):
            register()
    # Given a name (or a string handler, which names itself), it is the TypeError above.
    with pytest.raises(TypeError, match="^None is not a callable object$"):
        target.route("/c", name="c")(None)


async def test_routes_added_by_a_server_listener_are_served(app: Sanic, call) -> None:
    @app.get("/")
    async def index(request):
        return text("index")

    @app.before_server_start
    async def late(app_: Sanic) -> None:
        app_.add_route(lambda request: text("late"), "/late", name="late")

    @app.after_server_start
    async def later(app_: Sanic) -> None:
        app_.add_route(lambda request: text("later"), "/later", name="later")

    await app._startup()
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    assert app.router.finalized
    assert (await call("GET", "/late")).text == "late"
    assert (await call("GET", "/later")).text == "later"
    assert (await call("GET", "/")).text == "index"


async def test_a_route_added_to_an_app_started_without_routes_is_served(
    app: Sanic, call
) -> None:
    """Old pytest-sanic suites start the server first and declare the test's route after:
    an app that started with no route at all serves it as one that had routes does."""
    await app._startup()
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    assert (await call("GET", "/late")).status == 404

    @app.get("/late")
    async def late(request):
        return text("late")

    sent = await call("GET", "/late")
    assert (sent.status, sent.text) == (200, "late")
    assert (await call("GET", "/other")).status == 404


async def test_middleware_and_signals_added_by_a_server_listener_run(app: Sanic, call) -> None:
    @app.get("/")
    async def index(request):
        return text(f"{request.ctx.by_middleware} {request.ctx.by_signal}")

    @app.before_server_start
    async def late(app_: Sanic) -> None:
        @app_.on_request
        async def mark(request):
            request.ctx.by_middleware = "middleware"

        @app_.signal("http.lifecycle.request")
        async def also(request):
            request.ctx.by_signal = "signal"

    await app._startup()
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    assert (await call("GET", "/")).text == "middleware signal"


async def test_a_class_whose_constructor_takes_the_request_is_a_handler(
    app: Sanic, call: Any
) -> None:
    # As Sanic: any callable taking the request is a handler, a class too (RT's backend
    # routes websocket sessions as `@bp.websocket("/ping") class WSPing(WebSocket)`, whose
    # __new__ returns the session coroutine). Hurtle refused every class.
    class Greeting:
        def __new__(cls, request: Any, name: str) -> Any:
            async def answer() -> Any:
                return text(f"hello {name}")

            return answer()

    class Session:
        def __new__(cls, request: Any, ws: Any) -> Any:
            return None

    app.route("/hello/<name>")(Greeting)
    app.websocket("/session")(Session)
    routes = _routes(app)
    assert "TestApp.Greeting" in routes and "TestApp.Session" in routes
    assert (await call("GET", "/hello/ann")).text == "hello ann"

    class NoRequest:
        def __init__(self) -> None:
            pass

    with pytest.raises(ValueError, match="class NoRequest"):
        app.route("/none")(NoRequest)
    with pytest.raises(ValueError, match="class Greeting"):
        app.websocket("/ws-needs-two")(type("Greeting", (), {"__init__": lambda self, r: None}))


def test_a_view_class_itself_is_refused_with_how_to_route_it(app: Sanic) -> None:
    # As Sanic (a ValueError): a view is routed through the function its as_view() makes.
    class Things(HTTPMethodView):
        async def get(self, request):
            return text("get")

    with pytest.raises(ValueError, match=r"route Things.as_view\(\), as in app.add_route"):
        app.route("/view")(Things)
    with pytest.raises(ValueError, match="class Things"):
        app.add_route(Things, "/view")
    with pytest.raises(ValueError, match="must subclass HTTPMethodView"):
        app.get("/plain")(type("Plain", (), {}))
    assert not app.router.routes


def test_add_route_with_a_view_answers_the_methods_it_defines(app: Sanic) -> None:
    class Things(HTTPMethodView):
        async def get(self, request):
            return text("get")

        async def post(self, request):
            return text("post")

    app.add_route(Things.as_view(), "/view")
    assert _routes(app)["TestApp.Things"].methods == frozenset({"GET", "POST"})


def test_hosts_list_makes_one_route_per_host(app: Sanic) -> None:
    @app.get("/", host=["a.com", "b.com"])
    async def index(request):
        return text("x")

    app.router.finalize()
    hosts = sorted(route.requirements["host"] for route in app.router.routes)
    assert hosts == ["a.com", "b.com"]


def test_route_flags_are_recorded_on_route_extra(app: Sanic) -> None:
    @app.post("/up", stream=True, error_format="json")
    async def upload(request):
        return text("x")

    @app.get("/")
    async def index(request):
        return text("x")

    routes = _routes(app)
    assert routes["TestApp.upload"].extra.stream is True
    assert routes["TestApp.upload"].extra.error_format == "json"
    assert routes["TestApp.index"].extra.ignore_body is True


async def test_duplicate_route_names_are_refused_at_startup(app: Sanic) -> None:
    from hurtle_http.exceptions import ServerError

    async def a(request):
        return text("a")

    async def b(request):
        return text("b")

    app.add_route(a, "/a", name="same")
    app.add_route(b, "/b", name="same")
    with pytest.raises(ServerError) as info:
        await app._startup()
    # The whole message, as Sanic's: a suite asserting it (or a user searching for the
    # release note it points to) sees the same text.
    assert str(info.value) == (
        "Duplicate route names detected: TestApp.same. You should rename one or more of "
        "them explicitly by using the `name` param, or changing the implicit name derived "
        "from the class and function name. For more details, please see "
        "https://sanic.dev/en/guide/release-notes/v23.3.html"
        "#duplicated-route-names-are-no-longer-allowed"
    )


async def test_a_name_shared_with_a_route_on_several_hosts_is_no_duplicate(app: Sanic) -> None:
    # As Sanic: names are compared by ident, which carries the host for a route served
    # on several hosts; two routes of one host each sharing a name are refused.
    from hurtle_http.exceptions import ServerError

    async def a(request, x):
        return text("a")

    app.add_route(a, "/a/<x>", name="shared", host=["a.com", "b.com"])
    app.add_route(a, "/c/<x>", name="shared")
    await app._startup()
    other = Sanic("OtherHosts", configure_logging=False)
    other.add_route(a, "/a/<x>", name="shared", host="a.com")
    other.add_route(a, "/a/<x>", name="shared", host="b.com")
    with pytest.raises(ServerError, match="^Duplicate route names detected: OtherHosts.shared"):
        await other._startup()


async def test_a_blueprint_allowed_to_overwrite_still_may_not_share_a_name(app: Sanic) -> None:
    # As Sanic: a name served on two paths is refused at start-up, also when the routes
    # came from a blueprint with allow_route_overwrite (here a copy joining the app, then
    # registered again under a prefix); the app served both under one name. Replacing
    # the route of the same path under its own name is no duplicate.
    from hurtle_http.exceptions import ServerError

    async def r(request):
        return text("r")

    def bp_on(target: Sanic) -> Blueprint:
        bp = Blueprint("bp")
        bp.add_route(r, "/r")
        target.blueprint(bp)
        return bp

    bp_on(app).copy("bp2", allow_route_overwrite=True)  # replaces the original's /r
    await app._startup()
    other = Sanic("Overwrites", configure_logging=False)
    copy = bp_on(other).copy("bp2", allow_route_overwrite=True)
    other.blueprint(copy, url_prefix="/g")
    with pytest.raises(ServerError, match=r"^Duplicate route names detected: Overwrites\.bp2\.r\. "):
        await other._startup()


async def test_a_blueprint_with_an_exception_handler_registered_twice_is_a_duplicate_name(
    app: Sanic,
) -> None:
    # As Sanic: a blueprint registered a second time elsewhere (no name_prefix) gives its
    # route names twice, refused at start-up; its exception handler is not reported as
    # defined twice when the blueprint is registered (appfuzz --round11, seed 512).
    from hurtle_http.exceptions import ServerError

    bp = Blueprint("twice", url_prefix="/b")

    @bp.exception(ValueError)
    def caught(request, exception):
        return text("caught", status=418)

    @bp.get("/x")
    async def x(request):
        raise ValueError

    app.blueprint(bp)
    app.blueprint(bp, url_prefix="/again")
    with pytest.raises(ServerError, match=r"^Duplicate route names detected: TestApp\.twice\.x\. "):
        await app._startup()


async def _answers(app: Sanic, requests: bytes, count: int) -> list[Any]:
    """Start ``app`` as a server does (its ``before_server_start`` listeners run), feed the
    pipelined ``requests`` to a fake connection and collect ``count`` responses."""
    from hurtle_http.testing import FakeConnection, parse_responses

    await app._startup()
    await app._server_event("init", "before")
    conn = FakeConnection(app)
    conn.receive(requests)
    data = b""
    responses: list[Any] = []
    for _ in range(100):
        await conn.settle()
        data += conn.take()
        responses = parse_responses(data)
        if len(responses) == count:
            break
    return responses


async def test_a_router_error_is_reported_before_duplicate_names(app: Sanic) -> None:
    # As Sanic: start-up finalizes the router before it looks at the names.
    from sanic_routing.exceptions import ParameterNameConflicts

    async def a(request, **kw):
        return text("a")

    app.add_route(a, "/a/<b>/<b>", name="same")
    app.add_route(a, "/c", name="same")
    with pytest.raises(ParameterNameConflicts, match="Duplicate named parameters in: a/<b>/<b>"):
        await app._startup()


async def test_a_server_listener_may_add_routes_sharing_a_name(app: Sanic) -> None:
    # As Sanic, names are checked once, at start-up: a before_server_start listener may
    # add several routes from one function (sanic-ext's automatic TRACE routes) and
    # finalize again.
    async def echo(request):
        return text("echo " + request.path)

    @app.get("/a")
    async def a(request):
        return text("a")

    @app.get("/b")
    async def b(request):
        return text("b")

    @app.before_server_start
    async def add_echoes(app_: Sanic) -> None:
        app_.router.reset()
        for uri in ("/a", "/b"):
            app_.add_route(echo, uri, methods=["PUT"])
        app_.finalize()

    responses = await _answers(
        app, b"PUT /a HTTP/1.1\r\nhost: x\r\n\r\nPUT /b HTTP/1.1\r\nhost: x\r\n\r\n", 2
    )
    assert [r.body for r in responses] == [b"echo /a", b"echo /b"]


async def test_routes_a_listener_adds_after_router_reset_and_finalize_are_served(
    app: Sanic,
) -> None:
    # The CORS recipe of Sanic's guide: a before_server_start listener resets the router,
    # adds OPTIONS routes (one wrapper function for every path) and compiles the router
    # itself with app.router.finalize(). Those routes were answered with a 500 (their
    # route settings and middleware chains were never composed; Sanic 25.12 answers 500
    # too); then composing them again refused the shared name.
    async def preflight(request, methods):
        return text(",".join(sorted(methods)), status=200)

    def wrap(methods):
        def answer(request, *args, **kwargs):
            return preflight(request, methods)

        return answer

    @app.route("/a", methods=["GET", "POST"])
    async def a(request):
        return text("a")

    @app.get("/b/<n:int>")
    async def b(request, n):
        return text(f"b{n}")

    @app.on_response
    def stamp(request, response):
        response.headers["x-seen"] = request.route.name.rsplit(".", 1)[-1]

    def add_preflights(app_: Sanic) -> None:
        app_.router.reset()
        for route in list(app_.router.routes_all.values()):
            app_.add_route(wrap(route.methods), route.uri, methods=["OPTIONS"])
        app_.router.finalize()

    app.register_listener(add_preflights, "before_server_start")

    responses = await _answers(
        app,
        b"OPTIONS /a HTTP/1.1\r\nhost: x\r\n\r\n"
        b"OPTIONS /b/3 HTTP/1.1\r\nhost: x\r\n\r\n"
        b"GET /b/3 HTTP/1.1\r\nhost: x\r\n\r\n",
        3,
    )
    assert [(r.status, r.body) for r in responses] == [
        (200, b"GET,POST"),
        (200, b"GET"),
        (200, b"b3"),
    ]
    assert [dict(r.headers).get("x-seen") for r in responses] == ["answer", "answer", "b"]


def test_error_format_is_guessed_from_the_handler_source(app: Sanic) -> None:
    from hurtle_http.response import json

    @app.get("/j")
    async def as_json(request):
        return json({})

    @app.get("/t")
    async def as_text(request):
        return text("")

    @app.get("/h", error_format="html")
    async def fixed(request):
        return json({})

    app.finalize()
    routes = {route.name: route for route in app.router.routes}
    assert routes["TestApp.as_json"].extra.resolved_error_format == "json"
    assert routes["TestApp.as_text"].extra.resolved_error_format == "text"
    assert routes["TestApp.fixed"].extra.resolved_error_format == "html"
    # As Sanic: a route left on "auto" shows the guessed format; a given one stays.
    assert routes["TestApp.as_json"].extra.error_format == "json"
    assert routes["TestApp.as_text"].extra.error_format == "text"
    assert routes["TestApp.fixed"].extra.error_format == "html"


async def test_a_handler_sees_its_guessed_error_format(app: Sanic, call: Any) -> None:
    from hurtle_http.response import json

    @app.get("/auto", error_format="auto")
    async def shows(request: Any) -> Any:
        return json({"format": request.route.extra.error_format})

    assert (await call("GET", "/auto")).text == '{"format":"json"}'


def test_app_strict_slashes_is_the_default_for_routes() -> None:
    app = Sanic("Strict", strict_slashes=True, configure_logging=False)

    @app.get("/a/")
    async def a(request):
        return text("x")

    @app.get("/b/", strict_slashes=False)
    async def b(request):
        return text("x")

    routes = _routes(app)
    assert (routes["Strict.a"].strict, routes["Strict.b"].strict) == (True, False)


def test_error_format_of_one_handler_on_many_routes(app: Sanic) -> None:
    """The handler's source is read once and its format given to each of its routes."""
    from hurtle_http.response import json

    async def as_json(request, id: int = 0):
        return json({})

    for i in range(3):
        app.add_route(as_json, f"/j{i}", name=f"j{i}")
        app.add_route(as_json, f"/j{i}/<id:int>", name=f"j{i}d")
    app.add_route(as_json, "/fixed", name="fixed", error_format="text")
    app.finalize()
    formats = {route.name: route.extra.resolved_error_format for route in app.router.routes}
    assert formats.pop("TestApp.fixed") == "text"
    assert set(formats.values()) == {"json"} and len(formats) == 6
