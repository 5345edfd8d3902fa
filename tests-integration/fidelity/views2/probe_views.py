"""Probe: class-based views and handler shapes, in process, under Sanic or Hurtle.

Run with each interpreter and diff the output:
    /tmp/st-ref/bin/python probe_views.py > /tmp/s.txt
    .venv/bin/python probe_views.py > /tmp/h.txt
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import traceback
import warnings

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")

from sanic import Blueprint, Sanic, response  # noqa: E402
from sanic.views import HTTPMethodView, stream  # noqa: E402

Sanic.test_mode = True
CASES = []
LOOP = asyncio.new_event_loop()
asyncio.set_event_loop(LOOP)
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


async def read_all(request):
    """The streamed body, read chunk by chunk."""
    data = b""
    while (chunk := await request.stream.read()) is not None:
        data += chunk
    return data


def case(fn):
    CASES.append(fn)
    return fn


def show_routes(app):
    rows = []
    for r in app.router.routes:
        ctx = {k: v for k, v in vars(r.ctx).items() if not k.startswith("_")}
        keep = ("ignore_body", "stream", "hosts", "static", "error_format", "websocket",
                "version", "version_prefix", "strict_slashes")
        ctx = {k: ctx[k] for k in sorted(ctx) if k in keep or k.startswith("ctx_") or k in ("label", "foo")}
        extra = {}
        try:
            extra = {k: v for k, v in sorted(vars(r.extra).items()) if not callable(v) and not k.endswith("_middleware")}
        except Exception:
            pass
        h = r.handler
        rows.append((r.path, r.name, sorted(r.methods), ctx, extra,
                     getattr(h, "__name__", type(h).__name__),
                     getattr(getattr(h, "view_class", None), "__name__", None)))
    for row in sorted(rows, key=repr):
        print("   route", row)


def request(app, method, path, **kw):
    try:
        _, resp = LOOP.run_until_complete(app.asgi_client.request(method, path, **kw))
        if resp is None:
            print("   ", method, path, "-> None")
            return
        body = resp.body[:120]
        extra = {k: resp.headers.get(k) for k in ("allow", "content-type", "x-dec", "x-order") if resp.headers.get(k)}
        print("   ", method, path, "->", resp.status, body, extra)
    except Exception as e:
        print("   ", method, path, "raised", type(e).__name__, str(e)[:100])


def run_case(fn):
    name = fn.__name__
    print("==", name)
    app = Sanic("p_" + name.replace("-", "_"))
    try:
        reqs = fn(app)
    except Exception as e:
        print("   register raised", type(e).__name__, str(e)[:160])
        return
    try:
        show_routes(app)
    except Exception as e:
        print("   routes raised", type(e).__name__, e)
    for item in reqs or []:
        if callable(item):
            try:
                print("   call", item())
            except Exception as e:
                print("   call raised", type(e).__name__, str(e)[:160])
        else:
            method, path, *rest = item
            request(app, method, path, **(rest[0] if rest else {}))


# --------------------------------------------------------------------------- views
class AllSync(HTTPMethodView):
    def get(self, request): return response.text("g")
    def post(self, request): return response.text("p")
    def put(self, request): return response.text("u")
    def patch(self, request): return response.text("pa")
    def delete(self, request): return response.text("d")
    def options(self, request): return response.text("o")
    def head(self, request): return response.text("h")


class OnlyGet(HTTPMethodView):
    async def get(self, request): return response.text("only")


@case
def all_sync_methods(app):
    app.add_route(AllSync.as_view(), "/a")
    return [(m, "/a") for m in METHODS]


@case
def only_get_methods(app):
    app.add_route(OnlyGet.as_view(), "/g")
    return [(m, "/g") for m in METHODS]


@case
def only_get_explicit_methods(app):
    app.add_route(OnlyGet.as_view(), "/g", methods=["GET", "POST"])
    return [(m, "/g") for m in ["GET", "POST", "PUT", "HEAD"]]


class Empty(HTTPMethodView):
    pass


@case
def empty_view(app):
    app.add_route(Empty.as_view(), "/e")
    return [(m, "/e") for m in ["GET", "POST", "HEAD", "OPTIONS"]]


class Custom(HTTPMethodView):
    async def get(self, request): return response.text("g")
    async def propfind(self, request): return response.text("pf")
    async def purge(self, request): return response.text("purge")


@case
def custom_methods(app):
    app.add_route(Custom.as_view(), "/c")
    return [("GET", "/c")]


@case
def custom_methods_explicit(app):
    app.add_route(Custom.as_view(), "/c", methods=["GET", "PURGE"])
    return [("GET", "/c")]


class WithInit(HTTPMethodView):
    def __init__(self, a, b=2, *, c=3):
        self.vals = (a, b, c)
    async def get(self, request): return response.json(list(self.vals))


@case
def as_view_args(app):
    app.add_route(WithInit.as_view(1, c=9), "/i")
    app.add_route(WithInit.as_view(5, 6, c=7), "/j", name="jj")
    app.add_route(WithInit.as_view(), "/k")
    return [("GET", "/i"), ("GET", "/j"), ("GET", "/k")]


def deco(tag):
    def outer(f):
        @functools.wraps(f)
        async def inner(request, *a, **k):
            resp = f(request, *a, **k)
            if asyncio.iscoroutine(resp):
                resp = await resp
            resp.headers["x-order"] = (resp.headers.get("x-order", "") + tag)
            return resp
        return inner
    return outer


def early(f):
    async def inner(request, *a, **k):
        if request.args.get("stop"):
            return response.text("stopped", status=401)
        r = f(request, *a, **k)
        if asyncio.iscoroutine(r):
            r = await r
        return r
    return inner


class Decorated(HTTPMethodView):
    decorators = [deco("A"), deco("B"), early]
    async def get(self, request): return response.text("dec")
    def post(self, request): return response.text("decp")


@case
def decorators_order(app):
    view = Decorated.as_view()
    app.add_route(view, "/d")
    print("   view name", view.__name__, getattr(view, "view_class", None).__name__ if hasattr(view, "view_class") else None)
    return [("GET", "/d"), ("POST", "/d"), ("GET", "/d?stop=1"), ("PUT", "/d")]


class DecoTuple(HTTPMethodView):
    decorators = (deco("T"),)
    async def get(self, request): return response.text("t")


@case
def decorators_tuple(app):
    app.add_route(DecoTuple.as_view(), "/t")
    return [("GET", "/t"), lambda: app.url_for("DecoTuple")]


class Named(HTTPMethodView):
    async def get(self, request, x=None): return response.text(f"n{x}")


@case
def url_for_views(app):
    app.add_route(Named.as_view(), "/n")
    app.add_route(Named.as_view(), "/n/<x>", name="withx")
    bp = Blueprint("bpv", url_prefix="/bp")
    bp.add_route(Named.as_view(), "/n")
    app.blueprint(bp)
    return [("GET", "/n"), ("GET", "/n/3"), ("GET", "/bp/n"),
            lambda: app.url_for("Named"), lambda: app.url_for("withx", x=4),
            lambda: app.url_for("bpv.Named"), lambda: app.url_for("p_url_for_views.Named")]


@case
def attach_app(app):
    class Att(HTTPMethodView):
        async def get(self, request): return response.text("att")
        async def post(self, request): return response.text("attp")
    Att.attach(app, "/att")
    Att.attach(app, "/att2", methods=["GET", "POST"], name="att2", strict_slashes=True, version=2)
    return [("GET", "/att"), ("POST", "/att"), ("POST", "/v2/att2"), ("GET", "/v2/att2/")]


@case
def attach_subclass_kw(app):
    class Att(HTTPMethodView, attach=app, uri="/sub", methods=["GET", "PUT"]):
        async def get(self, request): return response.text("sg")
        async def put(self, request): return response.text("sp")
    return [("GET", "/sub"), ("PUT", "/sub"), ("POST", "/sub")]


@case
def view_class_attr(app):
    v = OnlyGet.as_view()
    return [lambda: (v.view_class.__name__, v.__name__, v.__qualname__.split(".")[-1],
                     getattr(v, "__wrapped__", None), v.__doc__)]


class Streamed(HTTPMethodView):
    async def get(self, request): return response.text(f"body={request.body!r}")
    @stream
    async def post(self, request):
        return response.text(f"streamed={await read_all(request)!r} body={request.body!r}")
    async def put(self, request): return response.text(f"put body={request.body!r}")


@case
def stream_view(app):
    v = Streamed.as_view()
    app.add_route(v, "/s")
    return [("POST", "/s", {"content": b"abc"}), ("PUT", "/s", {"content": b"xyz"}),
            ("GET", "/s", {"content": b"qq"}), lambda: getattr(v, "is_stream", None),
            lambda: getattr(Streamed.post, "is_stream", None)]


@case
def route_with_class(app):
    @app.route("/cls")
    class C(HTTPMethodView):
        async def get(self, request): return response.text("c")
    return [("GET", "/cls")]


@case
def add_route_class_directly(app):
    app.add_route(OnlyGet, "/cls")
    return [("GET", "/cls")]


class Base(HTTPMethodView):
    decorators = [deco("base")]
    async def get(self, request): return response.text("base-get")
    async def post(self, request): return response.text("base-post")


class Child(Base):
    decorators = Base.decorators + [deco("child")]
    async def post(self, request): return response.text("child-post")
    async def delete(self, request): return response.text("child-del")


@case
def subclassing(app):
    app.add_route(Base.as_view(), "/b")
    app.add_route(Child.as_view(), "/c")
    return [("GET", "/b"), ("POST", "/c"), ("GET", "/c"), ("DELETE", "/c"), ("DELETE", "/b")]


class Dispatch(HTTPMethodView):
    async def get(self, request): return response.text("g")
    def dispatch_request(self, request, *args, **kwargs):
        return response.text("dispatched " + request.method)


@case
def overridden_dispatch(app):
    app.add_route(Dispatch.as_view(), "/x")
    return [("GET", "/x"), ("POST", "/x")]


class ReturnsNone(HTTPMethodView):
    async def get(self, request): return None
    def post(self, request): return "str"


@case
def view_bad_returns(app):
    app.add_route(ReturnsNone.as_view(), "/r")
    return [("GET", "/r"), ("POST", "/r")]


# ------------------------------------------------------------------ handler shapes
def wrapped_no_wraps(f):
    async def wrapper(request, *a, **k):
        return await f(request, *a, **k)
    return wrapper


def wrapped_wraps(f):
    @functools.wraps(f)
    async def wrapper(request, *a, **k):
        r = await f(request, *a, **k)
        r.headers["x-dec"] = "1"
        return r
    return wrapper


@case
def user_decorators(app):
    @app.get("/w")
    @wrapped_wraps
    async def with_wraps(request): return response.text("ww")

    @app.get("/nw")
    @wrapped_no_wraps
    async def no_wraps(request): return response.text("nw")

    @app.get("/nw2")
    @wrapped_no_wraps
    async def no_wraps2(request): return response.text("nw2")
    return [("GET", "/w"), ("GET", "/nw"), ("GET", "/nw2"), lambda: app.url_for("with_wraps")]


@case
def sync_handlers(app):
    @app.get("/sync")
    def sync(request): return response.text("sync")

    @app.get("/syncnone")
    def syncnone(request): return None
    return [("GET", "/sync"), ("GET", "/syncnone")]


@case
def partial_handler(app):
    async def h(request, tag): return response.text(f"partial {tag}")
    app.add_route(functools.partial(h, tag="T"), "/p")
    return [("GET", "/p")]


@case
def partial_handler_named(app):
    async def h(request, tag): return response.text(f"partial {tag}")
    app.add_route(functools.partial(h, tag="T"), "/p", name="pp")
    return [("GET", "/p"), lambda: app.url_for("pp")]


@case
def lambda_handler(app):
    app.add_route(lambda request: response.text("lam"), "/l")
    return [("GET", "/l")]


@case
def lambda_two(app):
    app.add_route(lambda request: response.text("lam"), "/l")
    app.add_route(lambda request: response.text("lam2"), "/l2")
    return [("GET", "/l"), ("GET", "/l2")]


class Holder:
    def __init__(self): self.v = "bound"
    async def meth(self, request): return response.text(self.v)
    @staticmethod
    async def smeth(request): return response.text("static")
    @classmethod
    async def cmeth(cls, request): return response.text("class")


@case
def bound_methods(app):
    h = Holder()
    app.add_route(h.meth, "/m")
    app.add_route(Holder.smeth, "/s")
    app.add_route(Holder.cmeth, "/c")
    return [("GET", "/m"), ("GET", "/s"), ("GET", "/c"), lambda: app.url_for("meth")]


class CallObj:
    async def __call__(self, request): return response.text("callobj")


class SyncCallObj:
    def __call__(self, request): return response.text("synccallobj")


@case
def callable_object(app):
    app.add_route(CallObj(), "/o")
    return [("GET", "/o")]


@case
def callable_object_named(app):
    app.add_route(CallObj(), "/o", name="obj")
    app.add_route(SyncCallObj(), "/so", name="sobj")
    return [("GET", "/o"), ("GET", "/so"), lambda: app.url_for("obj")]


@case
def add_route_kwargs(app):
    async def h(request): return response.text(f"{request.route.ctx.label}|{request.route.name}")
    app.add_route(h, "/k", methods=["GET", "post"], host="example.com", strict_slashes=True,
                  version=3, name="kk", version_prefix="/api/v", error_format="json",
                  unquote=True, ctx_label="L", ctx_foo=1)
    return [("GET", "/api/v3/k", {"headers": {"host": "example.com"}}),
            ("GET", "/api/v3/k", {"headers": {"host": "other.com"}}),
            ("POST", "/api/v3/k", {"headers": {"host": "example.com"}}),
            ("GET", "/api/v3/k/", {"headers": {"host": "example.com"}})]


@case
def add_route_stream_kw(app):
    async def h(request):
        return response.text(f"s {await read_all(request)!r} {request.body!r}")
    app.add_route(h, "/st", methods=["POST"], stream=True)
    return [("POST", "/st", {"content": b"hello"})]


@case
def bad_ctx_kwarg(app):
    async def h(request): return response.text("x")
    app.add_route(h, "/z", ctx_ok=1, label=3)
    return [("GET", "/z")]


@case
def ignore_body_get(app):
    @app.get("/ig")
    async def ig(request): return response.text(f"b={request.body!r}")

    @app.get("/nig", ignore_body=False)
    async def nig(request): return response.text(f"b={request.body!r}")

    @app.delete("/del")
    async def dl(request): return response.text(f"b={request.body!r}")

    @app.delete("/del2", ignore_body=True)
    async def dl2(request): return response.text(f"b={request.body!r}")

    @app.route("/r", methods=["GET"], ignore_body=False)
    async def rr(request): return response.text(f"b={request.body!r}")
    return [("GET", "/ig", {"content": b"body"}), ("GET", "/nig", {"content": b"body"}),
            ("DELETE", "/del", {"content": b"body"}), ("DELETE", "/del2", {"content": b"body"}),
            ("GET", "/r", {"content": b"body"})]


@case
def error_format_per_route(app):
    from sanic.exceptions import NotFound
    for fmt in ("json", "html", "text", "auto"):
        async def h(request, fmt=fmt): raise NotFound("nope " + fmt)
        app.add_route(h, f"/{fmt}", name=fmt, error_format=fmt)

    async def boom(request): raise ValueError("boom")
    app.add_route(boom, "/boomjson", error_format="json")
    return [("GET", "/json"), ("GET", "/html"), ("GET", "/text"), ("GET", "/auto"),
            ("GET", "/auto", {"headers": {"accept": "application/json"}}),
            ("GET", "/text", {"headers": {"accept": "application/json"}}),
            ("GET", "/boomjson")]


@case
def error_format_bad(app):
    async def h(request): return response.text("x")
    app.add_route(h, "/x", error_format="xml")
    return [("GET", "/x")]


@case
def error_format_view(app):
    from sanic.exceptions import Forbidden

    class V(HTTPMethodView):
        async def get(self, request): raise Forbidden("no")
    app.add_route(V.as_view(), "/v", error_format="json")
    return [("GET", "/v"), ("POST", "/v")]


@case
def add_route_none(app):
    app.add_route(None, "/none")
    return []


@case
def add_route_not_callable(app):
    app.add_route("hello", "/str")
    return []


@case
def methods_lowercase_view(app):
    app.add_route(AllSync.as_view(), "/a", methods=["get", "patch"])
    return [("GET", "/a"), ("PATCH", "/a"), ("POST", "/a")]


@case
def methods_string(app):
    async def h(request): return response.text("x")
    app.add_route(h, "/ms", methods="GET")
    return [("GET", "/ms")]


@case
def bp_views_names(app):
    bp = Blueprint("bpx", url_prefix="/x", version=1)
    bp.add_route(AllSync.as_view(), "/a")
    bp.add_route(OnlyGet.as_view(), "/g", name="gg")
    app.blueprint(bp)
    return [("PATCH", "/v1/x/a"), lambda: app.url_for("bpx.AllSync"), lambda: app.url_for("bpx.gg"),
            lambda: app.url_for("bpx.OnlyGet")]


@case
def duplicate_view_routes(app):
    app.add_route(OnlyGet.as_view(), "/a")
    app.add_route(OnlyGet.as_view(), "/b")
    return [("GET", "/a"), ("GET", "/b")]


@case
def view_head_auto(app):
    class G(HTTPMethodView):
        async def get(self, request): return response.text("gg", headers={"x-dec": "g"})
    app.add_route(G.as_view(), "/h", methods=["GET", "HEAD"])
    return [("HEAD", "/h"), ("OPTIONS", "/h")]


@case
def async_call_obj_dec(app):
    @app.get("/co")
    class CO:
        async def __call__(self, request): return response.text("x")
    return []


@case
def route_extra_decorators(app):
    @app.route("/e", methods=["GET"], name="ee", ctx_x=1)
    @wrapped_wraps
    async def e(request): return response.text("e")
    return [("GET", "/e"), lambda: e.__name__]


@case
def handler_returns_from_decorator_route_return(app):
    r = app.add_route(OnlyGet.as_view(), "/g")
    return [lambda: (getattr(r, "__name__", type(r).__name__), getattr(getattr(r, "view_class", None), "__name__", None))]


def main():
    only = sys.argv[1:] or None
    for fn in CASES:
        if only and fn.__name__ not in only:
            continue
        try:
            run_case(fn)
        except Exception:
            print("   CASE CRASH", traceback.format_exc().splitlines()[-1])


if __name__ == "__main__":
    main()
