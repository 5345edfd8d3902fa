"""Seventh-round areas for ``apidiff.py``: objects users build by hand in tests and plugins.

``Request(url_bytes, headers, version, method, transport, app)`` read before any server
(``req_ctor``), ``HTTPResponse(...)`` built then changed and read back (``resp_ctor``),
``app.add_route``/``add_websocket_route``/``bp.add_route`` with every argument form,
what they return and the route they make (``add_route_forms``), and ``Cookie`` objects
made by hand, read, changed and put in a ``CookieJar`` (``cookie_obj``).

Generators (``GENERATORS7``) are run by the driver; the worker's operations (``Ops7``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

RQ_URLS = [
    "/",
    "/a/b",
    "/a?x=1&y=2&x=3",
    "/a%20b?q=%C3%A9",
    "",
    "/p?",
    "/p?a&b=&c=1",
    "http://h.example/x?y=1",
    "/é",
    "//double",
    "/a/../b",
    "*",
    "/p#frag",
    "/p?a=1;b=2",
]
RQ_HEADERS = [
    ["host", "example.com"],
    ["Host", "h.test:8080"],
    ["content-type", "application/json"],
    ["Content-Type", "text/plain; charset=latin-1"],
    ["cookie", "a=1; b=2"],
    ["Cookie", "c=%22x%22"],
    ["x-forwarded-for", "1.2.3.4"],
    ["x-forwarded-proto", "https"],
    ["accept", "text/html, */*;q=0.5"],
    ["authorization", "Bearer tok"],
    ["Authorization", "Basic dTpw"],
    ["x-request-id", "abc"],
    ["content-length", "3"],
    ["forwarded", "for=9.9.9.9;proto=https;host=f.test"],
]
RQ_PROPS = [
    "path",
    "query_string",
    "args",
    "query_args",
    "url",
    "host",
    "scheme",
    "server_name",
    "server_port",
    "port",
    "content_type",
    "cookies",
    "headers",
    "method",
    "version",
    "raw_url",
    "endpoint",
    "name",
    "match_info",
    "ip",
    "remote_addr",
    "is_safe",
    "is_idempotent",
    "is_cacheable",
    "accept",
    "credentials",
    "token",
    "forwarded",
    "json",
    "body",
    "form",
    "files",
    "stream",
    "server_path",
    "uri_template",
    "route",
    "socket",
    "request_line",
    "head",
    "stream_id",
    "id",
    "get_args",
    "get_query_args",
    "repr",
    "ctx",
    "app",
    "url_for",
    "protocol",
    "conn_info",
]
RQ_VERSIONS = ["1.1", "1.0", "2", "3", ""]
RQ_METHODS = ["GET", "POST", "get", "HEAD", "OPTIONS", "DELETE", "PATCH", "BREW", ""]


def gen_req_ctor(rng):
    hs = [rng.choice(RQ_HEADERS) for _ in range(rng.randint(0, 4))]
    return {
        "url": rng.choice(RQ_URLS),
        "url_str": rng.random() < 0.1,
        "headers": hs,
        "hdr_kind": rng.choice(["Header", "Header", "dict", "None"]),
        "version": rng.choice(RQ_VERSIONS),
        "method": rng.choice(RQ_METHODS),
        "app": rng.choice(["app", "app", "None"]),
        "body": rng.choice([None, None, "", "abc", '{"a": 1}', "a=1&b=2"]),
        "calls": rng.sample(RQ_PROPS, rng.randint(2, 8)),
    }


RS_BODIES = [None, "", "text", "é", {"b": "raw"}, {"b": ""}, 12, ["list"]]
RS_STATUS = [None, 200, 201, 204, 304, 404, 500, 599, 999, "200", 0, 100]
RS_HEADERS = [None, {}, {"X-A": "1"}, {"content-type": "a/b"}, [["X-B", "2"], ["x-b", "3"]]]
RS_CT = [None, "text/plain", "application/json", "", "text/html; charset=utf-8"]
RS_OPS = [
    ["status", 201],
    ["status", 404],
    ["status", "204"],
    ["status", None],
    ["body", "new"],
    ["body", {"b": "raw"}],
    ["body", None],
    ["content_type", "x/y"],
    ["content_type", None],
    ["h_set", "X-A", "9"],
    ["h_set", "Content-Type", "z/z"],
    ["h_set", "content-length", "5"],
    ["h_add", "X-A", "10"],
    ["h_add", "x-set", "k=v"],
    ["h_del", "X-A"],
    ["h_del", "content-type"],
    ["h_extend", [["X-C", "1"], ["x-c", "2"]]],
    ["h_update", {"X-D": "4"}],
    ["h_pop", "X-B"],
    ["h_popall", "x-b"],
    ["cookie_set", "c", "v"],
    ["cookie_add", "d", "w", {"path": "/p", "max_age": 5}],
    ["cookie_add", "e", "x", {"secure": False, "samesite": None}],
    ["cookie_del", "c"],
    ["cookie_del", "zz", {"path": "/q"}],
    ["cookie_dict", "f", "y"],
    ["cookie_attr", "c", "max-age", 3],
    ["cookie_attr", "c", "httponly", True],
    ["_noop"],
]
RS_READS = [
    "status",
    "body",
    "content_type",
    "processed_headers",
    "headers",
    "cookies",
    "repr",
    "cookie_hdrs",
]


def gen_resp_ctor(rng):
    a = {}
    for k, vals in (
        ("body", RS_BODIES),
        ("status", RS_STATUS),
        ("headers", RS_HEADERS),
        ("content_type", RS_CT),
    ):
        if rng.random() < 0.6:
            a[k] = rng.choice(vals)
    return {
        "kw": a,
        "calls": [[rng.choice(RS_OPS), rng.choice(RS_READS)] for _ in range(rng.randint(1, 6))],
    }


AR_URIS = [
    "/r{i}",
    "r{i}",
    "",
    "/",
    "/r{i}/",
    "/r{i}/<x>",
    "/r{i}/<x:int>",
    "/r{i}/<x:str>",
    "/é{i}",
]
AR_PATHS = [
    "/r{i}",
    "/r{i}/",
    "/r{i}/5",
    "/r{i}/a",
    "/",
    "/bp/r{i}",
    "/v1/r{i}",
    "/v2/r{i}",
    "/é{i}",
]
AR_HANDLERS = ["func", "lambda", "view", "view_cls", "partial", "async_cls", "composition"]


def gen_add_route_forms(rng):
    routes = []
    for i in range(rng.randint(1, 3)):
        kw = {}
        for k, vals in (
            ("methods", [["GET"], ["get", "post"], "tuple:PUT", "set:GET,HEAD", None, "GET", []]),
            ("host", [None, "h.test", ["a.test", "b.test"]]),
            ("strict_slashes", [None, True, False]),
            ("version", [None, 1, "2", 1.5]),
            ("name", [None, f"n{i}", ""]),
            ("stream", [False, True]),
            ("version_prefix", ["/v", "/api/v", ""]),
            ("error_format", [None, "json", "text", "html", "bad"]),
            ("unquote", [False, True]),
            ("ctx_x", [None, 1]),
        ):
            if rng.random() < 0.3:
                kw[k] = vals[rng.randrange(len(vals))]
        routes.append(
            {
                "on": rng.choice(["app", "app", "bp", "ws", "bp_ws"]),
                "uri": rng.choice(AR_URIS).format(i=i),
                "handler": rng.choice(AR_HANDLERS),
                "kw": kw,
            }
        )
    return {
        "routes": routes,
        "requests": [
            [
                rng.choice(["GET", "POST", "PUT", "HEAD"]),
                rng.choice(AR_PATHS).format(i=rng.randint(0, 2)),
            ]
            for _ in range(rng.randint(1, 3))
        ],
    }


CK_KEYS = ["a", "sid", "a b", "é", "", "__Host-x", "k=v", "x;y", "$v", "A"]
CK_VALUES = ["1", "", "a b", '"q"', "é", "a;b", "x,y", "%22", "a=b"]
CK_ATTRS = {
    "path": ["/", "/p", "", None, "/é"],
    "domain": [None, "example.com", ".example.com", ""],
    "secure": [True, False, None, 1],
    "max_age": [None, 0, 5, -1, "5", 1.5, "x"],
    "expires": [None, "dt", "str", 0],
    "httponly": [False, True],
    "samesite": ["Lax", "strict", "None", None, "bogus", ""],
    "partitioned": [False, True],
    "comment": [None, "c", "a;b"],
    "host_prefix": [False, True],
    "secure_prefix": [False, True],
}
CK_READS = [
    "str",
    "repr",
    "key",
    "value",
    "path",
    "domain",
    "secure",
    "max_age",
    "expires",
    "httponly",
    "samesite",
    "partitioned",
    "comment",
    "getitem",
    "get",
    "dict",
    "contains",
    "len",
    "encode",
    "eq",
    "hash",
    "make_key",
    "HOST_PREFIX",
    "SECURE_PREFIX",
]
CK_SETS = [
    ["max_age", 10],
    ["max_age", "10"],
    ["max_age", "ten"],
    ["max_age", None],
    ["samesite", "strict"],
    ["samesite", "bogus"],
    ["samesite", None],
    ["expires", "str"],
    ["expires", "dt"],
    ["secure", False],
    ["httponly", True],
    ["path", "/q"],
    ["domain", "d.example"],
    ["value", "new"],
    ["key", "other"],
    ["comment", "hi"],
    ["partitioned", True],
    ["item:max-age", 3],
    ["item:path", "/i"],
]
JAR_OPS = ["repr", "len", "iter", "cookies", "contains", "getitem", "header_key", "get", "has"]


def gen_cookie_obj(rng):
    kw = {k: rng.choice(v) for k, v in CK_ATTRS.items() if rng.random() < 0.35}
    calls = []
    for _ in range(rng.randint(2, 8)):
        r = rng.random()
        if r < 0.6:
            calls.append(["read", rng.choice(CK_READS)])
        elif r < 0.85:
            calls.append(["set", rng.choice(CK_SETS)])
        else:
            calls.append(["jar", rng.choice(JAR_OPS)])
    return {"key": rng.choice(CK_KEYS), "value": rng.choice(CK_VALUES), "kw": kw, "calls": calls}


GENERATORS7 = {
    "req_ctor": gen_req_ctor,
    "resp_ctor": gen_resp_ctor,
    "add_route_forms": gen_add_route_forms,
    "cookie_obj": gen_cookie_obj,
}
SLOW7 = {"add_route_forms": 0.5}

# --------------------------------------------------------------------------- worker side


def _safe(fn):
    from apidiff import exc_info, norm

    try:
        return norm(fn())
    except Exception as e:
        return exc_info(e)


def _pic(v):
    """Objects by type and a stable view of their content."""
    if v is None or isinstance(v, (bool, int, float, str, bytes)):
        return v
    if isinstance(v, dict):
        return {"type": type(v).__name__, "items": [[k, _pic(x)] for k, x in v.items()]}
    if isinstance(v, (list, tuple)):
        return [_pic(x) for x in v]
    name = type(v).__name__
    if hasattr(v, "items") and hasattr(v, "getall"):
        return {"type": name, "items": [list(i) for i in v.items()]}
    if name in ("Sanic", "Blueprint", "function", "method", "SimpleNamespace"):
        return {"type": name}
    return {"type": name, "str": str(v)}


def _plain_repr(r):
    """A default ``repr`` without its module and address (they differ by design)."""
    import re

    return re.sub(r"<[\w.]+\.(\w+) object at 0x[0-9a-f]+>", r"<\1 object>", r)


def _prefixes(kw):
    return {k: kw[k] for k in ("path", "domain", "host_prefix", "secure_prefix") if k in kw}


def _ck_val(v):
    import datetime

    if v == "dt":
        return datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    if v == "str":
        return "Wed, 01 Jan 2031 00:00:00 GMT"
    return v


class Ops7:
    def op_cookie_obj(self, a):
        from sanic.compat import Header
        from sanic.cookies.response import Cookie, CookieJar

        kw = {k: _ck_val(v) for k, v in a["kw"].items()}
        c = Cookie(a["key"], a["value"], **kw)
        jar = CookieJar(Header())
        jar_made = _safe(lambda: _pic(jar.add_cookie(a["key"] or "a", a["value"], **kw)))
        out = []
        for kind, what in a["calls"]:
            if kind == "set":
                name, v = what

                def st(name=name, v=v):
                    if name.startswith("item:"):
                        c[name[5:]] = v
                    else:
                        setattr(c, name, _ck_val(v))
                    return str(c)

                out.append(_safe(st))
            elif kind == "read":

                def rd(w=what):
                    if w == "str":
                        return str(c)
                    if w == "repr":
                        return _plain_repr(repr(c))
                    if w == "getitem":
                        return _pic(c["path"])
                    if w == "get":
                        return _pic(c.get("max-age"))
                    if w == "dict":
                        return _pic(dict(c))
                    if w == "contains":
                        return "path" in c
                    if w == "len":
                        return len(c)
                    if w == "encode":
                        return c.encode("utf-8")
                    if w == "eq":
                        return [c == Cookie(a["key"], a["value"]), c == str(c), c == c]
                    if w == "hash":
                        return type(hash(c)).__name__
                    if w == "make_key":
                        return [
                            _safe(lambda: Cookie.make_key(a["key"])),
                            _safe(lambda: Cookie.make_key(a["key"], host_prefix=True)),
                            _safe(lambda: Cookie.make_key(a["key"], secure_prefix=True)),
                        ]
                    return _pic(getattr(c, w))

                out.append(_safe(rd))
            else:

                def jr(w=what):
                    if w == "repr":
                        return _plain_repr(repr(jar))
                    if w == "len":
                        return len(jar)
                    if w == "iter":
                        return [str(x) for x in jar]
                    if w == "cookies":
                        return [str(x) for x in jar.cookies]
                    if w == "contains":
                        return (a["key"] or "a") in jar
                    if w == "getitem":
                        return _pic(jar[a["key"] or "a"])
                    if w == "header_key":
                        return [jar.HEADER_KEY, getattr(jar, "header_key", "-")]
                    if w == "get":
                        return _pic(jar.get_cookie(a["key"] or "a", **_prefixes(kw)))
                    return jar.has_cookie(a["key"] or "a", **_prefixes(kw))

                out.append([jar_made, _safe(jr)])
        return out

    def op_req_ctor(self, a):
        from sanic import Sanic
        from sanic.compat import Header
        from sanic.request import Request

        app = None
        if a["app"] == "app":
            app = Sanic(f"rc{self.n}")
            self.n += 1
        pairs = [tuple(h) for h in a["headers"]]
        if a["hdr_kind"] == "Header":
            headers = Header(pairs)
        elif a["hdr_kind"] == "dict":
            headers = dict(pairs)
        else:
            headers = None
        url = a["url"] if a["url_str"] else a["url"].encode()
        req = Request(url, headers, a["version"], a["method"], None, app)
        if a["body"] is not None:
            req.body = a["body"].encode()
        out = []
        for prop in a["calls"]:
            if prop == "repr":
                out.append(_safe(lambda: repr(req)))
            elif prop == "get_args":
                out.append(_safe(lambda: _pic(req.get_args(keep_blank_values=True))))
            elif prop == "get_query_args":
                out.append(_safe(lambda: _pic(req.get_query_args(keep_blank_values=True))))
            elif prop == "url_for":
                out.append(_safe(lambda: req.url_for("nothing")))
            elif prop == "id":
                out.append(_safe(lambda: type(req.id).__name__))
            elif prop == "cookies":
                out.append(_safe(lambda: _pic(dict(req.cookies))))
            else:
                out.append(_safe(lambda p=prop: _pic(getattr(req, p))))
        return out

    def op_resp_ctor(self, a):
        from sanic.response import HTTPResponse

        kw = dict(a["kw"])
        if isinstance(kw.get("body"), dict):
            kw["body"] = kw["body"]["b"].encode()
        if isinstance(kw.get("headers"), list):
            from sanic.compat import Header

            kw["headers"] = Header([tuple(p) for p in kw["headers"]])
        resp = HTTPResponse(**kw)
        out = []
        for op, read in a["calls"]:

            def do(op=op):
                k = op[0]
                if k == "status":
                    resp.status = op[1]
                elif k == "body":
                    resp.body = op[1]["b"].encode() if isinstance(op[1], dict) else op[1]
                elif k == "content_type":
                    resp.content_type = op[1]
                elif k == "h_set":
                    resp.headers[op[1]] = op[2]
                elif k == "h_add":
                    resp.headers.add(op[1], op[2])
                elif k == "h_del":
                    del resp.headers[op[1]]
                elif k == "h_extend":
                    resp.headers.extend([tuple(p) for p in op[1]])
                elif k == "h_update":
                    resp.headers.update(op[1])
                elif k == "h_pop":
                    return resp.headers.pop(op[1], None)
                elif k == "h_popall":
                    return resp.headers.popall(op[1], None)
                elif k == "cookie_set":
                    resp.cookies[op[1]] = op[2]
                elif k == "cookie_add":
                    return _pic(resp.add_cookie(op[1], op[2], **op[3]))
                elif k == "cookie_del":
                    return resp.delete_cookie(op[1], **(op[2] if len(op) > 2 else {}))
                elif k == "cookie_dict":
                    resp.cookies[op[1]] = op[2]
                    return _pic(resp.cookies.get(op[1]))
                elif k == "cookie_attr":
                    resp.cookies[op[1]][op[2]] = op[3]
                return None

            def rd(read=read):
                if read == "processed_headers":
                    return [list(p) for p in resp.processed_headers]
                if read == "headers":
                    return [list(p) for p in resp.headers.items()]
                if read == "cookies":
                    return sorted(str(k) for k in resp.cookies.keys())
                if read == "cookie_hdrs":
                    return resp.headers.getall("set-cookie", [])
                if read == "repr":
                    return repr(resp)
                return _pic(getattr(resp, read))

            out.append([_safe(do), _safe(rd)])
        return out

    def op_add_route_forms(self, a):
        import functools

        from sanic import Blueprint, Sanic, response
        from sanic.views import HTTPMethodView

        app = Sanic(f"ar{self.n}")
        self.n += 1
        bp = Blueprint(f"arbp{self.n}", url_prefix="/bp")
        out = {"returns": []}

        async def func(request, **kw):
            return response.text(f"f {request.route.name} {kw}")

        class V(HTTPMethodView):
            async def get(self, request, **kw):
                return response.text("vget")

            async def post(self, request, **kw):
                return response.text("vpost")

        class AC:
            async def __call__(self, request, **kw):
                return response.text("ac")

        async def wsh(request, ws, **kw):
            pass

        for r in a["routes"]:
            kind = r["handler"]
            if r["on"] in ("ws", "bp_ws"):
                h = wsh
            elif kind == "func":
                h = func
            elif kind == "lambda":
                h = lambda request, **kw: response.text("lam")  # noqa: E731
            elif kind == "view":
                h = V.as_view()
            elif kind == "view_cls":
                h = V
            elif kind == "partial":
                h = functools.partial(func)
            elif kind == "async_cls":
                h = AC()
            else:
                h = V.as_view()
                h.view_class = V
            kw = dict(r["kw"])
            m = kw.get("methods")
            if isinstance(m, str) and m.startswith("tuple:"):
                kw["methods"] = tuple(m[6:].split(","))
            elif isinstance(m, str) and m.startswith("set:"):
                kw["methods"] = set(m[4:].split(","))
            ctx = kw.pop("ctx_x", None)
            if ctx is not None:
                kw["ctx_x"] = ctx
            if r["on"] in ("ws", "bp_ws"):
                for k in ("methods", "stream", "error_format", "unquote"):
                    kw.pop(k, None)
            target = app if r["on"] in ("app", "ws") else bp
            fn = target.add_websocket_route if r["on"] in ("ws", "bp_ws") else target.add_route

            def reg(fn=fn, h=h, r=r, kw=kw):
                ret = fn(h, r["uri"], **kw)
                return "same" if ret is h else _pic(ret)

            out["returns"].append(_safe(reg))
        try:
            app.blueprint(bp)
        except Exception as e:
            from apidiff import exc_info

            out["bp"] = exc_info(e)

        async def go():
            res = []
            for method, path in a["requests"]:
                try:
                    _, resp = await app.asgi_client.request(method.lower(), path)
                    res.append([method, path, resp.status, resp.text[:60]])
                except Exception as e:
                    from apidiff import exc_info

                    res.append([method, path, exc_info(e)])
            return res

        try:
            out["reqs"] = self.run(go())
        except Exception as e:
            from apidiff import exc_info

            out["reqs"] = exc_info(e)
        out["table"] = sorted([r.path, r.name, sorted(r.methods)] for r in app.router.routes)
        return out
