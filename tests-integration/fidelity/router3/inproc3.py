"""Routing, third round, in process: run under Sanic and under Hurtle, print JSON, diff.

    SANIC=/tmp/st-ref/bin/python; OURS=.venv/bin/python
    $SANIC inproc3.py > /tmp/s.json; $OURS inproc3.py > /tmp/h.json; diff /tmp/s.json /tmp/h.json

Route objects' attributes for every parameter type, router tables' key and value shapes,
name clashes (where and how they fail), routes added after start-up, `test_client`
requests that read `request.route`/`match_info`/`uri_template`/`endpoint`.
"""
from __future__ import annotations

import json
import logging
import sys
import warnings

from sanic import Blueprint, Sanic
from sanic.response import json as rjson

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")
Sanic.test_mode = True
OUT: dict = {}
N = [0]


def app_() -> Sanic:
    N[0] += 1
    return Sanic(f"r3a{N[0]}")


def ex(e: BaseException) -> list:
    return [type(e).__name__, str(e)]


def h(tag: str):
    async def handler(request, **kw):
        r = request.route
        return rjson({"tag": tag, "kw": {k: [type(v).__name__, str(v)] for k, v in kw.items()},
                      "mi": {k: str(v) for k, v in request.match_info.items()},
                      "tpl": request.uri_template, "ep": request.endpoint, "name": request.name,
                      "rname": r.name if r else None})
    handler.__name__ = tag
    return handler


def get(app, method: str, path: str, **kw) -> list:
    try:
        _, resp = getattr(app.test_client, method.lower())(path, **kw)
    except Exception as e:
        return ex(e)
    return [resp.status, resp.headers.get("allow"), resp.text[:300]]


def shapes() -> dict:
    app = app_()
    uris = ["/s", "/s/", "/<a>", "/i/<a:int>", "/f/<a:float>", "/al/<a:alpha>", "/sl/<a:slug>",
            "/p/<a:path>", "/y/<a:ymd>", "/u/<a:uuid>", "/e/<a:ext>", "/el/<a:ext=txt|md>",
            "/ei/<a=int:ext=txt>", r"/r/<a:\d+>", r"/rg/<a:(?P<a>\d+)x>", "/soe/<a:strorempty>",
            "/two/<a:int>/<b>", "/v"]
    for i, u in enumerate(uris):
        kw = {"version": 2} if u == "/v" else {}
        app.add_route(h(f"s{i}"), u, name=f"s{i}", **kw)
    app.router.finalize()
    r = app.router
    out = {}
    for name, table in (("all", r.routes_all), ("static", r.routes_static),
                        ("dynamic", r.routes_dynamic), ("regex", r.routes_regex)):
        out[name] = {"type": type(table).__name__,
                     "keys": sorted(repr(k) for k in table),
                     "vals": sorted(type(v).__name__ for v in table.values())}
    routes = {}
    for rt in r.routes:
        d = {}
        for attr in ("path", "uri", "name", "strict", "unquote", "regex", "static", "labels",
                     "segments", "parts", "pattern", "requirements", "methods", "identifier"):
            try:
                v = getattr(rt, attr)
                d[attr] = sorted(v) if isinstance(v, (set, frozenset)) else repr(v) if attr == "pattern" else v
            except Exception as e:
                d[attr] = ex(e)
        try:
            d["params"] = {str(k): [p.name, p.label, getattr(p.cast, "__name__", repr(p.cast)), p.raw_path]
                           for k, p in rt.params.items()}
        except Exception as e:
            d["params"] = ex(e)
        routes[rt.name] = json.loads(json.dumps(d, default=repr))
    out["routes"] = routes
    return out


def clashes() -> dict:
    out = {}
    specs = {
        "same name same uri": [("/a", "n", ["GET"]), ("/a", "n", ["POST"])],
        "same name other uri": [("/a", "n", ["GET"]), ("/b", "n", ["GET"])],
        "same uri same method": [("/a", "n1", ["GET"]), ("/a", "n2", ["GET"])],
        "slash twins": [("/a", "n1", ["GET"]), ("/a/", "n2", ["GET"])],
        "param names differ": [("/a/<x>", "n1", ["GET"]), ("/a/<y>", "n2", ["GET"])],
        "types differ": [("/a/<x:int>", "n1", ["GET"]), ("/a/<x:str>", "n2", ["GET"])],
        "int and float": [("/a/<x:int>", "n1", ["GET"]), ("/a/<x:float>", "n2", ["POST"])],
        "bp name vs app": [("/a", "bp.n", ["GET"]), ("/b", "n", ["GET"])],
    }
    for label, routes in specs.items():
        app = app_()
        res = []
        for uri, name, methods in routes:
            try:
                app.add_route(h(name.replace(".", "_")), uri, name=name, methods=methods)
                res.append("ok")
            except Exception as e:
                res.append(ex(e))
        try:
            app.router.finalize()
            res.append("finalized")
        except Exception as e:
            res.append(ex(e))
        res.append(get(app, "GET", routes[0][0].replace("<x:int>", "1").replace("<x>", "1")
                       .replace("<x:str>", "1")))
        out[label] = res
    # two blueprints with the same route name
    app = app_()
    b1, b2 = Blueprint("b1", url_prefix="/1"), Blueprint("b2", url_prefix="/2")
    b1.add_route(h("x1"), "/x", name="x")
    b2.add_route(h("x2"), "/x", name="x")
    app.blueprint(b1)
    app.blueprint(b2)
    out["two bps"] = [get(app, "GET", "/1/x"), get(app, "GET", "/2/x"),
                      sorted(app.router.name_index)]
    return out


def late() -> dict:
    out = {}
    app = app_()
    app.add_route(h("base"), "/base")
    seen = {}

    @app.after_server_start
    async def add_late(app_, *_):
        try:
            app_.add_route(h("late"), "/late", name="late")
            seen["add"] = "ok"
        except Exception as e:
            seen["add"] = ex(e)

    @app.before_server_start
    async def add_before(app_, *_):
        try:
            app_.add_route(h("before"), "/before", name="before")
            seen["before"] = "ok"
        except Exception as e:
            seen["before"] = ex(e)

    out["late"] = get(app, "GET", "/late")
    out["before"] = get(app, "GET", "/before")
    out["seen"] = seen
    return out


def requests() -> dict:
    app = app_()
    bp = Blueprint("bp", url_prefix="/bp", version=2)
    bp.add_route(h("bpx"), "/x/<a:int>", name="bpx")
    app.blueprint(bp)
    app.add_route(h("e"), "/e/<a=int:ext=txt|md>", name="e")
    app.add_route(h("p"), "/p/<a:path>", name="p")
    app.add_route(h("r"), r"/r/<a:(?P<a>\d+)x>", name="r")
    app.add_route(h("ymd"), "/y/<d:ymd>", name="ymd")
    app.add_route(h("hst"), "/hst", host="h.test:8000", name="hst")
    out = {}
    for m, p, kw in [("GET", "/v2/bp/x/3", {}), ("GET", "/e/3.md", {}), ("GET", "/p/a/b/", {}),
                     ("GET", "/r/12x", {}), ("GET", "/y/2024-02-29", {}), ("GET", "/y/2023-02-29", {}),
                     ("HEAD", "/e/3.txt", {}), ("OPTIONS", "/e/3.txt", {}), ("POST", "/e/3.txt", {}),
                     ("GET", "/hst", {"headers": {"host": "h.test:8000"}}),
                     ("GET", "/hst", {"headers": {"host": "h.test"}}),
                     ("POST", "/hst", {"headers": {"host": "h.test:8000"}})]:
        out[f"{m} {p} {kw}"] = get(app, m, p, **kw)
    return out


for fn in (shapes, clashes, late, requests):
    try:
        OUT[fn.__name__] = fn()
    except Exception as e:
        OUT[fn.__name__] = ex(e)
json.dump(OUT, sys.stdout, indent=1, sort_keys=True, default=repr)
sys.stdout.write("\n")
