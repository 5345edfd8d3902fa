"""Second probe batch: more handler shapes and view edge cases (run like probe_views.py)."""

from __future__ import annotations

import functools
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
import probe_views as P
from probe_views import CASES, Blueprint, HTTPMethodView, response, stream

del CASES[:]
case = P.case


@case
def handler_no_params(app):
    async def h(): return response.text("x")
    app.add_route(h, "/np")
    return [("GET", "/np")]


@case
def handler_star_args(app):
    async def h(*args, **kw): return response.text(f"{len(args)} {sorted(kw)}")
    app.add_route(h, "/sa/<x>")
    return [("GET", "/sa/1")]


@case
def handler_param_other_name(app):
    async def h(req, x): return response.text(f"r {x}")
    app.add_route(h, "/o/<x:int>")
    return [("GET", "/o/5")]


@case
def handler_missing_param(app):
    async def h(request): return response.text("m")
    app.add_route(h, "/m/<x>")
    return [("GET", "/m/1")]


@case
def async_gen_handler(app):
    async def h(request):
        yield response.text("gen")
    app.add_route(h, "/ag")
    return [("GET", "/ag")]


@case
def sync_returns_coroutine(app):
    async def inner(request): return response.text("inner")

    def h(request): return inner(request)
    app.add_route(h, "/src")
    return [("GET", "/src")]


@case
def partial_sync(app):
    def h(request, tag): return response.text(f"ps {tag}")
    app.add_route(functools.partial(h, tag="S"), "/ps", name="ps")
    return [("GET", "/ps")]


@case
def uri_without_slash(app):
    async def h(request): return response.text("ns")
    app.add_route(h, "noslash")
    return [("GET", "/noslash"), lambda: app.url_for("h")]


@case
def view_head_only(app):
    class V(HTTPMethodView):
        async def head(self, request): return response.text("", headers={"x-dec": "h"})
        async def options(self, request): return response.empty(headers={"allow": "HEAD, OPTIONS"})
    app.add_route(V.as_view(), "/v")
    return [("HEAD", "/v"), ("OPTIONS", "/v"), ("GET", "/v")]


@case
def view_websocket_route(app):
    class W(HTTPMethodView):
        async def get(self, request, ws): await ws.send("hi")
    app.add_websocket_route(W.as_view(), "/ws")
    return [("GET", "/ws")]


@case
def view_on_bp_route_decorator(app):
    bp = Blueprint("bpd")

    @bp.route("/d")
    class D(HTTPMethodView):
        async def get(self, request): return response.text("d")
    app.blueprint(bp)
    return [("GET", "/d")]


@case
def decorator_class(app):
    class Deco:
        def __init__(self, f):
            self.f = f
            functools.update_wrapper(self, f)

        async def __call__(self, request, *a, **k):
            r = await self.f(request, *a, **k)
            r.headers["x-dec"] = "cls"
            return r

    class V(HTTPMethodView):
        decorators = [Deco]
        async def get(self, request): return response.text("v")
    app.add_route(V.as_view(), "/v")

    @app.get("/f")
    @Deco
    async def f(request): return response.text("f")
    return [("GET", "/v"), ("GET", "/f"), lambda: app.url_for("V"), lambda: app.url_for("f")]


@case
def method_decorated(app):
    def add_hdr(f):
        @functools.wraps(f)
        async def inner(self, request, *a, **k):
            r = await f(self, request, *a, **k)
            r.headers["x-dec"] = "m"
            return r
        return inner

    class V(HTTPMethodView):
        @add_hdr
        async def get(self, request): return response.text("v")

        @stream
        @add_hdr
        async def post(self, request): return response.text("p")
    v = V.as_view()
    app.add_route(v, "/v")
    return [("GET", "/v"), ("POST", "/v", {"content": b"zz"}), lambda: getattr(v, "is_stream", None)]


@case
def stream_on_get(app):
    class V(HTTPMethodView):
        @stream
        async def get(self, request): return response.text(f"g {request.body!r} {request.stream is not None}")
    v = V.as_view()
    app.add_route(v, "/v")
    return [("GET", "/v"), lambda: getattr(v, "is_stream", None)]


@case
def view_stream_kw(app):
    class V(HTTPMethodView):
        async def post(self, request): return response.text(f"p {request.body!r} {request.stream is not None}")
    app.add_route(V.as_view(), "/v", stream=True)
    return [("POST", "/v", {"content": b"abc"})]


@case
def view_version_and_prefix(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("v")
    app.add_route(V.as_view(), "/v", version=1.1, version_prefix="/api/v")
    app.add_route(V.as_view(), "/w", version="2", name="w")
    return [("GET", "/api/v1.1/v"), ("GET", "/v2/w"), lambda: app.url_for("V"), lambda: app.url_for("w")]


@case
def view_host(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("hv")
    app.add_route(V.as_view(), "/h", host=["a.com", "b.com"])
    return [("GET", "/h", {"headers": {"host": "b.com"}}), ("GET", "/h", {"headers": {"host": "c.com"}}),
            lambda: app.url_for("V"), lambda: app.url_for("V", _host="a.com")]


@case
def view_ctx_kwargs(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text(f"{request.route.ctx.role}")
    app.add_route(V.as_view(), "/c", ctx_role="admin")
    bp = Blueprint("cb")
    bp.add_route(V.as_view(), "/d", ctx_role="bp")
    app.blueprint(bp)
    return [("GET", "/c"), ("GET", "/d")]


@case
def attach_bp(app):
    bp = Blueprint("ab", url_prefix="/ab")

    class V(HTTPMethodView, attach=bp, uri="/v", name="vv"):
        async def get(self, request): return response.text("abv")
    V.attach(bp, "/w")
    app.blueprint(bp)
    return [("GET", "/ab/v"), ("GET", "/ab/w"), lambda: app.url_for("ab.vv"), lambda: app.url_for("ab.V")]


@case
def attach_kw_ctx_error(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("x")
    V.attach(app, "/v", error_format="json")
    return [("GET", "/v")]


@case
def attach_subclass_unknown_kw(app):
    class V(HTTPMethodView, attach=app, uri="/v", ctx_x=1):
        async def get(self, request): return response.text("x")
    return [("GET", "/v")]


@case
def error_format_bp(app):
    from sanic.exceptions import NotFound
    bp = Blueprint("efb", url_prefix="/e")

    @bp.get("/j", error_format="json")
    async def j(request): raise NotFound("bpj")

    @bp.get("/h", error_format="html")
    async def h(request): raise NotFound("bph")

    @bp.get("/a")
    async def a(request): raise NotFound("bpa")
    app.blueprint(bp)
    return [("GET", "/e/j"), ("GET", "/e/h"), ("GET", "/e/a"),
            ("GET", "/e/a", {"headers": {"content-type": "application/json"}, "content": b"{}"})]


@case
def error_format_auto_json_handler(app):
    from sanic.exceptions import NotFound

    @app.get("/j")
    async def j(request):
        if request.args.get("x"):
            raise NotFound("jj")
        return response.json({"a": 1})

    @app.get("/t")
    async def t(request):
        if request.args.get("x"):
            raise NotFound("tt")
        return response.text("t")
    return [("GET", "/j?x=1"), ("GET", "/t?x=1")]


@case
def error_format_config(app):
    from sanic.exceptions import NotFound
    app.config.FALLBACK_ERROR_FORMAT = "json"

    @app.get("/a", error_format="text")
    async def a(request): raise NotFound("a")

    @app.get("/b")
    async def b(request): raise NotFound("b")

    @app.get("/c", error_format="auto")
    async def c(request): raise NotFound("c")
    return [("GET", "/a"), ("GET", "/b"), ("GET", "/c"), ("GET", "/nope")]


@case
def error_format_405(app):
    @app.get("/j", error_format="json")
    async def j(request): return response.text("j")
    return [("POST", "/j"), ("GET", "/j/x")]


@case
def ignore_body_post(app):
    @app.post("/p", ignore_body=True)
    async def p(request): return response.text(f"b={request.body!r}")

    @app.route("/r", methods=["GET", "POST"])
    async def r(request): return response.text(f"b={request.body!r}")

    @app.head("/hh")
    async def hh(request): return response.empty()

    @app.options("/oo")
    async def oo(request): return response.text(f"b={request.body!r}")
    return [("POST", "/p", {"content": b"x"}), ("GET", "/r", {"content": b"y"}), ("POST", "/r", {"content": b"z"}),
            ("OPTIONS", "/oo", {"content": b"w"})]


@case
def route_name_dotted(app):
    async def h(request): return response.text("x")
    app.add_route(h, "/d", name="a.b")
    return [("GET", "/d"), lambda: app.url_for("a.b")]


@case
def route_decorator_return(app):
    r = app.route("/x")(OnlyGetLocal := None) if False else None  # noqa: F841

    @app.get("/y")
    async def y(request): return response.text("y")
    return [lambda: (type(y).__name__, y.__name__)]


@case
def method_shortcuts_on_view(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("g")
        async def post(self, request): return response.text("p")
    app.get("/g")(V.as_view())
    return [("GET", "/g"), ("POST", "/g")]


@case
def view_kwargs_params(app):
    class V(HTTPMethodView):
        async def get(self, request, a, b): return response.text(f"{a!r} {b!r}")
    app.add_route(V.as_view(), "/v/<a:int>/<b>")
    return [("GET", "/v/3/x"), lambda: app.url_for("V", a=1, b="z", q=2)]


@case
def unquote_param(app):
    async def u(request, p): return response.text(p)
    app.add_route(u, "/u/<p>", unquote=True)

    async def q(request, p): return response.text(p)
    app.add_route(q, "/q/<p>")
    return [("GET", "/u/a%20b%2Fc"), ("GET", "/q/a%20b%2Fc"), ("GET", "/u/%E2%9C%93"), ("GET", "/q/%E2%9C%93")]


@case
def view_decorator_returns_sync(app):
    def sync_dec(f):
        def inner(request, *a, **k):
            return f(request, *a, **k)
        return inner

    class V(HTTPMethodView):
        decorators = [sync_dec]
        async def get(self, request): return response.text("sd")
        def post(self, request): return response.text("sdp")
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v"), ("POST", "/v")]


@case
def view_decorator_raises(app):
    from sanic.exceptions import Unauthorized

    def deny(f):
        async def inner(request, *a, **k):
            raise Unauthorized("go away", scheme="Bearer")
        return inner

    class V(HTTPMethodView):
        decorators = [deny]
        async def get(self, request): return response.text("never")
    app.add_route(V.as_view(), "/v", error_format="json")
    return [("GET", "/v"), ("POST", "/v")]


if __name__ == "__main__":
    P.main()
