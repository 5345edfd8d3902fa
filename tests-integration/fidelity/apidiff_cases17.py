"""Seventeenth-round areas for ``apidiff.py``: public API called in new combinations.

Each case is a list of ``calls`` run in order on fresh objects; the worker answers one
result (or exception) per call, so the driver reports the first calls that differ.

``jsonmut17``: ``JSONResponse`` made with ``dumps`` and its keywords, then ``set_body``
(with its own ``dumps`` and keywords), ``append``, ``extend``, ``update`` (a dict and
keywords), ``pop`` (with and without a default), ``raw_body``, ``body``,
``processed_headers`` and ``cookies`` read after each.

``resphdr17``: responses made by every helper (``text``, ``html``, ``raw``, ``empty``,
``redirect``, ``json``, ``HTTPResponse``) with statuses 200/204/304/412/..., headers given
and set, cookies added and deleted; ``processed_headers`` and ``cookies`` read.

``rstream17``: ``ResponseStream`` made by hand (status, headers, ``content_type``), its
``streaming_fn``/``status``/``headers``/``content_type`` read, then returned by a handler
under ``asgi_client`` with writes of str and bytes, headers set inside the function.

``cookiejar17``: ``CookieJar`` over a ``Header``: ``add_cookie`` with every keyword
(``path``, ``domain``, ``host_prefix``, ``secure_prefix``, ``secure``, ``samesite``,
``partitioned``, ``max_age``, ``expires``, ``comment``), ``get_cookie``/``has_cookie``/
``delete_cookie`` with paths, domains and prefixes, ``cookies``, the ``Set-Cookie`` fields;
``Cookie`` attributes read and assigned, ``encode``, ``str``.

``hdrfn17``: ``sanic.headers``' parsers in combination: ``parse_content_header``,
``parse_forwarded`` and ``parse_xforwarded`` over a ``Config``, ``fwd_normalize``,
``parse_host``, ``format_http1_response``, ``parse_accept`` then ``match``, ``MediaType``
and ``Matched`` compared.

``exc17``: every ``sanic.exceptions`` class made with ``message``, ``status_code``,
``quiet``, ``context``, ``extra``, ``headers`` (and ``RequestCancelled``): its attributes,
then raised by a handler under each ``FALLBACK_ERROR_FORMAT``.

``cfg17``: ``Config`` with ``env_prefix``/``converters``, ``load_environment_vars`` of a
prefix with variables set for the step, ``register_type`` (plain and ``DetailedConverter``),
``update_config`` of a file (str, ``Path``, ``bytes``, ``${VAR}`` in the path), an object,
a class, a dict.

``bpcomp17``: ``Blueprint.group`` and ``BlueprintGroup`` built, grown (``append``,
``insert``, ``extend``, nesting) and registered; the app's routes (name, path, methods,
version) and the blueprints' ``copied_from``/``middlewares``/``websocket_routes``.

``urlfor17``: ``app.url_for`` of app, blueprint and grouped routes with typed parameters,
query values of every type, ``_anchor``, ``_external``, ``_scheme``, ``_server`` and with or
without ``SERVER_NAME``.

``views17``: ``HTTPMethodView`` routed: ``as_view()`` (with ``decorators``), ``attach()``
with methods, versions and names, on apps and blueprints; requests of each method.

``names17``: the names no area read: ``sanic.errorpages``' tables and fallbacks,
``sanic.compat``'s ``UVLOOP_INSTALLED``/``CancelledErrors``/``StartMethod``/``open_async``,
``sanic.request.types.parse_url``/``json_loads``, ``Sanic.certloader_class``/
``inspector_class``/``websocket_tasks``, ``REPLContext.BUILTINS``, ``ListenerEvent``.

Generators (``GENERATORS17``) are run by the driver; the worker's operations (``Ops17``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

from apidiff_cases16 import _exc16, _pic16, _steps

# ------------------------------------------------------------------------- generators

JVALUES = [None, [], [1, "a"], {"a": 1}, {"b": [1, 2], "a": None}, "s", 5, 1.5, True]
JKW = [{}, {}, {"indent": 2}, {"sort_keys": True}, {"separators": [",", ":"]},
       {"ensure_ascii": False}, {"bogus": 1}]


def gen_jsonmut17(rng):
    calls = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["set_body", "set_body", "append", "extend", "update", "update_kw",
                           "pop", "pop_default", "raw", "processed", "cookie", "body_bytes"])
        if kind == "set_body":
            calls.append([kind, rng.choice(JVALUES), rng.choice([None, "custom", "json"]),
                          rng.choice(JKW)])
        elif kind in ("append", "extend"):
            calls.append([kind, rng.choice([1, "x", [2, 3], {"k": 1}])])
        elif kind == "update":
            calls.append([kind, rng.choice([{"a": 2}, {}, [["z", 1]], 5])])
        elif kind == "update_kw":
            calls.append([kind, {rng.choice(["a", "q"]): rng.choice([1, None])}])
        elif kind in ("pop", "pop_default"):
            calls.append([kind, rng.choice(["a", "b", "zz", 0, -1, 5])])
        else:
            calls.append([kind])
    return {
        "init": rng.choice(JVALUES),
        "dumps": rng.choice([None, None, "custom", "json", "bytes"]),
        "kw": rng.choice(JKW),
        "status": rng.choice([200, 201, 204, 400]),
        "calls": calls,
    }


def gen_resphdr17(rng):
    calls = []
    for _ in range(rng.randint(0, 4)):
        kind = rng.choice(["hdr", "del_hdr", "cookie", "del_cookie", "status", "ctype"])
        calls.append([kind, rng.choice(["content-type", "X-A", "content-length", "Allow",
                                        "ETag", "expires", "Last-Modified", "c1", "c2"]),
                      rng.choice(["v", "1", "", "text/x"]),
                      rng.choice([200, 204, 304, 412, 500, 101, 206])])
    calls.append(["read"])
    return {
        "helper": rng.choice(["text", "html", "raw", "empty", "redirect", "json", "HTTPResponse",
                              "HTTPResponse_none"]),
        "status": rng.choice([200, 200, 204, 304, 412, 404, 201, 100]),
        "headers": rng.choice([None, {}, {"X-H": "1"}, {"content-type": "a/b"},
                               {"content-length": "3"}, {"Content-Type": "t/x", "etag": "e"}]),
        "calls": calls,
    }


def gen_rstream17(rng):
    writes = [rng.choice(["a", "B:b", "", "B:", "\u00e9", "a", None])
              for _ in range(rng.randint(0, 3))]
    return {
        "status": rng.choice([200, 201, 404, 500, 204]),
        "headers": rng.choice([None, {}, {"X-S": "1"}, {"content-type": "a/b"}]),
        "ctype": rng.choice([None, "text/csv", "", "application/json"]),
        "writes": writes,
        "inner": rng.choice([None, "header", "status", "ctype", "eof"]),
    }


CK_KEYS = ["a", "b", "__Host-a", "__Secure-a", "sp ace", "A", ""]
CK_KW = ["path", "domain", "host_prefix", "secure_prefix", "secure", "samesite",
         "partitioned", "max_age", "expires", "comment", "httponly"]


def _ck_kw(rng, names):
    kw = {}
    for _ in range(rng.randint(0, 3)):
        k = rng.choice(names)
        kw[k] = {
            "path": rng.choice(["/", "/x", "", "/a b"]),
            "domain": rng.choice([None, "example.com", ".ex.com", ""]),
            "host_prefix": rng.choice([True, False]),
            "secure_prefix": rng.choice([True, False]),
            "secure": rng.choice([True, False]),
            "samesite": rng.choice(["Lax", "strict", "None", None, "bad"]),
            "partitioned": rng.choice([True, False]),
            "max_age": rng.choice([0, 10, -1, None, "5", 1.5]),
            "expires": rng.choice(["dt", None, "str"]),
            "comment": rng.choice(["c", None, ""]),
            "httponly": rng.choice([True, False]),
        }[k]
    return kw


def gen_cookiejar17(rng):
    calls = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["add", "add", "add", "get", "has", "delete", "cookies", "fields",
                           "attr", "set_attr", "encode", "str"])
        key = rng.choice(CK_KEYS)
        if kind == "add":
            calls.append([kind, key, rng.choice(["v", "", "a;b", "\u00e9", 'q"t']),
                          _ck_kw(rng, CK_KW)])
        elif kind in ("get", "delete"):
            calls.append([kind, key, _ck_kw(rng, ["path", "domain", "host_prefix",
                                                  "secure_prefix"]
                                            + (["secure"] if kind == "delete" else []))])
        elif kind == "set_attr":
            calls.append([kind, rng.choice(["path", "domain", "secure", "max_age", "httponly",
                                            "samesite", "partitioned", "comment", "expires",
                                            "value"]),
                          rng.choice(["/p", True, 3, None, "strict", "bad", "dt"])])
        else:
            calls.append([kind, key])
    return {"calls": calls}


def gen_hdrfn17(rng):
    calls = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(["ctype", "fwd", "xfwd", "norm", "host", "http1", "accept"])
        if kind == "ctype":
            calls.append([kind, rng.choice([
                "text/plain", 'form-data; name="a"; filename="b c"', "a/b; x=1; x=2",
                "a/b;charset=UTF-8", 'x; filename*=utf-8\'\'%C3%A9', "", ";", "a/b; k",
                'a/b; k="\\"q\\""', "A/B ; Q = 1"])])
        elif kind in ("fwd", "xfwd"):
            calls.append([kind, {
                "FORWARDED_SECRET": rng.choice([None, "s", ""]),
                "REAL_IP_HEADER": rng.choice([None, "x-real-ip"]),
                "PROXIES_COUNT": rng.choice([0, 1, 2, -1]),
                "FORWARDED_FOR_HEADER": rng.choice(["X-Forwarded-For", "x-ff"]),
            }, [[rng.choice(["forwarded", "x-forwarded-for", "x-real-ip", "x-ff",
                             "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
                             "x-forwarded-path", "x-scheme"]),
                 rng.choice(["for=1.2.3.4;secret=s", "1.2.3.4, 5.6.7.8", "by=x;proto=https",
                             "[::1]", "unknown", "https", "h:80", "/p%20q", "for=_h;host=a",
                             "80", 'for="[::1]:3";secret="s"', ""])]
                for _ in range(rng.randint(0, 3))]])
        elif kind == "norm":
            calls.append([kind, [[rng.choice(["for", "by", "proto", "host", "port", "path",
                                              "x"]),
                                  rng.choice(["1.2.3.4", "[::1]", "HTTPS", "80", "x:1",
                                              "%2Fa", "_hid", "unknown", "", "1:2::3"])]
                                 for _ in range(rng.randint(0, 3))]])
        elif kind == "host":
            calls.append([kind, rng.choice(["a", "a:80", "[::1]:8", "[::1]", "A.B:0", ":5",
                                            "a:b", "", "a:99999", "1.2.3.4:1"])])
        elif kind == "http1":
            calls.append([kind, rng.choice([200, 404, 999, 100, 204]),
                          [[rng.choice(["a", "X-Y", "content-type"]),
                            rng.choice(["1", "", "\u00e9"])]
                           for _ in range(rng.randint(0, 2))]])
        else:
            calls.append([kind, rng.choice(["*/*", "text/html;q=0.5, */*;q=0.1", "a/b, c/*",
                                            "", "text/*;q=0, text/plain", "x", "a/b;q=2",
                                            "a/b;level=1;q=0.3, a/b"]),
                          [rng.choice(["text/html", "a/b", "c/d", "*/*", "x/y", ""])
                           for _ in range(rng.randint(0, 3))]])
    return {"calls": calls}


EXC_CLASSES = ["SanicException", "NotFound", "BadRequest", "MethodNotAllowed", "ServerError",
               "ServiceUnavailable", "URLBuildError", "FileNotFound", "RequestTimeout",
               "PayloadTooLarge", "HeaderNotFound", "RangeNotSatisfiable",
               "InvalidRangeType", "Unauthorized", "Forbidden", "ExpectationFailed",
               "LoadFileException", "InvalidUsage", "RequestCancelled", "InvalidHeader",
               "ContentRangeError", "HeaderExpectationFailed", "BadURL", "PyFileError",
               "WebsocketClosed", "ServerKilled", "InvalidSignal"]


def gen_exc17(rng):
    kw = {}
    for k in rng.sample(["status_code", "quiet", "context", "extra", "headers"],
                        rng.randint(0, 3)):
        kw[k] = {
            "status_code": rng.choice([None, 418, 500, 404, 299, "400"]),
            "quiet": rng.choice([None, True, False]),
            "context": rng.choice([None, {}, {"a": 1}, {"msg": "m"}]),
            "extra": rng.choice([None, {}, {"e": 2}]),
            "headers": rng.choice([None, {}, {"X-E": "1"}, {"content-type": "a/b"}]),
        }[k]
    return {
        "cls": rng.choice(EXC_CLASSES),
        "message": rng.choice([None, "m", "B:b", "", "\u00e9"]),
        "kw": kw,
        "fmt": rng.choice(["auto", "json", "text", "html"]),
        "debug": rng.choice([False, True]),
    }


def gen_cfg17(rng):
    calls = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(["env", "env", "register", "file", "obj", "cls", "dict", "read"])
        if kind == "env":
            calls.append([kind, rng.choice(["SANIC_", "MYAPP_", "", "X"]),
                          {rng.choice(["A", "B_C", "lower", "SANIC_D"]):
                           rng.choice(["1", "1.5", "true", "no", "x:y", "", "None", "0x10",
                                       "n:5"])
                           for _ in range(rng.randint(1, 3))}])
        elif kind == "register":
            calls.append([kind, rng.choice(["int", "float", "prefix", "detailed", "raise",
                                            "str", "not_callable"])])
        elif kind == "file":
            calls.append([kind, rng.choice(["A = 1\nb = 2\n", "A = 'x'\nC = [1]\n", "A = (\n",
                                            "import os\nA = os.sep\n", "raise ValueError(1)\n",
                                            ""]),
                          rng.choice(["str", "path", "bytes", "env", "missing"])])
        elif kind == "obj":
            calls.append([kind, rng.choice([{"A": 1}, {"a": 1, "B": 2}, {"_C": 3}])])
        elif kind == "cls":
            calls.append([kind, rng.choice([{"A": 1}, {"a": 1, "B": 2}, {"_C": 3}])])
        elif kind == "dict":
            calls.append([kind, rng.choice([{"A": 1}, {"a": 1, "B": 2}, {}, {"KEEP_ALIVE": 0}])])
        else:
            calls.append([kind, rng.choice(["A", "B_C", "lower", "D", "SANIC_D", "B", "C"])])
    return {
        "prefix": rng.choice(["SANIC_", "MYAPP_", None, ""]),
        "converters": rng.choice([None, [], ["prefix"], ["detailed"], ["int"]]),
        "preset": {rng.choice(["MYAPP_A", "SANIC_A", "MYAPP_B_C"]): rng.choice(["7", "x", "true"])
                   for _ in range(rng.randint(0, 2))},
        "calls": calls,
    }


def gen_bpcomp17(rng):
    calls = []
    n = rng.randint(1, 3)
    for i in range(n):
        calls.append(["bp", i, rng.choice([None, "/p", "/p/", "q"]), rng.choice([None, 1, "2",
                                                                                 1.5])])
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["group", "BG", "append", "insert", "extend", "nest", "copy"])
        calls.append([kind, rng.randrange(n), rng.choice([None, "/g", "g/", ""]),
                      rng.choice([None, 3, "v4"]), rng.choice([None, True, False]),
                      rng.choice(["/v", "/api/v"]), rng.choice(["", None, "np"])])
    calls.append(["register", rng.choice(["last", "all"])])
    calls.append(["routes"])
    return {"calls": calls}


def gen_urlfor17(rng):
    calls = []
    for _ in range(rng.randint(1, 6)):
        kw = {}
        for k in rng.sample(["x", "name", "q", "l", "_anchor", "_external", "_scheme",
                             "_server", "n", "_method"], rng.randint(0, 4)):
            kw[k] = {
                "x": rng.choice([1, "a", -2, "1", 1.5]),
                "name": rng.choice(["b", "a b", "\u00e9", "a/b", ""]),
                "q": rng.choice(["a b", "&", 1, ""]),
                "l": rng.choice([[1, 2], [], ["a", None]]),
                "_anchor": rng.choice(["top", "a b", ""]),
                "_external": rng.choice([True, False]),
                "_scheme": rng.choice(["https", "ws", "", "http"]),
                "_server": rng.choice(["h:1", "h", None, ""]),
                "n": rng.choice([None, 0, True]),
                "_method": rng.choice(["GET", "POST"]),
            }[k]
        calls.append([rng.choice(["a_int", "fz1.a_int", "b_str", "bp17.c", "grp.bp17.c",
                                  "bp17.d", "fz1.bp17.c", "static_r", "missing", "bp17",
                                  "V17", "bp17.V17"]), kw])
    return {"server_name": rng.choice([None, "example.com", "h:8000", "https://h.io"]),
            "calls": calls}


def gen_views17(rng):
    return {
        "methods": rng.sample(["get", "post", "put", "delete", "patch", "head", "options"],
                              rng.randint(0, 3)),
        "decorators": rng.randint(0, 2),
        "how": rng.choice(["as_view", "attach", "attach_methods", "bp_as_view", "bp_attach",
                           "route"]),
        "version": rng.choice([None, 1, "2"]),
        "name": rng.choice([None, "vv"]),
        "requests": [rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])
                     for _ in range(rng.randint(1, 4))],
    }


NAMES17 = [
    "sanic.errorpages.FALLBACK_TEXT", "sanic.errorpages.FALLBACK_STATUS",
    "sanic.errorpages.MIME_BY_CONFIG", "sanic.errorpages.CONFIG_BY_MIME",
    "sanic.errorpages.RENDERERS_BY_CONTENT_TYPE", "sanic.compat.UVLOOP_INSTALLED",
    "sanic.compat.CancelledErrors", "sanic.compat.StartMethod",
    "sanic.request.types.CancelledErrors", "app:certloader_class", "app:inspector_class", "sanic.models.ctx_types.REPLContext.BUILTINS",
    "sanic.mixins.listeners.ListenerEvent", "sanic.cookies.response.Cookie.HOST_PREFIX",
    "sanic.cookies.response.Cookie.SECURE_PREFIX", "sanic.cookies.CookieJar.HEADER_KEY",
]


def gen_names17(rng):
    calls = []
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(["name", "name", "parse_url", "json_loads", "open_async",
                           "ws_tasks", "fallback_page"])
        if kind == "name":
            calls.append([kind, rng.choice(NAMES17)])
        elif kind == "parse_url":
            calls.append([kind, rng.choice(["B:/a?b=1", "B:http://h/x#f", "B://h/p", "B:/%zz",
                                            "B:", "B:*", "B:/a;p?q"])])
        elif kind == "json_loads":
            calls.append([kind, rng.choice(['{"a":1}', "[1", "1e400", '"\\ud800"', "NaN",
                                            " 1 "])])
        elif kind == "open_async":
            calls.append([kind, rng.choice(["r", "rb", "w"])])
        else:
            calls.append([kind])
    return {"calls": calls}


GENERATORS17 = {
    "jsonmut17": gen_jsonmut17,
    "resphdr17": gen_resphdr17,
    "rstream17": gen_rstream17,
    "cookiejar17": gen_cookiejar17,
    "hdrfn17": gen_hdrfn17,
    "exc17": gen_exc17,
    "cfg17": gen_cfg17,
    "bpcomp17": gen_bpcomp17,
    "urlfor17": gen_urlfor17,
    "views17": gen_views17,
    "names17": gen_names17,
}
SLOW17: dict[str, float] = {}


# ------------------------------------------------------------------------- worker side


def _dumps17(kind):
    import json

    if kind == "custom":
        def custom(obj, **kw):
            return "<" + json.dumps(obj, sort_keys=True) + ">" + ",".join(sorted(kw))

        return custom
    if kind == "json":
        return json.dumps
    if kind == "bytes":
        return lambda obj, **kw: json.dumps(obj).encode()
    return None


def _kw17(kw):
    kw = dict(kw)
    if "separators" in kw:
        kw["separators"] = tuple(kw["separators"])
    return kw


def _b17(v):
    """Generated bytes travel as text starting "B:"."""
    if isinstance(v, str) and v.startswith("B:"):
        return v[2:].encode()
    return v


def _hdrs17(items):
    return sorted([k.lower() if isinstance(k, str) else k.decode().lower(),
                   v if isinstance(v, str) else v.decode("latin-1")] for k, v in items)


def _dt17(v):
    import datetime

    if v == "dt":
        return datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    if v == "str":
        return "Wed, 01 Jan 2030 00:00:00 GMT"
    return v


class Ops17:
    # -------------------------------------------------------------------- jsonmut17
    def op_jsonmut17(self, a):
        from sanic.response import JSONResponse

        kw = _kw17(a["kw"])
        try:
            r = JSONResponse(a["init"], status=a["status"], dumps=_dumps17(a["dumps"]), **kw)
        except Exception as e:
            return [["init", _exc16(e)]]

        def state():
            try:
                body = r.body
            except Exception as e:
                body = _exc16(e)
            return _pic16(body)

        def step(c):
            kind = c[0]
            if kind == "set_body":
                res = r.set_body(c[1], dumps=_dumps17(c[2]), **_kw17(c[3]))
            elif kind == "append":
                res = r.append(c[1])
            elif kind == "extend":
                res = r.extend(c[1])
            elif kind == "update":
                res = r.update(c[1])
            elif kind == "update_kw":
                res = r.update(**c[1])
            elif kind == "pop":
                res = r.pop(c[1])
            elif kind == "pop_default":
                res = r.pop(c[1], "dflt")
            elif kind == "raw":
                res = r.raw_body
            elif kind == "processed":
                res = _hdrs17(r.processed_headers)
            elif kind == "cookie":
                r.add_cookie("k", "v")
                res = [str(c) for c in r.cookies.cookies]
            else:
                r.body = b"raw"
                res = None
            return [_pic16(res), state()]

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- resphdr17
    def op_resphdr17(self, a):
        from sanic import response

        h = a["headers"]
        helper = a["helper"]
        st = a["status"]
        try:
            if helper == "text":
                r = response.text("hi", status=st, headers=h)
            elif helper == "html":
                r = response.html("<p>", status=st, headers=h)
            elif helper == "raw":
                r = response.raw(b"rr", status=st, headers=h)
            elif helper == "empty":
                r = response.empty(status=st, headers=h)
            elif helper == "redirect":
                r = response.redirect("/t", status=st if st in (301, 302, 303, 307, 308) else
                                      302, headers=h)
            elif helper == "json":
                r = response.json({"a": 1}, status=st, headers=h)
            elif helper == "HTTPResponse":
                r = response.HTTPResponse("b", status=st, headers=h)
            else:
                r = response.HTTPResponse(status=st, headers=h)
        except Exception as e:
            return [["init", _exc16(e)]]

        def step(c):
            kind = c[0]
            if kind == "hdr":
                r.headers[c[1]] = c[2]
            elif kind == "del_hdr":
                r.headers.pop(c[1], None)
            elif kind == "cookie":
                r.add_cookie(c[1], c[2])
            elif kind == "del_cookie":
                r.delete_cookie(c[1])
            elif kind == "status":
                r.status = c[3]
            elif kind == "ctype":
                r.content_type = c[2]
            return [_hdrs17(r.processed_headers), r.status, r.content_type,
                    sorted(str(x) for x in r.cookies.cookies)]

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- rstream17
    def op_rstream17(self, a):
        from sanic.response import ResponseStream

        app = self.new_app()
        seen = {}

        async def fn(resp):
            if a["inner"] == "header":
                resp.headers["x-inner"] = "1"
            elif a["inner"] == "status":
                resp.status = 202
            elif a["inner"] == "ctype":
                resp.content_type = "x/y"
            for w in a["writes"]:
                try:
                    await resp.write(_b17(w))
                except Exception as e:
                    seen.setdefault("write", []).append(_exc16(e)["exc"][0])
            if a["inner"] == "eof":
                await resp.eof()

        def make():
            kw = {"status": a["status"], "headers": a["headers"]}
            if a["ctype"] is not None:
                kw["content_type"] = a["ctype"]
            return ResponseStream(fn, **kw)

        try:
            rs = make()
            attrs = [rs.streaming_fn is fn, rs.status, rs.content_type,
                     _hdrs17(rs.headers.items())]
        except Exception as e:
            return {"init": _exc16(e)}

        @app.get("/s")
        async def s(request):
            return make()

        async def go():
            _, resp = await app.asgi_client.get("/s")
            return [resp.status, _hdrs17((k, v) for k, v in resp.headers.items()
                                         if k.lower() not in ("date", "content-length")),
                    resp.content.decode("latin-1")]

        try:
            wire = self.run(go())
        except Exception as e:
            wire = _exc16(e)
        return {"attrs": attrs, "wire": wire, "seen": _pic16(seen)}

    # -------------------------------------------------------------------- cookiejar17
    def op_cookiejar17(self, a):
        from sanic.compat import Header
        from sanic.cookies import CookieJar

        headers = Header()
        jar = CookieJar(headers)
        last = []

        def kw(d):
            d = dict(d)
            if "expires" in d:
                d["expires"] = _dt17(d["expires"])
            return d

        def step(c):
            kind = c[0]
            if kind == "add":
                ck = jar.add_cookie(c[1], c[2], **kw(c[3]))
                last[:] = [ck]
                return str(ck)
            if kind == "get":
                ck = jar.get_cookie(c[1], **kw(c[2]))
                return None if ck is None else str(ck)
            if kind == "has":
                return jar.has_cookie(c[1])
            if kind == "delete":
                jar.delete_cookie(c[1], **kw(c[2]))
                return sorted(str(x) for x in headers.getall("set-cookie", []))
            if kind == "cookies":
                return sorted(str(x) for x in jar.cookies)
            if kind == "fields":
                return sorted(str(x) for x in headers.getall("set-cookie", []))
            if not last:
                return "no cookie"
            ck = last[0]
            if kind == "attr":
                return [_pic16(getattr(ck, n)) for n in
                        ("key", "value", "path", "domain", "secure", "max_age", "httponly",
                         "samesite", "partitioned", "comment", "expires")]
            if kind == "set_attr":
                setattr(ck, c[1], _dt17(c[2]))
                return [str(ck), sorted(str(x) for x in headers.getall("set-cookie", []))]
            if kind == "encode":
                return _pic16(ck.encode("utf-8"))
            return str(ck)

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- hdrfn17
    def op_hdrfn17(self, a):
        from sanic import headers as H
        from sanic.compat import Header
        from sanic.config import Config

        def step(c):
            kind = c[0]
            if kind == "ctype":
                return _pic16(H.parse_content_header(c[1]))
            if kind in ("fwd", "xfwd"):
                cfg = Config()
                for k, v in c[1].items():
                    cfg[k] = v
                hs = Header()
                for k, v in c[2]:
                    hs.add(k, v)
                fn = H.parse_forwarded if kind == "fwd" else H.parse_xforwarded
                return _pic16(fn(hs, cfg))
            if kind == "norm":
                return _pic16(H.fwd_normalize([tuple(p) for p in c[1]]))
            if kind == "host":
                return _pic16(H.parse_host(c[1]))
            if kind == "http1":
                return _pic16(H.format_http1_response(
                    c[1], [(k.encode(), v.encode()) for k, v in c[2]]))
            acc = H.parse_accept(c[1])
            m = acc.match(*c[2])
            return [[str(x) for x in acc], str(m), repr(m), bool(m),
                    m.header is not None and str(m.header), m == (c[2][0] if c[2] else ""),
                    [str(x) for x in H.parse_accept(c[1])] == [str(x) for x in acc]]

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- exc17
    def op_exc17(self, a):
        from sanic import exceptions as E

        cls = getattr(E, a["cls"])
        try:
            e = cls(_b17(a["message"]), **a["kw"])
        except Exception as err:
            return {"init": _exc16(err)}
        attrs = [_pic16(getattr(e, n, "<none>")) for n in
                 ("status_code", "quiet", "context", "extra", "headers", "message")]
        attrs += [str(e), _pic16(e.args), [c.__name__ for c in type(e).__mro__]]
        if not isinstance(e, Exception):  # RequestCancelled: a CancelledError, not raised
            return {"attrs": attrs}
        app = self.new_app()
        app.config.FALLBACK_ERROR_FORMAT = a["fmt"]
        if a["debug"]:
            from sanic.application.constants import Mode

            app.state.mode = Mode.DEBUG

        @app.get("/e")
        async def boom(request):
            raise e

        async def go():
            _, resp = await app.asgi_client.get("/e")
            import json
            import re

            body = resp.text
            if body.startswith("{"):
                try:
                    d = json.loads(body)
                    body = {k: d[k] for k in ("description", "status", "message", "context",
                                              "extra") if k in d}
                except ValueError:
                    pass
            elif body.startswith("<!DOCTYPE"):
                m = re.search(r"<title>(.*?)</title>", body, re.S)
                body = m.group(1) if m else body[:60]
            else:
                body = body.split("\n")[0]
            hs = _hdrs17((k, v) for k, v in resp.headers.items()
                         if k.lower() not in ("date", "content-length"))
            return [resp.status, hs, _pic16(body)]

        try:
            wire = self.run(go())
        except Exception as err:
            wire = _exc16(err)
        return {"attrs": attrs, "wire": wire}

    # -------------------------------------------------------------------- cfg17
    def op_cfg17(self, a):
        import os
        import tempfile
        from pathlib import Path

        from sanic.config import Config, DetailedConverter

        def prefix(v):
            if v.startswith("n:"):
                return int(v[2:])
            raise ValueError(v)

        class Det(DetailedConverter):
            def __call__(self, full_key, config_key, value, defaults):
                if config_key == "A":
                    return f"det:{full_key}:{value}"
                raise ValueError(value)

        def raise_(v):
            raise RuntimeError("conv")

        convs = {"int": int, "float": float, "prefix": prefix, "detailed": Det(),
                 "raise": raise_, "str": str, "not_callable": 5}
        saved = dict(os.environ)
        tmp = tempfile.mkdtemp(prefix="cfg17")
        try:
            os.environ.update(a["preset"])
            kw = {}
            if a["prefix"] is not None:
                kw["env_prefix"] = a["prefix"]
            if a["converters"] is not None:
                kw["converters"] = [convs[c] for c in a["converters"]]
            try:
                cfg = Config(**kw)
            except Exception as e:
                return {"init": _exc16(e)}
            base = set(cfg)

            def snap():
                return sorted([k, _pic16(v)] for k, v in cfg.items() if k not in base
                              or k in ("A", "KEEP_ALIVE"))

            def step(c):
                kind = c[0]
                if kind == "env":
                    old = dict(os.environ)
                    os.environ.update({c[1] + k: v for k, v in c[2].items()})
                    try:
                        r = cfg.load_environment_vars(c[1])
                    finally:
                        os.environ.clear()
                        os.environ.update(old)
                elif kind == "register":
                    r = cfg.register_type(convs[c[1]])
                elif kind == "file":
                    p = os.path.join(tmp, "c.py")
                    Path(p).write_text(c[1])
                    how = c[2]
                    if how == "str":
                        r = cfg.update_config(p)
                    elif how == "path":
                        r = cfg.update_config(Path(p))
                    elif how == "bytes":
                        r = cfg.update_config(p.encode())
                    elif how == "env":
                        os.environ["CFG17_DIR"] = tmp
                        try:
                            r = cfg.update_config("${CFG17_DIR}/c.py")
                        finally:
                            del os.environ["CFG17_DIR"]
                    else:
                        r = cfg.update_config(os.path.join(tmp, "nope.py"))
                elif kind == "obj":
                    o = type("O", (), {})()
                    for k, v in c[1].items():
                        setattr(o, k, v)
                    r = cfg.update_config(o)
                elif kind == "cls":
                    r = cfg.update_config(type("C", (), dict(c[1])))
                elif kind == "dict":
                    r = cfg.update_config(dict(c[1]))
                else:
                    r = [c[1] in cfg, _pic16(cfg.get(c[1], "<none>"))]
                    try:
                        r.append(_pic16(getattr(cfg, c[1])))
                    except AttributeError as e:
                        r.append(_exc16(e)["exc"][0])
                return [_pic16(r), snap()]

            out = []
            for c in a["calls"]:
                try:
                    out.append(step(c))
                except Exception as e:
                    msg = _exc16(e)
                    msg["msg"] = msg["msg"].replace(tmp, "TMP")
                    out.append([msg, snap()])
            return out
        finally:
            os.environ.clear()
            os.environ.update(saved)
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)

    # -------------------------------------------------------------------- bpcomp17
    def op_bpcomp17(self, a):
        from sanic import Blueprint, response
        from sanic.blueprint_group import BlueprintGroup

        app = self.new_app()
        bps = {}
        things = []

        def h(request):
            return response.text("x")

        async def wh(request, ws):
            pass

        def step(c):
            kind = c[0]
            if kind == "bp":
                i = c[1]
                bp = Blueprint(f"b{i}", url_prefix=c[2], version=c[3])
                bp.add_route(h, "/r", name="r")
                bp.add_websocket_route(wh, "/w", name="w")
                bp.middleware("request")(lambda r: None)
                bps[i] = bp
                things.append(bp)
                return [bp.name, bp.url_prefix, _pic16(bp.version)]
            if kind in ("register", "routes"):
                if kind == "register":
                    todo = things[-1:] if c[1] == "last" else list(things)
                    done = []
                    for t in todo:
                        names = [b.name for b in getattr(t, "blueprints", [t])]
                        try:
                            app.blueprint(t)
                            done.append([True, names])
                        except Exception as e:
                            done.append([_exc16(e)["exc"][0], names])
                    return done
                app.router.finalize()
                rs = sorted([r.name, r.path, sorted(r.methods)]
                            for r in app.router.routes)
                extra = sorted([b.name, b.copied_from, len(b.middlewares),
                                len(b.websocket_routes), b.registered]
                               for b in app.blueprints.values())
                return [rs, extra]
            _, i, prefix, version, strict, vprefix, nprefix = c
            bp = bps[i]
            kw = {"url_prefix": prefix, "version": version, "strict_slashes": strict,
                  "version_prefix": vprefix, "name_prefix": nprefix}
            if kind == "group":
                g = Blueprint.group(bp, **kw)
            elif kind == "BG":
                g = BlueprintGroup(**kw)
                g.append(bp)
            elif kind == "append":
                g = things[-1] if isinstance(things[-1], BlueprintGroup) else BlueprintGroup()
                g.append(bp)
            elif kind == "insert":
                g = BlueprintGroup(**kw)
                g.insert(0, bp)
            elif kind == "extend":
                g = BlueprintGroup(**kw)
                g.extend([bp, things[0]])
            elif kind == "nest":
                g = Blueprint.group(things[-1], **kw)
            else:
                cp = bp.copy(f"{bp.name}c{len(things)}", url_prefix=prefix, version=version,
                             version_prefix=vprefix)
                things.append(cp)
                return [cp.name, cp.url_prefix, _pic16(cp.version), cp.copied_from]
            things.append(g)
            return [type(g).__name__, g.url_prefix, _pic16(g.version), g.strict_slashes,
                    g.version_prefix, g.name_prefix, [b.name for b in g.blueprints]]

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- urlfor17
    def op_urlfor17(self, a):
        from sanic import Blueprint, response
        from sanic.views import HTTPMethodView

        app = self.new_app()
        if a["server_name"]:
            app.config.SERVER_NAME = a["server_name"]

        def h(request, **kw):
            return response.text("x")

        class V17(HTTPMethodView):
            def get(self, request):
                return response.text("v")

        app.add_route(h, "/a/<x:int>", name="a_int")
        app.add_route(h, "/b/<name:str>", name="b_str")
        app.add_route(V17.as_view(), "/view")
        bp = Blueprint("bp17", url_prefix="/bp", version=2)
        bp.add_route(h, "/c", name="c")
        bp.add_route(h, "/d/<x:float>", name="d")
        bp.add_route(V17.as_view(), "/bv")
        app.blueprint(bp)
        app.static("/st", "/tmp", name="static_r")
        app.router.finalize()

        def step(c):
            return app.url_for(c[0], **c[1])

        return _steps(a["calls"], step)

    # -------------------------------------------------------------------- views17
    def op_views17(self, a):
        from sanic import Blueprint, response
        from sanic.views import HTTPMethodView

        app = self.new_app()

        def deco(tag):
            def d(f):
                async def w(request, *args, **kw):
                    r = f(request, *args, **kw)
                    if hasattr(r, "__await__"):
                        r = await r
                    r.headers[f"x-d{tag}"] = "1"
                    return r
                return w
            return d

        def make(m):
            def fn(self, request):
                return response.text(f"{m}:{request.method}")
            return fn

        attrs = {m: make(m) for m in a["methods"]}
        attrs["decorators"] = [deco(i) for i in range(a["decorators"])]
        V = type("V", (HTTPMethodView,), attrs)
        how = a["how"]
        kw = {}
        if a["version"] is not None:
            kw["version"] = a["version"]
        if a["name"]:
            kw["name"] = a["name"]
        target = app
        if how.startswith("bp_"):
            target = Blueprint("vb", url_prefix="/b")
        path = "/v"
        try:
            if how in ("as_view", "bp_as_view"):
                target.add_route(V.as_view(), path, **kw)
            elif how in ("attach", "bp_attach"):
                V.attach(target, path, **kw)
            elif how == "attach_methods":
                V.attach(target, path, methods=[m.upper() for m in a["methods"]] or ["GET"],
                         **kw)
            else:
                target.route(path, methods=[m.upper() for m in a["methods"]] or None,
                             **kw)(V.as_view())
            if target is not app:
                app.blueprint(target)
            app.router.finalize()
        except Exception as e:
            return {"register": _exc16(e)}
        routes = sorted([r.name, r.path, sorted(r.methods)] for r in app.router.routes)
        url = "/" + routes[0][1] if routes else "/v"

        async def go(method):
            _, resp = await app.asgi_client.request(method.lower(), url)
            hs = sorted([k.lower(), v] for k, v in resp.headers.items()
                        if k.lower().startswith("x-d") or k.lower() == "allow")
            return [resp.status, hs, resp.text if resp.status < 400 else ""]

        out = []
        for m in a["requests"]:
            try:
                out.append(self.run(go(m)))
            except Exception as e:
                out.append(_exc16(e))
        return {"routes": routes, "requests": out}

    # -------------------------------------------------------------------- names17
    def op_names17(self, a):
        import importlib
        import os
        import tempfile

        def lookup(path):
            parts = path.split(".")
            for i in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:i]))
                except ImportError:
                    continue
                for part in parts[i:]:
                    obj = getattr(obj, part)
                return obj
            raise ImportError(path)

        def pic(v):
            import enum

            if isinstance(v, type) and issubclass(v, enum.Enum):
                return [[m.name, _pic16(m.value)] for m in v]
            if isinstance(v, type):
                return ["class", v.__name__]
            if isinstance(v, dict):
                return sorted([str(k), v.__name__ if isinstance(v, type) else
                               (getattr(x, "__name__", None) or _pic16(x))]
                              for k, x in v.items())
            if isinstance(v, tuple) and all(isinstance(x, type) for x in v):
                return sorted(x.__name__ for x in v)
            return _pic16(v)

        def step(c):
            kind = c[0]
            if kind == "name" and c[1].startswith("app:"):
                v = getattr(self.new_app(), c[1][4:])
                return [v.__module__, v.__qualname__]
            if kind == "name":
                return pic(lookup(c[1]))
            if kind == "parse_url":
                from sanic.request.types import parse_url

                u = parse_url(_b17(c[1]))
                return [_pic16(getattr(u, n, None)) for n in
                        ("schema", "host", "port", "path", "query", "fragment", "userinfo")]
            if kind == "json_loads":
                from sanic.request.types import json_loads

                return _pic16(json_loads(c[1]))
            if kind == "open_async":
                from sanic.compat import open_async

                with tempfile.TemporaryDirectory() as d:
                    p = os.path.join(d, "f")
                    with open(p, "w") as f:
                        f.write("data")

                    async def go():
                        async with await open_async(p, c[1]) as f:
                            if c[1] == "w":
                                return await f.write("x")
                            return await f.read()

                    return _pic16(self.run(go()))
            if kind == "ws_tasks":
                app = self.new_app()
                return _pic16(app.websocket_tasks)
            from sanic.errorpages import FALLBACK_STATUS, FALLBACK_TEXT

            return [FALLBACK_TEXT, FALLBACK_STATUS]

        return _steps(a["calls"], step)
