"""Routing / app-composition fidelity: run the same small apps under real Sanic and Hurtle.

Not a test (CI has no Sanic).  Usage:

    /work/ref-sanic/bin/python compare_routing.py run > /tmp/routing_sanic.json
    .venv/bin/python compare_routing.py run > /tmp/routing_hurtle.json
    python3 compare_routing.py diff /tmp/routing_sanic.json /tmp/routing_hurtle.json
    python3 compare_routing.py both          # runs both interpreters, then diffs

Each case builds an app in-process, drives it through its ASGI interface (lifespan startup,
then raw HTTP scopes, so paths reach the app unnormalised) and records status/body/selected
headers per request, or the type and message of an exception raised while registering,
starting or building URLs.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

CASES: dict[str, Callable[[], Any]] = {}
KEEP_HEADERS = ("allow", "content-type", "location", "x-mw", "x-bp", "x-grp")


def case(fn: Callable[[], Any]) -> Callable[[], Any]:
    CASES[fn.__name__.removeprefix("c_")] = fn
    return fn


def exc(e: BaseException) -> dict[str, str]:
    msg = re.sub(r"/tmp/[^/ ']+", "/tmp/X", str(e))
    return {"exc": type(e).__name__, "msg": msg}


def attempt(fn: Callable[[], Any]) -> Any:
    try:
        out = fn()
    except Exception as e:
        return exc(e)
    if isinstance(out, (str, int, float, bool, type(None), list, dict)):
        return out
    if callable(out):
        name = getattr(out, "__name__", type(out).__name__)
        return f"callable {re.sub(r'^echo[0-9]+$', 'echo', name)}"
    return repr(out)


def sanic() -> Any:
    from sanic import Sanic

    Sanic.test_mode = True
    return Sanic


_n = [0]


def new_app(**kw: Any) -> Any:
    Sanic = sanic()
    _n[0] += 1
    return Sanic(f"app{_n[0]}", **kw)


def text(body: Any) -> Any:
    from sanic import response

    return response.text(str(body))


# ----------------------------------------------------------------- ASGI driver

async def _lifespan(app: Any) -> tuple[asyncio.Task, asyncio.Queue, asyncio.Queue]:
    inq: asyncio.Queue = asyncio.Queue()
    outq: asyncio.Queue = asyncio.Queue()
    scope = {"type": "lifespan", "asgi": {"version": "3.0"}}
    task = asyncio.ensure_future(app(scope, inq.get, outq.put))
    await inq.put({"type": "lifespan.startup"})
    msg = await asyncio.wait_for(outq.get(), 5)
    if msg["type"] != "lifespan.startup.complete":
        raise RuntimeError(msg.get("message", msg["type"]))
    return task, inq, outq


async def _http(app: Any, method: str, target: str, headers: dict[str, str] | None) -> dict:
    path, _, query = target.partition("?")
    hdrs = {"host": "example.com"} if headers is None else headers
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": method, "scheme": "http", "path": unquote(path),
        "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in hdrs.items()],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
    }
    sent: list[dict] = []
    done = False

    async def receive() -> dict:
        nonlocal done
        if done:
            await asyncio.sleep(3600)
        done = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(msg: dict) -> None:
        sent.append(msg)

    try:
        await asyncio.wait_for(app(scope, receive, send), 5)
    except Exception as e:
        return exc(e)
    start = next((m for m in sent if m["type"] == "http.response.start"), None)
    if start is None:
        return {"no_response": True}
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    out: dict[str, Any] = {"status": start["status"], "body": body.decode("utf-8", "replace")[:160]}
    for k, v in start.get("headers", []):
        name = k.decode().lower()
        if name in KEEP_HEADERS:
            val = v.decode()
            if name == "allow":
                val = ",".join(sorted(x.strip() for x in val.split(",")))
            out[name] = val
    return out


def probe(app: Any, reqs: list, extra: Callable[[], Any] | None = None) -> dict:
    """Start the app over ASGI lifespan, send each request, return observations."""

    async def go() -> dict:
        res: dict[str, Any] = {}
        try:
            task, inq, outq = await _lifespan(app)
        except Exception as e:
            return {"startup": exc(e)}
        for r in reqs:
            if isinstance(r, str):
                r = ("GET", r)
            method, target = r[0], r[1]
            headers = r[2] if len(r) > 2 else None
            key = f"{method} {target}" + (f" {headers}" if headers is not None else "")
            res[key] = await _http(app, method, target, headers)
        if extra is not None:
            res["extra"] = attempt(extra)
        await inq.put({"type": "lifespan.shutdown"})
        try:
            await asyncio.wait_for(task, 5)
        except Exception:
            pass
        return res

    return asyncio.run(go())


def echo(request: Any, **kw: Any) -> Any:
    from sanic import response

    return response.json({k: repr(v) for k, v in sorted(kw.items())})


_e = [0]


def mk_echo() -> Callable:
    """A fresh echo handler with its own name (route names must be unique)."""
    _e[0] += 1

    async def handler(request: Any, **kw: Any) -> Any:
        return echo(request, **kw)

    handler.__name__ = f"echo{_e[0]}"
    return handler


# ---------------------------------------------------------------- 1. routing

PARAM_TYPES = {
    "str": "/p/<v>",
    "strt": "/p/<v:str>",
    "int": "/p/<v:int>",
    "float": "/p/<v:float>",
    "alpha": "/p/<v:alpha>",
    "slug": "/p/<v:slug>",
    "path": "/p/<v:path>",
    "ymd": "/p/<v:ymd>",
    "uuid": "/p/<v:uuid>",
    "ext": "/p/<v:ext>",
    "extlist": "/p/<v:ext=jpg|png>",
    "extint": "/p/<v=int:ext=txt>",
    "strorempty": "/p/<v:strorempty>",
    "regex": r"/p/<v:\d{2}[a-z]>",
    "regexgrp": r"/p/<v:(?P<x>\d+)>",
}
PARAM_VALUES = [
    "abc", "123", "-5", "1.5", "1e3", "a-b-c", "A_b", "2024-02-30", "2024-02-03",
    "123e4567-e89b-12d3-a456-426614174000", "x.jpg", "x.png", "x.gif", "12.txt", "a.b.txt",
    "12a", "a/b", "%20x", "caf%C3%A9", "", "-", "abc/", "0", "007",
    "+1", "1.", ".5", "-0", "nan", "inf", "1_000", "%D9%A3", "%ff", "%2e", "a%2Fb", "-1.5e-3",
    "x.tar.gz", ".txt", "x.", "A-B", "a--b", "-a", "a_b", "20240102", "2024-1-2",
    "123E4567-E89B-12D3-A456-426614174000", "123e4567e89b12d3a456426614174000",
]


def _param_case(pattern: str) -> Callable[[], Any]:
    def run() -> Any:
        app = new_app()
        try:
            app.route(pattern)(mk_echo())
        except Exception as e:
            return {"register": exc(e)}
        return probe(app, [f"/p/{v}" for v in PARAM_VALUES])

    return run


for _name, _pat in PARAM_TYPES.items():
    CASES[f"param_{_name}"] = _param_case(_pat)


@case
def c_param_unquote() -> Any:
    app = new_app()
    app.route("/u/<v>", unquote=True)(mk_echo())
    app.route("/n/<v>")(mk_echo())
    app.route("/up/<v:path>", unquote=True)(mk_echo())
    return probe(app, ["/u/caf%C3%A9", "/n/caf%C3%A9", "/u/a%2Fb", "/n/a%2Fb", "/up/a%20b/c",
                       "/u/%20", "/u/a+b"])


@case
def c_param_plain_quoted() -> Any:
    app = new_app()
    app.route("/n/<v>")(mk_echo())
    app.route("/p/<v:path>")(mk_echo())
    return probe(app, ["/n/caf%C3%A9", "/n/a%2Fb", "/n/a%20b", "/p/a%20b/c"])


@case
def c_custom_pattern() -> Any:
    app = new_app()

    def hexint(s: str) -> int:  # a named cast (Sanic's router fails on a lambda cast)
        return int(s, 16)

    app.router.register_pattern("hex", hexint, r"^[0-9a-f]+$")
    app.route("/h/<v:hex>")(mk_echo())
    app.route("/h/<v:str>", name="hs")(mk_echo())
    return probe(app, ["/h/ff", "/h/zz", "/h/10"],
                 extra=lambda: app.url_for(app.router.routes[0].name.split(".")[-1], v="ff"))


@case
def c_custom_pattern_bad() -> Any:
    app = new_app()
    return [attempt(lambda: app.router.register_pattern("hex", lambda s: s, 123)),
            attempt(lambda: app.router.register_pattern("hex2", "notcallable", r"x")),
            attempt(lambda: app.router.register_pattern(5, str, r"x"))]


@case
def c_precedence() -> Any:
    app = new_app()

    def h(tag: str) -> Callable:
        async def handler(request: Any, **kw: Any) -> Any:
            return text(f"{tag} {sorted(kw.items())}")

        handler.__name__ = f"h_{tag}"
        return handler

    app.route("/a/b")(h("static"))
    app.route("/a/<x>")(h("str"))
    app.route("/a/<x:int>")(h("int"))
    app.route("/a/<x:float>")(h("float"))
    app.route("/a/<x:alpha>")(h("alpha"))
    app.route("/a/<x:path>")(h("path"))
    app.route("/a/<x>/c")(h("strc"))
    app.route("/a/b/<y>")(h("staticy"))
    app.route("/z/<x:path>")(h("zpath"))
    app.route("/z/q")(h("zq"))
    return probe(app, ["/a/b", "/a/1", "/a/1.5", "/a/ab", "/a/a1", "/a/b/c", "/a/x/c",
                       "/a/b/d", "/a/x/y/z", "/z/q", "/z/q/r", "/z/", "/a/", "/a"])


def _slash_app(app_strict: Any, route_strict: Any) -> Any:
    kw = {} if app_strict is None else {"strict_slashes": app_strict}
    app = new_app(**kw)
    rkw = {} if route_strict is None else {"strict_slashes": route_strict}
    app.route("/s", **rkw)(mk_echo())
    app.route("/t/", **rkw)(mk_echo())
    app.route("/d/<v>", **rkw)(mk_echo())
    app.route("/e/<v>/", **rkw)(mk_echo())
    return probe(app, ["/s", "/s/", "/t", "/t/", "/d/x", "/d/x/", "/e/x", "/e/x/",
                       "/s//", "//s", "/d//x", "/S"])


for _a in (None, True, False):
    for _r in (None, True, False):
        CASES[f"slashes_app{_a}_route{_r}"] = (lambda a=_a, r=_r: _slash_app(a, r))


@case
def c_slashes_bp() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp", url_prefix="/bp", strict_slashes=True)
    bp.route("/x")(mk_echo())
    bp.route("/y", strict_slashes=False)(mk_echo())
    bp2 = Blueprint("bp2", url_prefix="/bp2/", strict_slashes=False)
    bp2.route("/x")(mk_echo())
    bp2.route("/")(mk_echo())
    bp3 = Blueprint("bp3", url_prefix="/bp3/", strict_slashes=False)
    bp3.route("", name="empty")(mk_echo())
    reg = attempt(lambda: app.blueprint([bp, bp2, bp3]))
    return {"reg": reg, "probe": probe(app, ["/bp/x", "/bp/x/", "/bp/y", "/bp/y/", "/bp2/x",
                                             "/bp2/x/", "/bp2", "/bp2/", "/bp2//x", "/bp3",
                                             "/bp3/"])}


@case
def c_root_routes() -> Any:
    app = new_app()
    app.route("/")(mk_echo())
    again = attempt(lambda: app.route("", name="e2")(mk_echo()))
    return {"again": again, "probe": probe(app, ["/", "//"])}


@case
def c_methods() -> Any:
    app = new_app()
    app.route("/g")(mk_echo())
    app.route("/m", methods=["POST", "PUT"])(mk_echo())
    app.route("/h", methods=["HEAD"])(mk_echo())
    app.route("/o", methods=["OPTIONS"])(mk_echo())
    app.route("/d/<x>", methods=["DELETE"])(mk_echo())
    app.route("/lower", methods=["get", "post"])(mk_echo())
    reqs = []
    for p in ("/g", "/m", "/h", "/o", "/d/1", "/lower", "/nope"):
        for m in ("GET", "HEAD", "POST", "OPTIONS", "PATCH", "FOO"):
            reqs.append((m, p))
    return probe(app, reqs)


@case
def c_methods_bad() -> Any:
    app = new_app()
    return [attempt(lambda: app.route("/x", methods=["FOO"])(mk_echo())),
            attempt(lambda: app.route("/y", methods="GET")(mk_echo())),
            attempt(lambda: app.route("/z", methods=[])(mk_echo())),
            attempt(lambda: app.route("/w", methods=None)(mk_echo()))]


@case
def c_hosts() -> Any:
    app = new_app()
    regs = [attempt(lambda: app.route("/", host="a.com")(text_handler("a"))),
            attempt(lambda: app.route("/", host=["b.com", "c.com:8000"])(text_handler("bc"))),
            attempt(lambda: app.route("/", host="*.w.com")(text_handler("wild"))),
            attempt(lambda: app.route("/only", host="a.com")(text_handler("only"))),
            attempt(lambda: app.route("/")(text_handler("default"))),
            attempt(lambda: app.route("/dyn/<x>", host="a.com")(text_handler("dyn_a"))),
            attempt(lambda: app.route("/dyn/<x>")(text_handler("dyn")))]
    reqs = []
    for host in ("a.com", "A.COM", "b.com", "c.com:8000", "c.com", "x.w.com", "w.com",
                 "other.com", "a.com:80", None):
        h = {} if host is None else {"host": host}
        for p in ("/", "/only", "/dyn/1"):
            reqs.append(("GET", p, h))
    return {"regs": regs, "probe": probe(app, reqs, extra=lambda: [
        attempt(lambda: app.url_for("h_only")), attempt(lambda: app.url_for("h_bc")),
        attempt(lambda: app.url_for("h_only", _external=True))])}


def text_handler(tag: str) -> Callable:
    async def handler(request: Any, **kw: Any) -> Any:
        return text(tag)

    handler.__name__ = f"h_{tag}"
    return handler


@case
def c_versions() -> Any:
    app = new_app()
    app.route("/i", version=1)(text_handler("i"))
    app.route("/f", version=1.1)(text_handler("f"))
    app.route("/s", version="2")(text_handler("s"))
    app.route("/sv", version="v3")(text_handler("sv"))
    app.route("/p", version=4, version_prefix="/api/v")(text_handler("p"))
    app.route("/q", version=5, version_prefix="/x")(text_handler("q"))
    app.route("/r", version=6, version_prefix="")(text_handler("r"))
    app.route("/", version=7)(text_handler("root"))
    app.route("/fz", version=2.0)(text_handler("fz"))
    names = ["h_i", "h_f", "h_s", "h_sv", "h_p", "h_q", "h_r", "h_root", "h_fz"]
    return probe(app, ["/v1/i", "/v1.1/i", "/v1.1/f", "/v2/s", "/vv3/sv", "/v3/sv", "/api/v4/p",
                       "/x5/q", "/6/r", "/v7", "/v7/", "/v2.0/fz", "/v2/fz", "/i"],
                 extra=lambda: {n: attempt(lambda n=n: app.url_for(n)) for n in names})


@case
def c_names() -> Any:
    app = new_app()
    app.route("/a", name="same")(text_handler("a"))
    r = attempt(lambda: app.route("/b", name="same")(text_handler("b")))
    app.route("/c")(text_handler("c"))
    r2 = attempt(lambda: app.route("/d")(text_handler("c")))
    r3 = attempt(lambda: app.route("/e", name="app.x")(text_handler("e")))
    out = probe(app, ["/a", "/b", "/c", "/d", "/e"],
                extra=lambda: {n: attempt(lambda n=n: app.url_for(n))
                               for n in ("same", "h_c", "x", "app.x", f"{app.name}.same")})
    names = sorted(r.name for r in app.router.routes)
    return {"second_same": r, "dup_handler": r2, "dotted": r3, "probe": out, "names": names}


@case
def c_route_exists() -> Any:
    app = new_app()
    app.route("/a")(text_handler("a"))
    r1 = attempt(lambda: app.route("/a", name="other")(text_handler("a2")))
    app.route("/b/<x:int>")(text_handler("b"))
    r2 = attempt(lambda: app.route("/b/<y:int>", name="b2")(text_handler("b2")))
    r3 = attempt(lambda: app.route("/b/<x:str>", name="b3")(text_handler("b3")))
    app.route("/m", methods=["GET"])(text_handler("mg"))
    r4 = attempt(lambda: app.route("/m", methods=["POST"], name="mp")(text_handler("mp")))
    r5 = attempt(lambda: app.route("/a/", name="aslash")(text_handler("a3")))
    out = probe(app, ["/a", "/a/", "/b/1", "/b/x", ("POST", "/m"), "/m"])
    return {"dup": r1, "dup_param_name": r2, "other_type": r3, "other_method": r4,
            "slash": r5, "probe": out}


@case
def c_after_start() -> Any:
    app = new_app()
    app.route("/a")(text_handler("a"))
    res: dict[str, Any] = {}

    @app.before_server_start
    async def add(app_: Any, _loop: Any = None) -> None:
        res["in_before_start"] = attempt(lambda: app_.route("/late")(text_handler("late")))

    @app.after_server_start
    async def add2(app_: Any, _loop: Any = None) -> None:
        res["in_after_start"] = attempt(lambda: app_.route("/later")(text_handler("later")))

    res["probe"] = probe(app, ["/a", "/late", "/later"])
    return res


@case
def c_bad_handlers() -> Any:
    app = new_app()
    out = {}

    def no_args() -> Any:
        return text("x")

    async def no_req() -> Any:
        return text("x")

    async def wrong_param(request: Any) -> Any:
        return text("x")

    async def kwonly(request: Any, *, x: str) -> Any:
        return text(x)

    out["sync_no_args"] = attempt(lambda: app.route("/n")(no_args))
    out["async_no_args"] = attempt(lambda: app.route("/na")(no_req))
    out["missing_param"] = attempt(lambda: app.route("/w/<x>")(wrong_param))
    out["kwonly"] = attempt(lambda: app.route("/k/<x>")(kwonly))
    out["lambda"] = attempt(lambda: app.route("/l")(lambda request: text("l")))
    out["not_callable"] = attempt(lambda: app.add_route("nope", "/nc"))
    out["dup_param"] = attempt(lambda: app.route("/d/<x>/<x>", name="dd")(mk_echo()))
    out["bad_type"] = attempt(lambda: app.route("/t/<x:nosuch>", name="bt")(mk_echo()))
    out["bad_syntax"] = attempt(lambda: app.route("/t/<x", name="bs")(mk_echo()))
    out["bad_regex"] = attempt(lambda: app.route(r"/t/<x:[a->", name="br")(mk_echo()))
    out["no_leading_slash"] = attempt(lambda: app.route("noslash", name="nls")(mk_echo()))
    out["empty_name_param"] = attempt(lambda: app.route("/t/<:int>", name="en")(mk_echo()))
    out["probe"] = probe(app, ["/n", "/na", "/w/1", "/k/1", "/l", "/noslash", "/nc"])
    return out


@case
def c_error_format() -> Any:
    from sanic.exceptions import SanicException

    app = new_app()

    async def boom(request: Any) -> Any:
        raise SanicException("bad thing", status_code=418)

    for fmt in ("json", "text", "html", "auto"):
        app.route(f"/{fmt}", error_format=fmt, name=f"b_{fmt}")(boom)
    out = {"bad_fmt": attempt(lambda: app.route("/xx", error_format="yaml", name="yy")(boom))}
    out["probe"] = probe(app, ["/json", "/text", "/html", "/auto",
                               ("GET", "/auto", {"accept": "application/json"})])
    return out


@case
def c_ignore_body_ctx() -> Any:
    from sanic import response

    app = new_app()

    @app.route("/ib", methods=["POST"], ignore_body=False, ctx_flag=7, ctx_label="x")
    async def ib(request: Any) -> Any:
        r = request.route
        return response.json({"flag": r.ctx.flag, "label": r.ctx.label,
                              "ignore_body": r.extra.ignore_body if hasattr(r.extra, "ignore_body") else None,
                              "name": r.name, "uri": r.uri})

    @app.get("/g")
    async def g(request: Any) -> Any:
        r = request.route
        return response.json({"ctx": sorted(vars(r.ctx)), "ignore_body": getattr(r.extra, "ignore_body", None),
                              "name": r.name, "path": r.path, "segments": list(r.segments),
                              "params": sorted(getattr(r, "params", None) or []), "methods": sorted(r.methods)})

    out = {"bad_ctx": attempt(lambda: app.route("/c", ctx_=1, name="c")(mk_echo()))}
    out["probe"] = probe(app, [("POST", "/ib"), "/g"])
    return out


@case
def c_route_attrs() -> Any:
    app = new_app()
    app.route("/r/<a:int>/<b>", name="rr", methods=["GET", "POST"])(mk_echo())
    app.router.finalize() if False else None
    r = next(iter(app.router.routes))
    return {"name": r.name, "path": r.path, "uri": getattr(r, "uri", None),
            "methods": sorted(r.methods), "params": sorted(getattr(r, "params", None) or []),
            "segments": list(r.segments), "strict": r.strict, "unquote": r.unquote,
            "pattern": getattr(r, "pattern", None), "raw_path": r.raw_path,
            "labels": list(getattr(r, "labels", []) or []),
            "routes_all": sorted(str(k) for k in app.router.routes_all),
            "routes_static": sorted(str(k) for k in app.router.routes_static),
            "routes_dynamic": sorted(str(k) for k in app.router.routes_dynamic)}


@case
def c_case_sensitivity() -> Any:
    app = new_app()
    app.route("/Abc")(text_handler("Abc"))
    app.route("/p/<v:alpha>")(mk_echo())
    return probe(app, ["/Abc", "/abc", "/ABC", "/p/AbC", "/P/abc"])


@case
def c_encoded_static() -> Any:
    app = new_app()
    app.route("/caf\u00e9")(text_handler("cafe"))
    app.route("/a b")(text_handler("space"))
    app.route("/x%20y")(text_handler("pct"))
    return probe(app, ["/caf%C3%A9", "/a%20b", "/x%20y", "/x%2520y"])


@case
def c_decorators() -> Any:
    app = new_app()
    for m in ("get", "post", "put", "patch", "delete", "head", "options"):
        getattr(app, m)(f"/{m}")(text_handler(m))
    app.add_route(text_handler("ar"), "/ar", methods=["GET", "POST"])
    reqs = []
    for m in ("get", "post", "put", "patch", "delete", "head", "options"):
        reqs += [(m.upper(), f"/{m}"), ("GET", f"/{m}"), ("HEAD", f"/{m}"), ("OPTIONS", f"/{m}")]
    reqs += [("POST", "/ar"), ("PUT", "/ar")]
    return probe(app, reqs)


@case
def c_request_route_attrs() -> Any:
    from sanic import Blueprint, response

    app = new_app()

    async def show(request: Any, **kw: Any) -> Any:
        return response.json({
            "match_info": {k: repr(v) for k, v in request.match_info.items()},
            "endpoint": request.endpoint, "uri_template": request.uri_template,
            "route_name": request.route.name if request.route else None,
            "path": request.path, "raw_url": request.raw_url.decode(),
            "name": request.name if hasattr(request, "name") else None,
        })

    app.route("/r/<a:int>/<b>")(show)
    bp = Blueprint("bp", url_prefix="/bp", version=2)
    bp.route("/q/<c:float>", name="qq")(show)
    app.blueprint(bp)
    return probe(app, ["/r/1/x", "/v2/bp/q/1.5", "/r/1/x?z=1", "/nope"])


@case
def c_class_views() -> Any:
    from sanic.views import HTTPMethodView

    app = new_app()

    class Thing(HTTPMethodView):
        async def get(self, request: Any, tid: int) -> Any:
            return text(f"get {tid}")

        async def post(self, request: Any, tid: int) -> Any:
            return text(f"post {tid}")

    class Named(HTTPMethodView):
        async def get(self, request: Any) -> Any:
            return text("named")

    app.add_route(Thing.as_view(), "/t/<tid:int>")
    app.route("/n")(Named.as_view())
    out = probe(app, ["/t/1", ("POST", "/t/2"), ("PUT", "/t/3"), "/n", ("DELETE", "/n")],
                extra=lambda: {n: attempt(lambda n=n: app.url_for(n, tid=5))
                               for n in ("Thing", "Named", "thing")})
    out["names"] = sorted(r.name for r in app.router.routes)
    return out


@case
def c_websocket_route_names() -> Any:
    from sanic import Blueprint

    app = new_app()

    @app.websocket("/ws")
    async def feed(request: Any, ws: Any) -> None:
        return None

    bp = Blueprint("bpw", url_prefix="/b")

    @bp.websocket("/ws/<room>")
    async def room(request: Any, ws: Any, room: str) -> None:
        return None

    app.blueprint(bp)
    out = probe(app, ["/ws", "/b/ws/x"], extra=lambda: [
        attempt(lambda: app.url_for("feed")),
        attempt(lambda: app.url_for("bpw.room", room="r1")),
        attempt(lambda: app.url_for("feed", _external=True, _server="h.io")),
    ])
    out["names"] = sorted(r.name for r in app.router.routes)
    return out


@case
def c_strict_precedence() -> Any:
    from sanic import Blueprint

    app = new_app(strict_slashes=True)
    b1 = Blueprint("s1", url_prefix="/s1", strict_slashes=False)
    b1.route("/a")(text_handler("a"))
    b1.route("/b", strict_slashes=True)(text_handler("b"))
    b2 = Blueprint("s2", url_prefix="/s2")
    b2.route("/c")(text_handler("c"))
    grp = Blueprint.group(b2, url_prefix="/g", strict_slashes=False)
    b3 = Blueprint("s3", url_prefix="/s3", strict_slashes=True)
    b3.route("/d")(text_handler("d"))
    grp2 = Blueprint.group(b3, url_prefix="/h", strict_slashes=False)
    app.blueprint([b1, grp, grp2])
    return probe(app, ["/s1/a", "/s1/a/", "/s1/b", "/s1/b/", "/g/s2/c", "/g/s2/c/",
                       "/h/s3/d", "/h/s3/d/"])


@case
def c_group_name_prefix() -> Any:
    from sanic import Blueprint

    app = new_app()
    b1 = Blueprint("np1", url_prefix="/a")
    b1.route("/x")(text_handler("x"))
    g = Blueprint.group(b1, url_prefix="/g", name_prefix="pre")
    out = {"reg": attempt(lambda: app.blueprint(g))}
    out["names"] = sorted(r.name for r in app.router.routes)
    out["blueprints"] = sorted(app.blueprints)
    out["probe"] = probe(app, ["/g/a/x"], extra=lambda: [
        attempt(lambda: app.url_for("pre_np1.h_x")), attempt(lambda: app.url_for("np1.h_x"))])
    return out


@case
def c_version_mix() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("vm", url_prefix="/bp", version=1, version_prefix="/api/v")
    bp.route("/a")(text_handler("a"))
    bp.route("/b", version=3)(text_handler("b"))
    bp.route("/c", version_prefix="/x")(text_handler("c"))
    bp.route("/d", version=4, version_prefix="/y")(text_handler("d"))
    grp = Blueprint.group(bp, version=9, version_prefix="/grp")
    app.blueprint(grp)
    return {"paths": sorted(r.path for r in app.router.routes),
            "probe": probe(app, ["/api/v1/bp/a", "/grp9/bp/a"])}


@case
def c_bp_hosts_and_names() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bh", url_prefix="/h", host=["a.io", "b.io"])
    bp.route("/x")(text_handler("x"))
    bp.route("/y", host="c.io")(text_handler("y"))
    bp.route("/z", name="bh.zed")(text_handler("z"))
    bp.route("/w", name="other.w")(text_handler("w"))
    out = {"reg": attempt(lambda: app.blueprint(bp))}
    out["names"] = sorted(r.name for r in app.router.routes)
    reqs = [("GET", p, {"host": h}) for p in ("/h/x", "/h/y", "/h/z", "/h/w")
            for h in ("a.io", "b.io", "c.io", "d.io")]
    out["probe"] = probe(app, reqs, extra=lambda: {n: attempt(lambda n=n: app.url_for(n, _external=True))
                                                   for n in ("bh.h_x", "bh.h_y", "bh.zed", "bh.bh.zed",
                                                             "bh.other.w", "other.w", "bh.w")})
    return out


@case
def c_mixed_method_routes() -> Any:
    app = new_app()
    app.route("/m/<x:int>", methods=["GET"])(text_handler("get_int"))
    app.route("/m/<x:int>", methods=["POST"], name="post_int")(text_handler("post_int"))
    app.route("/m/<x>", methods=["PUT"], name="put_str")(text_handler("put_str"))
    app.route("/m/all", methods=["DELETE"], name="del_all")(text_handler("del_all"))
    reqs = [(m, p) for p in ("/m/1", "/m/a", "/m/all") for m in ("GET", "POST", "PUT", "DELETE", "PATCH")]
    return probe(app, reqs)


# --------------------------------------------------------------- 2. blueprints

@case
def c_bp_prefix_joins() -> Any:
    from sanic import Blueprint

    app = new_app()
    combos = [("/p", "/x"), ("/p/", "/x"), ("/p", "x"), ("p", "/x"), ("/p/", "/x/"),
              ("/p", "/"), ("/p/", "/"), ("/p", ""), (None, "/x"), ("", "/x"), ("/", "/x")]
    paths = []
    for i, (pre, r) in enumerate(combos):
        bp = Blueprint(f"b{i}", url_prefix=pre)
        bp.route(r, name=f"r{i}")(text_handler(f"{i}"))
        res = attempt(lambda bp=bp: app.blueprint(bp))
        paths.append({"combo": [pre, r], "reg": res})
    reqs = []
    for p in ("/p/x", "/p//x", "/px", "/p/x/", "/p", "/p/", "/x", "//x", "/x/", "p/x", "/p/px"):
        reqs.append(p)
    out = probe(app, reqs, extra=lambda: {f"b{i}.r{i}": attempt(lambda i=i: app.url_for(f"b{i}.r{i}"))
                                          for i in range(len(combos))})
    out["regs"] = paths
    out["uris"] = sorted((r.name, r.path) for r in app.router.routes)
    return out


@case
def c_bp_register_kwargs() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp", url_prefix="/orig", version=1)
    bp.route("/x")(text_handler("x"))
    bp.route("/y", version=3)(text_handler("y"))
    app.blueprint(bp, url_prefix="/new", version=2)
    bp2 = Blueprint("bp2", url_prefix="/b2")
    bp2.route("/z")(text_handler("z"))
    app.blueprint(bp2, version=5, version_prefix="/api/v", strict_slashes=True)
    bp3 = Blueprint("bp3", version_prefix="/w")
    bp3.route("/q", version=1)(text_handler("q"))
    app.blueprint(bp3)
    return probe(app, ["/v2/new/x", "/v1/orig/x", "/v2/orig/x", "/v3/new/y", "/v2/new/y",
                       "/new/x", "/api/v5/b2/z", "/api/v5/b2/z/", "/w1/q"],
                 extra=lambda: sorted(r.path for r in app.router.routes))


@case
def c_bp_register_twice() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp", url_prefix="/a")
    bp.route("/x")(text_handler("x"))
    app.blueprint(bp)
    out = {"same_again": attempt(lambda: app.blueprint(bp))}
    out["same_again_prefix"] = attempt(lambda: app.blueprint(bp, url_prefix="/b"))
    other = Blueprint("bp", url_prefix="/c")
    other.route("/x")(text_handler("x2"))
    out["same_name"] = attempt(lambda: app.blueprint(other))
    out["bad_name"] = attempt(lambda: Blueprint("bad name"))
    out["bad_name2"] = attempt(lambda: Blueprint("bad.name"))
    out["bad_name3"] = attempt(lambda: Blueprint("1abc"))
    out["bad_name4"] = attempt(lambda: Blueprint(""))
    out["blueprints"] = sorted(app.blueprints)
    out["probe"] = probe(app, ["/a/x", "/b/x", "/c/x"])
    return out


@case
def c_bp_copy() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp", url_prefix="/a", version=1)
    bp.route("/x")(text_handler("x"))

    @bp.middleware("response")
    async def mw(request: Any, response: Any) -> None:
        response.headers["x-bp"] = request.route.name if request.route else "none"

    c1 = bp.copy("bp2", url_prefix="/b")
    c2 = bp.copy("bp3", version=2, version_prefix="/ver")
    c3 = bp.copy("bp4", url_prefix="/d", with_registration=False)
    out = {"copy_same_name": attempt(lambda: bp.copy("bp"))}
    app.blueprint([bp, c1, c2])
    out["c3_reg"] = attempt(lambda: app.blueprint(c3))
    out["names"] = [c1.name, c2.name, c3.name, c1.url_prefix, c2.url_prefix]
    out["routes"] = sorted((r.name, r.path) for r in app.router.routes)
    out["probe"] = probe(app, ["/v1/a/x", "/v1/b/x", "/ver2/a/x", "/v1/d/x", "/d/x"],
                         extra=lambda: [app.url_for("bp2.h_x"), app.url_for("bp3.h_x"),
                                        attempt(lambda: app.url_for("bp4.h_x"))])
    return out


@case
def c_bp_group() -> Any:
    from sanic import Blueprint

    app = new_app()
    b1 = Blueprint("b1", url_prefix="/one")
    b2 = Blueprint("b2", url_prefix="/two", version=9)
    b3 = Blueprint("b3")
    b1.route("/x")(text_handler("1x"))
    b2.route("/x")(text_handler("2x"))
    b3.route("/x")(text_handler("3x"))
    inner = Blueprint.group(b1, b2, url_prefix="/in", version=2)
    outer = Blueprint.group(inner, b3, url_prefix="/out", strict_slashes=True, version_prefix="/ver")

    @outer.middleware("response")
    async def omw(request: Any, response: Any) -> None:
        response.headers["x-grp"] = "outer"

    @inner.middleware
    async def imw(request: Any) -> None:
        request.ctx.inner = True

    @b1.middleware("response")
    async def b1mw(request: Any, response: Any) -> None:
        response.headers["x-bp"] = str(getattr(request.ctx, "inner", False))

    app.blueprint(outer)
    meta = {"inner_prefix": inner.url_prefix, "outer_prefix": outer.url_prefix,
            "len": len(outer), "bps": [getattr(b, "name", type(b).__name__) for b in outer.blueprints],
            "routes": sorted((r.name, r.path) for r in app.router.routes)}
    out = probe(app, ["/ver2/out/in/one/x", "/ver2/out/in/one/x/", "/ver9/out/in/two/x",
                      "/ver2/out/in/two/x", "/ver2/out/x", "/v2/out/in/one/x", "/out/x",
                      "/ver2/out/in/one", "/out/in/one/x"],
                extra=lambda: [attempt(lambda: app.url_for("b1.h_1x")),
                               attempt(lambda: app.url_for("b2.h_2x")),
                               attempt(lambda: app.url_for("b3.h_3x"))])
    return {"meta": meta, "probe": out}


@case
def c_bp_group_ops() -> Any:
    from sanic import Blueprint
    from sanic.blueprint_group import BlueprintGroup

    b1 = Blueprint("g1", url_prefix="/a")
    b2 = Blueprint("g2", url_prefix="/b")
    g = BlueprintGroup(url_prefix="/g")
    g.append(b1)
    g.insert(0, b2)
    out = {"names": [b.name for b in g], "len": len(g), "idx": g[0].name}
    out["bad_append"] = attempt(lambda: g.append("nope"))
    g2 = Blueprint.group(b1, [b2], url_prefix="/h")
    out["nested_list"] = [b.name for b in g2]
    out["no_prefix_group"] = attempt(lambda: Blueprint.group(b1).url_prefix)
    del g[0]
    out["after_del"] = [getattr(b, "name", b) for b in g]
    return out


@case
def c_bp_exceptions_scope() -> Any:
    from sanic import Blueprint
    from sanic.exceptions import NotFound, SanicException

    app = new_app()
    bp = Blueprint("bp", url_prefix="/bp")
    bp2 = Blueprint("bp2", url_prefix="/bp2")

    @bp.route("/err")
    async def e1(request: Any) -> Any:
        raise SanicException("x", status_code=400)

    @bp2.route("/err")
    async def e2(request: Any) -> Any:
        raise SanicException("x", status_code=400)

    @app.route("/err")
    async def e3(request: Any) -> Any:
        raise SanicException("x", status_code=400)

    @bp.exception(SanicException)
    async def handle(request: Any, exception: Any) -> Any:
        return text(f"bp handled {exception.status_code}")

    @bp.exception(NotFound)
    async def nf(request: Any, exception: Any) -> Any:
        return text("bp notfound")

    app.blueprint([bp, bp2])
    return probe(app, ["/bp/err", "/bp2/err", "/err", "/bp/nope", "/nope"])


@case
def c_bp_listeners() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp")
    seen: list[str] = []

    @bp.listener("before_server_start")
    async def a(app_: Any, loop: Any) -> None:
        seen.append("bp_before")

    @bp.after_server_start
    async def b(app_: Any) -> None:
        seen.append("bp_after")

    @bp.before_server_stop
    async def c(app_: Any) -> None:
        seen.append("bp_before_stop")

    @app.before_server_start
    async def d(app_: Any) -> None:
        seen.append("app_before")

    bp.route("/")(text_handler("x"))
    out = {"bad_event": attempt(lambda: bp.listener("nope")(a))}
    out["register"] = attempt(lambda: app.blueprint(bp))
    probe(app, ["/"])
    out["seen"] = seen
    return out


@case
def c_bp_static() -> Any:
    from sanic import Blueprint

    d = tempfile.mkdtemp()
    with open(os.path.join(d, "f.txt"), "w") as f:
        f.write("hello")
    app = new_app()
    bp = Blueprint("bp", url_prefix="/bp")
    bp.static("/st", d)
    bp.static("/one", os.path.join(d, "f.txt"), name="one")
    app.static("/ast", d)
    app.static("/aone", os.path.join(d, "f.txt"), name="aone")
    app.blueprint(bp)
    urls = {
        "static_nofile": lambda: app.url_for("static"),
        "static_name": lambda: app.url_for("static", name="static", filename="f.txt"),
        "aone": lambda: app.url_for("static", name="aone"),
        "aone_plain": lambda: app.url_for("aone"),
        "bp_static": lambda: app.url_for("static", name="bp.static", filename="f.txt"),
        "bp_static2": lambda: app.url_for("bp.static", filename="f.txt"),
        "bp_one": lambda: app.url_for("static", name="bp.one"),
        "bp_one2": lambda: app.url_for("bp.one"),
        "static_file_sub": lambda: app.url_for("static", filename="sub/f.txt"),
        "static_filename_slash": lambda: app.url_for("static", filename="/f.txt"),
        "static_unknown": lambda: app.url_for("static", name="nope", filename="f.txt"),
        "static_ext": lambda: app.url_for("static", filename="f.txt", _external=True,
                                          _server="h.com"),
    }
    out = probe(app, ["/bp/st/f.txt", "/bp/one", "/ast/f.txt", "/aone", "/bp/st/", "/bp/st",
                      "/ast/../f.txt", "/ast/nope"],
                extra=lambda: {k: attempt(v) for k, v in urls.items()})
    out["names"] = sorted(r.name for r in app.router.routes)
    return out


@case
def c_bp_routes_methods() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp", url_prefix="/bp", host="h.com")
    bp.route("/x")(text_handler("x"))
    bp.add_route(text_handler("y"), "/y", methods=["POST"])
    app.blueprint(bp)
    return probe(app, ["/bp/x", ("GET", "/bp/x", {"host": "h.com"}),
                       ("POST", "/bp/y", {"host": "h.com"})],
                 extra=lambda: [attempt(lambda: app.url_for("bp.h_x")),
                                attempt(lambda: app.url_for("bp.h_y", _external=True))])


@case
def c_app_middleware_scope() -> Any:
    from sanic import Blueprint

    app = new_app()
    bp = Blueprint("bp", url_prefix="/bp")

    @bp.on_response
    async def bpmw(request: Any, response: Any) -> None:
        response.headers["x-bp"] = "bp"

    @app.on_response
    async def amw(request: Any, response: Any) -> None:
        response.headers["x-mw"] = "app"

    bp.route("/x")(text_handler("x"))
    app.route("/y")(text_handler("y"))
    app.blueprint(bp)
    return probe(app, ["/bp/x", "/y", "/bp/nope", "/nope"])


# ----------------------------------------------------------------- 3. url_for

def _url_app(**cfg: Any) -> Any:
    from sanic import Blueprint

    app = new_app()
    for k, v in cfg.items():
        app.config[k] = v
    app.route("/plain")(text_handler("plain"))
    app.route("/i/<v:int>")(text_handler("int"))
    app.route("/f/<v:float>")(text_handler("float"))
    app.route("/s/<v>")(text_handler("str"))
    app.route("/a/<v:alpha>")(text_handler("alpha"))
    app.route("/p/<v:path>")(text_handler("path"))
    app.route("/u/<v:uuid>")(text_handler("uuid"))
    app.route("/y/<v:ymd>")(text_handler("ymd"))
    app.route("/e/<v:ext=txt|md>")(text_handler("ext"))
    app.route(r"/r/<v:\d{3}>")(text_handler("regex"))
    app.route("/two/<a>/<b:int>")(text_handler("two"))
    app.route("/m", methods=["POST"])(text_handler("post"))
    app.route("/host", host="h.com")(text_handler("host"))
    bp = Blueprint("bp", url_prefix="/bp")
    bp.route("/x/<v>")(text_handler("bpx"))
    app.blueprint(bp)
    return app


URL_CALLS: list[tuple[str, dict]] = [
    ("h_plain", {}),
    ("h_plain", {"q": "1"}),
    ("h_plain", {"q": ["1", "2"], "r": "a b&c"}),
    ("h_plain", {"_anchor": "frag"}),
    ("h_plain", {"_anchor": "a b"}),
    ("h_plain", {"_external": True}),
    ("h_plain", {"_external": True, "_scheme": "https"}),
    ("h_plain", {"_scheme": "https"}),
    ("h_plain", {"_external": True, "_server": "s.com:81"}),
    ("h_plain", {"_server": "s.com"}),
    ("h_plain", {"_method": "GET"}),
    ("h_plain", {"_method": "POST"}),
    ("h_plain", {"_external": True, "_scheme": "ftp"}),
    ("h_plain", {"q": 5, "n": None}),
    ("h_plain", {"q": ""}),
    ("h_plain", {"q": []}),
    ("h_int", {"v": 5}),
    ("h_int", {"v": "5"}),
    ("h_int", {"v": "abc"}),
    ("h_int", {"v": 5.5}),
    ("h_int", {"v": True}),
    ("h_int", {}),
    ("h_int", {"v": 1, "extra": "x"}),
    ("h_float", {"v": 1.5}),
    ("h_float", {"v": 2}),
    ("h_float", {"v": "x"}),
    ("h_str", {"v": "hello"}),
    ("h_str", {"v": "a/b"}),
    ("h_str", {"v": "caf\u00e9"}),
    ("h_str", {"v": "a?b#c"}),
    ("h_str", {"v": 12}),
    ("h_str", {"v": ""}),
    ("h_alpha", {"v": "abc"}),
    ("h_alpha", {"v": "ab1"}),
    ("h_path", {"v": "a/b/c"}),
    ("h_path", {"v": "a b/c"}),
    ("h_uuid", {"v": "123e4567-e89b-12d3-a456-426614174000"}),
    ("h_uuid", {"v": "nope"}),
    ("h_ymd", {"v": "2024-01-02"}),
    ("h_ymd", {"v": "2024-13-02"}),
    ("h_ext", {"v": "f", "ext": "txt"}),
    ("h_ext", {"v": "f.txt"}),
    ("h_ext", {"v": "f", "ext": "png"}),
    ("h_regex", {"v": "123"}),
    ("h_regex", {"v": "12"}),
    ("h_two", {"a": "x", "b": 2}),
    ("h_two", {"a": "x"}),
    ("h_post", {}),
    ("h_host", {}),
    ("h_host", {"_external": True}),
    ("h_host", {"_external": True, "_server": "o.com"}),
    ("bp.h_bpx", {"v": "q"}),
    ("h_bpx", {"v": "q"}),
    ("nope", {}),
    ("bp.nope", {}),
    ("", {}),
]


def _url_case(cfg: dict) -> Callable[[], Any]:
    def run() -> Any:
        app = _url_app(**cfg)

        def calls() -> Any:
            return {f"{n} {kw!r}": attempt(lambda n=n, kw=kw: app.url_for(n, **kw))
                    for n, kw in URL_CALLS}

        pre = attempt(lambda: app.url_for("h_plain"))
        return {"before_start": pre, "probe": probe(app, [], extra=calls)}

    return run


CASES["url_for_default"] = _url_case({})
CASES["url_for_server_name"] = _url_case({"SERVER_NAME": "srv.com"})
CASES["url_for_server_name_url"] = _url_case({"SERVER_NAME": "https://srv.com:8443"})


@case
def c_url_for_in_request() -> Any:
    from sanic import response

    app = new_app()

    @app.route("/here/<v>")
    async def here(request: Any, v: str) -> Any:
        return response.json({
            "req_url_for": attempt(lambda: request.url_for("here", v="z")),
            "req_url_for_ext": attempt(lambda: request.url_for("here", v="z", _external=True)),
            "app_ext": attempt(lambda: app.url_for("here", v="z", _external=True)),
        })

    return probe(app, ["/here/a", ("GET", "/here/a", {"host": "x.org:99"})])


# ------------------------------------------------------------------- 4. config

ENV_VALUES = ["1", "0", "-3", "1.5", "1e3", "true", "True", "FALSE", "yes", "no", "on", "off",
              "none", "None", "null", "", "abc", " 12", "0x10", "nan", "inf", "1_000", "[1]"]


@case
def c_config_env() -> Any:
    from sanic.config import Config

    keys = {f"SANIC_K{i}": v for i, v in enumerate(ENV_VALUES)}
    keys.update({"MYAPP_Z": "5", "MYAPP_b": "true", "SANIC_lower": "1"})
    old = {k: os.environ.get(k) for k in keys}
    os.environ.update(keys)
    try:
        c = Config()
        out = {f"K{i}={v!r}": repr(c.get(f"K{i}")) for i, v in enumerate(ENV_VALUES)}
        out["lower"] = repr(c.get("lower"))
        c2 = Config(env_prefix="MYAPP_")
        out["prefix_Z"] = repr(c2.get("Z"))
        out["prefix_b"] = repr(c2.get("b"))
        out["prefix_K0"] = repr(c2.get("K0"))
        app = new_app(env_prefix="MYAPP_")
        out["app_prefix_Z"] = repr(app.config.get("Z"))
        out["app_prefix_K0"] = repr(app.config.get("K0"))
        out["no_env"] = attempt(lambda: repr(Config(env_prefix=None).get("K0")))
        c3 = Config()
        c3.load_environment_vars("MYAPP_")
        out["load_environment_vars"] = repr(c3.get("Z"))
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return out


@case
def c_config_converters() -> Any:
    from sanic.config import Config

    os.environ["SANIC_CV"] = "hello"
    os.environ["SANIC_CW"] = "12"
    try:
        c = Config(converters=[lambda s: s.upper() if s == "hello" else (_ for _ in ()).throw(ValueError())])
        out = {"cv": repr(c.get("CV")), "cw": repr(c.get("CW"))}
        c2 = Config()
        c2.register_type(lambda s: s.upper() if s == "hello" else (_ for _ in ()).throw(ValueError()))
        c2.load_environment_vars()
        out["register_type"] = repr(c2.get("CV"))
    finally:
        os.environ.pop("SANIC_CV", None)
        os.environ.pop("SANIC_CW", None)
    return out


@case
def c_config_update() -> Any:
    app = new_app()
    c = app.config
    out: dict[str, Any] = {}
    out["dict"] = attempt(lambda: c.update_config({"A": 1, "b": 2}))
    out["A_b"] = [c.get("A"), c.get("b")]

    class Obj:
        C = 3
        d = 4
        _E = 5

    out["class"] = attempt(lambda: c.update_config(Obj))
    out["obj"] = attempt(lambda: c.update_config(Obj()))
    out["C_d_E"] = [c.get("C"), c.get("d"), c.get("_E")]
    d = tempfile.mkdtemp()
    p = os.path.join(d, "conf.py")
    with open(p, "w") as f:
        f.write("F = 6\ng = 7\nimport os\n_H = 8\n")
    out["file"] = attempt(lambda: c.update_config(p))
    out["F_g_H_os"] = [c.get("F"), c.get("g"), c.get("_H"), "os" in c]
    from pathlib import Path

    out["pathobj"] = attempt(lambda: c.update_config(Path(p)))
    out["missing_file"] = attempt(lambda: c.update_config(os.path.join(d, "nope.py")))
    out["bad_type"] = attempt(lambda: c.update_config(42))
    os.environ["ROUTING_CONF_DIR"] = d
    out["env_in_path"] = attempt(lambda: c.update_config("${ROUTING_CONF_DIR}/conf.py"))
    out["env_in_path_missing"] = attempt(lambda: c.update_config("${NOPE_NOT_SET_X}/conf.py"))
    out["update"] = attempt(lambda: c.update({"I": 9}, J=10))
    out["I_J"] = [c.get("I"), c.get("J")]
    out["attr_missing"] = attempt(lambda: c.NOPE_MISSING)
    out["item_missing"] = attempt(lambda: c["NOPE_MISSING"])
    c.ATTR_SET = 11
    out["attr_set_item"] = c.get("ATTR_SET")
    c["ITEM_SET"] = 12
    out["item_set_attr"] = attempt(lambda: c.ITEM_SET)
    out["setattr_lower"] = attempt(lambda: setattr(c, "lower_x", 1))
    out["lower_x"] = attempt(lambda: c["lower_x"])
    out["del"] = attempt(lambda: c.__delitem__("ITEM_SET"))
    out["delattr"] = attempt(lambda: delattr(c, "ATTR_SET"))
    out["defaults"] = {k: repr(c.get(k)) for k in (
        "REQUEST_MAX_SIZE", "REQUEST_TIMEOUT", "RESPONSE_TIMEOUT", "KEEP_ALIVE",
        "KEEP_ALIVE_TIMEOUT", "ACCESS_LOG", "FALLBACK_ERROR_FORMAT", "SERVER_NAME",
        "PROXIES_COUNT", "REAL_IP_HEADER", "FORWARDED_SECRET", "NOISY_EXCEPTIONS",
        "GRACEFUL_SHUTDOWN_TIMEOUT", "MOTD", "AUTO_RELOAD", "DEBUG", "LOCAL_CERT_CREATOR",
        "REQUEST_ID_HEADER", "WEBSOCKET_MAX_SIZE", "TOUCHUP", "USE_UVLOOP", "TLS_CERT_PASSWORD",
        "INSPECTOR", "INSPECTOR_PORT", "KEEP_ALIVE_TIMEOUT", "REQUEST_BUFFER_SIZE", "CORS")}
    return out


@case
def c_config_readonly() -> Any:
    app = new_app()
    c = app.config
    out: dict[str, Any] = {}
    out["fallback_bad"] = attempt(lambda: setattr(c, "FALLBACK_ERROR_FORMAT", "yaml"))
    out["fallback_ok"] = attempt(lambda: setattr(c, "FALLBACK_ERROR_FORMAT", "json"))
    out["fallback_val"] = c.FALLBACK_ERROR_FORMAT
    out["fallback_again"] = attempt(lambda: setattr(c, "FALLBACK_ERROR_FORMAT", "text"))
    out["local_cert_bad"] = attempt(lambda: setattr(c, "LOCAL_CERT_CREATOR", "nope"))
    out["local_cert_ok"] = attempt(lambda: setattr(c, "LOCAL_CERT_CREATOR", "mkcert"))
    out["local_cert_val"] = repr(c.LOCAL_CERT_CREATOR)
    out["uvloop_str"] = attempt(lambda: setattr(c, "USE_UVLOOP", "yes"))
    out["uvloop_val"] = repr(c.USE_UVLOOP)
    out["update_fallback"] = attempt(lambda: c.update_config({"FALLBACK_ERROR_FORMAT": "html"}))
    out["fallback_val2"] = c.FALLBACK_ERROR_FORMAT
    out["app_config_kw"] = attempt(lambda: new_app(config={"A": 1}))
    from sanic.config import Config

    out["app_config_obj"] = attempt(lambda: new_app(config=Config(defaults={"ZZ": 3})).config.ZZ)
    out["defaults_kw"] = attempt(lambda: Config(defaults={"QQ": 1}).QQ)
    return out


# ----------------------------------------------------------------------- main

def run_all(only: str | None = None) -> dict:
    results: dict[str, Any] = {}
    import logging

    logging.disable(logging.CRITICAL)
    import warnings

    warnings.simplefilter("ignore")
    for name, fn in CASES.items():
        if only and only not in name:
            continue
        try:
            results[name] = fn()
        except Exception as e:
            results[name] = {"case_crashed": exc(e)}
            print(f"case {name} crashed:\n{traceback.format_exc()[-800:]}", file=sys.stderr)
    return results


def _flatten(prefix: str, obj: Any, out: dict) -> None:
    if isinstance(obj, dict) and not ("exc" in obj and "msg" in obj):
        for k, v in obj.items():
            _flatten(f"{prefix}/{k}", v, out)
    else:
        out[prefix] = obj


def diff(a_path: str, b_path: str, verbose: bool = True) -> int:
    with open(a_path) as f:
        a = json.load(f)
    with open(b_path) as f:
        b = json.load(f)
    fa: dict = {}
    fb: dict = {}
    _flatten("", a, fa)
    _flatten("", b, fb)
    same = differ = 0
    for k in sorted(set(fa) | set(fb)):
        if fa.get(k, "<absent>") == fb.get(k, "<absent>"):
            same += 1
        else:
            differ += 1
            if verbose:
                print(f"{k}\n   sanic : {json.dumps(fa.get(k, '<absent>'))[:400]}\n"
                      f"   hurtle: {json.dumps(fb.get(k, '<absent>'))[:400]}")
    print(f"same {same}, different {differ}")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "run"
    if cmd == "run":
        json.dump(run_all(argv[2] if len(argv) > 2 else None), sys.stdout, indent=1,
                  sort_keys=True, default=repr)
        return 0
    if cmd == "diff":
        return diff(argv[2], argv[3])
    if cmd == "both":
        here = os.path.abspath(__file__)
        root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
        ref = os.environ.get("SANIC_PY", "/work/ref-sanic/bin/python")
        ours = os.environ.get("HURTLE_PY", os.path.join(root, ".venv/bin/python"))
        extra = argv[2:3]
        outs = []
        for label, py in (("sanic", ref), ("hurtle", ours)):
            path = f"/tmp/routing_{label}.json"
            with open(path, "w") as f:
                subprocess.run([py, here, "run", *extra], stdout=f, check=True,
                               cwd=tempfile.gettempdir())
            outs.append(path)
        return diff(*outs)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
