"""Eighth-round areas for ``apidiff.py``: what requests through the test client make of
routes, errors, URLs, websockets, files and the current request.

``url_ext``: ``request.url_for``/``app.url_for`` inside a handler with ``_external``,
``_scheme``, ``_server``, ``_anchor`` and query lists, under ``SERVER_NAME`` and proxy
settings, with the request's own URL parts. ``err_origin``: an exception raised in a
handler, a request or response middleware, an exception handler, a blueprint's
middleware or a lifecycle signal, under each ``FALLBACK_ERROR_FORMAT`` and route
``error_format``, with ``Accept`` and ``Content-Type`` variants. ``ws_reg``: websocket
routes registered every way, their errors, the route table and plain HTTP requests to
them. ``route_wire8``: typed route parameters with ``strict_slashes``, ``version``,
``version_prefix``, ``name`` and ``host`` lists, through the test client.
``file_names``: ``response.file``/``file_stream`` with odd file names, ``filename`` and
``mime_type`` values, built and sent. ``req_current``: ``Request.get_current()`` in each
place a request's code runs and outside. ``sig_events``: which ``http.*`` signals fire, in
which order beside middleware and handler, and with which arguments, for requests that
succeed, miss, fail, are caught, stream or hit a blueprint.

Generators (``GENERATORS8``) are run by the driver; the worker's operations (``Ops8``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import json

# ------------------------------------------------------------------------- generators

UX_SERVER = [
    None,
    None,
    "srv.test",
    "srv.test:8080",
    "http://srv.test",
    "https://srv.test:8443",
    "srv.test/base",
    "https://srv.test/base/",
    "",
]
UX_HOSTS = [None, "h.test", "h.test:81", "H.TEST", "[::1]:8000", "1.2.3.4"]
UX_FWD = [
    [],
    [["x-forwarded-proto", "https"]],
    [["x-forwarded-host", "fh.test"], ["x-forwarded-proto", "https"]],
    [["x-forwarded-for", "9.9.9.9"], ["x-forwarded-port", "444"]],
    [["forwarded", "for=1.1.1.1;proto=https;host=fw.test;secret=s"]],
    [["forwarded", "proto=wss;host=fw.test:9"]],
    [["x-scheme", "https"]],
]
UX_NAMES = ["a", "p", "i", "bp.b", "missing", "static", "go", "f", "w", "hosted", "ver"]
UX_KWS = {
    "x": ["v", "a b", "é", 5, "", "/"],
    "n": [3, "3", -1, "x"],
    "q": [["1", "2"], "s", 7, [], ["a b"]],
    "_external": [True, False, True],
    "_scheme": ["https", "ws", "http", ""],
    "_server": ["other.test", "other.test:81", "https://o.test"],
    "_anchor": ["frag", "a b", ""],
    "_method": ["GET", "POST"],
    "filename": ["f.txt", "a b.txt", "d/e.md"],
    "f": ["x", "a b"],
    "ext": ["txt", "md", "json"],
    "rest": ["a/b", "a b/c", "", "é/%"],
}


def gen_url_ext(rng):
    cfg = {}
    server = rng.choice(UX_SERVER)
    if server is not None:  # None: not set (Sanic's default is "")
        cfg["SERVER_NAME"] = server
    if rng.random() < 0.3:
        cfg["PROXIES_COUNT"] = rng.choice([1, 2, 0])
    if rng.random() < 0.2:
        cfg["FORWARDED_SECRET"] = "s"
    if rng.random() < 0.15:
        cfg["REAL_IP_HEADER"] = "x-real-ip"
    calls = []
    for _ in range(rng.randint(1, 4)):
        kw = {k: rng.choice(v) for k, v in UX_KWS.items() if rng.random() < 0.3}
        calls.append([rng.choice(UX_NAMES), kw, rng.choice(["request", "app"])])
    hs = list(rng.choice(UX_FWD))
    host = rng.choice(UX_HOSTS)
    if host:
        hs.append(["host", host])
    return {"config": cfg, "headers": hs, "calls": calls}


EO_WHERE = [
    "handler",
    "handler",
    "req_mw",
    "resp_mw",
    "exc_handler",
    "bp_req_mw",
    "bp_resp_mw",
    "sig_request",
    "sig_handle",
    "not_found",
    "bad_method",
    "sig_routing_after",
    "sig_handler_before",
    "sig_handler_after",
    "sig_response",
    "respond_then_raise",
    "stream_then_raise",
    "both_mw",
    "exc_handler_none",
    "all_exc_handler",
]
EO_EXC = [
    ["NotFound", []],
    ["ServerError", ["boom"]],
    ["ValueError", ["bad value"]],
    ["BadRequest", ["é <b>"]],
    ["Forbidden", []],
    ["Unauthorized", ["no", {"scheme": "Basic", "realm": "r"}]],
    ["SanicException", ["teapot", {"status_code": 418}]],
    ["SanicException", ["ctx", {"status_code": 400, "context": {"k": 1}, "extra": {"e": 2}}]],
    ["HeaderNotFound", ["hdr"]],
    ["PayloadTooLarge", []],
    ["KeyError", ["k"]],
    ["SanicException", ["hdr", {"status_code": 409, "headers": {"X-A": "1"}}]],
    ["MethodNotAllowed", ["mna", {"method": "PUT", "allowed_methods": ["GET", "POST"]}]],
    ["ServiceUnavailable", ["later", {"headers": {"Retry-After": "5"}}]],
    ["Unauthorized", ["tok", {"scheme": "Bearer"}]],
    ["BadRequest", [None]],
    ["SanicException", ["quiet", {"status_code": 503, "quiet": True}]],
    ["FileNotFound", ["nf", {"path": "/p", "relative_url": "/r"}]],
]
EO_ACCEPT = [
    None,
    "application/json",
    "text/html",
    "text/plain",
    "*/*",
    "text/html;q=0.1, application/json",
    "application/xml",
    "text/*",
]


def gen_err_origin(rng):
    cfg = {}
    if rng.random() < 0.7:
        cfg["FALLBACK_ERROR_FORMAT"] = rng.choice(["auto", "json", "html", "text"])
    where = rng.choice(EO_WHERE)
    if rng.random() < 0.15 and not where.startswith("sig_"):
        # (Sanic's ASGI mode in debug mode set by hand runs no http.* signal handler;
        # its server, run with debug=True, does, as Hurtle does under both.)
        cfg["DEBUG"] = True
    return {
        "config": cfg,
        "where": where,
        "exc": rng.choice(EO_EXC),
        "route_fmt": rng.choice([None, None, "json", "text", "html", "auto"]),
        "returns_json": rng.random() < 0.3,
        "method": rng.choice(["GET", "POST"]),
        "accept": rng.choice(EO_ACCEPT),
        "ctype": rng.choice([None, None, "application/json", "text/plain"]),
        "body": rng.choice([None, '{"a": 1}', "x"]),
    }


WS_URIS = ["/w{i}", "/w{i}/<x>", "/w{i}/<x:int>", "/", "w{i}", "/same", "/w{i}/"]
WS_HOW = ["app_deco", "app_add", "route_ws", "bp_deco", "bp_add", "http_same"]
WS_KW = {
    "host": [None, "h.test", ["a.test", "b.test"]],
    "strict_slashes": [None, True, False],
    "subprotocols": [None, [], ["a", "b"], "a", ("x",)],
    "version": [None, 1, "2", 1.5],
    "name": [None, "n{i}", "same", ""],
    "version_prefix": ["/v", "/api/v", ""],
    "error_format": [None, "json", "text", "bad"],
}
WS_PATHS = ["/w0", "/w1", "/w0/5", "/w0/a", "/", "/same", "/bp/w0", "/v1/w0", "/w0/", "/v2/w1"]


def gen_ws_reg(rng):
    regs = []
    for i in range(rng.randint(1, 3)):
        kw = {}
        for k, vals in WS_KW.items():
            if rng.random() < 0.25:
                v = rng.choice(vals)
                kw[k] = v.format(i=i) if isinstance(v, str) and k == "name" else v
        regs.append(
            {
                "how": rng.choice(WS_HOW),
                "uri": rng.choice(WS_URIS).format(i=i),
                "handler": rng.choice(["async", "async", "sync", "one_arg"]),
                "kw": kw,
            }
        )
    return {
        "regs": regs,
        "requests": [
            [
                rng.choice(["GET", "GET", "POST", "HEAD"]),
                rng.choice(WS_PATHS),
                rng.choice([None, "h.test", "a.test"]),
                rng.random() < 0.3,
            ]
            for _ in range(rng.randint(1, 3))
        ],
        "urls": [rng.choice(["n0", "n1", "same", "w0", "bp.w0", "x"]) for _ in range(2)],
    }


RW_TYPES = [
    "str",
    "int",
    "float",
    "alpha",
    "slug",
    "path",
    "ymd",
    "uuid",
    "ext",
    "ext=txt",
    "ext=txt|md",
    "[a-z]{2}",
    "strorempty",
    "nonemptystr",
]
RW_VALUES = [
    "ab",
    "12",
    "-3",
    "1.5",
    "1e3",
    "a-b",
    "A_b",
    "2024-02-30",
    "2024-01-05",
    "123e4567-e89b-12d3-a456-426614174000",
    "f.txt",
    "f.md",
    "f.tar.gz",
    "a/b",
    "é",
    "%41",
    "",
    "00",
    "zz",
    "+5",
    "1_000",
    "%C3%A9",
    "a%2Fb",
    "x.TXT",
    "-0.0",
    "nan",
    "a.b.md",
]


def gen_route_wire8(rng):
    routes = []
    for i in range(rng.randint(1, 4)):
        kw = {}
        for k, vals in (
            ("strict_slashes", [None, True, False]),
            ("version", [None, 1, "2", 1.1]),
            ("version_prefix", ["/v", "/api/v", ""]),
            ("host", [None, "a.test", ["a.test", "b.test"], "a.test:8000", "A.test"]),
            ("methods", [["GET"], ["GET", "POST"], ["POST"]]),
        ):
            if rng.random() < 0.3:
                kw[k] = rng.choice(vals)
        if rng.random() < 0.15:
            kw["unquote"] = True
        t = rng.choice(RW_TYPES)
        seg = rng.choice(["r", "r", "s"])
        uri = f"/{seg}/<p:{t}>" + rng.choice(["", "", "/", "/t", f"/<q:{rng.choice(RW_TYPES)}>"])
        routes.append({"uri": uri, "kw": kw, "i": i})
    reqs = []
    for _ in range(rng.randint(1, 4)):
        pre = rng.choice(["", "", "/v1", "/v2", "/api/v1", "/1"])
        path = f"{pre}/{rng.choice(['r', 's'])}/{rng.choice(RW_VALUES)}"
        path += rng.choice(["", "", "/", "/t", "/t/", "/" + rng.choice(RW_VALUES)])
        reqs.append(
            [
                rng.choice(["GET", "GET", "POST", "HEAD"]),
                path,
                rng.choice([None, None, "a.test", "b.test", "A.TEST", "a.test:8000", "c.test"]),
            ]
        )
    return {"routes": routes, "requests": reqs}


FN_FILES = [
    "a.txt",
    "b.tar.gz",
    "c.JSON",
    "d.svg",
    "e.wasm",
    "f.mjs",
    "noext",
    "h.md",
    "i.webp",
    "k.csv",
    "l.HTML",
    "é.txt",
    "sp ace.txt",
    "m.js",
    "n.xml",
    "o.woff2",
    "p.avif",
    "q.gz",
    ".hidden",
    "r.jpeg",
]
FN_NAMES = [
    None,
    None,
    "a.txt",
    "dé l.txt",
    "a;b.txt",
    'q"t.txt',
    "",
    "x/y.txt",
    "a\\b.txt",
    "%41.txt",
    "emoji😀.txt",
    "a,b.txt",
    "a b.txt",
    "tab\tx.txt",
]
FN_MIMES = [
    None,
    None,
    "text/plain",
    "application/octet-stream",
    "text/html; charset=latin-1",
    "",
    "bogus",
    "text/plain; charset=utf-8",
    "application/json",
]


def gen_file_names(rng):
    kw = {}
    if rng.random() < 0.6:
        kw["filename"] = rng.choice(FN_NAMES)
    if rng.random() < 0.5:
        kw["mime_type"] = rng.choice(FN_MIMES)
    if rng.random() < 0.2:
        kw["headers"] = rng.choice(
            [{}, {"Content-Disposition": "inline"}, {"content-type": "x/y"}, {"X-A": "1"}]
        )
    if rng.random() < 0.15:
        kw["status"] = rng.choice([201, 203, 404])
    return {
        "file": rng.choice(FN_FILES),
        "how": rng.choice(["file", "file_stream"]),
        "wire": rng.random() < 0.5,
        "path_kind": rng.choice(["str", "str", "Path"]),
        "kw": kw,
    }


RC_WHERE = [
    "outside",
    "handler",
    "req_mw",
    "resp_mw",
    "exc_handler",
    "sig_handle",
    "task_awaited",
    "after",
    "bp_mw",
    "view",
]


def gen_req_current(rng):
    return {
        "wheres": rng.sample(RC_WHERE, rng.randint(1, 4)),
        "raise": rng.random() < 0.3,
        "path": rng.choice(["/c", "/c", "/nope", "/bp/c", "/view"]),
    }


SE_EVENTS = [
    "http.lifecycle.begin",
    "http.lifecycle.read_head",
    "http.lifecycle.request",
    "http.lifecycle.handle",
    "http.lifecycle.read_body",
    "http.lifecycle.exception",
    "http.lifecycle.response",
    "http.lifecycle.send",
    "http.lifecycle.complete",
    "http.routing.before",
    "http.routing.after",
    "http.handler.before",
    "http.handler.after",
    "http.middleware.before",
    "http.middleware.after",
]
SE_PATHS = ["/ok", "/ok", "/nope", "/boom", "/caught", "/stream", "/json", "/bp/ok", "/ok/"]


def gen_sig_events(rng):
    return {
        "events": rng.sample(SE_EVENTS, rng.randint(1, 6)),
        "middleware": rng.random() < 0.4,
        "requests": [
            [rng.choice(["GET", "GET", "POST", "HEAD", "PUT"]), rng.choice(SE_PATHS)]
            for _ in range(rng.randint(1, 3))
        ],
        "body": rng.choice([None, "abc"]),
    }


GENERATORS8 = {
    "url_ext": gen_url_ext,
    "err_origin": gen_err_origin,
    "ws_reg": gen_ws_reg,
    "route_wire8": gen_route_wire8,
    "file_names": gen_file_names,
    "req_current": gen_req_current,
    "sig_events": gen_sig_events,
}
SLOW8 = {"ws_reg": 0.5, "route_wire8": 0.5}

# --------------------------------------------------------------------------- worker side


def _exc(e):
    """An exception's picture, its message without the module path of a framework class
    (``sanic.app.Sanic.url_for()``: each framework has its own modules)."""
    import re

    from apidiff import exc_info

    info = exc_info(e)
    info["msg"] = re.sub(r"\b(?:sanic|hurtle_\w+)(?:\.\w+)*\.([A-Z]\w*\.)", r"\1", info["msg"])
    return info


def _safe(fn):
    from apidiff import norm

    try:
        return norm(fn())
    except Exception as e:
        return _exc(e)


def _make_exc(spec):
    import builtins

    from sanic import exceptions as E

    name, args = spec[0], list(spec[1])
    kw = args.pop() if args and isinstance(args[-1], dict) else {}
    cls = getattr(E, name, None) or getattr(builtins, name)
    return cls(*args, **kw)


def _headers(resp, drop=("content-length",)):
    return sorted([k.lower(), v] for k, v in resp.headers.items() if k.lower() not in drop)


def _no_frames(body):
    """A debug error page without its traceback's frames (each framework has its own)."""
    import re

    if isinstance(body, str) and "Traceback of" in body:
        body = re.sub(r"\n    File [^\n]*\n    [^\n]*", "", body)
        return re.sub(r"\n{2,}", "\n\n", body)
    if isinstance(body, dict):
        for item in body.get("exceptions", ()):
            item["frames"] = "n"
    return body


class Ops8:
    def _app8(self, prefix="e8", **cfg):
        from sanic import Sanic

        self.n += 1
        app = Sanic(f"{prefix}{self.n}")
        for k, v in cfg.items():
            setattr(app.config, k, v)
        return app

    # url_ext ---------------------------------------------------------------------
    def op_url_ext(self, a):
        from sanic import Blueprint, response

        try:
            app = self._app8("ux", **a["config"])
        except Exception as e:
            return {"config": _exc(e)}

        async def h(request, **kw):
            return response.text("h")

        app.add_route(h, "/a", name="a")
        app.add_route(h, "/p/<x>", name="p")
        app.add_route(h, "/i/<n:int>", name="i")
        app.add_route(h, "/f/<f:ext=txt|md>", name="f")
        app.add_route(h, "/w/<rest:path>", name="w")
        app.add_route(h, "/hosted", name="hosted", host="h.test")
        app.add_route(h, "/ver", name="ver", version=2)
        app.static("/st", "/tmp", name="static")
        bp = Blueprint("bp", url_prefix="/bpx", version=1)
        bp.add_route(h, "/b", name="b")
        app.blueprint(bp)

        @app.get("/go")
        async def go(request):
            out = []
            for name, kw, who in a["calls"]:
                if who == "request":
                    out.append(_safe(lambda n=name, k=kw: request.url_for(n, **k)))
                else:
                    out.append(_safe(lambda n=name, k=kw: app.url_for(n, **k)))
            parts = {}
            for p in ("url", "scheme", "host", "server_name", "server_port", "server_path"):
                parts[p] = _safe(lambda p=p: getattr(request, p))
            return response.json({"calls": out, "parts": parts})

        async def run():
            hs = {k: v for k, v in a["headers"]}
            _, resp = await app.asgi_client.get("/go", headers=hs)
            if resp.status != 200:
                return [resp.status, resp.text[:200]]
            return resp.json

        return self.run(run())

    # err_origin --------------------------------------------------------------------
    def op_err_origin(self, a):
        from apidiff import page

        from sanic import Blueprint, response

        config = dict(a["config"])
        debug = config.pop("DEBUG", False)
        app = self._app8("eo", **config)
        if debug:
            from sanic.application.constants import Mode

            app.state.mode = Mode.DEBUG
        where = a["where"]

        def boom():
            raise _make_exc(a["exc"])

        kw = {"error_format": a["route_fmt"]} if a["route_fmt"] else {}
        if a["returns_json"]:

            async def handler(request):
                if where == "handler":
                    boom()
                return response.json({"ok": 1})

        else:

            async def handler(request):
                if where == "handler":
                    boom()
                return response.text("ok")

        bp = Blueprint("eobp", url_prefix="/bp")
        if where.startswith("bp_"):
            bp.add_route(handler, "/x", methods=["GET", "POST"], **kw)
            path = "/bp/x"
        else:
            app.add_route(handler, "/x", methods=["GET", "POST"], **kw)
            path = "/x"
        if where == "req_mw":
            app.on_request(lambda request: boom())
        elif where == "resp_mw":

            @app.on_response
            async def rmw(request, resp):
                boom()

        elif where == "bp_req_mw":
            bp.on_request(lambda request: boom())
        elif where == "bp_resp_mw":

            @bp.on_response
            async def brmw(request, resp):
                boom()

        elif where == "exc_handler":

            @app.route("/y", methods=["GET", "POST"], **kw)
            async def y(request):
                raise KeyError("first")

            @app.exception(KeyError)
            async def on_key(request, e):
                boom()

            path = "/y"
        elif where.startswith("sig_"):
            event = {
                "sig_request": "http.lifecycle.request",
                "sig_handle": "http.lifecycle.handle",
                "sig_routing_after": "http.routing.after",
                "sig_handler_before": "http.handler.before",
                "sig_handler_after": "http.handler.after",
                "sig_response": "http.lifecycle.response",
            }[where]

            @app.signal(event)
            async def sig(**kw):
                boom()

        elif where in ("respond_then_raise", "stream_then_raise"):

            @app.route("/y", methods=["GET", "POST"], **kw)
            async def y2(request):
                if where == "respond_then_raise":
                    await request.respond(response.text("first"))
                else:
                    r = await request.respond(content_type="text/plain")
                    await r.send("part")
                boom()

            path = "/y"
        elif where == "both_mw":

            @app.route("/y", methods=["GET", "POST"], **kw)
            async def y3(request):
                raise KeyError("first")

            @app.on_response
            async def rmw2(request, resp):
                boom()

            path = "/y"
        elif where in ("exc_handler_none", "all_exc_handler"):

            @app.route("/y", methods=["GET", "POST"], **kw)
            async def y4(request):
                boom()

            if where == "exc_handler_none":
                app.exception(Exception)(lambda request, e: None)
            else:

                @app.all_exceptions
                async def on_all(request, e):
                    return response.json({"caught": type(e).__name__}, status=599)

            path = "/y"
        elif where == "not_found":
            path = "/nothing"
        elif where == "bad_method":
            a = dict(a, method="PUT")
        app.blueprint(bp)

        async def go():
            hs = {}
            if a["accept"] is not None:
                hs["accept"] = a["accept"]
            if a["ctype"] is not None:
                hs["content-type"] = a["ctype"]
            body = a["body"].encode() if a["body"] is not None and a["method"] != "GET" else None
            _, resp = await app.asgi_client.request(
                a["method"].lower(), path, headers=hs, content=body
            )
            return {
                "status": resp.status,
                "headers": _headers(resp),
                "body": _no_frames(page(resp)),
            }

        return self.run(go())

    # ws_reg ------------------------------------------------------------------------
    def op_ws_reg(self, a):
        from sanic import Blueprint, response

        app = self._app8("ws")
        bp = Blueprint(f"wsbp{self.n}", url_prefix="/bp")
        out = {"regs": []}
        for r in a["regs"]:
            kw = dict(r["kw"])
            if isinstance(kw.get("subprotocols"), list) and kw["subprotocols"] == ["x"]:
                kw["subprotocols"] = ("x",)
            if r["handler"] == "async":

                async def h(request, ws, **kw):
                    pass

            elif r["handler"] == "sync":

                def h(request, ws, **kw):
                    pass

            else:

                async def h(request):
                    return response.text("one")

            h.__name__ = r["uri"].strip("/").split("/")[0] or "root"
            how = r["how"]

            def reg(how=how, h=h, kw=kw, r=r):
                if how == "app_deco":
                    return app.websocket(r["uri"], **kw)(h)
                if how == "app_add":
                    return app.add_websocket_route(h, r["uri"], **kw)
                if how == "route_ws":
                    kw.pop("subprotocols", None)
                    return app.route(r["uri"], websocket=True, **kw)(h)
                if how == "bp_deco":
                    return bp.websocket(r["uri"], **kw)(h)
                if how == "bp_add":
                    return bp.add_websocket_route(h, r["uri"], **kw)
                kw.pop("subprotocols", None)

                async def plain(request, **k):
                    return response.text("plain")

                return app.add_route(plain, "/same", **kw)

            def reg_pic(reg=reg):
                ret = reg()
                return "handler" if callable(ret) else type(ret).__name__

            out["regs"].append(_safe(reg_pic))
        try:
            app.blueprint(bp)
        except Exception as e:
            out["bp"] = _exc(e)

        async def go():
            res = []
            for method, path, host, upgrade in a["requests"]:
                hs = {"host": host} if host else {}
                if upgrade:
                    hs.update({"upgrade": "websocket", "connection": "upgrade"})
                try:
                    _, resp = await app.asgi_client.request(method.lower(), path, headers=hs)
                    res.append([method, path, resp.status, resp.text[:80]])
                except Exception as e:
                    res.append([method, path, _exc(e)])
            return res

        try:
            out["reqs"] = self.run(go())
        except Exception as e:
            out["reqs"] = _exc(e)
        out["urls"] = [
            _safe(
                lambda n=n: app.url_for(
                    f"{app.name}.{n}", _external=True, _scheme="ws", _server="s.test"
                )
            )
            for n in a["urls"]
        ]
        out["table"] = sorted(
            [
                r.path,
                r.name,
                sorted(r.methods),
                bool(getattr(r.extra, "websocket", None)),
                sorted(str(h) for h in (getattr(r.extra, "hosts", None) or [])),
            ]
            for r in app.router.routes
        )
        return out

    # route_wire8 -------------------------------------------------------------------
    def op_route_wire8(self, a):
        from sanic import response

        app = self._app8("rw")
        regs = []
        for r in a["routes"]:

            async def h(request, **kw):
                return response.json(
                    [
                        request.route.name.split(".", 1)[1],
                        {k: [type(v).__name__, str(v)] for k, v in kw.items()},
                    ]
                )

            def reg(r=r, h=h):
                app.add_route(h, r["uri"], name=f"r{r['i']}", **r["kw"])
                return "ok"

            regs.append(_safe(reg))

        async def go():
            res = []
            for method, path, host in a["requests"]:
                hs = {"host": host} if host else {}
                try:
                    _, resp = await app.asgi_client.request(method.lower(), path, headers=hs)
                    body = resp.text if resp.status == 200 else resp.text[:60]
                    res.append([resp.status, body])
                except Exception as e:
                    res.append(_exc(e))
            return res

        try:
            reqs = self.run(go())
        except Exception as e:
            reqs = _exc(e)
        return {"regs": regs, "requests": reqs}

    # file_names --------------------------------------------------------------------
    def _fn_root(self):
        import os

        root = "/tmp/apidiff_files8"
        if not getattr(self, "_fn_ready", False):
            os.makedirs(root, exist_ok=True)
            from apidiff_cases8 import FN_FILES

            for name in FN_FILES:
                p = os.path.join(root, name)
                with open(p, "wb") as fh:
                    fh.write(b"0123456789")
                os.utime(p, (1600000000, 1600000000))
            self._fn_ready = True
            app = self._fn_app = self._app8("fn")

            @app.post("/f")
            async def serve(request):
                spec = request.json
                return await self._fn_make(spec)

        return root

    async def _fn_make(self, a):
        from pathlib import Path

        from sanic import response

        loc = "/tmp/apidiff_files8/" + a["file"]
        if a["path_kind"] == "Path":
            loc = Path(loc)
        return await getattr(response, a["how"])(loc, **a["kw"])

    def op_file_names(self, a):
        self._fn_root()
        if not a["wire"]:

            async def direct():
                r = await self._fn_make(a)
                return {
                    "type": type(r).__name__,
                    "status": r.status,
                    "ctype": str(r.content_type),
                    "headers": _headers(r, drop=()),
                }

            return self.run(direct())

        async def go():
            _, resp = await self._fn_app.asgi_client.post("/f", content=json.dumps(a))
            return {"status": resp.status, "headers": _headers(resp), "body": resp.text[:80]}

        return self.run(go())

    # req_current -------------------------------------------------------------------
    def op_req_current(self, a):
        import asyncio

        from sanic import Blueprint, response
        from sanic.request import Request
        from sanic.views import HTTPMethodView

        app = self._app8("rc")
        bp = Blueprint(f"rcbp{self.n}", url_prefix="/bp")
        seen = {}
        wheres = set(a["wheres"])

        def look(where, req=None):
            if where not in wheres:
                return

            def cur():
                c = Request.get_current()
                if req is not None:
                    return ["same" if c is req else type(c).__name__, str(c.path)]
                return [type(c).__name__, str(c.path)]

            seen.setdefault(where, []).append(_safe(cur))

        if "outside" in wheres:
            look("outside")

        async def handler(request):
            look("handler", request)
            if "task_awaited" in wheres:

                async def t():
                    look("task_awaited", request)

                await asyncio.create_task(t())
            if a["raise"]:
                raise KeyError("k")
            return response.text("ok")

        app.add_route(handler, "/c")
        bp.add_route(handler, "/c")

        class V(HTTPMethodView):
            async def get(self, request):
                look("view", request)
                return response.text("v")

        app.add_route(V.as_view(), "/view")

        @app.on_request
        async def rq(request):
            look("req_mw", request)

        @app.on_response
        async def rs(request, resp):
            look("resp_mw", request)

        @bp.on_request
        async def brq(request):
            look("bp_mw", request)

        @app.exception(KeyError, Exception)
        async def on_exc(request, e):
            look("exc_handler", request)
            from sanic.exceptions import SanicException

            if isinstance(e, SanicException):
                return response.text(f"exc {e.status_code}", status=e.status_code)
            return response.text("exc", status=500)

        @app.signal("http.lifecycle.handle")
        async def sig(request, **kw):
            look("sig_handle", request)

        app.blueprint(bp)

        async def go():
            _, resp = await app.asgi_client.get(a["path"])
            return [resp.status, resp.text[:60]]

        res = self.run(go())
        look("after")
        return {"resp": res, "seen": sorted([k, v] for k, v in seen.items())}

    # sig_events --------------------------------------------------------------------
    def op_sig_events(self, a):
        import asyncio

        from sanic import Blueprint, response

        app = self._app8("se")
        bp = Blueprint(f"sebp{self.n}", url_prefix="/bp")
        seen = []

        @app.get("/ok")
        async def ok(request):
            seen.append(["handler"])
            return response.text("ok")

        @app.route("/boom", methods=["GET", "POST"])
        async def boom(request):
            raise ValueError("boom")

        @app.get("/caught")
        async def caught(request):
            raise KeyError("k")

        @app.exception(KeyError)
        async def on_key(request, e):
            return response.text("caught", status=418)

        @app.get("/stream")
        async def stream(request):
            r = await request.respond(content_type="text/plain")
            await r.send("a")
            await r.send("b")
            await r.eof()

        @app.get("/json")
        async def js(request):
            return response.json({"a": 1})

        @bp.get("/ok")
        async def bpok(request):
            return response.text("bp")

        app.blueprint(bp)
        if a["middleware"]:

            @app.on_request
            async def rq(request):
                seen.append(["mw_request"])

            @app.on_response
            async def rs(request, resp):
                seen.append(["mw_response"])

        def picture(v):
            name = type(v).__name__
            return name if name in ("Request", "HTTPResponse", "Route") else name

        for event in a["events"]:

            async def sig(event=event, **kw):
                seen.append([event, sorted([k, picture(v)] for k, v in kw.items())])

            app.signal(event)(sig)

        async def go():
            res = []
            for method, path in a["requests"]:
                seen.clear()
                body = a["body"].encode() if a["body"] and method in ("POST", "PUT") else None
                try:
                    _, resp = await app.asgi_client.request(method.lower(), path, content=body)
                    status = resp.status
                except Exception as e:
                    status = _exc(e)
                for _ in range(5):
                    await asyncio.sleep(0)
                res.append([method, path, status, list(seen)])
            return res

        return self.run(go())
