"""Fourteenth-round areas for ``apidiff.py``: public names no earlier area called.

``req_parsed``: what a handler reads of its ``Request`` beyond the parsed properties: the
``parsed_*`` caches before and after the properties fill them, ``get_cookies()``,
``raw_headers``, ``responded``, ``network_paths``, ``scope``, ``conn_info``'s attributes,
mixed with ``get_args``/``get_query_args``/``get_form``/``load_json`` and the route's
names. ``resp_stream``: ``sanic.response.types.ResponseStream`` made by hand with every
keyword and returned by a handler (streaming functions writing str, bytes, nothing,
calling ``eof``, raising), and ``sanic.response.convenience.guess_content_type``.
``log_fmt``: the formatters of ``sanic.logging.formatter`` (``Auto``, ``Legacy``,
``Debug``, ``Prod``, ``JSON`` and their access forms) over records of every level, logger,
message, extra field and exception, with and without colour. ``shared_ctx``:
``SharedContext`` (``app.shared_ctx``) with values of each kind, ``lock``, ``is_locked``,
``SAFE`` names, and ``HashableDict``. ``catch_exc``: ``app.catch_exception`` with errors
raised in handlers, middleware, signals, background tasks and exception handlers.
``route_utils``: ``sanic_routing.utils.path_to_parts``/``parts_to_path`` over paths with
well- and malformed parameter declarations, ``patterns.parse_date`` and the
``REGEX_TYPES`` casts and patterns.

Generators (``GENERATORS14``) are run by the driver; the worker's operations (``Ops14``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import json
import re

# ------------------------------------------------------------------------- generators

RQ_QUERIES = ["", "a=1", "a=1&a=2&b=", "a=%C3%BC&b=x+y", "=1&&a", "a=1;b=2", "x=%zz", "b"]
RQ_COOKIES = [None, "a=1", "a=1; b=2", "a=1; a=2", "__Host-x=1", 'q="v w"', "bad"]
RQ_AUTH = [None, "Bearer tok", "Basic YTpi", "Basic !!", "Token abc", "bearer x", "Bearer"]
RQ_ACCEPT = [None, "text/html", "text/html;q=0.5, */*", "application/json;q=0", "a/b, c/d;x=1"]
RQ_FWD = [None, "for=1.2.3.4", "for=1.2.3.4;secret=s;proto=https;host=h.x", "by=_x;for=[::1]"]
RQ_XFF = [None, "1.2.3.4", "1.2.3.4, 5.6.7.8", "unknown"]
RQ_BODIES = [
    ["none"],
    ["json", '{"k": 1}'],
    ["json", "[1, 2]"],
    ["json", "{bad"],
    ["json", ""],
    ["form", "a=1&b=2&a=3"],
    ["form", "x=%C3%BC"],
    ["multi", "a", "1"],
    ["text", "hello"],
]
RQ_PARSED = [
    "parsed_json",
    "parsed_args",
    "parsed_not_grouped_args",
    "parsed_form",
    "parsed_files",
    "parsed_accept",
    "parsed_credentials",
    "parsed_token",
    "parsed_forwarded",
    "parsed_cookies",
]
RQ_PROPS = ["args", "query_args", "cookies", "accept", "credentials", "token", "forwarded"]
RQ_PROPS += ["json", "form", "files", "match_info", "uri_template", "endpoint", "name"]
RQ_PROPS += ["raw_url", "path", "query_string", "content_type", "remote_addr", "ip"]
RQ_PROPS += ["scheme", "host", "server_name", "server_port", "port", "url", "protocol"]
RQ_ODD = ["get_cookies", "raw_headers", "responded", "network_paths", "scope_keys"]
RQ_ODD += ["conn_info", "respond", "reset", "get_form", "load_json"]
RQ_ARGKW = [
    {},
    {"keep_blank_values": True},
    {"strict_parsing": True},
    {"encoding": "latin-1"},
    {"errors": "strict"},
    {"keep_blank_values": True, "strict_parsing": True},
]
RQ_CONFIG = [
    {},
    {},
    {"FORWARDED_SECRET": "s"},
    {"PROXIES_COUNT": 1},
    {"REAL_IP_HEADER": "x-real-ip"},
    {"FORWARDED_SECRET": "s", "PROXIES_COUNT": 1},
]


def _rq_read(rng):
    k = rng.random()
    if k < 0.35:
        return ["parsed", rng.choice(RQ_PARSED)]
    if k < 0.6:
        return ["prop", rng.choice(RQ_PROPS)]
    if k < 0.75:
        return [rng.choice(["get_args", "get_query_args"]), rng.choice(RQ_ARGKW)]
    return [rng.choice(RQ_ODD), rng.choice(RQ_ARGKW)]


def gen_req_parsed(rng):
    headers = {}
    for name, pool in (
        ("cookie", RQ_COOKIES),
        ("authorization", RQ_AUTH),
        ("accept", RQ_ACCEPT),
        ("forwarded", RQ_FWD),
        ("x-forwarded-for", RQ_XFF),
    ):
        v = rng.choice(pool)
        if v is not None:
            headers[name] = v
    if rng.random() < 0.2:
        headers["x-real-ip"] = rng.choice(["9.9.9.9", "::1", "bad"])
    return {
        "config": rng.choice(RQ_CONFIG),
        "method": rng.choice(["GET", "POST", "POST", "PUT"]),
        "path": rng.choice(["/r/1", "/r/x", "/plain", "/r/%C3%BC"]),
        "query": rng.choice(RQ_QUERIES),
        "headers": headers,
        "body": rng.choice(RQ_BODIES),
        "reads": [_rq_read(rng) for _ in range(rng.randint(1, 8))],
        "via": "server" if rng.random() < 0.15 else "asgi",
    }


RS_WRITES = [["str", "a"], ["bytes", "b"], ["str", ""], ["bytes", ""], ["str", "ü"]]
# A dict written fails in both (a 500 over the wire; under the ASGI client httpx raises
# TypeError, or Sanic's response never completes): not generated.
RS_WRITES += [["eof"], ["raise"], ["none"], ["sleep"]]
RS_HEADERS = [None, {}, {"x": "1"}, {"content-type": "text/csv"}, {"content-length": "2"}]
RS_HEADERS += [{"X-A": "b", "set-cookie": "a=1"}, ["header", [["x", "1"], ["x", "2"]]]]
RS_CTYPES = ["omit", "omit", None, "text/csv", "application/json", "", "text/plain; charset=x"]
RS_STATUS = ["omit", "omit", 200, 201, 204, 304, 404, 500, 299]
RS_FILES = ["a.txt", "a", "x.JSON", "x.tar.gz", "", "a.b/c", "a.html", "a.js", "a.svg"]
RS_FILES += ["x.webp", "x.csv", "x.md", ".bashrc", "a.TXT", "x.mp4", "x.wasm", "x.py", "x.ü"]
RS_FILES += ["x.gz", "x.json.gz", "dir/", "x.unknownext", "x.htm", "x.xml", "x.mjs"]


def gen_resp_stream(rng):
    if rng.random() < 0.3:
        return {
            "kind": "guess",
            "names": rng.sample(RS_FILES, rng.randint(1, 5)),
            "fallback": rng.choice(["omit", "omit", "z/z", "", None]),
            "path": rng.random() < 0.3,
        }
    return {
        "kind": "stream",
        "writes": [rng.choice(RS_WRITES) for _ in range(rng.randint(0, 4))],
        "status": rng.choice(RS_STATUS),
        "headers": rng.choice(RS_HEADERS),
        "ctype": rng.choice(RS_CTYPES),
        "method": rng.choice(["GET", "GET", "HEAD"]),
        "after": rng.choice([None, None, "set_header", "set_status", "mw_header"]),
    }


LF_CLASSES = ["AutoFormatter", "LegacyFormatter", "DebugFormatter", "ProdFormatter"]
LF_CLASSES += ["JSONFormatter", "AutoAccessFormatter", "LegacyAccessFormatter"]
LF_CLASSES += ["DebugAccessFormatter", "ProdAccessFormatter", "JSONAccessFormatter"]
LF_LOGGERS = ["sanic.root", "sanic.access", "sanic.error", "sanic.server", "other", "sanic"]
LF_LEVELS = [10, 20, 20, 30, 40, 50, 25, 5, 0]
LF_MSGS = [["hello", []], ["hello %s", ["w"]], ["", []], ["a\nb", []], ["x" * 120, []]]
LF_MSGS += [["%d items", [3]], ["ü ✓", []], [["obj"], []], ["tab\there", []], ["%%", []]]
LF_EXTRAS = [{}, {}, {"user": "bob"}, {"n": 5, "ok": True}, {"nested": {"a": [1]}}]
LF_EXTRAS += [{"ident": "W1"}, {"verbosity": 1}, {"x": None}, {"long_key_name": "v" * 30}]
LF_EXTRAS += [{"b": ["bytes", "x"]}, {"s": ["set", 1]}, {"o": ["odd"]}, {"f": 1.5, "l": [1, "a"]}]
LF_EXTRAS += [{"exc_text": "given"}, {"asctime": "early"}, {"taskName": "t"}, {"right": "r"}]
LF_ACCESS = [
    None,
    {"host": "1.2.3.4:5", "request": "GET /x", "status": 200, "byte": 12, "duration": 0.0123},
    {"host": "", "request": "POST /", "status": 500, "byte": -1, "duration": 1.5},
    {"host": "h", "request": "GET /", "status": 404, "byte": 0},
]


def gen_log_fmt(rng):
    return {
        "cls": rng.choice(LF_CLASSES),
        "atty": rng.choice([False, False, True]),
        "no_color": rng.choice([False, False, True]),
        "fmt_args": rng.choice([[], [], ["%(message)s"], ["%(levelname)s %(message)s"]]),
        "records": [
            {
                "logger": rng.choice(LF_LOGGERS),
                "level": rng.choice(LF_LEVELS),
                "msg": rng.choice(LF_MSGS),
                "extra": rng.choice(LF_EXTRAS),
                "access": rng.choice(LF_ACCESS),
                "exc": rng.random() < 0.15,
                "stack": rng.random() < 0.05,
            }
            for _ in range(rng.randint(1, 3))
        ],
    }


SC_VALUES = ["int", "str", "list", "dict", "none", "queue", "value", "array", "lock"]
SC_VALUES += ["event", "object", "tuple", "bytes", "float", "bool", "func"]
SC_NAMES = ["a", "b", "_x", "lock", "is_locked", "SAFE", "__dict__x"]  # not Sanic's own _lock


def gen_shared_ctx(rng):
    steps = []
    for _ in range(rng.randint(1, 6)):
        k = rng.random()
        if k < 0.6:
            steps.append(["set", rng.choice(SC_NAMES), rng.choice(SC_VALUES)])
        elif k < 0.7:
            steps.append(["lock"])
        elif k < 0.8:
            steps.append(["del", rng.choice(SC_NAMES)])
        elif k < 0.9:
            steps.append(["get", rng.choice(SC_NAMES)])
        else:
            steps.append(["hd", rng.choice([{}, {"a": 1}, {"a": [1]}, {"b": "x", "a": 1}])])
    return {"via": rng.choice(["app", "class"]), "steps": steps}


CE_WHERE = ["handler", "handler", "mw_request", "mw_response", "signal", "task"]
CE_WHERE += ["exc_handler", "none", "sanic_exc", "not_found"]
CE_HOW = ["decorator", "decorator", "call", "twice", "sync"]


def gen_catch_exc(rng):
    return {
        "how": rng.choice(CE_HOW),
        "where": rng.sample(CE_WHERE, rng.randint(1, 3)),
        "handler_raises": rng.random() < 0.15,
        "report": rng.random() < 0.2,
    }


RU_SEGS = ["a", "b", "x.y", "", "%C3%BC", "ü", "a b", "a%2Fb", "<x>", "<x:int>", "<y:str>"]
RU_SEGS += ["<p:path>", "<f:ext>", "<f=int>", "<x:[a-z/]+>", "<x:\\d{1,3}>", "<x:a{2,3}/b>"]
RU_SEGS += ["<x", "x>", "<>", "<:int>", "<x:>", "<x:(?P<x>\\w+)>", "<x::int>", "<1x>", "<x-y>"]
RU_SEGS += ["<ü>", "<x:float>", "<x:ext=txt>", "<x:ext=txt|md>", "<x y>", "<x:int:int>", "-"]
RU_DATES = ["2020-01-02", "2020-13-01", "2020-02-30", "20200102", "", "2020-1-2", "0000-01-01"]
RU_DATES += ["2020-01-02 ", "٢٠٢٠-٠١-٠٢", "2020/01/02", "9999-12-31", "2020-00-10", "abcd-ef-gh"]
RU_VALUES = ["1", "-1", "1.5", "abc", "ABC", "a-b", "a_b", "", "ü", "1e3", "x.txt", "x.tar.gz"]
RU_VALUES += ["123e4567-e89b-12d3-a456-426614174000", "2020-01-02", "a/b", " 1", "١٢", "nan"]
RU_VALUES += ["inf", "0x10", "1_000", "--", "a--b", "-a", "a-"]


def gen_route_utils(rng):
    k = rng.random()
    if k < 0.5:
        segs = [rng.choice(RU_SEGS) for _ in range(rng.randint(0, 4))]
        lead = rng.choice(["/", "/", "", "//"])
        return {
            "kind": "parts",
            "path": lead + rng.choice(["/", "/", "/", "."]).join(segs),
            "delimiter": rng.choice(["/", "/", "/", ".", "//"]),
        }
    if k < 0.7:
        return {"kind": "date", "values": rng.sample(RU_DATES, rng.randint(1, 4))}
    return {
        "kind": "cast",
        "types": rng.sample(
            ["int", "float", "alpha", "slug", "str", "strorempty", "uuid", "ymd", "path", "ext"],
            rng.randint(1, 3),
        ),
        "values": rng.sample(RU_VALUES, rng.randint(1, 5)),
    }


GENERATORS14 = {
    "req_parsed": gen_req_parsed,
    "resp_stream": gen_resp_stream,
    "log_fmt": gen_log_fmt,
    "shared_ctx": gen_shared_ctx,
    "catch_exc": gen_catch_exc,
    "route_utils": gen_route_utils,
}
SLOW14: dict[str, float] = {}


# ------------------------------------------------------------------------- worker side


def _exc14(e):
    return {"exc": [c.__name__ for c in type(e).__mro__], "msg": str(e)}


def _pic(v, depth=0):
    """A picture of a value with the names of its container types."""
    if depth > 4:
        return "..."
    if isinstance(v, (str, bytes)):  # httpx's multipart boundary is random
        text = v if isinstance(v, str) else v.decode("latin-1")
        text = re.sub(r"boundary=\w+", "boundary=B", text)
        return text if isinstance(v, str) else {"bytes": text}
    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, dict):
        items = sorted(([str(k), _pic(x, depth + 1)] for k, x in v.items()), key=str)
        return {"type": type(v).__name__, "items": items}
    if isinstance(v, (list, tuple)):
        return {"type": type(v).__name__, "items": [_pic(x, depth + 1) for x in v]}
    text = str(v)
    if " object at 0x" in text:
        return {"type": type(v).__name__, "str": None}
    return {"type": type(v).__name__, "str": re.sub(r" at 0x[0-9a-f]+", "", text)}


class _Odd14:
    """An object JSON cannot encode, whose str() and repr() are the same in both."""

    def __str__(self):
        return "odd"

    def __repr__(self):
        return "Odd()"


def _mask_ports(v):
    """The test server's random ports (in conn_info, raw_headers, URLs) as P."""
    if isinstance(v, str):
        return re.sub(r"(127\.0\.0\.1|localhost):\d+", r"\1:P", v)
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return "P" if 1024 <= v <= 65535 else v
    if isinstance(v, dict):
        return {k: _mask_ports(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_mask_ports(x) for x in v]
    return v


class Ops14:
    def op_req_parsed(self, a):
        from sanic import response

        app = self.new_app(**a["config"])
        out = []

        async def handler(request, **kw):
            for what, arg in a["reads"]:
                try:
                    out.append([what, arg, await self._rq_read(request, what, arg)])
                except Exception as e:
                    out.append([what, arg, _exc14(e)])
            if request.responded:
                return None
            return response.text("done")

        app.route("/r/<x>", methods=["GET", "POST", "PUT"], name="r")(handler)
        app.route("/plain", methods=["GET", "POST", "PUT"], name="plain")(handler)

        def request_kw():
            kw = {"headers": dict(a["headers"])}
            body = a["body"]
            if body[0] == "json":
                kw["content"] = body[1].encode()
                kw["headers"]["content-type"] = "application/json"
            elif body[0] == "form":
                kw["content"] = body[1].encode()
                kw["headers"]["content-type"] = "application/x-www-form-urlencoded"
            elif body[0] == "multi":
                kw["files"] = {body[1]: ("f.txt", body[2].encode(), "text/plain")}
            elif body[0] == "text":
                kw["content"] = body[1].encode()
                kw["headers"]["content-type"] = "text/plain"
            return kw

        url = a["path"] + ("?" + a["query"] if a["query"] else "")
        if a.get("via") == "server":
            # sanic-testing's client: a real server on a random port, one request
            _, resp = app.test_client.request(url, http_method=a["method"].lower(), **request_kw())
            res = [resp.status, resp.text if resp.status != 500 else None]
            return {"reads": _mask_ports(out), "resp": res}

        async def go():
            _, resp = await app.asgi_client.request(a["method"].lower(), url, **request_kw())
            return [resp.status, resp.text if resp.status != 500 else None]

        res = self.run(go())
        return {"reads": out, "resp": res}

    async def _rq_read(self, request, what, arg):
        if what == "parsed":
            return _pic(getattr(request, arg))
        if what == "prop":
            v = getattr(request, arg)
            if arg == "credentials" and v is not None:
                return [v.auth_type, v.token, v.username, v.password]
            if arg in ("accept",):
                return [str(m) for m in v]
            return _pic(v)
        if what in ("get_args", "get_query_args"):
            return _pic(getattr(request, what)(**arg))
        if what == "get_cookies":
            return _pic(request.get_cookies())
        if what == "raw_headers":
            return _pic(request.raw_headers)
        if what == "responded":
            return request.responded
        if what == "network_paths":
            return _pic(request.network_paths)
        if what == "scope_keys":
            scope = request.scope
            return sorted(scope) if isinstance(scope, dict) else _pic(scope)
        if what == "conn_info":
            ci = request.conn_info
            if ci is None:
                return None
            names = ["client", "client_ip", "client_port", "server", "server_name"]
            names += ["server_port", "peername", "sockname", "ssl", "network_paths"]
            return {n: _pic(getattr(ci, n, "MISSING")) for n in names}
        if what == "respond":
            from sanic import response

            r = await request.respond(response.text("early"))
            return [type(r).__name__, request.responded]
        if what == "reset":
            request.reset_response()
            return request.responded
        if what == "get_form":
            kw = {k: v for k, v in arg.items() if k != "strict_parsing"}
            return _pic(request.get_form(**kw))
        if what == "load_json":
            return _pic(request.load_json(loads=json.loads if arg else None))
        raise AssertionError(what)

    def op_resp_stream(self, a):
        if a["kind"] == "guess":
            from pathlib import PurePath

            from sanic.response.convenience import guess_content_type

            out = []
            for n in a["names"]:
                arg = PurePath(n) if a["path"] and n else n
                kw = {} if a["fallback"] == "omit" else {"fallback": a["fallback"]}
                try:
                    out.append(guess_content_type(arg, **kw))
                except Exception as e:
                    out.append(_exc14(e))
            return out
        import asyncio

        from sanic.compat import Header
        from sanic.response.types import ResponseStream

        app = self.new_app()
        made = {}

        async def fn(resp):
            for w in a["writes"]:
                if w[0] == "str":
                    await resp.write(w[1])
                elif w[0] == "bytes":
                    await resp.write(w[1].encode())
                elif w[0] == "eof":
                    await resp.eof()
                elif w[0] == "raise":
                    raise ValueError("boom")
                elif w[0] == "dict":
                    await resp.write({"a": 1})
                elif w[0] == "sleep":
                    await asyncio.sleep(0)

        @app.route("/s", methods=["GET", "HEAD"])
        async def handler(request):
            kw = {}
            if a["status"] != "omit":
                kw["status"] = a["status"]
            h = a["headers"]
            if isinstance(h, list):
                h = Header([tuple(p) for p in h[1]])
            if h is not None:
                kw["headers"] = h
            if a["ctype"] != "omit":
                kw["content_type"] = a["ctype"]
            s = ResponseStream(fn, **kw)
            made["attrs"] = [s.status, s.content_type, sorted(s.headers.items())]
            if a["after"] == "set_header":
                s.headers["x-after"] = "1"
            elif a["after"] == "set_status":
                s.status = 202
            return s

        if a["after"] == "mw_header":

            @app.on_response
            async def mw(request, resp):
                resp.headers["x-mw"] = type(resp).__name__

        async def go():
            try:
                _, resp = await app.asgi_client.request(a["method"].lower(), "/s")
            except Exception as e:
                return _exc14(e)
            hs = sorted([k.lower(), v] for k, v in resp.headers.items())
            return [resp.status, hs, resp.text if resp.status != 500 else None]

        res = self.run(go())
        return {"made": made.get("attrs"), "resp": res}

    def op_log_fmt(self, a):
        import logging
        import sys

        from sanic.logging import formatter as F

        cls = getattr(F, a["cls"])
        # LOG_EXTRA pinned to its import-time value: an earlier area's app.prepare() sets
        # it from the app's debug (Sanic's prepare(version=3) does before its refusal,
        # Hurtle's refuses first), which is not what this area compares.
        saved = (cls.ATTY, cls.NO_COLOR)
        own_extra = cls.__dict__.get("LOG_EXTRA")
        cls.ATTY, cls.NO_COLOR, cls.LOG_EXTRA = a["atty"], a["no_color"], True
        out = []
        try:
            try:
                fmt = cls(*a["fmt_args"])
            except Exception as e:
                return {"ctor": _exc14(e)}
            for r in a["records"]:
                msg, args = r["msg"]
                if isinstance(msg, list):
                    msg = {"obj": msg[0]}
                exc_info = None
                if r["exc"]:
                    try:
                        raise KeyError("k")
                    except KeyError:
                        exc_info = sys.exc_info()
                rec = logging.LogRecord(
                    r["logger"], r["level"], "/x/y.py", 12, msg, tuple(args), exc_info
                )
                rec.created = 1700000000.25
                rec.msecs = 250.0
                rec.process = 42
                rec.processName = "MainProcess"
                rec.thread = 7
                rec.threadName = "MainThread"
                if r.get("stack"):
                    rec.stack_info = "Stack (most recent call last):\n  frame"
                for k, v in r["extra"].items():
                    if isinstance(v, list) and v[:1] == ["bytes"]:
                        v = v[1].encode()
                    elif isinstance(v, list) and v[:1] == ["set"]:
                        v = {v[1]}
                    elif v == ["odd"]:
                        v = _Odd14()
                    setattr(rec, k, v)
                if r["access"]:
                    for k, v in r["access"].items():
                        setattr(rec, k, v)
                try:
                    text = fmt.format(rec)
                    out.append(self._lf_clean(text))
                except Exception as e:
                    out.append(_exc14(e))
        finally:
            cls.ATTY, cls.NO_COLOR = saved
            if own_extra is None:
                del cls.LOG_EXTRA
            else:
                cls.LOG_EXTRA = own_extra
        return out

    @staticmethod
    def _lf_clean(text):
        """Traceback frames name each framework's files: keep the exception's line."""
        import re

        return re.sub(r'  File "[^"]*", line \d+, in [^\n]*\n(    [^\n]*\n)*', "", text)

    def op_shared_ctx(self, a):
        import logging
        import multiprocessing as mp
        import warnings

        from sanic.types.hashable_dict import HashableDict
        from sanic.types.shared_ctx import SharedContext

        def value(kind):
            return {
                "int": lambda: 1,
                "str": lambda: "s",
                "list": lambda: [1],
                "dict": lambda: {"a": 1},
                "none": lambda: None,
                "queue": lambda: mp.Queue(),
                "value": lambda: mp.Value("i", 1),
                "array": lambda: mp.Array("i", [1, 2]),
                "lock": lambda: mp.Lock(),
                "event": lambda: mp.Event(),
                "object": lambda: object(),
                "tuple": lambda: (1,),
                "bytes": lambda: b"x",
                "float": lambda: 1.5,
                "bool": lambda: True,
                "func": lambda: len,
            }[kind]()

        ctx = self.new_app().shared_ctx if a["via"] == "app" else SharedContext()
        out = [type(ctx).__name__]  # SharedContext.SAFE: listed, not implemented
        for step in a["steps"]:
            warned = []

            names = ("sanic.error", "sanic.root", "sanic.server")
            handlers = [logging.Handler() for _ in names]
            for h, n in zip(handlers, names, strict=True):
                h.emit = lambda rec, w=warned: w.append(rec.levelname)
                logging.getLogger(n).addHandler(h)
                logging.getLogger(n).setLevel(logging.DEBUG)
            logging.disable(logging.NOTSET)
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    try:
                        if step[0] == "set":
                            setattr(ctx, step[1], value(step[2]))
                            r = "set"
                        elif step[0] == "lock":
                            r = [ctx.lock(), ctx.is_locked]
                        elif step[0] == "del":
                            delattr(ctx, step[1])
                            r = "deleted"
                        elif step[0] == "get":
                            v = getattr(ctx, step[1])
                            r = "method" if callable(v) and not isinstance(v, type) else _pic(v)
                            if step[1] in ("a", "b", "_x", "lock") and not isinstance(r, str):
                                r = type(v).__name__
                        else:
                            hd = HashableDict(step[1])
                            try:
                                r = [hash(hd) == hash(HashableDict(step[1])), dict(hd)]
                            except TypeError as e:
                                r = _exc14(e)
                    except Exception as e:
                        r = _exc14(e)
                out.append([step, r, warned, [w.category.__name__ for w in caught]])
            finally:
                logging.disable(logging.CRITICAL)
                for h, n in zip(handlers, names, strict=True):
                    logging.getLogger(n).removeHandler(h)
        out.append(ctx.is_locked)
        return out

    def op_catch_exc(self, a):
        import asyncio

        from sanic import response
        from sanic.exceptions import NotFound, SanicException

        app = self.new_app()
        caught = []

        async def catcher(app_, exc):
            caught.append([type(exc).__name__, str(exc), app_ is app])
            if a["handler_raises"]:
                raise RuntimeError("catcher failed")

        def sync_catcher(app_, exc):
            caught.append(["sync", type(exc).__name__])

        reg = []
        try:
            if a["how"] == "decorator":
                reg.append(repr(app.catch_exception(catcher)))
            elif a["how"] == "call":
                reg.append(repr(app.catch_exception(handler=catcher)))
            elif a["how"] == "twice":
                app.catch_exception(catcher)
                reg.append(repr(app.catch_exception(catcher)))
            else:
                reg.append(repr(app.catch_exception(sync_catcher)))
        except Exception as e:
            reg.append(_exc14(e))
        where = a["where"]

        @app.get("/h")
        async def h(request):
            if "handler" in where:
                raise ValueError("in handler")
            if "sanic_exc" in where:
                raise SanicException("teapot", status_code=418)
            if "not_found" in where:
                raise NotFound("nf")
            if "task" in where:

                async def t():
                    raise LookupError("in task")

                app.add_task(t())
                await asyncio.sleep(0.01)
            if "exc_handler" in where:
                raise KeyError("to handler")
            if "report" in a and a["report"]:
                app.report_exception(TypeError("reported"))
            return response.text("ok")

        if "exc_handler" in where:

            @app.exception(KeyError)
            async def eh(request, exc):
                raise OSError("handler broke")

        if "mw_request" in where:

            @app.on_request
            async def mwq(request):
                raise ArithmeticError("in request mw")

        if "mw_response" in where:

            @app.on_response
            async def mws(request, resp):
                raise AttributeError("in response mw")

        if "signal" in where:

            @app.signal("http.lifecycle.handle")
            async def sig(request, **kw):
                raise BufferError("in signal")

        async def go():
            _, resp = await app.asgi_client.get("/h")
            for _ in range(5):
                await asyncio.sleep(0.005)
            return resp.status

        try:
            status = self.run(go())
        except Exception as e:
            status = _exc14(e)
        return {
            "reg": [r if isinstance(r, dict) else "ok" for r in reg],
            "status": status,
            "caught": sorted(caught, key=str),
        }

    def op_route_utils(self, a):
        from sanic_routing.patterns import REGEX_TYPES, parse_date
        from sanic_routing.utils import parts_to_path, path_to_parts

        if a["kind"] == "parts":
            try:
                parts = path_to_parts(a["path"], a["delimiter"])
            except Exception as e:
                return {"parts": _exc14(e)}
            try:
                back = parts_to_path(parts, a["delimiter"])
            except Exception as e:
                back = _exc14(e)
            return {"parts": list(parts), "back": back}
        out = []
        if a["kind"] == "date":
            for v in a["values"]:
                try:
                    out.append(str(parse_date(v)))
                except Exception as e:
                    out.append(_exc14(e))
            return out
        for t in a["types"]:
            cast, pattern = REGEX_TYPES[t]
            for v in a["values"]:
                try:
                    got = cast(v)
                    got = _pic(got)
                except Exception as e:
                    got = _exc14(e)
                match = pattern.fullmatch(v) if hasattr(pattern, "fullmatch") else None
                out.append([t, v, got, None if match is None else match.group(0)])
        return out
