"""Third-round areas for ``apidiff.py``: what an app's own structure decides.

Exceptions raised from handlers (every class of ``sanic.exceptions``, custom subclasses,
route ``error_format``, the request's ``Accept``/``Content-Type``, debug mode, and the log
records), exception handlers (app, blueprint, ``error_handler.add``, hierarchies, lists,
handlers that return nothing or raise), middleware chains (app and blueprint, priorities,
early responses, raising, changing the response: the order they run in), blueprint and
group composition (prefixes, versions, strict slashes, hosts, nesting, ``copy``: the routes,
``url_for`` and what requests get), configuration (``SANIC_`` environment variables,
``env_prefix``, ``converters``, ``update_config``, attribute errors), request properties
behind proxies (``ip``, ``scheme``, ``host``, ``server_name``, ``url``, ``url_for``) and
signals (``dispatch`` with conditions, ``where``, ``wait_for``/``event``, raising handlers).

Generators (``GENERATORS3``) are run by the driver; the worker's operations (``Ops3``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import json
import re

from apidiff_cases import rstr

# ------------------------------------------------------------------------- generators

EXC_ALL = [
    "SanicException",
    "HTTPException",
    "NotFound",
    "BadRequest",
    "InvalidUsage",
    "BadURL",
    "MethodNotAllowed",
    "MethodNotSupported",
    "ServerError",
    "InternalServerError",
    "ServiceUnavailable",
    "URLBuildError",
    "FileNotFound",
    "RequestTimeout",
    "PayloadTooLarge",
    "HeaderNotFound",
    "InvalidHeader",
    "RangeNotSatisfiable",
    "ContentRangeError",
    "ExpectationFailed",
    "HeaderExpectationFailed",
    "Forbidden",
    "InvalidRangeType",
    "PyFileError",
    "Unauthorized",
    "LoadFileException",
    "InvalidSignal",
    "WebsocketClosed",
    "ServerKilled",
]
PLAIN_EXC = ["ValueError", "KeyError", "RuntimeError", "Exception", "ZeroDivisionError"]
MESSAGES = ["boom", "", "<i>x</i>", "a\nb", "é ü", 'q"t', "x" * 40, None]


def exc_spec(rng, classes=EXC_ALL):
    """A random exception: class, positional and keyword arguments."""
    r = rng.random()
    if r < 0.1:
        return {"cls": rng.choice(PLAIN_EXC), "args": [rng.choice(["v", "", "é"])], "kw": {}}
    if r < 0.25:
        attrs = {}
        for k, choices in [
            ("status_code", [400, 418, 451, 500, 503, 299]),
            ("quiet", [True, False]),
            ("message", ["class message", ""]),
            ("headers", [{"x-cls": "1"}]),
        ]:
            if rng.random() < 0.5:
                attrs[k] = rng.choice(choices)
        spec = {"cls": "custom", "base": rng.choice(["SanicException", "NotFound", "ServerError"])}
        spec["attrs"] = attrs
    else:
        spec = {"cls": rng.choice(classes)}
    args, kw = [], {}
    if rng.random() < 0.75:
        m = rng.choice(MESSAGES)
        args.append(m if m is not None else rstr(rng, uni=0.1))
    cls = spec["cls"]
    if cls in ("MethodNotAllowed", "MethodNotSupported"):
        args = [args[0] if args else "m", rng.choice(["PUT", ""]), rng.choice([["GET"], [], None])]
    elif cls == "FileNotFound" and rng.random() < 0.5:
        args = [args[0] if args else "f", "/tmp/x.txt", rng.choice(["/x.txt", None])]
    elif cls == "PyFileError":
        args = [rng.choice(["conf.py", "/a b.py"])]
    elif cls == "Unauthorized" and rng.random() < 0.6:
        args = [args[0] if args else "auth", rng.choice(["Basic", "Bearer", "Digest", None])]
        for k in rng.sample(["realm", "qop", "nonce", "error"], rng.randint(0, 2)):
            kw[k] = rng.choice(["r", "a b", 'q"t', "auth,auth-int"])
    if rng.random() < 0.25 and cls in ("SanicException", "LoadFileException", "custom"):
        kw["status_code"] = rng.choice([400, 401, 404, 405, 418, 500, 503, 299, 302, 600])
    if rng.random() < 0.25:
        kw["quiet"] = rng.choice([True, False, None])
    if rng.random() < 0.2:
        kw["context"] = rng.choice([{"a": 1}, {"k": "é", "n": None}, {}, {"l": [1, "x"]}])
    if rng.random() < 0.2:
        kw["extra"] = rng.choice([{"e": 1}, {"k": "v"}, {}])
    if rng.random() < 0.25:
        kw["headers"] = rng.choice(
            [{"x-h": "1"}, {"content-type": "text/x"}, {"X-H": "é"}, {"retry-after": "5"}, {}]
        )
    spec.update(args=args, kw=kw)
    return spec


ACCEPTS = [
    None,
    "text/html",
    "application/json",
    "text/plain",
    "*/*",
    "image/png",
    "text/plain;q=0.5, application/json",
    "text/*",
    "application/*;q=0.9, text/html;q=0.8",
    "text/html, application/json",
    "application/json, text/html",
]


def gen_exc3(rng):
    """An exception raised by a handler: status, headers, page and log records."""
    config = {
        "FALLBACK_ERROR_FORMAT": rng.choice(["auto", "text", "json", "html"]),
        "DEBUG": rng.random() < 0.3,
    }
    if rng.random() < 0.1:
        config["NOISY_EXCEPTIONS"] = True
    return {
        "exc": exc_spec(rng),
        "config": config,
        "error_format": rng.choice([None, None, "auto", "html", "json", "text"]),
        "accept": rng.choice(ACCEPTS),
        "body": rng.choice([None, "json", "form", "text", "badjson"]),
        "method": rng.choice(["post", "post", "get", "put"]),
    }


HIER = ["Base", "Child", "GrandChild", "Other"]


def handler_spec(rng):
    behaviour = rng.choice(["text", "text", "json", "none", "str", "raise", "raise_same", "status"])
    spec = {"do": behaviour}
    if behaviour == "raise":
        spec["exc"] = exc_spec(rng, ["NotFound", "ServerError", "BadRequest", "SanicException"])
    return spec


def gen_exc_handlers(rng):
    """Exception handlers on the app and on blueprints, and what requests get."""
    handlers = []
    for _ in range(rng.randint(0, 4)):
        classes = rng.sample(
            HIER + ["NotFound", "MethodNotAllowed", "SanicException", "Exception", "ValueError"],
            rng.randint(1, 2),
        )
        handlers.append(
            {
                "where": rng.choice(["app", "app", "add", "bp", "bp2", "group"]),
                "classes": classes,
                "as_list": rng.random() < 0.3,
                **handler_spec(rng),
            }
        )
    raises = {}
    for route in ("a", "b", "c"):
        if rng.random() < 0.6:
            raises[route] = {"cls": "hier", "name": rng.choice(HIER), "args": ["hm"], "kw": {}}
            if rng.random() < 0.3:
                raises[route]["kw"]["status_code"] = rng.choice([400, 418, 503])
        else:
            raises[route] = exc_spec(rng, ["NotFound", "ServerError", "BadRequest", "Forbidden"])
    requests = [
        rng.choice(
            [
                ["get", "/a"],
                ["get", "/bp/b"],
                ["get", "/g/bp2/c"],
                ["get", "/nope"],
                ["post", "/a"],
                ["get", "/bp/nope"],
                ["delete", "/g/bp2/c"],
            ]
        )
        for _ in range(3)
    ]
    return {
        "handlers": handlers,
        "raises": raises,
        "requests": requests,
        "config": {"FALLBACK_ERROR_FORMAT": rng.choice(["text", "json", "auto"])},
    }


def gen_middleware(rng):
    """Request/response middleware chains on the app and blueprints: order and effects."""
    mws = []
    for i in range(rng.randint(0, 6)):
        mws.append(
            {
                "id": i,
                "where": rng.choice(["app", "app", "bp", "bp2", "group"]),
                "kind": rng.choice(["request", "response"]),
                "how": rng.choice(["decorator", "on", "register", "middleware_kw"]),
                "priority": rng.choice([None, None, 0, 1, 5, -1, 10]),
                "do": rng.choice(
                    ["record"] * 5
                    + ["respond", "raise", "modify", "replace", "return_none", "sync"]
                ),
            }
        )
    handler_do = rng.choice(["ok", "ok", "ok", "raise", "notfound"])
    requests = [
        rng.choice(
            [["get", "/a"], ["get", "/bp/b"], ["get", "/g/bp2/c"], ["get", "/nope"], ["post", "/a"]]
        )
        for _ in range(2)
    ]
    return {
        "mws": mws,
        "handler_do": handler_do,
        "requests": requests,
        "exc_handler": rng.random() < 0.3,
    }


PREFIXES = [None, "", "/", "/p", "p", "/p/", "/p/q", "//p", "/é", "/<x:int>", "/a b"]


def bp_spec(rng, i):
    spec = {"name": f"bp{i}"}
    for k, choices in [
        ("url_prefix", PREFIXES),
        ("version", [None, 1, 2, "1.1", "v3", 1.5, "2"]),
        ("version_prefix", ["/v", "/api/v", "/V", "", "v", "/x/"]),
        ("strict_slashes", [None, True, False]),
        ("host", [None, "a.com", ["a.com", "b.com"], "c.com:8000"]),
    ]:
        if rng.random() < 0.4:
            spec[k] = rng.choice(choices)
    routes = []
    for _ in range(rng.randint(1, 3)):
        r = {"uri": rng.choice(["/", "", "/x", "/x/", "x", "/y/<n:int>", "/z//", "/é"])}
        for k, choices in [
            ("version", [None, 4, "5"]),
            ("strict_slashes", [True, False]),
            ("version_prefix", ["/w", "/v"]),
            ("methods", [["POST"], ["GET", "PUT"]]),
        ]:
            if rng.random() < 0.15:
                r[k] = rng.choice(choices)
        routes.append(r)
    spec["routes"] = routes
    return spec


def gen_blueprints(rng):
    bps = [bp_spec(rng, i) for i in range(rng.randint(1, 3))]
    ops = []
    for b in bps:
        r = rng.random()
        if r < 0.15:
            kw = {}
            for k, choices in [
                ("url_prefix", PREFIXES),
                ("version", [None, 7]),
                ("version_prefix", ["/c", "/v"]),
                ("strict_slashes", [True, False]),
                ("with_registration", [True, False]),
            ]:
                if rng.random() < 0.4:
                    kw[k] = rng.choice(choices)
            ops.append({"op": "copy", "bp": b["name"], "kw": kw, "also_orig": rng.random() < 0.5})
        elif r < 0.4:
            ops.append(
                {
                    "op": "group",
                    "bps": [b["name"]],
                    "kw": group_kw(rng),
                    "nest": rng.random() < 0.3,
                    "outer": group_kw(rng),
                }
            )
        else:
            ops.append(
                {
                    "op": "blueprint",
                    "bp": b["name"],
                    "kw": {"url_prefix": rng.choice(PREFIXES)} if rng.random() < 0.2 else {},
                }
            )
    paths = []
    for _ in range(5):
        segs = [
            rng.choice(
                [
                    "p",
                    "q",
                    "v1",
                    "v2",
                    "v1.1",
                    "api",
                    "x",
                    "y",
                    "5",
                    "c",
                    "w4",
                    "é",
                    "a%20b",
                    "%C3%A9",
                    "v3",
                    "v7",
                    "z",
                    "",
                ]
            )
            for _ in range(rng.randint(0, 4))
        ]
        path = "/" + "/".join(segs) + rng.choice(["", "/", "//"])
        paths.append(
            [
                rng.choice(["get", "get", "post", "put"]),
                path,
                rng.choice([None, None, "a.com", "b.com", "c.com:8000"]),
            ]
        )
    return {"bps": bps, "ops": ops, "requests": paths}


def group_kw(rng):
    kw = {}
    for k, choices in [
        ("url_prefix", PREFIXES),
        ("version", [None, 1, "9"]),
        ("version_prefix", ["/g", "/v"]),
        ("strict_slashes", [None, True, False]),
        ("name_prefix", [None, "np"]),
    ]:
        if rng.random() < 0.35:
            kw[k] = rng.choice(choices)
    return kw


ENV_VALUES = [
    "1",
    "0",
    "-3",
    "007",
    "1.5",
    "1e3",
    "nan",
    "inf",
    "true",
    "True",
    "TRUE",
    "yes",
    "y",
    "on",
    "false",
    "no",
    "off",
    "n",
    "f",
    "t",
    "",
    " ",
    "abc",
    "1_000",
    "0x10",
    "[1,2]",
    '{"a":1}',
    "None",
    "null",
    " 5 ",
    "é",
    "1.",
    ".5",
    "+2",
    "-0",
]
ENV_KEYS = [
    "FOO",
    "REQUEST_TIMEOUT",
    "DEBUG",
    "ACCESS_LOG",
    "KEEP_ALIVE",
    "foo",
    "A_B",
    "REQUEST_MAX_SIZE",
    "FALLBACK_ERROR_FORMAT",
    "X",
    "PROXIES_COUNT",
    "_P",
    "NOISY",
]


def gen_config(rng):
    env = {}
    prefix = rng.choice([None, None, "MYAPP_", "SANIC_", "", "X"])
    for _ in range(rng.randint(0, 5)):
        p = rng.choice(["SANIC_", "SANIC_", "MYAPP_", "X", "sanic_"])
        env[p + rng.choice(ENV_KEYS)] = rng.choice(ENV_VALUES)
    updates = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice(
            [
                "dict",
                "object",
                "file",
                "str_file",
                "update_kw",
                "update_dict",
                "setattr",
                "setitem",
                "bad",
            ]
        )
        key = rng.choice(
            [
                "FOO",
                "foo",
                "Foo",
                "REQUEST_TIMEOUT",
                "FALLBACK_ERROR_FORMAT",
                "_X",
                "LOCAL_CERT_CREATOR",
                "DEBUG",
                "KEEP_ALIVE_TIMEOUT",
            ]
        )
        value = rng.choice(
            [1, "x", True, None, 1.5, "html", "json", "bogus", "auto", "mkcert", "trustme", [1]]
        )
        updates.append({"kind": kind, "key": key, "value": value})
    return {
        "env": env,
        "prefix": prefix,
        "converters": rng.sample(["upper", "list", "bad"], rng.randint(0, 2))
        if rng.random() < 0.3
        else [],
        "via": rng.choice(["app", "config"]),
        "load_env": rng.choice([None, True, False, "MYAPP_"]) if rng.random() < 0.2 else None,
        "updates": updates,
        "read": rng.sample(ENV_KEYS + ["MISSING", "missing", "__x"], 6),
    }


FWD = [
    "for=1.2.3.4",
    "for=1.2.3.4;proto=https",
    'for="[::1]:80";host=h.com;proto=https',
    "for=5.6.7.8;by=_secret;secret=s3",
    "secret=s3;for=9.9.9.9;host=sec.com;proto=wss",
    "for=unknown",
    "for=_hidden;proto=http",
    "host=x.com:8443;proto=https;path=/pre",
    "for=1.1.1.1, for=2.2.2.2",
    "proto=HTTPS;host=UP.com",
    'for=1.2.3.4;secret="s3";port=99',
    "by=_secret;for=7.7.7.7;host=h:1",
]


def gen_request_props(rng):
    cfg = {}
    for k, choices in [
        ("PROXIES_COUNT", [0, 1, 2, -1, None]),
        ("REAL_IP_HEADER", ["x-real-ip", "cf-connecting-ip", None]),
        ("FORWARDED_SECRET", ["s3", "_secret", None]),
        ("FORWARDED_FOR_HEADER", ["x-forwarded-for", "x-client", None]),
        ("SERVER_NAME", ["srv.com", "https://srv.com:8443", "http://s.io/base", "s.io/", None]),
    ]:
        if rng.random() < 0.45:
            v = rng.choice(choices)
            if v is not None:
                cfg[k] = v
    h = {}
    for k, choices in [
        ("host", ["h.com", "h.com:81", "[::1]:82", "H.COM", "", "h.com:", "1.2.3.4:80"]),
        (
            "x-forwarded-for",
            ["1.2.3.4", "1.2.3.4, 5.6.7.8", " 9.9.9.9 ,8.8.8.8", "unknown", "[::1]", "bad value"],
        ),
        ("x-forwarded-proto", ["https", "HTTPS", "ws", "wss", "http", "ftp"]),
        ("x-forwarded-host", ["fh.com", "fh.com:99", "FH.com"]),
        ("x-forwarded-port", ["8443", "x", "0", "65536"]),
        ("x-forwarded-path", ["/base", "base", "/a%20b"]),
        ("x-real-ip", ["3.3.3.3", "::2", "x"]),
        ("x-client", ["4.4.4.4", "4.4.4.4, 6.6.6.6"]),
        ("cf-connecting-ip", ["5.5.5.5"]),
        ("x-scheme", ["https", "wss"]),
        ("forwarded", FWD),
    ]:
        if rng.random() < 0.35:
            h[k] = rng.choice(choices)
    return {
        "config": cfg,
        "headers": h,
        "path": rng.choice(["/r", "/r?x=1", "/r/", "/r?q=a%20b&q=2"]),
    }


EVENTS = ["foo.bar.baz", "foo.bar.qux", "foo.bar.<thing>", "one.two.<x:int>", "a.b.c"]
DISPATCH = [
    "foo.bar.baz",
    "foo.bar.qux",
    "foo.bar.zap",
    "one.two.3",
    "one.two.x",
    "a.b.c",
    "a.b.d",
    "http.lifecycle.request",
    "bad",
    "x.y",
    "a.b.c.d",
    "foo.bar.baz ",
]


def gen_signals(rng):
    sigs = []
    for i in range(rng.randint(0, 4)):
        s = {"id": i, "event": rng.choice(EVENTS + ["a.b", "bad", "http.bogus.thing", "x.y.z.w"])}
        if rng.random() < 0.3:
            s["condition"] = rng.choice([{"k": "v"}, {"k": "w"}, {"n": 1}])
        if rng.random() < 0.15:
            s["exclusive"] = rng.choice([True, False])
        if rng.random() < 0.2:
            s["priority"] = rng.choice([0, 1, 5])
        s["do"] = rng.choice(["record", "record", "record", "return", "raise", "sync"])
        sigs.append(s)
    dispatches = []
    for _ in range(rng.randint(1, 3)):
        d = {"event": rng.choice(DISPATCH)}
        for k, choices in [
            ("context", [{"a": 1}, {"thing": "t"}, {}]),
            ("condition", [{"k": "v"}, {"k": "w"}, None]),
            ("fail_not_found", [True, False]),
            ("inline", [True, False]),
            ("reverse", [True, False]),
            ("wait", ["same", "other", "cond_ok", "cond_no", "not_exclusive"]),
        ]:
            if rng.random() < 0.35:
                d[k] = rng.choice(choices)
        dispatches.append(d)
    return {"signals": sigs, "dispatches": dispatches}


GENERATORS3 = {
    "exc3": gen_exc3,
    "exc_handlers": gen_exc_handlers,
    "middleware": gen_middleware,
    "blueprints": gen_blueprints,
    "config": gen_config,
    "request_props": gen_request_props,
    "signals": gen_signals,
}
SLOW3 = {
    "exc3": 0.5,
    "exc_handlers": 0.3,
    "middleware": 0.3,
    "blueprints": 0.3,
    "request_props": 0.5,
    "signals": 0.3,
}

# --------------------------------------------------------------------------- worker side


def _resp(resp, page):
    hs = sorted([k.lower(), v] for k, v in resp.headers.items() if k.lower() != "content-length")
    body = page(resp)
    if isinstance(body, str) and body.startswith("<!DOCTYPE html>"):
        # an HTML page under a content type of the exception's headers: its title
        title = re.search(r"<title>(.*?)</title>", body, re.S)
        body = {"title": title.group(1) if title else None}
    if isinstance(body, str) and body.startswith("{"):
        try:  # a JSON page under a content type of the exception's headers
            data = json.loads(body)
        except ValueError:
            data = None
        if isinstance(data, dict):
            for item in data.get("exceptions", ()):
                item["frames"] = len(item.get("frames", ()))
            body = data
    return {"status": resp.status, "headers": hs, "body": body}


class LogTap:
    """Collects the framework's log records (logger, level, first line, exception type)."""

    NAMES = ("sanic.root", "sanic.error", "sanic.server", "sanic.websockets")

    def __enter__(self):
        import logging

        self.records = []
        tap = self

        class H(logging.Handler):
            def emit(self, record):
                try:
                    msg = record.getMessage()
                except Exception as e:  # a bad format string is worth seeing
                    msg = f"<{type(e).__name__}>"
                exc = (
                    record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
                )
                tap.records.append([record.name, record.levelname, msg.split("\n")[0], exc])

        self.h = H()
        logging.disable(logging.NOTSET)
        self.saved = []
        for n in self.NAMES:
            lg = logging.getLogger(n)
            self.saved.append((lg, lg.level, lg.handlers, lg.propagate))
            lg.handlers = [self.h]
            lg.propagate = False
            lg.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *a):
        import logging

        for lg, lvl, handlers, propagate in self.saved:
            lg.handlers = handlers
            lg.propagate = propagate
            lg.setLevel(lvl)
        logging.disable(logging.CRITICAL)


def make_exc(spec, classes=None):
    import builtins

    from sanic import exceptions as E

    cls = spec["cls"]
    if cls == "custom":
        base = getattr(E, spec["base"])
        cls = type("Custom", (base,), dict(spec["attrs"]))
    elif cls == "hier":
        cls = classes[spec["name"]]
    else:
        cls = getattr(E, cls, None) or getattr(builtins, cls)
    return cls(*spec["args"], **spec["kw"])


class Ops3:
    def op_exc3(self, a):
        from sanic import response

        config = dict(a["config"])
        debug = config.pop("DEBUG", False)
        app = self.new_app(**config)
        if debug:
            from sanic.application.constants import Mode

            app.state.mode = Mode.DEBUG
        kw = {"error_format": a["error_format"]} if a["error_format"] else {}

        @app.route("/e", methods=["GET", "POST", "PUT"], **kw)
        async def boom(request):
            raise make_exc(a["exc"])

        @app.get("/ok")
        async def ok(request):
            return response.text("ok")

        body = {
            None: None,
            "json": b'{"a": 1}',
            "form": b"a=1",
            "text": b"hello",
            "badjson": b"{",
        }[a["body"]]
        ctype = {
            "json": "application/json",
            "badjson": "application/json",
            "form": "application/x-www-form-urlencoded",
            "text": "text/plain",
        }.get(a["body"])
        hs = {}
        if a["accept"] is not None:
            hs["accept"] = a["accept"]
        if ctype:
            hs["content-type"] = ctype

        async def go():
            with LogTap() as tap:
                _, resp = await app.asgi_client.request(a["method"], "/e", headers=hs, content=body)
            from apidiff import page

            out = _resp(resp, page)
            out["logs"] = [r for r in tap.records if r[0] != "sanic.server"]
            return out

        return self.run(go())

    def _hier(self):
        from sanic.exceptions import SanicException

        class Base(SanicException):
            status_code = 409

        class Child(Base):
            pass

        class GrandChild(Child):
            status_code = 422

        class Other(SanicException):
            pass

        return {"Base": Base, "Child": Child, "GrandChild": GrandChild, "Other": Other}

    def op_exc_handlers(self, a):
        """Each request to an app of its own: Sanic caches a lookup per exception class and
        route, so which handler answers can depend on the requests before (kept)."""
        from apidiff import page

        out = []
        for method, path in a["requests"]:
            app = self._exc_handlers_app(a)
            if isinstance(app, dict):
                return app

            async def go(app=app, method=method, path=path):
                with LogTap() as tap:
                    _, resp = await app.asgi_client.request(method, path)
                r = _resp(resp, page)
                r["logs"] = [
                    x[:2] + [x[2][:60]] + x[3:] for x in tap.records if x[0] != "sanic.server"
                ]
                return r

            out.append(self.run(go()))
        return out

    def _exc_handlers_app(self, a):
        import builtins

        from sanic import Blueprint, response
        from sanic import exceptions as E

        app = self.new_app(**a["config"])
        classes = self._hier()
        bp = Blueprint(f"bp{self.n}", url_prefix="/bp")
        bp2 = Blueprint(f"bpb{self.n}", url_prefix="/bp2")
        group = Blueprint.group(bp2, url_prefix="/g")

        @app.get("/a")
        async def ra(request):
            raise make_exc(a["raises"]["a"], classes)

        @bp.get("/b")
        async def rb(request):
            raise make_exc(a["raises"]["b"], classes)

        @bp2.get("/c")
        async def rc(request):
            raise make_exc(a["raises"]["c"], classes)

        for i, h in enumerate(a["handlers"]):
            excs = [
                classes.get(c) or getattr(E, c, None) or getattr(builtins, c) for c in h["classes"]
            ]

            async def handler(request, exception, h=h, i=i):
                do = h["do"]
                if do == "text":
                    return response.text(f"h{i} {type(exception).__name__} {exception}")
                if do == "json":
                    return response.json({"h": i, "status": getattr(exception, "status_code", 0)})
                if do == "status":
                    return response.text(f"h{i}", status=getattr(exception, "status_code", 500))
                if do == "none":
                    return None
                if do == "str":
                    return f"h{i}"
                if do == "raise_same":
                    raise exception
                raise make_exc(h["exc"], classes)

            handler.__name__ = f"eh{i}"
            try:
                target = {"app": app, "bp": bp, "bp2": bp2, "group": group}.get(h["where"])
                if h["where"] == "add":
                    for c in excs:
                        app.error_handler.add(c, handler)
                elif h["as_list"]:
                    target.exception(excs)(handler)
                else:
                    target.exception(*excs)(handler)
            except Exception as e:
                from apidiff import exc_info

                return {"register": exc_info(e)}
        app.blueprint(bp)
        app.blueprint(group)
        return app

    def op_middleware(self, a):
        from sanic import Blueprint, response
        from sanic.exceptions import NotFound, ServerError

        app = self.new_app()
        bp = Blueprint(f"mbp{self.n}", url_prefix="/bp")
        bp2 = Blueprint(f"mbq{self.n}", url_prefix="/bp2")
        group = Blueprint.group(bp2, url_prefix="/g")
        trace = []

        def route(target, path, name):
            @target.route(path, name=name, methods=["GET"])
            async def h(request):
                trace.append("handler")
                if a["handler_do"] == "raise":
                    raise ServerError("handler failed")
                if a["handler_do"] == "notfound":
                    raise NotFound("nf")
                return response.text(name)

        route(app, "/a", "a")
        route(bp, "/b", "b")
        route(bp2, "/c", "c")
        if a["exc_handler"]:

            @app.exception(ServerError)
            async def eh(request, exception):
                trace.append("exc_handler")
                return response.text("handled", status=599 if False else 503)

        for m in a["mws"]:
            tag = f"{m['where']}{m['id']}{m['kind'][:3]}"
            do = m["do"]

            def make(m=m, tag=tag, do=do):
                if m["kind"] == "request":

                    async def mw(request):
                        trace.append(tag)
                        if do == "respond":
                            return response.text(f"early {tag}")
                        if do == "raise":
                            raise ServerError(f"mw {tag}")
                        if do == "return_none":
                            return None

                else:

                    async def mw(request, resp):
                        trace.append(tag)
                        if do == "respond" or do == "replace":
                            return response.text(f"replaced {tag}", status=202)
                        if do == "raise":
                            raise ServerError(f"mw {tag}")
                        if do == "modify":
                            resp.headers.add("x-mw", tag)

                if do == "sync":
                    if m["kind"] == "request":

                        def smw(request):
                            trace.append(tag)

                    else:

                        def smw(request, resp):
                            trace.append(tag)

                    return smw
                return mw

            fn = make()
            fn.__name__ = f"mw_{tag}"
            target = {"app": app, "bp": bp, "bp2": bp2, "group": group}[m["where"]]
            pkw = {} if m["priority"] is None else {"priority": m["priority"]}
            try:
                if m["how"] == "decorator":
                    target.middleware(m["kind"], **pkw)(fn)
                elif m["how"] == "on":
                    getattr(target, "on_" + m["kind"])(fn, **pkw)
                elif m["how"] == "register" and target is app:
                    app.register_middleware(fn, m["kind"], **pkw)
                else:
                    target.middleware(fn, attach_to=m["kind"], **pkw)
            except Exception as e:
                from apidiff import exc_info

                return {"register": exc_info(e)}
        app.blueprint(bp)
        app.blueprint(group)

        async def go():
            from apidiff import page

            out = []
            for method, path in a["requests"]:
                trace.clear()
                with LogTap() as tap:
                    _, resp = await app.asgi_client.request(method, path)
                r = _resp(resp, page)
                r["trace"] = list(trace)
                r["logs"] = [
                    x[:2] + [x[2][:60]] + x[3:] for x in tap.records if x[0] != "sanic.server"
                ]
                out.append(r)
            return out

        return self.run(go())

    def op_blueprints(self, a):
        from apidiff import exc_info

        from sanic import Blueprint, response

        app = self.new_app()
        bps = {}
        try:
            for spec in a["bps"]:
                kw = {k: v for k, v in spec.items() if k not in ("name", "routes")}
                bp = Blueprint(f"{spec['name']}", **kw)
                for j, r in enumerate(spec["routes"]):
                    rkw = {k: v for k, v in r.items() if k != "uri"}

                    async def h(request, **kw):
                        return response.text(request.route.name)

                    bp.route(r["uri"], name=f"r{j}", **rkw)(h)
                bps[spec["name"]] = bp
            for op in a["ops"]:
                if op["op"] == "copy":
                    c = bps[op["bp"]].copy(op["bp"] + "c", **op["kw"])
                    app.blueprint(c)
                    if op["also_orig"]:
                        app.blueprint(bps[op["bp"]])
                elif op["op"] == "group":
                    g = Blueprint.group(*[bps[n] for n in op["bps"]], **op["kw"])
                    if op["nest"]:
                        g = Blueprint.group(g, **op["outer"])
                    app.blueprint(g)
                else:
                    app.blueprint(bps[op["bp"]], **op["kw"])
        except Exception as e:
            return {"build": exc_info(e)}
        try:
            app.router.finalize()
        except Exception as e:
            return {"finalize": exc_info(e)}
        routes = sorted(
            [
                r.name,
                r.path,
                sorted(r.methods),
                bool(r.strict),
                sorted(str(v) for v in (r.requirements or {}).values()),
            ]
            for r in app.router.routes
        )
        urls = []
        for r in routes:
            try:
                urls.append(app.url_for(r[0], n=3) if "<n" in r[1] else app.url_for(r[0]))
            except Exception as e:
                urls.append(exc_info(e))
        app.router.reset() if False else None

        async def go():
            out = []
            for method, path, host in a["requests"]:
                hs = {"host": host} if host else {}
                _, resp = await app.asgi_client.request(method, path, headers=hs)
                out.append([resp.status, resp.text[:80] if resp.status < 400 else ""])
            return out

        return {"routes": routes, "urls": urls, "requests": self.run(go())}

    def op_config(self, a):
        import os
        import tempfile

        from apidiff import exc_info, norm

        from sanic import Sanic
        from sanic.config import Config

        saved = dict(os.environ)
        for k in list(os.environ):
            if k.upper().startswith(("SANIC_", "MYAPP_", "X")):
                del os.environ[k]
        os.environ.update(a["env"])
        out = {}
        try:
            convs = {
                "upper": lambda v: v.upper() if v.isupper() else None,
                "list": lambda v: v.split(",") if "," in v else None,
                "bad": lambda v: int("x") if v == "abc" else None,
            }
            kw = {}
            if a["prefix"] is not None:
                kw["env_prefix"] = a["prefix"]
            if a["converters"]:
                kw["converters"] = [convs[c] for c in a["converters"]]
            if a["load_env"] is not None:
                kw["load_env"] = a["load_env"]
            try:
                if a["via"] == "app":
                    self.n += 1
                    akw = dict(kw)
                    cfg_kw = {}
                    if "converters" in akw:
                        cfg_kw["converters"] = akw.pop("converters")
                    if cfg_kw:
                        cfg = Config(**{**akw, **cfg_kw})
                        app = Sanic(f"cf{self.n}", config=cfg)
                    else:
                        app = Sanic(f"cf{self.n}", **akw)
                    cfg = app.config
                else:
                    cfg = Config(**kw)
            except Exception as e:
                return {"init": exc_info(e)}
            out["env"] = {
                k: [norm(cfg.get(k)), type(cfg.get(k)).__name__]
                for k in sorted(cfg)
                if k.upper() == k
                and any(k.endswith(e.upper()) for e in ["FOO", "A_B", "X", "_P", "NOISY"])
                and k not in ("X",)
            }
            for k in a["read"]:
                try:
                    v = getattr(cfg, k)
                    out[k] = [norm(v), type(v).__name__]
                except Exception as e:
                    out[k] = exc_info(e)
            ups = []
            for u in a["updates"]:
                key, value = u["key"], u["value"]
                try:
                    if u["kind"] == "dict":
                        cfg.update_config({key: value})
                    elif u["kind"] == "object":
                        cfg.update_config(type("O", (), {key: value}))
                    elif u["kind"] in ("file", "str_file"):
                        with tempfile.NamedTemporaryFile(
                            "w", suffix=".py", delete=False, dir="/tmp"
                        ) as fh:
                            fh.write(f"{key} = {value!r}\n")
                        cfg.update_config(
                            fh.name
                            if u["kind"] == "str_file"
                            else __import__("pathlib").Path(fh.name)
                        )
                        os.unlink(fh.name)
                    elif u["kind"] == "update_kw":
                        cfg.update(**{key: value})
                    elif u["kind"] == "update_dict":
                        cfg.update({key: value})
                    elif u["kind"] == "setattr":
                        setattr(cfg, key, value)
                    elif u["kind"] == "setitem":
                        cfg[key] = value
                    else:
                        cfg.update_config(value)
                    try:
                        got = getattr(cfg, key)
                    except Exception as e:
                        got = exc_info(e)
                    ups.append(["ok", norm(got), norm(cfg.get(key, "<absent>"))])
                except Exception as e:
                    ups.append(exc_info(e))
            out["updates"] = ups
            return out
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def op_request_props(self, a):
        from sanic import response

        app = self.new_app(**a["config"])

        @app.route("/r", name="r", strict_slashes=False)
        async def r(request):
            out = {}
            for k in [
                "ip",
                "remote_addr",
                "client_ip",
                "scheme",
                "host",
                "server_name",
                "server_port",
                "url",
                "path",
                "server_path",
                "forwarded",
            ]:
                try:
                    v = getattr(request, k)
                    out[k] = dict(v) if k == "forwarded" else v
                except Exception as e:
                    out[k] = f"{type(e).__name__}: {e}"
            for kw in ({}, {"q": "1"}):
                try:
                    out["url_for" + str(len(kw))] = request.url_for("r", **kw)
                except Exception as e:
                    out["url_for" + str(len(kw))] = f"{type(e).__name__}: {e}"
            try:
                out["app_url_for"] = app.url_for("r", _external=True)
            except Exception as e:
                out["app_url_for"] = f"{type(e).__name__}: {e}"
            return response.json(out)

        async def go():
            _, resp = await app.asgi_client.get(a["path"], headers=a["headers"])
            return [resp.status, resp.json if resp.status == 200 else resp.text[:200]]

        return self.run(go())

    def op_signals(self, a):
        import asyncio

        from apidiff import exc_info

        from sanic import response

        app = self.new_app()
        calls = []
        for s in a["signals"]:
            do = s["do"]
            sid = s["id"]

            if do == "sync":

                def fn(*args, sid=sid, **kw):
                    calls.append([sid, sorted(kw)])

            else:

                async def fn(*args, sid=sid, do=do, **kw):
                    calls.append([sid, sorted(kw.items())])
                    if do == "raise":
                        raise ValueError(f"sig{sid}")
                    if do == "return":
                        return f"r{sid}"

            kw = {k: s[k] for k in ("condition", "exclusive", "priority") if k in s}
            try:
                app.signal(s["event"], **kw)(fn)
            except Exception as e:
                return {"register": exc_info(e)}

        @app.get("/go")
        async def go_handler(request):
            out = []
            for d in a["dispatches"]:
                kw = {
                    k: d[k]
                    for k in ("context", "condition", "fail_not_found", "inline", "reverse")
                    if k in d
                }
                waiter = None
                if "wait" in d:
                    ev = d["event"] if d["wait"] != "other" else "a.b.c"
                    wkw = {}
                    if d["wait"].startswith("cond"):
                        wkw["condition"] = {"k": "v"} if d["wait"] == "cond_ok" else {"k": "z"}
                    if d["wait"] == "not_exclusive":
                        wkw["exclusive"] = False
                    try:
                        waiter = asyncio.ensure_future(
                            asyncio.wait_for(app.event(ev, timeout=0.05, **wkw), 0.2)
                        )
                    except Exception as e:
                        out.append(["event", exc_info(e)])
                calls.clear()
                try:
                    r = await app.dispatch(d["event"], **kw)
                    if isinstance(r, asyncio.Task):
                        r = ["task", await asyncio.wait_for(r, 0.5)]
                    res = ["ok", repr(r) if not isinstance(r, (str, list, type(None))) else r]
                except Exception as e:
                    res = exc_info(e)
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                w = None
                if waiter is not None:
                    try:
                        w = ["woke", repr(await waiter)]
                    except BaseException as e:
                        w = [type(e).__name__]
                out.append([res, sorted(map(json.dumps, calls)), w])
            return response.json(out, default=repr)

        async def go():
            with LogTap() as tap:
                _, resp = await app.asgi_client.get("/go")
            logs = [x[:2] + [x[2][:80]] + x[3:] for x in tap.records if x[0] != "sanic.server"]
            return [resp.status, resp.json if resp.status == 200 else resp.text[:200], logs]

        return self.run(go())
