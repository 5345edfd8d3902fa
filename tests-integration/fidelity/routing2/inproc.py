"""Routing and url_for in depth, in-process: run under real Sanic and under Hurtle, diff.

Not a test (CI has no Sanic).  Usage (from the repository root):

    python3 tests-integration/fidelity/routing2/inproc.py both [SUBSTRING]
    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=$PWD/.venv/bin/python ...  (interpreters)

Reuses the ASGI driver of ../compare_routing.py (lifespan, then raw scopes). Each case
records url_for results, exceptions at registration and start-up (type and message), the
router's tables and the request's routing attributes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import compare_routing as cr

attempt, exc, new_app, probe, mk_echo = cr.attempt, cr.exc, cr.new_app, cr.probe, cr.mk_echo
STATIC_DIR = "/tmp/r2static"  # a.txt, sub/b.css (made by `both`)

CASES: dict[str, Callable[[], Any]] = {}


def case(fn: Callable[[], Any]) -> Callable[[], Any]:
    CASES[fn.__name__.removeprefix("c_")] = fn
    return fn


def calls(app: Any, items: list[tuple[str, dict]]) -> Callable[[], Any]:
    def run() -> Any:
        return {f"{n} {kw!r}": attempt(lambda n=n, kw=kw: app.url_for(n, **kw)) for n, kw in items}
    return run


def routes_view(app: Any) -> Any:
    r = app.router

    def keys(d: Any) -> Any:
        return sorted(repr(k) for k in d)

    out = {
        "routes_all": keys(r.routes_all),
        "routes_static": keys(r.routes_static),
        "routes_dynamic": keys(r.routes_dynamic),
        "routes_regex": keys(r.routes_regex),
        "name_index": sorted(r.name_index),
        "routes": sorted((rt.path, rt.name, sorted(rt.methods), rt.uri) for rt in r.routes),
    }
    return out


# -------------------------------------------------------------------- url_for

@case
def c_url_query() -> Any:
    app = new_app()
    app.route("/q")(mk_echo())
    name = app.router.routes[0].name.split(".")[-1]
    items = [
        (name, {"a": [1, 2, 3]}), (name, {"a": (1, 2)}), (name, {"a": [None]}),
        (name, {"a": None}), (name, {"a": 0}), (name, {"a": False}), (name, {"a": True}),
        (name, {"a": b"by"}), (name, {"a": 1.5}), (name, {"a": ["x y", "&="]}),
        (name, {"a": {"k": "v"}}), (name, {"a": {1, 2}}), (name, {"a": "é"}),
        (name, {"_anchor": "x", "a": 1}), (name, {"_anchor": ""}), (name, {"_anchor": None}),
        (name, {"_anchor": 5}), (name, {"_anchor": "a#b/c?d"}),
        (name, {"_scheme": "https", "_external": False}), (name, {"_scheme": "wss", "_external": True}),
        (name, {"_external": True, "_server": "h.test", "_scheme": "https"}),
        (name, {"_external": True, "_server": "https://h.test"}),
        (name, {"_external": True, "_server": ""}),
        (name, {"_external": "yes"}), (name, {"_method": "GET"}),
        (name, {"a": 1, "b": 2, "c": 3}), (name, {"z": 1, "a": 2}),
    ]
    return probe(app, [], extra=calls(app, items))


def _typed_app() -> Any:
    app = new_app()
    for n, u in [("s", "/s/<v:str>"), ("i", "/i/<v:int>"), ("f", "/f/<v:float>"),
                 ("al", "/al/<v:alpha>"), ("sl", "/sl/<v:slug>"), ("p", "/p/<v:path>"),
                 ("y", "/y/<v:ymd>"), ("u", "/u/<v:uuid>"), ("e", "/e/<v:ext>"),
                 ("e2", "/e2/<v:ext=txt|md>"), ("ei", "/ei/<v=int:ext=png>"),
                 ("r", r"/r/<v:[a-z]+>"), ("rg", r"/rg/<v:(?P<v>\d+)\.x>"),
                 ("soe", "/soe/<v:strorempty>"), ("two", "/two/<a:int>/<b>")]:
        app.add_route(mk_echo(), u, name=n)
    return app


@case
def c_url_typed() -> Any:
    import uuid
    from datetime import date

    app = _typed_app()
    U = "12345678-1234-5678-1234-567812345678"
    items = [
        ("s", {"v": "x"}), ("s", {"v": 3}), ("s", {"v": None}), ("s", {"v": ""}),
        ("s", {"v": "a/b"}), ("s", {"v": "a b"}), ("s", {"v": "~-._"}), ("s", {"v": "!$&'()*+,;=:@"}),
        ("i", {"v": 3}), ("i", {"v": -3}), ("i", {"v": "03"}), ("i", {"v": "x"}), ("i", {"v": 3.0}),
        ("i", {"v": None}), ("i", {"v": [1]}),
        ("f", {"v": 1.5}), ("f", {"v": 1}), ("f", {"v": "1.5"}), ("f", {"v": "1e3"}),
        ("f", {"v": float("inf")}), ("f", {"v": -0.5}),
        ("al", {"v": "abc"}), ("al", {"v": "é"}), ("al", {"v": "a1"}),
        ("sl", {"v": "a-b"}), ("sl", {"v": "A-b"}), ("sl", {"v": "a--b"}),
        ("p", {"v": "a/b"}), ("p", {"v": "/a/b"}), ("p", {"v": "a/b/"}), ("p", {"v": ""}),
        ("y", {"v": "2024-01-02"}), ("y", {"v": date(2024, 1, 2)}), ("y", {"v": "2024-1-2"}),
        ("u", {"v": U}), ("u", {"v": uuid.UUID(U)}), ("u", {"v": U.upper()}), ("u", {"v": "x"}),
        ("e", {"v": "a.txt"}), ("e", {"v": "a"}), ("e", {"v": "a", "ext": "txt"}),
        ("e2", {"v": "a.txt"}), ("e2", {"v": "a.png"}), ("e2", {"v": "a", "ext": "md"}),
        ("ei", {"v": "1.png"}), ("ei", {"v": 1, "ext": "png"}),
        ("r", {"v": "abc"}), ("r", {"v": "AB"}), ("rg", {"v": "12"}), ("rg", {"v": "12.x"}),
        ("soe", {"v": ""}), ("soe", {"v": "x"}), ("soe", {}),
        ("two", {"a": 1, "b": "x"}), ("two", {"a": 1}), ("two", {"b": "x"}), ("two", {}),
        ("two", {"a": "z", "b": "x"}),
    ]
    return probe(app, [], extra=calls(app, items))


@case
def c_url_typed_before_start() -> Any:
    app = _typed_app()
    return calls(app, [("i", {"v": 3}), ("i", {"v": "x"}), ("two", {"a": 1})])()


def _bp_app() -> Any:
    from sanic import Blueprint

    app = new_app()
    a = Blueprint("a", url_prefix="/a")
    b = Blueprint("b", url_prefix="/b", version=2)
    c = Blueprint("c", url_prefix="/c")
    d = Blueprint("d")
    for bp in (a, b, c, d):
        bp.add_route(mk_echo(), "/x/<v:int>", name="x")
        bp.add_route(mk_echo(), "/", name="root")
    inner = Blueprint.group(a, b, url_prefix="/in")
    outer = Blueprint.group(inner, c, url_prefix="/out", version=3, name_prefix="np")
    app.blueprint(outer)
    app.blueprint(d, url_prefix="/dd")
    app.add_route(mk_echo(), "/top", name="a.x.fake")
    return app


@case
def c_url_blueprints() -> Any:
    app = _bp_app()
    names = ["a.x", "b.x", "c.x", "d.x", "a.root", "b.root", "c.root", "d.root",
             "np_a.x", "np_b.x", "np_c.x", "np_a.root", "a.x.fake", "x", "root",
             "app.a.x", "np.a.x", "a", "np_a", "d.x.y"]
    items = [(n, {"v": 1}) for n in names] + [(n, {}) for n in names[:4]]
    return {"probe": probe(app, ["/v3/out/in/a/x/1", "/v2/out/in/b/x/1", "/v3/out/c/x/1",
                                 "/dd/x/1", "/v3/out/in/a", "/v3/out/in/a/"],
                           extra=calls(app, items)),
            "routes": attempt(lambda: routes_view(app))}


@case
def c_url_static() -> Any:
    from sanic import Blueprint

    app = new_app()
    app.static("/st", STATIC_DIR)
    app.static("/one", f"{STATIC_DIR}/a.txt", name="onefile")
    app.static("/named", STATIC_DIR, name="named")
    bp = Blueprint("sbp", url_prefix="/bp")
    bp.static("/bst", STATIC_DIR)
    bp.static("/bnamed", STATIC_DIR, name="bn")
    app.blueprint(bp)
    items = [
        ("static", {}), ("static", {"filename": "a.txt"}), ("static", {"filename": "/a.txt"}),
        ("static", {"filename": "sub/b.css"}), ("static", {"filename": "a b.txt"}),
        ("static", {"name": "static", "filename": "a.txt"}),
        ("static", {"name": "onefile"}), ("static", {"name": "onefile", "filename": "x"}),
        ("static", {"name": "named", "filename": "a.txt"}),
        ("static", {"name": "app.named", "filename": "a.txt"}),
        ("static", {"name": "sbp.static", "filename": "a.txt"}),
        ("static", {"name": "sbp.bn", "filename": "a.txt"}),
        ("static", {"name": "nope"}), ("static", {"filename": "a.txt", "_external": True}),
        ("static", {"filename": "a.txt", "_anchor": "z", "q": 1}),
        ("onefile", {}), ("named", {"filename": "a.txt"}), ("sbp.static", {"filename": "a.txt"}),
        ("sbp.bn", {"filename": "a.txt"}), ("bn", {}),
    ]
    out = probe(app, ["/st/a.txt", "/one", "/bp/bst/a.txt", "/bp/bnamed/sub/b.css"],
                extra=calls(app, items))
    out["routes"] = attempt(lambda: sorted((r.name, r.path) for r in app.router.routes))
    return out


@case
def c_url_versions() -> Any:
    from sanic import Blueprint

    app = new_app()
    app.add_route(mk_echo(), "/v", name="vi", version=1)
    app.add_route(mk_echo(), "/v", name="vf", version=1.5)
    app.add_route(mk_echo(), "/v", name="vs", version="2")
    app.add_route(mk_echo(), "/v", name="vv", version="v9")
    app.add_route(mk_echo(), "/v", name="vp", version=3, version_prefix="/api/v")
    app.add_route(mk_echo(), "/v", name="vn", version=4, version_prefix="")
    app.add_route(mk_echo(), "/v", name="vz", version=0)
    app.add_route(mk_echo(), "/v", name="v10", version=1.0)
    bp = Blueprint("vb", url_prefix="/b", version=5, version_prefix="/ver")
    bp.add_route(mk_echo(), "/v", name="x")
    bp.add_route(mk_echo(), "/w", name="y", version=6)
    app.blueprint(bp)
    names = ["vi", "vf", "vs", "vv", "vp", "vn", "vz", "v10", "vb.x", "vb.y"]
    out = probe(app, ["/v1/v", "/v1.5/v", "/v2/v", "/vv9/v", "/api/v3/v", "/4/v", "/v0/v",
                      "/v1.0/v", "/ver5/b/v", "/ver6/b/w", "/v/v"],
                extra=calls(app, [(n, {}) for n in names]))
    out["uris"] = attempt(lambda: sorted((r.name, r.path, str(r.extra.version)) for r in app.router.routes))
    return out


@case
def c_url_server_name() -> Any:
    out = {}
    for sn in [None, "srv.test", "srv.test:8080", "http://srv.test", "https://srv.test/",
               "srv.test/prefix", "//srv.test"]:
        app = new_app()
        if sn is not None:
            app.config.SERVER_NAME = sn
        app.add_route(mk_echo(), "/p/<v>", name="p")
        app.add_route(mk_echo(), "/h", name="h", host="hh.test")
        out[repr(sn)] = probe(app, [], extra=calls(app, [
            ("p", {"v": 1}), ("p", {"v": 1, "_external": True}),
            ("p", {"v": 1, "_external": True, "_scheme": "https"}),
            ("p", {"v": 1, "_external": True, "_server": "o.test"}),
            ("p", {"v": 1, "_scheme": "https"}),
            ("h", {}), ("h", {"_external": True}), ("h", {"_external": True, "_scheme": "ws"}),
        ]))
    return out


@case
def c_url_in_request() -> Any:
    from sanic import response

    app = new_app()
    app.config.SERVER_NAME = "srv.test"

    @app.route("/r/<v>")
    async def r(request: Any, v: str) -> Any:
        return response.json({
            "a": attempt(lambda: request.url_for("r", v="z")),
            "b": attempt(lambda: request.url_for("r", v="z", q=[1, 2], _anchor="f")),
            "c": attempt(lambda: request.url_for("nope")),
            "d": attempt(lambda: request.url_for("r")),
            "e": attempt(lambda: request.app.url_for("r", v="z", _external=True)),
        })

    return probe(app, ["/r/a", ("GET", "/r/a", {"host": "x.test:81"}),
                       ("GET", "/r/a", {"host": "x.test", "x-forwarded-proto": "https"}),
                       ("GET", "/r/a", {})])


@case
def c_url_views() -> Any:
    from sanic.views import HTTPMethodView

    app = new_app()

    class ItemView(HTTPMethodView):
        async def get(self, request: Any, v: int) -> Any:
            return cr.text(v)

    class Other(HTTPMethodView):
        async def get(self, request: Any) -> Any:
            return cr.text("o")

    app.add_route(ItemView.as_view(), "/item/<v:int>")
    app.add_route(Other.as_view(), "/other", name="renamed")
    items = [("ItemView", {"v": 1}), ("itemview", {"v": 1}), ("renamed", {}), ("Other", {}),
             ("ItemView", {})]
    out = probe(app, ["/item/1", ("POST", "/item/1")], extra=calls(app, items))
    out["names"] = attempt(lambda: sorted(r.name for r in app.router.routes))
    out["find"] = attempt(lambda: [
        repr(app.router.find_route_by_view_name(n))[:80] for n in
        ["ItemView", "renamed", "nope", f"{app.name}.renamed"]])
    return out


@case
def c_url_ws_and_dots() -> Any:
    app = new_app()

    async def ws(request: Any, w: Any) -> None:
        return None

    app.add_websocket_route(ws, "/ws/<v>", name="sock")
    app.add_route(mk_echo(), "/d", name="has.dots")
    app.add_route(mk_echo(), "/d2", name="x.y.z")
    items = [("sock", {"v": 1}), ("sock", {"v": 1, "_external": True}),
             ("sock", {"v": 1, "_external": True, "_scheme": "wss"}),
             ("has.dots", {}), ("x.y.z", {}), ("has", {}), ("dots", {}), ("y.z", {})]
    out = probe(app, [], extra=calls(app, items))
    out["names"] = attempt(lambda: sorted(r.name for r in app.router.routes))
    return out


# ------------------------------------------------------------- registration errors

REG_CASES: list[tuple[str, dict]] = [
    ("/a/<>", {}), ("/a/<:int>", {}), ("/a/<v:int", {}), ("/a/v:int>", {}), ("/a/<v:nope>", {}),
    ("/a/<v:int>/<v:str>", {}), ("/a/<1v>", {}), ("/a/<v-w>", {}), ("/a/<v:[a-z>", {}),
    ("/a/<v:ext=>", {}), ("/a/<v:ext=TXT>", {}), ("/a/<v:ext=.txt>", {}), ("/a/<v=nope:ext>", {}),
    ("/a/<v=path:ext>", {}), ("/a/<v:path>/<w:path>", {}), ("a/b", {}), ("", {}), ("/", {}),
    ("/a b", {}), ("/a/<v >", {}), ("/a/<v:int >", {}), ("/a/<v:(a)(b)>", {}),
    ("/a/<v:(?P<w>a)>", {}), ("/a/x<v>", {}), ("/a/<v>x", {}), ("/a/<v><w>", {}),
    ("/a/<v:int>", {"methods": []}), ("/a", {"methods": ["GET", "GET"]}),
    ("/a", {"methods": ("get",)}), ("/a", {"methods": {"GET"}}), ("/a", {"version": "x"}),
    ("/a", {"version": -1}), ("/a", {"version_prefix": "v"}), ("/a", {"version_prefix": "/v/"}),
    ("/a", {"version": 1, "version_prefix": "v"}), ("/a", {"host": ""}), ("/a", {"host": []}),
    ("/a", {"host": "a.test:x"}), ("/a", {"host": "*.a.test"}), ("/a", {"name": ""}),
    ("/a", {"name": "x.y"}), ("/a", {"name": 5}),
]


@case
def c_register_errors() -> Any:
    out = {}
    for uri, kw in REG_CASES:
        app = new_app()
        key = f"{uri!r} {kw!r}"
        try:
            app.add_route(mk_echo(), uri, **kw)
        except Exception as e:
            out[key] = {"register": exc(e)}
            continue
        out[key] = probe(app, [], extra=lambda app=app: routes_view(app)["routes"])
    return out


@case
def c_collisions() -> Any:
    out = {}

    def two(first: tuple, second: tuple) -> Any:
        app = new_app()
        try:
            app.add_route(mk_echo(), first[0], **first[1])
            app.add_route(mk_echo(), second[0], **second[1])
        except Exception as e:
            return {"register": exc(e)}
        return probe(app, ["/c/1", "/c/x", "/c"], extra=lambda: routes_view(app)["routes"])

    pairs = [
        (("/c/<v:int>", {}), ("/c/<v:int>", {})),
        (("/c/<v:int>", {}), ("/c/<w:int>", {})),
        (("/c/<v:int>", {}), ("/c/<v:str>", {})),
        (("/c/<v>", {}), ("/c/<v:str>", {})),
        (("/c/<v:int>", {"methods": ["GET"]}), ("/c/<v:int>", {"methods": ["POST"]})),
        (("/c/<v:int>", {"methods": ["GET", "POST"]}), ("/c/<v:int>", {"methods": ["POST"]})),
        (("/c", {}), ("/c", {})),
        (("/c", {}), ("/c/", {})),
        (("/c", {"strict_slashes": True}), ("/c/", {"strict_slashes": True})),
        (("/c", {"name": "n"}), ("/d", {"name": "n"})),
        (("/c", {"host": "a.test"}), ("/c", {"host": "b.test"})),
        (("/c", {"host": "a.test"}), ("/c", {"host": "a.test"})),
        (("/c", {"host": "a.test"}), ("/c", {})),
        (("/c", {"version": 1}), ("/c", {"version": 1})),
        (("/c", {"version": 1}), ("/c", {"version": "1"})),
        (("/c/<v:[a-z]+>", {}), ("/c/<v:[a-z]+>", {})),
        (("/c/<v:[a-z]+>", {}), ("/c/<w:[a-z]+>", {})),
        (("/c/<v:path>", {}), ("/c/<v:path>", {})),
        (("/c/<v:int>", {}), ("/c/<v:int>", {"overwrite": True})),
    ]
    for i, (a, b) in enumerate(pairs):
        out[f"{i} {a!r} {b!r}"] = two(a, b)
    return out


@case
def c_name_collision_start() -> Any:
    from sanic import Blueprint

    out = {}
    app = new_app()

    async def h(request: Any) -> Any:
        return cr.text("h")

    app.add_route(h, "/a")
    try:
        app.add_route(h, "/b")
    except Exception as e:
        out["same_handler"] = exc(e)
    out["same_handler_start"] = probe(app, ["/a", "/b"])
    app2 = new_app()
    bp = Blueprint("n1")
    bp.add_route(h, "/a", name="z")
    bp.add_route(h, "/b", name="z")
    try:
        app2.blueprint(bp)
        out["bp_dup"] = probe(app2, ["/a", "/b"])
    except Exception as e:
        out["bp_dup"] = exc(e)
    return out


@case
def c_url_names_more() -> Any:
    from sanic import Blueprint

    app = new_app()
    app.add_route(mk_echo(), "/x", name="x")
    org = Blueprint("org", url_prefix="/org/<oid:int>")
    org.add_route(mk_echo(), "/t/<t>", name="t")
    org.add_route(mk_echo(), "/", name="root")
    app.blueprint(org)
    hb = Blueprint("hb", host="b.test:8080", url_prefix="/hb")
    hb.add_route(mk_echo(), "/y", name="y")
    app.blueprint(hb)
    items = [
        ("x", {}), (f"{app.name}.x", {}), ("org.t", {"oid": 1, "t": "a"}),
        (f"{app.name}.org.t", {"oid": 1, "t": "a"}), ("org.t", {"t": "a"}),
        ("org.t", {"oid": "z", "t": "a"}), ("org.root", {"oid": 2}), ("org.root", {}),
        ("hb.y", {}), ("hb.y", {"_external": True}), ("hb.y", {"_external": True, "_server": "c.test"}),
        ("hb.y", {"_external": True, "_scheme": "https"}),
    ]
    out = probe(app, ["/org/1/t/a", "/org/1", "/org/1/", ("GET", "/hb/y", {"host": "b.test:8080"}),
                      ("GET", "/hb/y", {"host": "b.test"})], extra=calls(app, items))
    out["bp_names"] = [attempt(lambda n=n: Blueprint(n).name) for n in
                       ["a.b", "a-b", "a b", "", "1a", "a/b", "ä"]]
    return out


@case
def c_hosts_more() -> Any:
    out = {}
    for spec in ["ONE.test", "one.test.", "[::1]:8000", "[::1]", "127.0.0.1", "one.test:80",
                 "one.test:443", ["a.test", "a.test:8000"], "*.one.test", "one.test:0"]:
        app = new_app()
        try:
            app.add_route(mk_echo(), "/h", name="h", host=spec)
            app.add_route(mk_echo(), "/o", name="o")
        except Exception as e:
            out[repr(spec)] = {"register": exc(e)}
            continue
        hosts = ["one.test", "ONE.test", "one.test.", "one.test:80", "one.test:443", "[::1]:8000",
                 "[::1]", "127.0.0.1", "a.test", "a.test:8000", "x.one.test", "*.one.test",
                 "one.test:0"]
        res = probe(app, [("GET", "/h", {"host": h}) for h in hosts] + [("GET", "/h", {}),
                    ("GET", "/o", {"host": "one.test"})],
                    extra=calls(app, [("h", {}), ("h", {"_external": True})]))
        out[repr(spec)] = {k: (v.get("status") if isinstance(v, dict) and "status" in v else v)
                           for k, v in res.items()}
    return out


@case
def c_ambiguous_short_names() -> Any:
    from sanic import Blueprint

    app = new_app()
    a = Blueprint("a", url_prefix="/a")
    b = Blueprint("b", url_prefix="/b")
    a.add_route(mk_echo(), "/x", name="x")
    b.add_route(mk_echo(), "/x", name="x")
    app.blueprint(a)
    app.blueprint(b)
    app.add_route(mk_echo(), "/y", name="y")
    b.add_route(mk_echo(), "/y", name="y")
    return probe(app, ["/a/x", "/b/x", "/y", "/b/y"],
                 extra=calls(app, [("x", {}), ("a.x", {}), ("b.x", {}), ("y", {}), ("b.y", {})]))


@case
def c_static_slashes() -> Any:
    out = {}
    for uri, kw in [("/st/", {}), ("/st", {"strict_slashes": True}), ("/st/", {"strict_slashes": True}),
                    ("/one/", {"file": True}), ("/one", {"file": True, "strict_slashes": True})]:
        app = new_app()
        target = f"{STATIC_DIR}/a.txt" if kw.pop("file", False) else STATIC_DIR
        try:
            app.static(uri, target, **kw)
        except Exception as e:
            out[f"{uri} {kw}"] = exc(e)
            continue
        res = probe(app, ["/st/a.txt", "/st//a.txt", "/st/sub/b.css", "/st", "/st/", "/one",
                          "/one/", "/st/a.txt/"],
                    extra=calls(app, [("static", {"filename": "a.txt"}), ("static", {})]))
        out[f"{uri} {kw}"] = {k: (v.get("status") if isinstance(v, dict) and "status" in v else v)
                              for k, v in res.items()}
    return out


@case
def c_group_versions() -> Any:
    from sanic import Blueprint

    out = {}
    combos = [({}, {}, {}), ({"version": 1}, {}, {}), ({}, {"version": 2}, {}),
              ({}, {}, {"version": 3}), ({"version": 1}, {"version": 2}, {"version": 3}),
              ({"version_prefix": "/a/v"}, {"version": 2}, {}),
              ({}, {"version": 2, "version_prefix": "/g/v"}, {}),
              ({"version": 1, "version_prefix": "/b/v"}, {"version_prefix": "/g/v"}, {}),
              ({}, {"version": 2}, {"version": 3, "version_prefix": "/r/v"}),
              ({"version": "1.1"}, {}, {}), ({"version": 1.0}, {}, {}),
              ]
    for i, (bpk, gk, rk) in enumerate(combos):
        app = new_app()
        bp = Blueprint(f"gv{i}", url_prefix="/bp", **bpk)
        bp.add_route(mk_echo(), "/x", name="x", **rk)
        try:
            app.blueprint(Blueprint.group(bp, url_prefix="/g", **gk))
        except Exception as e:
            out[str(i)] = exc(e)
            continue
        out[f"{i} {bpk} {gk} {rk}"] = probe(app, [], extra=lambda app=app, i=i: [
            [r.path for r in app.router.routes], attempt(lambda: app.url_for(f"gv{i}.x"))])
    return out


SEG_TYPES = ["<v>", "<v:int>", "<v:float>", "<v:alpha>", "<v:slug>", "<v:ymd>", "<v:uuid>",
             "<v:ext>", "<v:ext=txt>", "<v=int:ext=txt>", "<v:strorempty>", r"<v:\d+>",
             "<v:[a-z]+>", "<v:path>", "lit", "<w:int>"]
SEG_VALUES = ["1", "1.5", "abc", "a-b", "Abc", "2024-01-02", "12345678-1234-5678-1234-567812345678",
              "a.txt", "1.txt", "a.png", "", "lit", "a/b", "1/2", "-1", "a_b"]


def _pair_case(first: str, second: str) -> Callable[[], Any]:
    def run() -> Any:
        from sanic import response

        app = new_app()
        for tag, seg in (("A", first), ("B", second)):
            async def h(request: Any, _tag: str = tag, **kw: Any) -> Any:
                return response.text(f"{_tag} {sorted((k, repr(v)) for k, v in kw.items())}")

            h.__name__ = f"h{tag}"
            try:
                app.add_route(h, f"/c/{seg}/z", name=tag)
            except Exception as e:
                return {"register": exc(e)}
        res = probe(app, [f"/c/{v}/z" for v in SEG_VALUES])
        return {k: (f"{v.get('status')} {v.get('body', '')[:60]}" if isinstance(v, dict) and "status" in v else v)
                for k, v in res.items()}

    return run


for _i, _a in enumerate(SEG_TYPES):
    for _b in SEG_TYPES[_i + 1:]:
        CASES[f"pair {_a} {_b}"] = _pair_case(_a, _b)
        CASES[f"pair {_b} {_a}"] = _pair_case(_b, _a)


def hexint(value: str) -> int:
    return int(value, 16)


def lower(value: str) -> str:
    return value.lower()


def boom(value: str) -> str:
    raise ValueError("nope")


def keyerr(value: str) -> str:
    raise KeyError("nope")


@case
def c_register_pattern_more() -> Any:
    import re

    out = {}
    specs = [
        ("plain", "hex", hexint, r"^[0-9a-f]+$", "/c/<v:hex>"),
        ("unanchored", "hex", hexint, r"[0-9a-f]+", "/c/<v:hex>"),
        ("compiled", "hex", hexint, re.compile(r"^[0-9a-f]+$"), "/c/<v:hex>"),
        ("override_int", "int", hexint, r"^[0-9a-f]+$", "/c/<v:int>"),
        ("override_str", "str", lower, r"^[A-Z]+$", "/c/<v>"),
        ("in_ext", "hex", hexint, r"^[0-9a-f]+$", "/c/<v=hex:ext=txt>"),
        ("cast_raises", "bad", boom, r"^.+$", "/c/<v:bad>"),
        ("cast_keyerror", "bad", keyerr, r"^.+$", "/c/<v:bad>"),
        ("str_cast", "word", str, r"^\w+$", "/c/<v:word>"),
        ("slash_pattern", "sl", str, r"^[a-z/]+$", "/c/<v:sl>"),
        ("label_colon", "a:b", str, r"^x$", "/c/<v:a:b>"),
    ]
    for tag, label, cast, pattern, uri in specs:
        app = new_app()
        try:
            app.router.register_pattern(label, cast, pattern)
            app.add_route(mk_echo(), uri, name="c")
        except Exception as e:
            out[tag] = {"register": exc(e)}
            continue
        out[tag] = probe(app, ["/c/ff", "/c/FF", "/c/zz", "/c/1", "/c/ff.txt", "/c/a/b", "/c/x"],
                         extra=calls(app, [("c", {"v": "ff"}), ("c", {"v": 255}), ("c", {"v": "zz"}),
                                           ("c", {"v": "ff", "ext": "txt"})]))
    app = new_app()
    out["late_register"] = attempt(lambda: (app.add_route(mk_echo(), "/l/<v:late>", name="l"), "ok")[1])
    app2 = new_app()
    app2.add_route(mk_echo(), "/x", name="x")
    out["after_start"] = probe(app2, [], extra=lambda: (app2.router.register_pattern("q", str, r"^q$"), "ok")[1])
    return out


class _CallableHandler:
    async def __call__(self, request: Any) -> Any:
        return cr.text("obj")


class _Holder:
    async def meth(self, request: Any) -> Any:
        return cr.text("meth")

    @staticmethod
    async def stat(request: Any) -> Any:
        return cr.text("stat")

    @classmethod
    async def klass(cls, request: Any) -> Any:
        return cr.text("klass")


@case
def c_handler_kinds_names() -> Any:
    import functools

    from sanic import Blueprint

    async def base(request: Any, tag: str = "") -> Any:
        return cr.text(f"base{tag}")

    kinds = {
        "lambda": lambda request: cr.text("lambda"),
        "partial": functools.partial(base, tag="p"),
        "callable_obj": _CallableHandler(),
        "method": _Holder().meth,
        "static": _Holder.stat,
        "classmethod": _Holder.klass,
        "sync_def": (lambda: (lambda request: cr.text("s")))(),
    }
    out = {}
    for tag, handler in kinds.items():
        for where in ("app", "bp"):
            app = new_app()
            try:
                if where == "app":
                    app.add_route(handler, "/k")
                else:
                    bp = Blueprint("kb", url_prefix="/b")
                    bp.add_route(handler, "/k")
                    app.blueprint(bp)
            except Exception as e:
                out[f"{tag} {where}"] = {"register": exc(e)}
                continue
            out[f"{tag} {where}"] = probe(app, ["/k", "/b/k"], extra=lambda app=app: [
                sorted(r.name for r in app.router.routes)])
    app = new_app()
    try:
        app.add_route(lambda request: cr.text("1"), "/l1")
        app.add_route(lambda request: cr.text("2"), "/l2")
        out["two_lambdas"] = probe(app, ["/l1", "/l2"])
    except Exception as e:
        out["two_lambdas"] = exc(e)
    return out


@case
def c_version_shapes() -> Any:
    from decimal import Decimal

    from sanic import Blueprint

    out = {}
    for v in [1.10, 1.25, "01", "", " 2", "1/2", True, Decimal("1.5"), -1, 2**40, "v", "V2", "1.0"]:
        for pre in ["/v", "v", "/v/", "", "api/v", "/api/v/"]:
            app = new_app()
            try:
                app.add_route(mk_echo(), "/x", name="x", version=v, version_prefix=pre)
            except Exception as e:
                out[f"{v!r} {pre!r}"] = {"register": exc(e)}
                continue
            out[f"{v!r} {pre!r}"] = probe(app, [], extra=lambda app=app: [
                [r.path for r in app.router.routes], attempt(lambda: app.url_for("x"))])
    for bpv, rv in [(1, None), (None, 2), (1, 2), ("3", 1.5)]:
        app = new_app()
        bp = Blueprint("vs", url_prefix="/b", version=bpv)
        bp.add_route(mk_echo(), "/x", name="x", version=rv)
        app.blueprint(bp, version_prefix="/rel/v")
        out[f"bp {bpv!r} {rv!r}"] = probe(app, [], extra=lambda app=app: [
            [r.path for r in app.router.routes], attempt(lambda: app.url_for("vs.x"))])
    return out


@case
def c_methods_shapes() -> Any:
    out = {}
    shapes = {
        "lower": ["get"], "tuple": ("GET",), "set": {"GET"}, "iter": "ITER", "mixed": ["GeT"],
        "dup_case": ["GET", "get"], "empty": [], "none": None, "connect": ["CONNECT"],
        "trace": ["TRACE"], "propfind": ["PROPFIND"], "bytes": [b"GET"], "head_only": ["HEAD"],
        "options_only": ["OPTIONS"], "all": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
        "space": [" GET"], "int": [1],
    }
    for tag, methods in shapes.items():
        app = new_app()
        m = iter(["GET", "POST"]) if methods == "ITER" else methods
        try:
            if m is None:
                app.route("/m")(mk_echo())
            else:
                app.route("/m", methods=m)(mk_echo())
        except Exception as e:
            out[tag] = {"register": exc(e)}
            continue
        res = probe(app, [(x, "/m") for x in ["GET", "POST", "HEAD", "OPTIONS", "TRACE",
                                                 "CONNECT", "PROPFIND", "get"]],
                    extra=lambda app=app: [sorted(r.methods) for r in app.router.routes])
        out[tag] = {k: ([v.get("status"), v.get("allow")] if isinstance(v, dict) and "status" in v else v)
                    for k, v in res.items()}
    return out


FUZZ_SEGS = ["a", "b", "<{n}>", "<{n}:int>", "<{n}:float>", "<{n}:alpha>", "<{n}:slug>",
             "<{n}:ext>", "<{n}:ext=txt|md>", "<{n}:strorempty>", r"<{n}:\d{{2}}>",
             "<{n}:[a-c]+>", "<{n}:path>", "<{n}=int:ext=txt>", "<{n}:uuid>"]
FUZZ_VALUES = ["a", "b", "c", "1", "12", "1.5", "ab", "a-b", "2024-01-02", "x.txt", "1.txt", "x.md",
               "x.png", "", "A", "abc", "-3", "a.b.txt", "12345678-1234-5678-1234-567812345678"]
FUZZ_APPS = int(os.environ.get("ROUTING2_FUZZ_APPS", "60"))


def _fuzz_case(seed: int) -> Callable[[], Any]:
    def run() -> Any:
        import random

        from sanic import response

        rnd = random.Random(seed)
        app = new_app(strict_slashes=rnd.random() < 0.3)
        routes = []
        for i in range(rnd.randint(3, 8)):
            segs = [rnd.choice(FUZZ_SEGS).format(n=f"p{j}") for j in range(rnd.randint(1, 3))]
            uri = "/" + "/".join(segs) + ("/" if rnd.random() < 0.15 else "")
            methods = rnd.choice([["GET"], ["GET"], ["POST"], ["GET", "POST"]])

            async def h(request: Any, _tag: int = i, **kw: Any) -> Any:
                return response.text(f"r{_tag} {sorted((k, repr(v)) for k, v in kw.items())}")

            h.__name__ = f"h{i}"
            try:
                app.add_route(h, uri, methods=methods, name=f"r{i}",
                              strict_slashes=rnd.choice([None, True, False]))
                routes.append((uri, methods))
            except Exception as e:
                routes.append((uri, exc(e)))
        paths = []
        for _ in range(30):
            n = rnd.randint(1, 4)
            p = "/" + "/".join(rnd.choice(FUZZ_VALUES) for _ in range(n))
            if rnd.random() < 0.2:
                p += "/"
            paths.append((rnd.choice(["GET", "GET", "POST"]), p))
        res = probe(app, paths)
        return {"routes": routes, **{k: (f"{v.get('status')} {v.get('body', '')[:80]}"
                                        if isinstance(v, dict) and "status" in v else v)
                                     for k, v in res.items()}}

    return run


for _s in range(FUZZ_APPS):
    CASES[f"fuzz {_s}"] = _fuzz_case(_s)


@case
def c_roots_versions() -> Any:
    from sanic import Blueprint

    out = {}
    for uri in ["/", "", "//", "/x/", "x"]:
        for strict in (None, True, False):
            for version in (None, 1):
                for prefix in (None, "/", "/p", "/p/", "p"):
                    app = new_app()
                    kw: dict = {} if strict is None else {"strict_slashes": strict}
                    if version is not None:
                        kw["version"] = version
                    try:
                        if prefix is None:
                            app.add_route(mk_echo(), uri, name="r", **kw)
                        else:
                            bp = Blueprint("rv", url_prefix=prefix)
                            bp.add_route(mk_echo(), uri, name="r", **kw)
                            app.blueprint(bp)
                    except Exception as e:
                        out[f"{uri!r} {strict} {version} {prefix!r}"] = {"register": exc(e)}
                        continue
                    name = "r" if prefix is None else "rv.r"
                    res = probe(app, ["/", "//", "/v1", "/v1/", "/p", "/p/", "/v1/p", "/v1/p/",
                                      "/x", "/x/", "/p/x", "/p/x/", "/v1/x", "/v1/p/x/"],
                                extra=lambda app=app, name=name: [
                                    [r.path for r in app.router.routes],
                                    attempt(lambda: app.url_for(name))])
                    out[f"{uri!r} {strict} {version} {prefix!r}"] = {
                        k: (v.get("status") if isinstance(v, dict) and "status" in v else v)
                        for k, v in res.items()}
    return out


@case
def c_head_and_static_attrs() -> Any:
    from sanic import response

    app = new_app()

    async def g(request: Any) -> Any:
        return response.text("get")

    async def hd(request: Any) -> Any:
        return response.text("head", headers={"x-mw": "head"})

    app.add_route(g, "/x", name="g")
    app.add_route(hd, "/x", name="hd", methods=["HEAD"])
    app.add_route(g, "/y", name="gy", methods=["GET", "HEAD"])
    app.static("/st", STATIC_DIR, name="stx")

    @app.on_response
    async def mark(request: Any, resp: Any) -> None:
        resp.headers["x-grp"] = f"{request.name}|{request.endpoint}|{request.uri_template}"

    return probe(app, [("HEAD", "/x"), ("GET", "/x"), ("HEAD", "/y"), ("GET", "/st/a.txt"),
                       ("HEAD", "/st/a.txt"), ("GET", "/st/nope"), ("GET", "/nope")])


@case
def c_request_url_for_proxies() -> Any:
    from sanic import response

    out = {}
    configs = {
        "none": {}, "count1": {"PROXIES_COUNT": 1}, "secret": {"FORWARDED_SECRET": "s3"},
        "real_ip": {"REAL_IP_HEADER": "x-real-ip"},
        "count1_sn": {"PROXIES_COUNT": 1, "SERVER_NAME": "srv.test"},
    }
    heads = [
        {"host": "h.test"},
        {"host": "h.test", "x-forwarded-for": "1.2.3.4", "x-forwarded-proto": "https",
         "x-forwarded-host": "fw.test", "x-forwarded-port": "8443"},
        {"host": "h.test", "x-forwarded-for": "1.2.3.4", "x-scheme": "https"},
        {"host": "h.test", "forwarded": "for=1.2.3.4;proto=https;host=fd.test;secret=s3"},
        {"host": "h.test", "forwarded": "for=1.2.3.4;proto=https;host=fd.test:8443;secret=s3;path=/pre"},
        {"host": "h.test", "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "fw.test",
         "x-forwarded-path": "/pre"},
    ]
    for tag, cfg in configs.items():
        app = new_app()
        for k, v in cfg.items():
            setattr(app.config, k, v)

        @app.route("/r/<v>")
        async def r(request: Any, v: str) -> Any:
            return response.json({
                "a": attempt(lambda: request.url_for("r", v="z")),
                "b": attempt(lambda: request.url_for("r", v="z", _anchor="f", q=1)),
                "scheme": request.scheme, "host": request.host, "server_name": request.server_name,
                "port": request.server_port, "url": request.url,
            })

        out[tag] = probe(app, [("GET", "/r/a", h) for h in heads])
    return out


# ------------------------------------------------------------------ router tables

@case
def c_router_tables() -> Any:
    from sanic import Blueprint

    app = new_app()
    app.add_route(mk_echo(), "/s", name="s")
    app.add_route(mk_echo(), "/s/<v:int>", name="d")
    app.add_route(mk_echo(), "/s/<v:path>", name="p")
    app.add_route(mk_echo(), r"/r/<v:\d+>", name="r")
    app.add_route(mk_echo(), "/h", name="h", host="h.test")
    app.add_route(mk_echo(), "/m", name="m1", methods=["GET"])
    app.add_route(mk_echo(), "/m", name="m2", methods=["POST"])
    app.add_route(mk_echo(), "/e/<v:ext=txt>", name="e")
    bp = Blueprint("tb", url_prefix="/tb")
    bp.add_route(mk_echo(), "/<v>", name="x")
    app.blueprint(bp)

    def tables() -> Any:
        r = app.router
        out = routes_view(app)
        out["groups"] = sorted(
            (repr(k), type(g).__name__, len(g.routes), sorted(g.methods))
            for k, g in r.groups.items())
        out["find"] = {n: repr(r.find_route_by_view_name(n))[:100] for n in
                       ["s", "d", f"{app.name}.s", "tb.x", "x", "nope", "m1", "m2"]}
        out["route_attrs"] = sorted(
            (rt.name, rt.path, rt.uri, rt.segments, rt.static, rt.regex, rt.strict,
             rt.unquote, sorted(rt.methods), str(rt.requirements), repr(rt.pattern)[:60],
             sorted(getattr(rt, "params", None) or []), str(getattr(rt.extra, "hosts", None)))
            for rt in r.routes)
        out["len"] = [len(r.routes), len(r.groups), len(r.routes_all)]
        return out

    return {"before": attempt(tables), "after": probe(app, [], extra=tables)}


# ------------------------------------------------------------- request attributes

@case
def c_request_attrs() -> Any:
    from sanic import Blueprint, response

    app = new_app()

    async def attrs(request: Any, **kw: Any) -> Any:
        r = request.route
        return response.json({
            "name": request.name, "endpoint": request.endpoint,
            "uri_template": request.uri_template, "match_info": {k: repr(v) for k, v in request.match_info.items()},
            "route": [r.name, r.path, r.uri] if r else None,
        })

    app.add_route(attrs, "/x/<a:int>/<b>", name="two")
    app.add_route(attrs, "/v", name="ver", version=2)
    bp = Blueprint("rb", url_prefix="/rb", version=1)
    bp.add_route(attrs, "/<c:path>", name="pth")
    g = Blueprint.group(bp, url_prefix="/g")
    app.blueprint(g)
    app.add_route(attrs, "/st/", name="st", strict_slashes=True)
    app.add_route(attrs, "/nst/", name="nst")
    return probe(app, ["/x/1/b", "/v2/v", "/v1/g/rb/a/b", "/st/", "/nst", "/nst/", "/none",
                       ("GET", "/x/1/b", {"host": "q.test"})])


@case
def c_not_found_names() -> Any:
    from sanic import response

    app = new_app()

    @app.exception(Exception)
    async def h(request: Any, e: Exception) -> Any:
        return response.json({"exc": type(e).__name__, "name": request.name,
                              "endpoint": request.endpoint, "route": repr(request.route),
                              "uri_template": request.uri_template, "status": getattr(e, "status_code", None),
                              "allowed": sorted(getattr(e, "allowed_methods", None) or []) or None})

    app.add_route(mk_echo(), "/x", name="x", methods=["POST"])
    return probe(app, ["/y", "/x"])


# ---------------------------------------------------------------- slashes

@case
def c_slash_levels() -> Any:
    from sanic import Blueprint

    out = {}
    for app_s in (None, True, False):
        for grp_s in (None, True, False):
            for bp_s in (None, True, False):
                for rt_s in (None, True, False):
                    kw = {} if app_s is None else {"strict_slashes": app_s}
                    app = new_app(**kw)
                    bkw = {} if bp_s is None else {"strict_slashes": bp_s}
                    bp = Blueprint(f"b{cr._n[0]}", url_prefix="/b", **bkw)
                    rkw = {} if rt_s is None else {"strict_slashes": rt_s}
                    bp.add_route(mk_echo(), "/x", name="x", **rkw)
                    bp.add_route(mk_echo(), "/y/", name="y", **rkw)
                    gkw = {} if grp_s is None else {"strict_slashes": grp_s}
                    app.blueprint(Blueprint.group(bp, url_prefix="/g", **gkw))
                    app.add_route(mk_echo(), "/ax", name="ax", **rkw)
                    app.add_route(mk_echo(), "/ay/", name="ay", **rkw)
                    res = probe(app, ["/g/b/x", "/g/b/x/", "/g/b/y", "/g/b/y/", "/ax", "/ax/",
                                      "/ay", "/ay/"])
                    out[f"app={app_s} grp={grp_s} bp={bp_s} rt={rt_s}"] = {
                        k: v.get("status") for k, v in res.items()}
    return out


# --------------------------------------------------------------------- main

def run_all(only: str | None = None) -> dict:
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    results: dict[str, Any] = {}
    for name, fn in CASES.items():
        if only and only not in name:
            continue
        try:
            results[name] = fn()
        except Exception as e:
            results[name] = {"case_crashed": exc(e)}
            print(f"case {name} crashed:\n{traceback.format_exc()[-800:]}", file=sys.stderr)
    return results


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "run"
    if cmd == "run":
        json.dump(run_all(argv[2] if len(argv) > 2 else None), sys.stdout, indent=1,
                  sort_keys=True, default=repr)
        return 0
    if cmd == "diff":
        return cr.diff(argv[2], argv[3])
    if cmd == "both":
        os.makedirs(f"{STATIC_DIR}/sub", exist_ok=True)
        for rel, body in (("a.txt", "hi\n"), ("sub/b.css", "s\n")):
            with open(f"{STATIC_DIR}/{rel}", "w") as f:
                f.write(body)
        here = os.path.abspath(__file__)
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(here))))
        ref = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
        ours = os.environ.get("HURTLE_PY", os.path.join(root, ".venv/bin/python"))
        outs = []
        for label, py in (("sanic", ref), ("hurtle", ours)):
            path = f"/tmp/routing2_{label}.json"
            with open(path, "w") as f:
                subprocess.run([py, here, "run", *argv[2:3]], stdout=f, check=True,
                               cwd=tempfile.gettempdir())
            outs.append(path)
        return cr.diff(*outs)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
