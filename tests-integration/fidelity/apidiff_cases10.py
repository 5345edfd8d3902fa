"""Tenth-round areas for ``apidiff.py``: public helpers that users (and plugins) call
directly, which the earlier areas reach only through a server, if at all.

``range_direct``: ``ContentRangeHandler(request, stats)`` built by hand from a ``Range``
field and a file size, its attributes or the exception, and the ``file``/``file_stream``
response made with it. ``file_cond``: ``validate_file(headers, last_modified)`` and
``file(..., request_headers=...)`` under odd ``If-Modified-Since`` values and
``last_modified`` types. ``err_render``: ``sanic.errorpages``: ``exception_response`` with
each renderer, a user's ``BaseRenderer`` subclass, ``ErrorHandler(base=...)``,
``guess_mime`` and ``check_error_format``. ``late_reg``: registering routes, middleware,
handlers, signals and blueprints once the app has served (with and without
``app.amend()``). ``bp_copy``: ``Blueprint.copy`` with every keyword, before and after
registration. ``report_exc``: ``app.report_exception`` handlers and which errors reach
them. ``run_enums``: ``sanic.application.constants`` and ``sanic.http.constants``.
``fwd_addr``: ``fwd_normalize_address``.

Generators (``GENERATORS10``) are run by the driver; the worker's operations (``Ops10``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

RD_POS = ["", "0", "1", "5", "9", "10", "11", "99", "100", "200", "-1", " 3", "03", "+1", "1e1"]
RD_FIXED = [
    None,
    "",
    "bytes=",
    "bytes=-",
    "bytes=0-",
    "bytes=-0",
    "bytes=0-0",
    "bytes=0-1,3-4",
    "bytes=0-1, 3-4",
    "items=0-1",
    "Bytes=0-1",
    "BYTES=0-1",
    "bytes 0-1",
    "bytes=1-2-3",
    "bytes=a-b",
    "=0-1",
    "bytes=--1",
    "bytes=0--1",
    "bytes = 0-1",
    "bytes=\t1-2",
]


def gen_range_direct(rng):
    if rng.random() < 0.35:
        value = rng.choice(RD_FIXED)
    else:
        value = "bytes=" + rng.choice(RD_POS) + "-" + rng.choice(RD_POS)
    return {
        "size": rng.choice([0, 1, 10, 100]),
        "range": value,
        "respond": rng.choice([None, "file", "file_stream"]),
        "chunk": rng.choice([1, 3, 4096]),
    }


FC_IMS = [
    "Sat, 02 Jan 2021 03:04:05 GMT",
    "Sat, 02 Jan 2021 03:04:04 GMT",
    "Sat, 02 Jan 2021 03:04:06 GMT",
    "Sat, 02 Jan 2021 04:04:05 GMT",
    "Fri, 01 Jan 2021 03:04:05 GMT",
    "Saturday, 02-Jan-21 03:04:05 GMT",
    "Sat Jan  2 03:04:05 2021",
    "sat, 02 jan 2021 03:04:05 gmt",
    "Sat, 02 Jan 2021 03:04:05 +0000",
    "Sat, 02 Jan 2021 05:04:05 +0200",
    "Sat, 02 Jan 2021 03:04:05 UTC",
    "Sat, 02 Jan 2021 03:04:05",
    "02 Jan 2021 03:04:05 GMT",
    "Sun, 02 Jan 2021 03:04:05 GMT",
    " Sat, 02 Jan 2021 03:04:05 GMT ",
    "Sat, 02 Jan 2021 03:04:05 GMT, Fri, 01 Jan 2021 03:04:05 GMT",
    "Mon, 01 Jan 1900 00:00:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "",
    "garbage",
    "0",
    "1609556645",
]
FC_LAST = ["aware", "naive", "plus2", "float", "float_frac", "int", "zero", "micro"]


def gen_file_cond(rng):
    headers = []
    if rng.random() < 0.9:
        headers.append(["if-modified-since", rng.choice(FC_IMS)])
    if rng.random() < 0.2:
        headers.append(["if-none-match", rng.choice(['"x"', "*", 'W/"y"'])])
    return {
        "headers": headers,
        "last": rng.choice(FC_LAST),
        "via": rng.choice(["validate", "validate", "file"]),
    }


ER_EXCS = [
    ["NotFound", ["Nope"]],
    ["SanicException", ["Teapot", {"status_code": 418}]],
    ["SanicException", ["Ctx", {"status_code": 400, "context": {"a": 1}, "extra": {"b": 2}}]],
    ["ServerError", ["Boom"]],
    ["Unauthorized", ["Who", {"scheme": "Basic", "realm": "r"}]],
    ["MethodNotAllowed", ["No", "PUT", ["GET"]]],
    ["ValueError", ["plain"]],
    ["KeyError", ["k"]],
    ["SanicException", [""]],
    ["NotFound", []],
    ["BadRequest", ["<b>&amp;</b>", {"quiet": False}]],
]
ER_RENDER = ["HTMLRenderer", "JSONRenderer", "TextRenderer", "custom", "custom_text"]
ER_ACCEPT = [None, "text/html", "application/json", "text/plain", "*/*", "image/png"]


def gen_err_render(rng):
    kind = rng.choice(
        ["response", "response", "handler", "guess", "check", "attrs", "eh_response", "eh_default"]
    )
    out = {"kind": kind, "exc": rng.choice(ER_EXCS), "debug": rng.random() < 0.3}
    out["raised"] = rng.random() < 0.5
    out["fallback"] = rng.choice(["auto", "html", "json", "text", "base", "", "bogus"])
    out["base"] = rng.choice(ER_RENDER)
    out["renderer"] = rng.choice([None, None, *ER_RENDER])
    out["accept"] = rng.choice(ER_ACCEPT)
    out["ctype"] = rng.choice([None, "application/json", "text/plain"])
    out["route_format"] = rng.choice([None, None, "json", "html", "text"])
    out["formats"] = rng.sample(
        ["auto", "html", "json", "text", "base", "", "JSON", "xml", "html ", None, 1], 3
    )
    return out


LR_ACTIONS = [
    "route",
    "route_same",
    "middleware_req",
    "middleware_resp",
    "exception",
    "signal",
    "blueprint",
    "listener",
    "static",
    "add_route",
    "on_request",
    "error_handler_add",
    "websocket",
]


def gen_late_reg(rng):
    return {
        "actions": [[rng.choice(LR_ACTIONS), rng.random() < 0.5] for _ in range(rng.randint(1, 3))],
        "first": rng.choice(["request", "finalize", "none"]),
        "requests": rng.sample(["/a", "/b", "/bp/c", "/s/f10.txt", "/miss"], 3),
    }


BC_NAMES = ["bp2", "bp", "bp_copy", "c-1"]
BC_BAD_NAMES = ["b.c", "", "Bé"]  # refused by Hurtle (kept), so drawn less often
BC_PREFIX = [None, "", "/", "/p", "/q/", "q", "/p/<x:int>"]


def gen_bp_copy(rng):
    orig = {}
    if rng.random() < 0.6:
        orig["url_prefix"] = rng.choice(["/o", "/o/", "o", "/"])
    if rng.random() < 0.3:
        orig["version"] = rng.choice([1, 2, "3"])
    if rng.random() < 0.2:
        orig["strict_slashes"] = rng.choice([True, False])
    if rng.random() < 0.2:
        orig["version_prefix"] = rng.choice(["/api/v", "/x"])
    kw = {}
    for key, values in (
        ("url_prefix", BC_PREFIX),
        ("version", [None, 1, 5, "v9", 1.5]),
        ("version_prefix", ["/v", "/api/v", ""]),
        ("allow_route_overwrite", [True, False]),
        ("strict_slashes", [None, True, False]),
        ("with_registration", [True, False]),
        ("with_ctx", [True, False]),
    ):
        if rng.random() < 0.4:
            kw[key] = rng.choice(values)
    paths = ["/r", "/r/", "/s/1", "/o/r", "/o/s/1", "/v1/o/r", "/p/r", "/q/r", "/v5/p/r"]
    paths += ["/v1/r", "/v9/r", "/api/v5/p/r", "/v5/r", "/p/3/r", "/x1/o/r", "/api/v1/o/r"]
    return {
        "orig": orig,
        "name": rng.choice(BC_BAD_NAMES if rng.random() < 0.1 else BC_NAMES),
        "kw": kw,
        "register": rng.choice(["none", "orig", "copy", "both", "copy_then_orig"]),
        "reg_opts": rng.choice([{}, {}, {"url_prefix": "/g"}, {"version": 7}]),
        "copy_twice": rng.random() < 0.15,
        "requests": rng.sample(paths, 4),
    }


RE_WHERE = [
    "handler",
    "handler_sanic",
    "notfound",
    "request_mw",
    "response_mw",
    "exc_handler",
    "caught",
    "task",
    "signal",
    "ok",
]


def gen_report_exc(rng):
    return {
        "handlers": rng.randint(0, 3),
        "sync": rng.random() < 0.2,
        "raising": rng.random() < 0.15,
        "where": [rng.choice(RE_WHERE) for _ in range(rng.randint(1, 3))],
        "bp": rng.random() < 0.2,
    }


ENUM_EXPRS = [
    "list(AC.Mode)",
    "[str(m) for m in AC.Mode]",
    "[repr(m) for m in AC.Mode]",
    "[format(m) for m in AC.Mode]",
    "f'{AC.Mode.DEBUG}'",
    "AC.Mode.DEBUG == 'debug'",
    "AC.Mode.DEBUG == 'DEBUG'",
    "AC.Mode('debug')",
    "AC.Mode('DEBUG')",
    "AC.Mode['DEBUG']",
    "AC.Mode['debug']",
    "AC.Mode.PRODUCTION.value",
    "AC.Mode.PRODUCTION.name",
    "hash(AC.Mode.DEBUG) == hash('debug')",
    "'debug' in {AC.Mode.DEBUG}",
    "AC.Mode.DEBUG in ['debug']",
    "sorted(AC.Mode)",
    "json.dumps(AC.Mode.DEBUG)",
    "AC.Mode.DEBUG.upper()",
    "isinstance(AC.Mode.DEBUG, str)",
    "list(AC.Server)",
    "[str(m) for m in AC.Server]",
    "AC.Server('asgi')",
    "AC.Server('ASGI')",
    "AC.Server.ASGI == 'asgi'",
    "[m.value for m in AC.Server]",
    "list(AC.ServerStage)",
    "[str(m) for m in AC.ServerStage]",
    "[repr(m) for m in AC.ServerStage]",
    "AC.ServerStage.SERVING > AC.ServerStage.STOPPED",
    "AC.ServerStage(2)",
    "AC.ServerStage.PARTIAL == 2",
    "int(AC.ServerStage.SERVING)",
    "sorted(AC.ServerStage, reverse=True)",
    "AC.ServerStage['PARTIAL']",
    "AC.ServerStage(4)",
    "list(HC.Stage)",
    "[str(m) for m in HC.Stage]",
    "[repr(m) for m in HC.Stage]",
    "HC.Stage(3)",
    "HC.Stage(2)",
    "HC.Stage.IDLE == 0",
    "bool(HC.Stage.IDLE)",
    "HC.Stage.FAILED.value",
    "HC.Stage.HANDLER < HC.Stage.RESPONSE",
    "[m.name for m in HC.Stage]",
    "list(HC.HTTP)",
    "[str(m) for m in HC.HTTP]",
    "[repr(m) for m in HC.HTTP]",
    "HC.HTTP(1)",
    "HC.HTTP(2)",
    "HC.HTTP.VERSION_1 == 1",
    "HC.HTTP.VERSION_3 + 0",
    "f'{HC.HTTP.VERSION_3}'",
    "json.dumps(HC.HTTP.VERSION_1)",
    "HC.HTTP['VERSION_3']",
    "len(HC.HTTP)",
    "len(AC.Mode) + len(AC.Server) + len(AC.ServerStage) + len(HC.Stage)",
    "[c.__name__ for c in type(AC.Mode.DEBUG).__mro__ if c.__module__ == 'builtins']",
    "[c.__name__ for c in type(HC.Stage.IDLE).__mro__ if c.__module__ == 'builtins']",
]


def gen_run_enums(rng):
    return {"calls": rng.sample(ENUM_EXPRS, rng.randint(3, 10))}


FA_ADDRS = [
    "1.2.3.4",
    "01.2.3.4",
    "1.2.3.4:80",
    "::1",
    "[::1]",
    "[::1]:80",
    "::FFFF:1.2.3.4",
    "2001:DB8::1",
    "[2001:db8::1",
    "unknown",
    "UNKNOWN",
    "_hidden",
    "_Hidden-X",
    "_a b",
    "",
    " 1.2.3.4 ",
    "localhost",
    "LocalHost",
    "é.example",
    "_",
    "a_b",
    "1.2.3.256",
    "[]",
    "::",
    "fe80::1%eth0",
    "1.2.3.4\t",
    "-",
    "_é",
]


def gen_fwd_addr(rng):
    return {"addrs": rng.sample(FA_ADDRS, rng.randint(1, 5))}


GENERATORS10 = {
    "range_direct": gen_range_direct,
    "file_cond": gen_file_cond,
    "err_render": gen_err_render,
    "late_reg": gen_late_reg,
    "bp_copy": gen_bp_copy,
    "report_exc": gen_report_exc,
    "run_enums": gen_run_enums,
    "fwd_addr": gen_fwd_addr,
}
SLOW10: dict[str, float] = {"late_reg": 0.5, "bp_copy": 0.5, "report_exc": 0.5}

# --------------------------------------------------------------------------- worker side

FILES10 = "/tmp/apidiff_files10"


def _files10():
    import os

    os.makedirs(FILES10, exist_ok=True)
    for size in (0, 1, 10, 100):
        path = f"{FILES10}/f{size}.txt"
        if not os.path.exists(path):
            with open(path, "wb") as fh:
                fh.write(bytes(48 + i % 10 for i in range(size)))
        os.utime(path, (1609556645, 1609556645))


def _safe(fn):
    from apidiff_cases8 import _safe as safe8

    return safe8(fn)


def _resp_pic(r):
    """An HTTPResponse as the client would read it, without its date."""
    from apidiff import norm

    hs = sorted([k.lower(), str(v)] for k, v in r.headers.items() if k.lower() != "date")
    return {"status": r.status, "ctype": norm(r.content_type), "headers": hs, "body": norm(r.body)}


def _last_modified(kind):
    import datetime as dt

    utc = dt.timezone.utc
    return {
        "aware": dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=utc),
        "naive": dt.datetime(2021, 1, 2, 3, 4, 5),
        "plus2": dt.datetime(2021, 1, 2, 5, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        "float": 1609556645.0,
        "float_frac": 1609556645.7,
        "int": 1609556645,
        "zero": 0,
        "micro": dt.datetime(2021, 1, 2, 3, 4, 5, 500000, tzinfo=utc),
    }[kind]


def _renderers():
    from sanic import errorpages as EP
    from sanic.response import text

    class Custom(EP.BaseRenderer):
        def full(self):
            return text(f"FULL|{self.title}|{self.text}|{self.status}|{sorted(self.headers)}")

        def minimal(self):
            return text(f"MIN|{self.title}|{self.text}|{self.status}", status=self.status)

    class CustomText(EP.TextRenderer):
        def full(self):
            return text(f"TFULL|{self.title}")

    return {
        "HTMLRenderer": EP.HTMLRenderer,
        "JSONRenderer": EP.JSONRenderer,
        "TextRenderer": EP.TextRenderer,
        "custom": Custom,
        "custom_text": CustomText,
    }


def _page10(r):
    """An error response: HTML by its title, JSON parsed, text without traceback frames."""
    import json
    import re

    pic = _resp_pic(r)
    body = r.body.decode("utf-8", "replace") if isinstance(r.body, bytes) else str(r.body)
    ctype = str(r.content_type or "")
    if "html" in ctype:
        m = re.search(r"<title>(.*?)</title>", body, re.S)
        pic["body"] = {"title": m.group(1) if m else body[:80]}
    elif "json" in ctype:
        try:
            data = json.loads(body)
            if isinstance(data, dict):
                for item in data.get("exceptions", ()):
                    item["frames"] = len(item.get("frames", ()))
            pic["body"] = {"json": json.dumps(data, sort_keys=True)}
        except ValueError:
            pic["body"] = body
    else:
        pic["body"] = re.sub(r"\n    File [^\n]*\n    [^\n]*\n", "\n", body)
    pic["headers"] = [h for h in pic["headers"] if h[0] != "content-length"]
    return pic


class Ops10:
    # range_direct -----------------------------------------------------------------
    def op_range_direct(self, a):
        import os

        from apidiff_cases8 import _exc

        from sanic import response
        from sanic.compat import Header
        from sanic.handlers import ContentRangeHandler
        from sanic.request import Request

        _files10()
        app = self._app8("rd")
        hs = [("range", a["range"])] if a["range"] is not None else []
        req = Request(b"/f", Header(hs), "1.1", "GET", None, app)
        path = f"{FILES10}/f{a['size']}.txt"
        try:
            h = ContentRangeHandler(req, os.stat(path))
        except Exception as e:
            info = _exc(e)
            info["status"] = getattr(e, "status_code", None)
            info["headers"] = sorted(dict(getattr(e, "headers", None) or {}).items())
            return {"handler": info}
        out = {
            "handler": [h.start, h.end, h.size, h.total, sorted(dict(h.headers).items()), bool(h)]
        }
        if a["respond"] == "file":
            r = self.run(response.file(path, _range=h))
            out["resp"] = _resp_pic(r)
        elif a["respond"] == "file_stream":
            # A streamed body is only read through a server: the handler streams the same
            # file with a handler built from the request the client sent.
            @app.get("/f")
            async def fs(request):
                rng = ContentRangeHandler(request, os.stat(path))
                return await response.file_stream(path, chunk_size=a["chunk"], _range=rng)

            async def go():
                _, resp = await app.asgi_client.get("/f", headers=hs and {"range": hs[0][1]})
                headers = sorted(
                    [k.lower(), v]
                    for k, v in resp.headers.items()
                    if k.lower() not in ("content-length", "date")
                )
                return [resp.status, headers, resp.text]

            out["resp"] = _safe(lambda: self.run(go()))
        return out

    # file_cond --------------------------------------------------------------------
    def op_file_cond(self, a):
        from sanic import response
        from sanic.compat import Header

        _files10()
        headers = Header([tuple(h) for h in a["headers"]])
        last = _last_modified(a["last"])
        if a["via"] == "validate":

            def go():
                r = self.run(response.validate_file(headers, last))
                return None if r is None else _resp_pic(r)

            return _safe(go)

        def go_file():
            r = self.run(
                response.file(f"{FILES10}/f10.txt", request_headers=headers, last_modified=last)
            )
            return _resp_pic(r)

        return _safe(go_file)

    # err_render -------------------------------------------------------------------
    def op_err_render(self, a):
        from apidiff_cases8 import _exc, _make_exc

        from sanic import errorpages as EP
        from sanic import response
        from sanic.handlers import ErrorHandler

        rend = _renderers()
        kind = a["kind"]
        if kind == "check":
            return [_safe(lambda f=f: EP.check_error_format(f)) for f in a["formats"]]
        app = self._app8("er")
        if kind == "handler":
            try:
                app.error_handler = ErrorHandler(base=rend[a["base"]])
            except Exception as e:
                return {"init": _exc(e)}
            if a["debug"]:
                app.debug = True
        out = {}
        kw = {"error_format": a["route_format"]} if a["route_format"] else {}

        @app.route("/e", methods=["GET", "POST"], **kw)
        async def boom(request):
            exc = _make_exc(a["exc"])
            if kind == "handler":
                raise exc
            if kind == "guess":
                out["guess"] = [_safe(lambda f=f: EP.guess_mime(request, f)) for f in a["formats"]]
                return response.text("g")
            if kind == "attrs":
                for name, cls in [("BaseRenderer", EP.BaseRenderer), *rend.items()]:
                    page = cls(request, exc, a["debug"])
                    out[name] = [
                        _safe(lambda p=page: p.title),
                        _safe(lambda p=page: p.text),
                        _safe(lambda p=page: p.status),
                        _safe(lambda p=page: sorted(dict(p.headers).items())),
                    ]
                return response.text("a")
            if kind in ("eh_response", "eh_default"):
                handler = app.error_handler
                if a["raised"]:
                    try:
                        raise exc
                    except Exception as e:
                        exc = e
                try:
                    fn = handler.response if kind == "eh_response" else handler.default
                    r = fn(request, exc)
                    if hasattr(r, "__await__"):
                        r = await r
                    out["page"] = _page10(r)
                except Exception as e:
                    out["page"] = _exc(e)
                return response.text("done")
            if a["raised"]:
                try:
                    raise exc
                except Exception as e:
                    exc = e
            renderer = rend[a["renderer"]] if a["renderer"] else None
            try:
                r = EP.exception_response(
                    request, exc, a["debug"], a["fallback"], rend[a["base"]], renderer
                )
                out["page"] = _page10(r)
            except Exception as e:
                out["page"] = _exc(e)
            return response.text("done")

        headers = {}
        if a["accept"]:
            headers["accept"] = a["accept"]
        if a["ctype"]:
            headers["content-type"] = a["ctype"]

        async def go():
            _, resp = await app.asgi_client.post("/e", headers=headers, content=b"{}")
            return resp

        try:
            resp = self.run(go())
        except Exception as e:
            return {"client": _exc(e)}
        if kind == "handler":
            import re

            ctype = resp.headers.get("content-type", "")
            body = resp.text
            if "html" in ctype:
                m = re.search(r"<title>(.*?)</title>", body, re.S)
                body = {"title": m.group(1) if m else body[:80]}
            else:
                body = re.sub(r"\n    File [^\n]*\n    [^\n]*\n", "\n", body)
                if "json" in ctype:
                    body = re.sub(r'"frames":\s*\[.*?\]', '"frames":[]', body, flags=re.S)
            out["resp"] = [resp.status, ctype, body]
        return out

    # late_reg ---------------------------------------------------------------------
    def op_late_reg(self, a):
        import contextlib

        from apidiff_cases8 import _exc

        from sanic import Blueprint, response

        _files10()
        app = self._app8("lr")
        trail = []

        @app.get("/a")
        async def a_(request):
            return response.text("a")

        async def req(path):
            _, resp = await app.asgi_client.get(path)
            return [path, resp.status, resp.text[:60], resp.headers.get("x-mw")]

        out = {}
        if a["first"] == "request":
            out["first"] = _safe(lambda: self.run(req("/a")))
        elif a["first"] == "finalize":
            out["first"] = _safe(lambda: app.router.finalize())
        steps = []
        for action, amend in a["actions"]:
            ctx = app.amend() if amend else contextlib.nullcontext()
            try:
                with ctx:
                    if action == "route":

                        @app.get("/b")
                        async def b_(request):
                            return response.text("b")

                    elif action == "route_same":

                        @app.get("/a", name="again")
                        async def a2(request):
                            return response.text("a2")

                    elif action == "add_route":

                        async def b3(request):
                            return response.text("b3")

                        app.add_route(b3, "/b")
                    elif action == "websocket":

                        @app.websocket("/b")
                        async def bw(request, ws):
                            pass

                    elif action == "middleware_req":

                        @app.middleware("request")
                        async def mw(request):
                            trail.append("req")

                    elif action == "on_request":

                        @app.on_request
                        async def mw2(request):
                            return response.text("early")

                    elif action == "middleware_resp":

                        @app.middleware("response")
                        async def mw3(request, resp):
                            resp.headers["x-mw"] = "1"

                    elif action == "exception":
                        from sanic.exceptions import NotFound

                        @app.exception(NotFound)
                        async def nf(request, exc):
                            return response.text("caught nf", status=404)

                    elif action == "error_handler_add":
                        from sanic.exceptions import NotFound

                        async def nf2(request, exc):
                            return response.text("caught nf2", status=404)

                        app.error_handler.add(NotFound, nf2)
                    elif action == "signal":

                        @app.signal("http.lifecycle.request")
                        async def sig(request):
                            trail.append("sig")

                    elif action == "blueprint":
                        bp = Blueprint(f"bp{len(steps)}", url_prefix="/bp")

                        @bp.get("/c")
                        async def c_(request):
                            return response.text("c")

                        app.blueprint(bp)
                    elif action == "listener":

                        @app.before_server_start
                        async def ls(app_):
                            trail.append("listener")

                    elif action == "static":
                        app.static("/s", FILES10, name=f"st{len(steps)}")
                steps.append([action, amend, "ok"])
            except Exception as e:
                steps.append([action, amend, _exc(e)])
        out["steps"] = steps

        async def go():
            res = []
            for path in a["requests"]:
                trail.clear()
                r = await req(path)
                res.append([*r, list(trail)])
            return res

        out["requests"] = _safe(lambda: self.run(go()))
        return out

    # bp_copy ----------------------------------------------------------------------
    def op_bp_copy(self, a):
        from apidiff_cases8 import _exc

        from sanic import Blueprint, response

        app = self._app8("bc")
        bp = Blueprint("bp", **a["orig"])
        bp.ctx.v = 1

        @bp.get("/r")
        async def r_(request):
            return response.text(f"r {request.route.name}")

        @bp.get("/s/<n:int>")
        async def s_(request, n, **kw):
            return response.text(f"s {request.route.name} {n}")

        @bp.on_response
        async def tag(request, resp):
            resp.headers["x-bp"] = request.route.name if request.route else "-"

        out = {}
        reg = []

        def register(which, b):
            try:
                app.blueprint(b, **a["reg_opts"])
                reg.append([which, "ok"])
            except Exception as e:
                reg.append([which, _exc(e)])

        if a["register"] in ("orig", "both"):
            register("orig", bp)
        try:
            cp = bp.copy(a["name"], **a["kw"])
            if a["copy_twice"]:
                cp = cp.copy(a["name"] + "x", **a["kw"])
        except Exception as e:
            out["copy"] = _exc(e)
            cp = None
        if cp is not None:
            out["copy"] = [
                cp.name,
                cp.url_prefix,
                _safe(lambda: cp.version),
                _safe(lambda: cp.version_prefix),
                _safe(lambda: cp.strict_slashes),
                getattr(cp.ctx, "v", "no v"),
                cp.ctx is bp.ctx,
                sorted(r.uri for r in cp._future_routes),
                len(cp._future_middleware),
                _safe(lambda: [x.name for x in cp.apps]),
            ]
            if a["register"] in ("copy", "both", "copy_then_orig"):
                register("copy", cp)
        if a["register"] == "copy_then_orig":
            register("orig", bp)
        out["reg"] = reg
        try:
            app.router.finalize()
            out["routes"] = sorted(
                [r.name, r.path, sorted(r.methods), r.strict] for r in app.router.routes
            )
        except Exception as e:
            out["routes"] = _exc(e)
            return out

        async def go():
            res = []
            for path in a["requests"]:
                _, resp = await app.asgi_client.get(path)
                res.append(
                    [
                        path,
                        resp.status,
                        resp.text if resp.status == 200 else None,
                        resp.headers.get("x-bp"),
                    ]
                )
            return res

        out["requests"] = _safe(lambda: self.run(go()))
        return out

    # report_exc -------------------------------------------------------------------
    def op_report_exc(self, a):
        import asyncio

        from apidiff_cases8 import _exc

        from sanic import Blueprint, response
        from sanic.exceptions import SanicException

        app = self._app8("re")
        reports = []
        regs = []
        for i in range(a["handlers"]):
            if a["sync"] and i == 0:

                def rep_sync(app_, exc, i=i):
                    reports.append([i, "sync", type(exc).__name__, str(exc)])

                fn = rep_sync
            else:

                async def rep(app_, exc, i=i):
                    reports.append([i, type(app_).__name__, type(exc).__name__, str(exc)])
                    if a["raising"] and i == 0:
                        raise RuntimeError("report failed")

                fn = rep
            try:
                r = app.report_exception(fn)
                regs.append(type(r).__name__ if r is not fn else "same")
            except Exception as e:
                regs.append(_exc(e))
        owner = Blueprint("rb") if a["bp"] else app

        @owner.get("/h/<where>")
        async def h(request, where):
            if where == "handler":
                raise ValueError("in handler")
            if where == "handler_sanic":
                raise SanicException("teapot", status_code=418)
            if where == "caught":
                try:
                    raise KeyError("k")
                except KeyError:
                    return response.text("caught")
            if where == "task":

                async def bad():
                    raise LookupError("in task")

                request.app.add_task(bad(), name="bad")
                for _ in range(5):
                    await asyncio.sleep(0)
                return response.text("task")
            if where == "signal":
                await request.app.dispatch("custom.re.go", fail_not_found=False)
                return response.text("sig")
            return response.text("ok")

        @owner.on_request
        async def req_mw(request):
            if request.path == "/h/request_mw":
                raise TypeError("in request mw")

        @owner.on_response
        async def resp_mw(request, resp):
            if request.path == "/h/response_mw":
                raise IndexError("in response mw")

        @owner.exception(KeyError)
        async def kh(request, exc):
            raise AttributeError("in exc handler")

        @app.signal("custom.re.go")
        async def sig_h():
            raise ArithmeticError("in signal")

        @owner.get("/h2/k")
        async def k(request):  # its exception handler raises in turn
            raise KeyError("k")

        if owner is not app:
            app.blueprint(owner)

        async def go():
            res = []
            for where in a["where"]:
                path = {"notfound": "/miss", "exc_handler": "/h2/k"}.get(where, f"/h/{where}")
                reports.clear()
                try:
                    _, resp = await app.asgi_client.get(path)
                    status = resp.status
                except Exception as e:
                    status = _exc(e)
                for _ in range(10):
                    await asyncio.sleep(0)
                res.append([where, status, sorted(reports)])
            return res

        return {"regs": regs, "requests": _safe(lambda: self.run(go()))}

    # run_enums --------------------------------------------------------------------
    def op_run_enums(self, a):
        import json

        import sanic.application.constants as AC
        import sanic.http.constants as HC

        return self._exprs(a, {"AC": AC, "HC": HC, "json": json})

    # fwd_addr ---------------------------------------------------------------------
    def op_fwd_addr(self, a):
        from sanic.headers import fwd_normalize_address

        return [_safe(lambda x=x: fwd_normalize_address(x)) for x in a["addrs"]]
