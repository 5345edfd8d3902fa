"""Third probe batch: what the request knows of its route, stacked routes (run like probe_views.py)."""

from __future__ import annotations

import functools
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import probe_views as P
from probe_views import CASES, Blueprint, HTTPMethodView, response, stream

del CASES[:]
case = P.case


def echo(request, *a, **k):
    r = request.route
    return response.json({
        "endpoint": request.endpoint, "name": request.name, "uri_template": request.uri_template,
        "route_name": r.name if r else None, "path": r.path if r else None,
        "handler": getattr(r.handler, "__name__", type(r.handler).__name__) if r else None,
        "args": list(a), "kw": k,
    })


@case
def endpoints_of_shapes(app):
    class V(HTTPMethodView):
        async def get(self, request, x): return echo(request, x=x)
    app.add_route(V.as_view(), "/v/<x>")

    async def f(request, tag): return echo(request, tag=tag)
    app.add_route(functools.partial(f, tag=1), "/p", name="pp")

    class C:
        async def __call__(self, request): return echo(request)
    app.add_route(C(), "/c", name="cc")
    bp = Blueprint("b", url_prefix="/b")
    bp.add_route(V.as_view(), "/v/<x>")
    app.blueprint(bp)
    return [("GET", "/v/1"), ("GET", "/p"), ("GET", "/c"), ("GET", "/b/v/2")]


@case
def stacked_routes_one_handler(app):
    @app.get("/a")
    @app.get("/b")
    async def h(request): return echo(request)
    return [("GET", "/a"), ("GET", "/b"), lambda: app.url_for("h")]


@case
def stacked_routes_names(app):
    @app.get("/a", name="one")
    @app.post("/a", name="two")
    async def h(request): return echo(request)
    return [("GET", "/a"), ("POST", "/a"), lambda: app.url_for("one"), lambda: app.url_for("two")]


@case
def stacked_same_path_methods(app):
    @app.get("/a")
    @app.post("/a")
    async def h(request): return echo(request)
    return [("GET", "/a"), ("POST", "/a")]


@case
def route_on_view_with_stream(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("g")

        @stream
        async def post(self, request):
            return response.text(f"{request.body!r} {request.stream is not None}")
    app.route("/r", methods=["GET", "POST"])(V.as_view())
    return [("POST", "/r", {"content": b"abc"})]


@case
def bp_route_ctx(app):
    bp = Blueprint("bc", url_prefix="/bc")

    @bp.get("/x", ctx_role="r1")
    async def x(request): return response.text(str(request.route.ctx.role))

    @bp.route("/y", methods=["GET"], ctx_role="r2", ctx_other=[1])
    async def y(request): return response.text(f"{request.route.ctx.role} {request.route.ctx.other}")
    app.blueprint(bp)
    return [("GET", "/bc/x"), ("GET", "/bc/y")]


@case
def ctx_reserved_names(app):
    async def h(request): return response.text("x")
    app.add_route(h, "/r", ctx_hosts="h", ctx_methods="m")
    return [("GET", "/r")]


@case
def view_init_raises(app):
    class V(HTTPMethodView):
        def __init__(self):
            raise RuntimeError("init")
        async def get(self, request): return response.text("x")
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v")]


@case
def view_init_wrong_args(app):
    class V(HTTPMethodView):
        def __init__(self, a):
            self.a = a
        async def get(self, request): return response.text("x")
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v")]


@case
def view_sync_method_raises(app):
    from sanic.exceptions import BadRequest

    class V(HTTPMethodView):
        def get(self, request): raise BadRequest("sync bad")
        def post(self, request): raise KeyError("k")
    app.add_route(V.as_view(), "/v", error_format="json")
    return [("GET", "/v"), ("POST", "/v")]


@case
def decorator_with_args_partial(app):
    def tagger(f, tag):
        @functools.wraps(f)
        async def inner(request, *a, **k):
            r = await f(request, *a, **k)
            r.headers["x-dec"] = tag
            return r
        return inner

    class V(HTTPMethodView):
        decorators = [functools.partial(tagger, tag="pt")]
        async def get(self, request): return response.text("v")
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v"), lambda: app.url_for("V")]


@case
def partial_bound_method(app):
    class H:
        async def m(self, request, tag): return response.text(f"pb {tag}")
    app.add_route(functools.partial(H().m, tag=2), "/pb", name="pb")
    return [("GET", "/pb")]


@case
def wraps_of_partial(app):
    async def base(request): return response.text("base")

    def dec(f):
        @functools.wraps(f)
        async def inner(request): return await f(request)
        return inner
    app.add_route(dec(base), "/w")
    return [("GET", "/w"), lambda: app.url_for("base")]


@case
def sync_lambda_raises(app):
    app.add_route(lambda request: 1 / 0, "/z", name="z", error_format="text")
    return [("GET", "/z", {"headers": {"accept": "application/json"}})]


@case
def handler_returns_coroutine_of_none(app):
    async def inner(request): return None

    def h(request): return inner(request)
    app.add_route(h, "/n")
    return [("GET", "/n")]


@case
def view_in_group(app):
    class V(HTTPMethodView):
        async def get(self, request): return echo(request)
    b1 = Blueprint("g1", url_prefix="/one")
    b1.add_route(V.as_view(), "/v")
    grp = Blueprint.group(b1, url_prefix="/grp", version=3)
    app.blueprint(grp)
    return [("GET", "/v3/grp/one/v"), lambda: app.url_for("g1.V")]


@case
def view_version_prefix_bp(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("vp")
    bp = Blueprint("vpb", url_prefix="/x", version_prefix="/api/v", version=5)
    bp.add_route(V.as_view(), "/v")
    bp.add_route(V.as_view(), "/w", version=6, name="w")
    app.blueprint(bp)
    return [("GET", "/api/v5/x/v"), ("GET", "/api/v6/x/w")]


@case
def view_error_format_bp_inherit(app):
    from sanic.exceptions import NotFound

    class V(HTTPMethodView):
        async def get(self, request): raise NotFound("vv")
    bp = Blueprint("efv")
    bp.add_route(V.as_view(), "/v", error_format="json")
    bp.add_route(V.as_view(), "/w", name="w")
    app.blueprint(bp)
    return [("GET", "/v"), ("GET", "/w"), ("GET", "/w", {"headers": {"accept": "application/json"}})]


if __name__ == "__main__":
    P.main()
