"""Sixth-round areas for ``apidiff.py``: media types, names, signal names, app state, collisions.

``MediaType``/``Matched``/``AcceptList`` used as objects (built by hand, compared, sorted,
matched against strings and each other), ``app.url_for`` of every kind of route name
(app, blueprint, copy, group with ``name_prefix``, versioned, host, websocket, class
view, static) with ``_external``/``_server``/``_scheme``/``_anchor`` and query values,
signal names of every shape on apps and blueprints (registration errors, parameters,
``app.event`` of unknown events, ``EVENT_AUTOREGISTER``), an app's state and properties
outside a run (after setters and ``prepare()``), and route registration collisions
(same path, same name, parameter names and types, hosts, versions, methods).

Generators (``GENERATORS6``) are run by the driver; the worker's operations (``Ops6``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import json
import re

# ------------------------------------------------------------------------- generators

MT_TYPES = ["text", "application", "*", "", "TEXT", "image", "a b", "x-y"]
MT_SUBS = ["html", "plain", "*", "json", "", "HTML", "vnd.a+json", "*+json"]
MT_PARAMS = [{}, {}, {"q": "0.5"}, {"level": "1"}, {"q": "1", "a": "b"}, {"charset": "utf-8"}]
MT_STRS = [
    "text/html",
    "text/*",
    "*/*",
    "text/html;level=1",
    "text/html;q=0.5",
    "TEXT/HTML",
    "application/json",
    "image/png",
    "text",
    "",
    "*",
    "text/html; level=1",
    "*/html",
    "text/plain;charset=utf-8",
    "a/b/c",
]
ACCEPTS = [
    "text/*;q=0.3, text/html;q=0.7, text/html;level=1, */*;q=0.5",
    "application/json",
    "*/*",
    "",
    "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8",
    "image/*;q=0.9, text/plain",
    "text/html;level=2;q=0.4, text/html;level=1",
]


def _mt(rng):
    return {
        "t": rng.choice(MT_TYPES),
        "s": rng.choice(MT_SUBS),
        "p": rng.choice(MT_PARAMS),
    }


def _mt_or_str(rng):
    return {"mt": _mt(rng)} if rng.random() < 0.4 else {"str": rng.choice(MT_STRS)}


def gen_media_type(rng):
    steps = []
    for _ in range(rng.randint(1, 6)):
        k = rng.choice(
            ["attrs", "match", "eq", "sort", "hash", "accept", "amatch", "matched", "contains"]
        )
        if k in ("attrs", "hash"):
            steps.append([k, _mt(rng)])
        elif k in ("match", "eq"):
            steps.append([k, _mt(rng), _mt_or_str(rng)])
        elif k == "sort":
            steps.append([k, [_mt(rng) for _ in range(rng.randint(2, 4))]])
        elif k == "accept":
            steps.append([k, rng.choice(ACCEPTS)])
        elif k == "amatch":
            steps.append(
                [
                    k,
                    rng.choice(ACCEPTS),
                    rng.sample(MT_STRS, rng.randint(0, 3)),
                    rng.choice([True, False, None]),
                ]
            )
        elif k == "matched":
            steps.append(
                [
                    k,
                    rng.choice(MT_STRS),
                    _mt(rng) if rng.random() < 0.7 else None,
                    rng.choice(MT_STRS) if rng.random() < 0.7 else {"self": True},
                ]
            )
        else:
            steps.append([k, rng.choice(ACCEPTS), rng.choice(MT_STRS + [None, 5])])
    return {"steps": steps}


URL_NAMES = [
    "h_app",
    "named",
    "fz1.h_app",
    "fz1.named",
    "h_ver",
    "h_host",
    "h_ws",
    "View",
    "static",
    "sfile",
    "fz1.static",
    "bp.h_bp",
    "bp.nb",
    "fz1.bp.h_bp",
    "h_bp",
    "bp.static",
    "bp.h_ws",
    "bp.View",
    "bpc.h_bp",
    "bpc.nb",
    "grp_bp2.h2",
    "bp2.h2",
    "fz1.grp_bp2.h2",
    "bp.",
    "",
    ".",
    "nope",
    "bp.nope",
    "fz1",
]


def gen_url_names(rng):
    bp = {}
    for k, choices in [
        ("url_prefix", ["/bp", "bp", "/bp/", "/p/<x>", None, ""]),
        ("version", [1, "2", 1.1, None]),
        ("version_prefix", ["/v", "/api/v", "v"]),
        ("strict_slashes", [True, False]),
        ("host", ["b.com", ["b.com", "c.com"]]),
    ]:
        if rng.random() < 0.35:
            bp[k] = rng.choice(choices)
    group = {}
    for k, choices in [
        ("url_prefix", ["/g", None, "/g/"]),
        ("version", [3, None]),
        ("name_prefix", ["grp", None, ""]),
        ("strict_slashes", [True, False]),
    ]:
        if rng.random() < 0.5:
            group[k] = rng.choice(choices)
    copy = None  # Sanic's copies of a registered blueprint: earlier rounds' kept items
    if rng.random() < 0.0:
        copy = {}
        for k, choices in [
            ("url_prefix", ["/c", None]),
            ("version", [5, None]),
            ("with_registration", [True, False]),
        ]:
            if rng.random() < 0.5:
                copy[k] = rng.choice(choices)
    calls = []
    for _ in range(rng.randint(2, 6)):
        kw = {}
        if rng.random() < 0.5:
            kw["x"] = rng.choice(["1", "é", "a b", 5, ["a", "b"]])
        if rng.random() < 0.3:
            kw["filename"] = rng.choice(["f.txt", "a/b.txt", "é.txt", "", "../x"])
        for _ in range(rng.randint(0, 2)):
            kw[rng.choice(["q", "é", "a b", "_q"])] = rng.choice(
                ["1", "é", "a&b", 2, ["1", "2"], [], None, True]
            )
        for k, choices in [
            ("_external", [True, False]),
            ("_server", ["srv.com", "srv.com:81", "", None]),
            ("_scheme", ["https", "ws", "", "HTTP"]),
            ("_anchor", ["top", "é", "a b", ""]),
            ("_method", ["GET", "POST"]),
        ]:
            if rng.random() < 0.2:
                kw[k] = rng.choice(choices)
        calls.append([rng.choice(URL_NAMES), kw])
    return {
        "bp": bp,
        "group": group,
        "copy": copy,
        "ver": rng.choice([1, "1", 1.5, "v2"]),
        "vprefix": rng.choice([None, "/api/v", "/v"]),
        "host": rng.choice(["a.com", ["a.com", "b.com"], "a.com:8000"]),
        "named": rng.choice(["named", "nb"]),
        "server_name": rng.choice([None, None, "ex.com", "https://ex.com:8443"]),
        "calls": calls,
    }


SIG_NAMES = [
    "a.b.c",
    "a.b",
    "a",
    "a.b.c.d",
    "a..c",
    ".a.b",
    "http.lifecycle.request",
    "http.lifecycle.bogus",
    "http.routing.after",
    "server.init.before",
    "server.bogus.x",
    "server.shutdown.after",
    "a.b.<p>",
    "a.<p>.c",
    "<p>.b.c",
    "a.b.<p:int>",
    "a.b.<p:nope>",
    "A.B.C",
    "a-b.c.d",
    "a.b.c ",
    "é.b.c",
    "",
    "a.b.<p:str>",
    "enum:HTTP_LIFECYCLE_BEGIN",
    "enum:SERVER_INIT_AFTER",
    "x.y.<a>",
    "x.<a>.<b>",
]
SIG_DISPATCH = [
    "a.b.c",
    "a.b.d",
    "a.b.5",
    "a.x.c",
    "q.b.c",
    "A.B.C",
    "a-b.c.d",
    "x.y.z",
    "x.q.r",
    "http.lifecycle.request",
    "http.lifecycle.bogus",
    "server.init.before",
    "a.b",
    "a.b.c.d",
    "é.b.c",
    "a.b.c ",
]


def gen_sig_names(rng):
    regs = []
    for i in range(rng.randint(1, 4)):
        r = {"id": i, "name": rng.choice(SIG_NAMES), "on": rng.choice(["app", "app", "bp"])}
        if rng.random() < 0.2:
            r["condition"] = rng.choice([{"k": "v"}, None])
        regs.append(r)
    dispatches = []
    for _ in range(rng.randint(1, 3)):
        d = {"name": rng.choice(SIG_DISPATCH), "by": rng.choice(["app", "app", "bp"])}
        if rng.random() < 0.3:
            d["context"] = rng.choice([{"p": "ctx"}, {"z": 1}])
        if rng.random() < 0.3:
            d["fail_not_found"] = rng.choice([True, False])
        dispatches.append(d)
    events = [
        [rng.choice(SIG_DISPATCH + ["a.b.<p>", "enum:HTTP_LIFECYCLE_BEGIN"]), rng.random() < 0.5]
        for _ in range(rng.randint(0, 2))
    ]
    return {
        "regs": regs,
        "dispatches": dispatches,
        "events": events,
        "autoreg": rng.choice([None, True, False]),
        "bp_prefix": rng.random() < 0.5,
    }


STATE_SETTERS = [
    ["auto_reload", True],
    ["auto_reload", False],
    ["debug", True],
    ["state.verbosity", 2],
    ["state.mode", "debug"],
    ["state.coffee", True],
    ["config.DEBUG", True],
    ["config.AUTO_RELOAD", True],
    ["state.is_debug", True],
    ["test_mode", False],
    ["asgi", True],
    ["state.host", "h"],
    ["ctx.a", 1],
    ["strict_slashes", True],
    ["prepare", {}],
    ["prepare", {"debug": True}],
    ["prepare", {"dev": True}],
    ["prepare", {"port": 9999, "host": "127.0.0.2"}],
    ["prepare", {"workers": 2}],
    ["prepare", {"single_process": True}],
    ["prepare", {"auto_reload": True}],
    ["prepare", {"fast": True}],
    ["prepare", {"access_log": False}],
    ["prepare", {"version": 3}],
    ["prepare", {"motd": False, "verbosity": 1}],
]
STATE_READS = [
    "app.state.mode",
    "app.state.stage",
    "app.state.is_debug",
    "app.debug",
    "app.state.verbosity",
    "app.auto_reload",
    "app.state.auto_reload",
    "app.state.workers",
    "app.state.primary",
    "app.state.is_stopping",
    "app.state.is_running",
    "app.state.is_started",
    "sorted(app.state.reload_dirs)",
    "app.state.asgi",
    "app.asgi",
    "app.state.fast",
    "app.state.coffee",
    "app.state.ssl",
    "app.state.host",
    "app.state.port",
    "app.state.unix",
    "app.state.server",
    "app.state.app is app",
    "app.state.mode == 'debug'",
    "str(app.state.mode)",
    "len(app.state.server_info)",
    "app.test_mode",
    "app.config.DEBUG",
    "app.config.AUTO_RELOAD",
    "app.config.ACCESS_LOG",
    "app.config.MOTD",
    "app.router.finalized",
    "app.signal_router.finalized",
    "app.websocket_enabled",
    "app.strict_slashes",
    "app.m",
    "app.ext",
    "app.manager",
    "app.inspector",
    "app.multiplexer",
    "app.loop",
    "type(app.shared_ctx).__name__",
    "app.state.stage.name",
    "app.state.mode.name",
    "app.ctx.a",
    "type(app.ctx).__name__",
    "sorted(app.tasks) if hasattr(app, 'tasks') else 'none'",
    "app.reload_dirs",
]


def gen_app_state(rng):
    return {
        "sets": rng.sample(STATE_SETTERS, rng.randint(0, 3)),
        "reads": rng.sample(STATE_READS, rng.randint(3, 8)),
    }


COLL_URIS = [
    "/a",
    "/a",
    "/a/",
    "/a/<b>",
    "/a/<c>",
    "/a/<b:int>",
    "/a/<b:str>",
    "/a/<b:float>",
    "/a/<b:int>/<b:int>",
    "/a/<b>/<b>",
    "/a/<b:nope>",
    "/a/<b:[0-9]+>",
    "/a/<b:[>",
    "/a/<>",
    "/a/<b",
    "/a/<b:>",
    "/a/<:int>",
    "/a/<b:path>",
    "/a/<b:ext>",
    "/a/<b:ymd>",
    "/<b:int>",
    "/A",
]


def gen_route_coll(rng):
    routes = []
    for _ in range(rng.randint(2, 4)):
        r = {"uri": rng.choice(COLL_URIS), "on": rng.choice(["app", "app", "app", "bp"])}
        if rng.random() < 0.5:
            r["methods"] = rng.choice([["GET"], ["POST"], ["GET", "POST"], ["get"], ["HEAD"]])
        if rng.random() < 0.35:
            r["name"] = rng.choice(["n", "n", "m", "h0"])
        if rng.random() < 0.2:
            r["host"] = rng.choice(["a.com", "b.com", ["a.com", "b.com"]])
        if rng.random() < 0.2:
            r["version"] = rng.choice([1, 2, "1"])
        if rng.random() < 0.15:
            r["strict_slashes"] = rng.choice([True, False])
        if rng.random() < 0.1:
            r["ws"] = True
        routes.append(r)
    requests = [
        [
            rng.choice(["GET", "POST", "HEAD"]),
            rng.choice(["/a", "/a/", "/a/1", "/a/x", "/a/1.5", "/v1/a", "/bp/a", "/A", "/5"]),
            rng.choice([None, "a.com", "b.com"]),
        ]
        for _ in range(rng.randint(1, 3))
    ]
    return {"routes": routes, "requests": requests}


EXC_BASES = [
    "SanicException",
    "NotFound",
    "BadRequest",
    "ServerError",
    "Unauthorized",
    "Forbidden",
    "MethodNotAllowed",
    "RequestTimeout",
    "PayloadTooLarge",
    "ServiceUnavailable",
    "HeaderNotFound",
    "InvalidHeader",
    "RangeNotSatisfiable",
    "ExpectationFailed",
    "FileNotFound",
    "URLBuildError",
    "InvalidSignal",
    "WebsocketClosed",
    "LoadFileException",
    "PyFileError",
    "SanicIsADirectoryError",
    "InvalidRangeType",
    "ContentRangeError",
    "HeaderExpectationFailed",
]
SECOND_BASES = [None, None, None, "ValueError", "KeyError", "NotFound", "ServerError", "object"]


def gen_exc_classes(rng):
    attrs = {}
    for k, choices in [
        ("status_code", [418, 400, 503, 299, "418", None, 600]),
        ("quiet", [True, False, None]),
        ("message", ["class msg", "", "with {x}", None]),
        ("headers", [{"x-cls": "1"}, {}, None]),
        ("context", [{"c": 1}, None]),
        ("extra", [{"e": 2}, None]),
    ]:
        if rng.random() < 0.35:
            attrs[k] = rng.choice(choices)
    kw = {}
    for k, choices in [
        ("status_code", [401, 404, 500, 299, None]),
        ("quiet", [True, False, None]),
        ("headers", [{"x-inst": "2"}, {"x-cls": "3"}, None]),
        ("context", [{"i": 1}, None]),
        ("extra", [{"j": 2}, None]),
    ]:
        if rng.random() < 0.25:
            kw[k] = rng.choice(choices)
    return {
        "base": rng.choice(EXC_BASES),
        "second": rng.choice(SECOND_BASES),
        "attrs": attrs,
        "args": rng.choice([[], ["inst msg"], [""], [None], ["bytes:bytes msg"], ["a", "b"]]),
        "kw": kw,
        "accept": rng.choice([None, "application/json", "text/html"]),
    }


def gen_app_ctor(rng):
    kw = {}
    for k, choices in [
        ("config", ["Config", "SubConfig", "prefix", "dict"]),
        ("ctx", ["ns", "dict", "obj", "none"]),
        ("request_class", ["Sub", "SubCtxDict", "SubCtxObj", "SubCtxNone"]),
        ("error_handler", ["Sub", "SubFallback"]),
        ("env_prefix", ["MYAPP_", "", "SANIC_"]),
        ("strict_slashes", [True, False, None]),
        ("dumps", ["upper"]),
        ("loads", ["tagged"]),
        ("configure_logging", [True, False]),
        ("inspector", [True, False]),
        ("log_config", ["empty", "minimal"]),
        ("router", ["Router"]),
    ]:
        if rng.random() < 0.3:
            kw[k] = rng.choice(choices)
    return {
        "kw": kw,
        "env": rng.choice([{}, {"MYAPP_FOO": "1"}, {"SANIC_FOO": "2"}, {"FOO": "3"}]),
        "requests": rng.sample(
            ["/a", "/a/", "/boom", "/nope", "/json", "/ctx", "/cfg"], rng.randint(1, 4)
        ),
    }


def _group_kw(rng):
    kw = {}
    for k, choices in [
        ("url_prefix", ["/g", "/h/", "g", "", None, "/<gx>"]),
        ("version", [1, 2, "3", 1.5, None]),
        ("version_prefix", ["/v", "/api/v"]),
        ("strict_slashes", [True, False, None]),
        ("name_prefix", ["np", "", None, "a_b"]),
    ]:
        if rng.random() < 0.3:
            kw[k] = rng.choice(choices)
    return kw


def gen_bp_nest(rng):
    leaves = []
    for i in range(3):
        kw = {"url_prefix": f"/b{i}"}  # distinct leaves (Sanic reports collisions in set order)
        for k, choices in [
            ("url_prefix", [f"/b{i}", f"/b{i}/", f"b{i}"]),
            ("version", [4, None]),
            ("strict_slashes", [True, False]),
        ]:
            if rng.random() < 0.4:
                kw[k] = rng.choice(choices)
        leaves.append(kw)
    hooks = []
    for where in ("inner", "outer", "b0", "b2"):
        if rng.random() < 0.35:
            hooks.append([where, rng.choice(["request", "response", "exception"])])
    # one exception handler for ValueError on a route's chain (two are refused, naming a
    # route Sanic picks in set order)
    handlers = [h for h in hooks if h[1] == "exception"]
    hooks = [h for h in hooks if h[1] != "exception"] + handlers[:1]
    return {
        "leaves": leaves,
        "inner": _group_kw(rng),
        "outer": _group_kw(rng) if rng.random() < 0.7 else None,
        "b2_in_outer": rng.random() < 0.6,
        "register_kw": {"url_prefix": "/app"} if rng.random() < 0.15 else {},
        "hooks": hooks,
        "paths": rng.sample(
            ["/r", "/r/", "/boom", "/p/7", "/p/x", "/g/r", "/v1/r", "/b0/r", "/g/b0/r"],
            rng.randint(0, 3),
        ),
    }


BP_NAMES = ["bp", "my_bp", "my-bp", "a.b", "", "é", "1bp", "b p", "_x", "x" * 30, "Bp", "a/b"]


def gen_bp_attrs(rng):
    kw = {}
    for k, choices in [
        ("url_prefix", ["/p", "p", "/p/", "//p", "/", "", None, "/p/<x:int>", "/é"]),
        ("version", [1, "1", 1.5, "v2", 0, None, "", -1]),
        ("version_prefix", ["/v", "v", "/api/v", "", "/v/"]),
        ("strict_slashes", [True, False, None]),
        ("host", ["a.com", ["a.com", "b.com"], None, "A.COM:80"]),
    ]:
        if rng.random() < 0.35:
            kw[k] = rng.choice(choices)
    opts = {}
    for k, choices in [
        ("url_prefix", ["/o", "o", None, ""]),
        ("version", [3, None, "4"]),
        ("version_prefix", ["/w"]),
        ("strict_slashes", [True, False]),
        ("name_prefix", ["n", ""]),
    ]:
        if rng.random() < 0.15:
            opts[k] = rng.choice(choices)
    return {
        "name": rng.choice(BP_NAMES),
        "kw": kw,
        "opts": opts,
        "uri": rng.choice(["/r", "r", "", "/", "/r/"]),
        "paths": rng.sample(
            ["/p/r", "/r", "/v1/p/r", "/o/r", "/p/r/", "/v3/o/r", "/w3/o/r", "/v1.5/p/r"],
            rng.randint(1, 3),
        ),
    }


GENERATORS6 = {
    "media_type": gen_media_type,
    "url_names": gen_url_names,
    "sig_names": gen_sig_names,
    "app_state": gen_app_state,
    "route_coll": gen_route_coll,
    "exc_classes": gen_exc_classes,
    "app_ctor": gen_app_ctor,
    "bp_nest": gen_bp_nest,
    "bp_attrs": gen_bp_attrs,
}
SLOW6 = {
    "sig_names": 0.5,
    "route_coll": 0.5,
    "exc_classes": 0.5,
    "app_ctor": 0.5,
    "bp_nest": 0.5,
    "bp_attrs": 0.5,
}

# --------------------------------------------------------------------------- worker side


def _mk_mt(spec):
    from sanic.headers import MediaType

    return MediaType(spec["t"], spec["s"], **spec["p"])


def _mt_arg(spec):
    return _mk_mt(spec["mt"]) if "mt" in spec else spec["str"]


def _mt_pic(m):
    if m is None:
        return None
    return [str(m), repr(m), m.type, m.subtype, m.mime, m.q, dict(m.params), m.has_wildcard]


def _matched_pic(m):
    return [str(m), repr(m), bool(m), m.mime, _mt_pic(m.header)]


def _safe(fn):
    from apidiff import exc_info, norm

    try:
        return norm(fn())
    except Exception as e:
        return exc_info(e)


class Ops6:
    def op_media_type(self, a):
        from sanic.headers import Matched, parse_accept

        out = []
        for step in a["steps"]:
            k = step[0]
            if k == "attrs":
                out.append(_safe(lambda s=step: _mt_pic(_mk_mt(s[1]))))
            elif k == "hash":
                out.append(_safe(lambda s=step: hash(_mk_mt(s[1])) == hash(_mk_mt(s[1]))))
            elif k == "match":
                out.append(_safe(lambda s=step: _mt_pic(_mk_mt(s[1]).match(_mt_arg(s[2])))))
            elif k == "eq":
                out.append(
                    _safe(
                        lambda s=step: [
                            _mk_mt(s[1]) == _mt_arg(s[2]),
                            _mk_mt(s[1]) != _mt_arg(s[2]),
                        ]
                    )
                )
            elif k == "sort":
                out.append(_safe(lambda s=step: [str(m) for m in sorted(map(_mk_mt, s[1]))]))
            elif k == "accept":
                out.append(
                    _safe(
                        lambda s=step: [
                            str(parse_accept(s[1])),
                            repr(parse_accept(s[1])),
                            [_mt_pic(m) for m in parse_accept(s[1])],
                        ]
                    )
                )
            elif k == "amatch":

                def am(s=step):
                    acc = parse_accept(s[1])
                    kw = {} if s[3] is None else {"accept_wildcards": s[3]}
                    return _matched_pic(acc.match(*s[2], **kw))

                out.append(_safe(am))
            elif k == "matched":

                def mm(s=step):
                    m = Matched(s[1], _mk_mt(s[2]) if s[2] else None)
                    other = m if isinstance(s[3], dict) else s[3]
                    r = m.match(other)
                    return [
                        _matched_pic(m),
                        _safe(lambda: m == other),
                        None if r is None else _matched_pic(r),
                        _safe(lambda: _matched_pic(Matched.parse(s[1]))),
                    ]

                out.append(_safe(mm))
            else:
                out.append(_safe(lambda s=step: s[2] in parse_accept(s[1])))
        return out

    def op_url_names(self, a):
        from sanic import Blueprint, text
        from sanic.views import HTTPMethodView

        app = self.new_app()
        if a["server_name"]:
            app.config.SERVER_NAME = a["server_name"]

        async def h_app(request):
            return text("a")

        async def h_ver(request):
            return text("v")

        async def h_host(request):
            return text("h")

        async def h_ws(request, ws):
            pass

        class View(HTTPMethodView):
            async def get(self, request, x):
                return text("view")

        errs = []

        def reg(fn):
            try:
                fn()
            except Exception as e:
                from apidiff import exc_info

                errs.append(exc_info(e))

        reg(lambda: app.add_route(h_app, "/app/<x>"))
        reg(lambda: app.route("/named", name="named")(h_app))
        vkw = {"version": a["ver"]}
        if a["vprefix"]:
            vkw["version_prefix"] = a["vprefix"]
        reg(lambda: app.get("/ver", **vkw)(h_ver))
        reg(lambda: app.get("/host/<x>", host=a["host"])(h_host))
        reg(lambda: app.add_websocket_route(h_ws, "/ws"))
        reg(lambda: app.add_route(View.as_view(), "/view/<x>"))
        reg(lambda: app.static("/st", "/tmp"))
        reg(lambda: app.static("/sf", "/etc/hostname", name="sfile"))

        bp = Blueprint("bp", **a["bp"])

        async def h_bp(request, **kw):
            return text("b")

        reg(lambda: bp.add_route(h_bp, "/b/<x>"))
        reg(lambda: bp.add_route(h_bp, "/nb", name=a["named"]))
        reg(lambda: bp.static("/bst", "/tmp"))
        reg(lambda: bp.add_websocket_route(h_ws, "/bws"))
        reg(lambda: bp.add_route(View.as_view(), "/bview/<x>"))
        reg(lambda: app.blueprint(bp))
        if a["copy"] is not None:
            reg(lambda: app.blueprint(bp.copy("bpc", **a["copy"])))
        bp2 = Blueprint("bp2", url_prefix="/b2")

        async def h2(request):
            return text("2")

        reg(lambda: bp2.add_route(h2, "/h2"))
        reg(lambda: app.blueprint(Blueprint.group(bp2, **a["group"])))
        calls = [_safe(lambda c=c: app.url_for(c[0], **c[1])) for c in a["calls"]]
        # one result per call (compared call by call) unless a registration failed
        return {"errs": errs, "calls": calls} if errs else calls

    def op_sig_names(self, a):
        import asyncio

        from apidiff import exc_info

        from sanic import Blueprint, response
        from sanic.signals import Event

        app = self.new_app()
        if a["autoreg"] is not None:
            app.config.EVENT_AUTOREGISTER = a["autoreg"]
        bp = Blueprint("sbp", url_prefix="/sbp" if a["bp_prefix"] else None)
        calls = []
        regs = []

        def name_of(n):
            return getattr(Event, n[5:]) if n.startswith("enum:") else n

        for r in a["regs"]:
            sid = r["id"]

            async def fn(*args, sid=sid, **kw):
                calls.append([sid, sorted((k, repr(v)) for k, v in kw.items())])

            owner = app if r["on"] == "app" else bp
            kw = {"condition": r["condition"]} if "condition" in r else {}
            try:
                owner.signal(name_of(r["name"]), **kw)(fn)
                regs.append("ok")
            except Exception as e:
                regs.append(exc_info(e))
        try:
            app.blueprint(bp)
        except Exception as e:
            regs.append(["bp", exc_info(e)])

        @app.get("/go")
        async def go_handler(request):
            out = []
            for d in a["dispatches"]:
                owner = app if d["by"] == "app" else bp
                kw = {k: d[k] for k in ("context", "fail_not_found") if k in d}
                calls.clear()
                try:
                    r = await owner.dispatch(d["name"], **kw)

                    async def settle(x):
                        if isinstance(x, asyncio.Task):
                            return ["task", repr(await asyncio.wait_for(x, 0.5))]
                        if isinstance(x, (list, tuple)):
                            return [type(x).__name__] + [await settle(y) for y in x]
                        return x if isinstance(x, (str, type(None))) else repr(x)

                    res = ["ok", await settle(r)]
                except Exception as e:
                    res = exc_info(e)
                await asyncio.sleep(0)
                out.append([res, sorted(map(json_dump, calls))])
            for ev, on_bp in a["events"]:
                owner = bp if on_bp else app
                try:
                    w = await asyncio.wait_for(owner.event(name_of(ev), timeout=0.02), 0.2)
                    out.append(["event", repr(w)])
                except BaseException as e:
                    out.append(["event", exc_info(e)])
            return response.json(out, default=repr)

        async def go():
            try:
                _, resp = await app.asgi_client.get("/go")
            except Exception as e:
                return ["client", exc_info(e)]
            return [resp.status, resp.json if resp.status == 200 else resp.text[:300]]

        return {"regs": regs, "run": self.run(go())}

    def op_app_state(self, a):
        from apidiff import exc_info, norm

        app = self.new_app()
        sets = []
        for what, value in a["sets"]:
            try:
                if what == "prepare":
                    app.prepare(**value)
                else:
                    obj = app
                    parts = what.split(".")
                    for p in parts[:-1]:
                        obj = getattr(obj, p)
                    setattr(obj, parts[-1], value)
                sets.append("ok")
            except Exception as e:
                sets.append(exc_info(e))
        reads = []
        for expr in a["reads"]:
            try:
                v = eval(expr, {"app": app})  # the fixed expressions of STATE_READS
                if not isinstance(v, (bool, int, float, str, type(None), list, tuple, dict)):
                    v = ["obj", type(v).__name__]
                reads.append(norm(v))
            except Exception as e:
                reads.append(exc_info(e))
        app.state.server_info.clear()
        return {"sets": sets, "reads": reads}

    def op_route_coll(self, a):
        from apidiff import exc_info

        from sanic import Blueprint, text

        app = self.new_app()
        bp = Blueprint("cbp", url_prefix="/bp")
        reg = []
        for i, r in enumerate(a["routes"]):
            owner = app if r["on"] == "app" else bp

            if r.get("ws"):

                async def handler(request, ws, **kw):
                    pass

            else:

                async def handler(request, **kw):
                    return text(f"{request.route.name}|{sorted(kw.items())}")

            handler.__name__ = f"h{i}"
            kw = {k: r[k] for k in ("name", "host", "version", "strict_slashes") if k in r}
            try:
                if r.get("ws"):
                    owner.add_websocket_route(handler, r["uri"], **kw)
                else:
                    owner.add_route(handler, r["uri"], methods=r.get("methods"), **kw)
                reg.append("ok")
            except Exception as e:
                reg.append(exc_info(e))
        try:
            app.blueprint(bp)
            reg.append("bp ok")
        except Exception as e:
            reg.append(exc_info(e))
        out = {"register": reg}

        async def go():
            res = []
            for method, path, host in a["requests"]:
                hs = {"host": host} if host else {}
                try:
                    _, resp = await app.asgi_client.request(method.lower(), path, headers=hs)
                except Exception as e:
                    res.append(exc_info(e))
                    break
                body = resp.text if resp.status == 200 else resp.text[:80]
                res.append([resp.status, body])
            return res

        out["requests"] = self.run(go())
        try:
            out["routes"] = sorted([r.name, r.path, sorted(r.methods)] for r in app.router.routes)
        except Exception as e:
            out["routes"] = exc_info(e)
        return out

    def op_exc_classes(self, a):
        import builtins

        from apidiff import exc_info, norm
        from apidiff_cases4 import _exc_attrs

        from sanic import exceptions as E

        bases = [getattr(E, a["base"])]
        if a["second"] == "object":
            bases.append(object)
        elif a["second"]:
            bases.append(getattr(E, a["second"], None) or getattr(builtins, a["second"]))
        try:
            cls = type("Custom", tuple(bases), dict(a["attrs"]))
        except Exception as e:
            return {"class": exc_info(e)}
        out = {
            "class_status": norm(getattr(cls, "status_code", "<absent>")),
            "class_quiet": norm(getattr(cls, "quiet", "<absent>")),
        }
        args = [
            x.encode()[6:] if isinstance(x, str) and x.startswith("bytes:") else x
            for x in a["args"]
        ]
        try:
            exc = cls(*args, **a["kw"])
        except Exception as e:
            out["init"] = exc_info(e)
            return out
        out["attrs"] = _exc_attrs(exc)
        out["repr"] = repr(exc).replace(hex(id(exc)), "0x")
        app = self.new_app()
        app.config.FALLBACK_ERROR_FORMAT = "json"

        @app.get("/x")
        async def x(request):
            raise exc

        async def go():
            hs = {"accept": a["accept"]} if a["accept"] else {}
            try:
                _, resp = await app.asgi_client.get("/x", headers=hs)
            except Exception as e:
                return exc_info(e)
            heads = sorted(
                [k.lower(), v]
                for k, v in resp.headers.items()
                if k.lower() not in ("content-length", "date")
            )
            body = resp.text
            if body.startswith("{"):
                try:
                    data = json.loads(body)
                    data.pop("path", None)
                    body = data
                except ValueError:
                    pass
            elif "<title>" in body:
                body = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
            return [resp.status, heads, body]

        out["wire"] = self.run(go())
        return out

    def op_app_ctor(self, a):
        from sanic import Request
        from sanic.response import BaseHTTPResponse

        # dumps=/loads= set process-wide defaults (in both): put them back afterwards
        saved = (Request._loads, BaseHTTPResponse._dumps)
        try:
            return self._app_ctor(a)
        finally:
            Request._loads, BaseHTTPResponse._dumps = saved

    def _app_ctor(self, a):
        import os
        from types import SimpleNamespace

        from apidiff import exc_info, norm

        from sanic import Request, Sanic, json, text
        from sanic.config import Config
        from sanic.handlers import ErrorHandler
        from sanic.router import Router

        class SubConfig(Config):
            EXTRA_SETTING = "sub"

        class Sub(Request):
            pass

        class SubCtxDict(Request):
            @classmethod
            def make_context(cls):
                return {"made": True}

        class SubCtxObj(Request):
            @classmethod
            def make_context(cls):
                return SimpleNamespace(made="obj")

        class SubCtxNone(Request):
            @classmethod
            def make_context(cls):
                return None

        class SubHandler(ErrorHandler):
            def default(self, request, exception):
                return text(f"custom {type(exception).__name__}", status=599)

        class SubFallback(ErrorHandler):
            pass

        class Obj:
            pass

        kinds = {
            "config": {
                "Config": lambda: Config(),
                "SubConfig": lambda: SubConfig(),
                "prefix": lambda: Config(env_prefix="MYAPP_"),
                "dict": lambda: {"FOO": "dict"},
            },
            "ctx": {
                "ns": lambda: SimpleNamespace(a=1),
                "dict": lambda: {"a": 1},
                "obj": Obj,
                "none": lambda: None,
            },
            "request_class": {
                "Sub": lambda: Sub,
                "SubCtxDict": lambda: SubCtxDict,
                "SubCtxObj": lambda: SubCtxObj,
                "SubCtxNone": lambda: SubCtxNone,
            },
            "error_handler": {
                "Sub": lambda: SubHandler(),
                "SubFallback": lambda: SubFallback(),
            },
            "dumps": {"upper": lambda: lambda obj, **k: '{"dumped": true}'},
            "loads": {"tagged": lambda: lambda raw: {"loaded": raw.decode()}},
            "log_config": {
                "empty": lambda: {"version": 1},
                "minimal": lambda: {"version": 1, "loggers": {"sanic.root": {"level": "INFO"}}},
            },
            "router": {"Router": lambda: Router()},
        }
        kw = {}
        for k, v in a["kw"].items():
            kw[k] = kinds[k][v]() if k in kinds else v
        saved = dict(os.environ)
        os.environ.update(a["env"])
        try:
            self.n += 1
            try:
                app = Sanic(f"fz{self.n}", **kw)
            except Exception as e:
                return {"init": exc_info(e)}
        finally:
            os.environ.clear()
            os.environ.update(saved)
        out = {
            "config": type(app.config).__name__,
            "FOO": norm(app.config.get("FOO")),
            "EXTRA": norm(app.config.get("EXTRA_SETTING")),
            "ctx": type(app.ctx).__name__,
            "request_class": app.request_class.__name__,
            "error_handler": type(app.error_handler).__name__,
            "strict": norm(app.strict_slashes),
            "router": type(app.router).__name__,
        }

        @app.get("/a")
        async def a_(request):
            return text(type(request).__name__)

        @app.get("/boom")
        async def boom(request):
            raise ValueError("boom")

        @app.post("/json")
        async def js(request):
            return json({"got": request.json})

        @app.get("/ctx")
        async def ctx(request):
            c = request.ctx
            return json([type(c).__name__, norm(c if isinstance(c, dict) else vars(c))])

        @app.get("/cfg")
        async def cfg(request):
            return text(str(request.app.config.get("FOO")))

        async def go():
            res = []
            for path in a["requests"]:
                try:
                    if path == "/json":
                        _, r = await app.asgi_client.post(path, content=b'{"x": 1}')
                    else:
                        _, r = await app.asgi_client.get(path)
                except Exception as e:
                    res.append(exc_info(e))
                    break
                body = r.text
                if "<title>" in body:
                    body = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
                res.append([path, r.status, r.headers.get("content-type"), body[:200]])
            return res

        out["requests"] = self.run(go())
        return out

    def op_bp_nest(self, a):
        from apidiff import exc_info

        from sanic import Blueprint, text

        app = self.new_app()
        leaves = []
        for i, kw in enumerate(a["leaves"]):
            bp = Blueprint(f"b{i}", **kw)

            async def r(request, **kw):
                return text(f"{request.route.name}|{sorted(kw.items())}")

            async def boom(request, i=i, **kw):
                raise ValueError(f"boom{i}")

            async def p(request, x, **kw):
                return text(f"{request.route.name}|{x}")

            bp.add_route(r, "/r", name="r")
            bp.add_route(boom, "/boom", name="boom")
            bp.add_route(p, "/p/<x:int>", name="p")
            leaves.append(bp)
        try:
            inner = Blueprint.group(leaves[0], leaves[1], **a["inner"])
            top = inner
            if a["outer"] is not None:
                members = [inner, leaves[2]] if a["b2_in_outer"] else [inner]
                top = Blueprint.group(*members, **a["outer"])
        except Exception as e:
            return {"group": exc_info(e)}
        objs = {"inner": inner, "outer": top, "b0": leaves[0], "b2": leaves[2]}
        for where, kind in a["hooks"]:
            obj = objs[where]
            if kind == "request":

                @obj.on_request
                async def mark(request, where=where):
                    request.ctx.seen = [*getattr(request.ctx, "seen", []), where]

            elif kind == "response":

                @obj.on_response
                async def tag(request, response, where=where):
                    response.headers.add("x-mw", where)

            else:

                @obj.exception(ValueError)
                async def handled(request, exception, where=where):
                    return text(f"handled by {where}: {exception}", status=418)

        try:
            app.blueprint(top, **a["register_kw"])
            if a["outer"] is not None and not a["b2_in_outer"]:
                app.blueprint(leaves[2])
            elif a["outer"] is None:
                app.blueprint(leaves[2])
        except Exception as e:
            return {"register": exc_info(e)}
        try:
            app.router.finalize()
        except Exception as e:
            return {"finalize": exc_info(e)}
        table = sorted([r.name, r.path, bool(r.strict)] for r in app.router.routes)
        paths = ["/" + r[1] for r in table] + list(a["paths"])
        urls = [_safe(lambda n=r[0]: app.url_for(n, x=7, gx="G")) for r in table]
        app.router.reset()

        async def go():
            res = []
            for path in paths:
                try:
                    _, resp = await app.asgi_client.get(
                        path.replace("<gx:str>", "G").replace("<x:int>", "7")
                    )
                except Exception as e:
                    res.append(exc_info(e))
                    break
                res.append([path, resp.status, resp.text[:80], resp.headers.get_list("x-mw")])
            return res

        return {"table": table, "urls": urls, "requests": self.run(go())}

    def op_bp_attrs(self, a):
        from apidiff import exc_info, norm

        from sanic import Blueprint, text

        app = self.new_app()
        try:
            bp = Blueprint(a["name"], **a["kw"])
        except Exception as e:
            return {"init": exc_info(e)}
        out = {
            "attrs": [
                norm(getattr(bp, k, "<absent>"))
                for k in ("name", "url_prefix", "version", "version_prefix", "strict_slashes")
            ],
            "host": norm(sorted(bp.host) if isinstance(bp.host, (list, set)) else bp.host),
            "repr": repr(bp),
        }

        async def r(request, **kw):
            return text(f"{request.route.name}|{request.route.path}")

        try:
            bp.add_route(r, a["uri"], name="r")
            app.blueprint(bp, **a["opts"])
            app.router.finalize()
        except Exception as e:
            out["register"] = exc_info(e)
            return out
        out["routes"] = sorted([x.name, x.path] for x in app.router.routes)
        out["url"] = _safe(lambda: app.url_for(f"{a['name']}.r", x=1))
        app.router.reset()

        async def go():
            res = []
            for path in a["paths"]:
                try:
                    _, resp = await app.asgi_client.get(path, headers={"host": "a.com"})
                except Exception as e:
                    res.append(exc_info(e))
                    break
                res.append([path, resp.status, resp.text[:60]])
            return res

        out["requests"] = self.run(go())
        return out


def json_dump(v):
    import json

    return json.dumps(v)
