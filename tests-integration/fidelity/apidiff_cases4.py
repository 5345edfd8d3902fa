"""Fourth-round areas for ``apidiff.py``: the APIs an app's own code calls around handlers.

Class-based views (``HTTPMethodView``, ``as_view``, ``attach``, ``decorators``), the
context objects (``app.ctx``, ``request.ctx`` and ``make_context``, ``bp.ctx``, route
``ctx_`` keywords, ``app.shared_ctx``), the app registry (``Sanic.get_app``,
``register_app``, ``unregister_app``, ``test_mode``, app names), ``JSONResponse``'s
mutators (``set_body``, ``append``, ``extend``, ``update``, ``pop``, ``raw_body``), the
``Header`` multidict (``getone``/``getall``/``get_all``, attribute access, mutation), what
a request makes of its body and credentials (``json``, ``load_json``, ``content_type``,
``token``, ``credentials``, ``id`` with ``REQUEST_ID_HEADER``) and route definitions
through every decorator (URIs, method spellings, names, versions, ``version_prefix``,
``error_format``, ``ctx_`` keywords, hosts), background tasks (``add_task``, ``get_task``,
``cancel_task``, ``purge_tasks``), listeners (every way to register them, priorities, what
runs in which order), responses changed after they were made (in process and over ASGI),
``url_for`` of static routes, ``request.respond()``/``reset_response()`` with streamed
sends, ``CookieJar``/``Cookie`` objects and exception instances.

Generators (``GENERATORS4``) are run by the driver; the worker's operations (``Ops4``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import re

from apidiff_cases import rstr

# ------------------------------------------------------------------------- generators

VIEW_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"]
WIRE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def gen_views(rng):
    methods = {}
    for m in rng.sample(VIEW_METHODS, rng.randint(0, 5)):
        methods[m] = {
            "async": rng.random() < 0.6,
            "kind": rng.choice(["text", "text", "json", "raise", "none", "str", "kwargs"]),
        }
    decorators = [
        rng.choice(["header", "short", "raise", "sync_header", "passthrough"])
        for _ in range(rng.choice([0, 0, 1, 2, 3]))
    ]
    uri = rng.choice(["/v", "/v/", "/v/<p:int>", "/v/<p>", "", "/v/<p:int>/"])
    reg = rng.choice(["add_route", "add_route", "attach", "bp", "route", "bp_attach"])
    kw = {}
    if rng.random() < 0.4:
        kw["methods"] = rng.sample(WIRE_METHODS + ["get", "FOO"], rng.randint(0, 3))
    if rng.random() < 0.3:
        kw["name"] = rng.choice(["vv", "v.v", "", "Vé"])
    if rng.random() < 0.3:
        kw["strict_slashes"] = rng.choice([True, False])
    if rng.random() < 0.2:
        kw["version"] = rng.choice([1, "2", 1.5])
    paths = ["/v", "/v/", "/v/3", "/v/x", "/v/3/", "/", "/v1/v", "/v2/v/3", "/v1.5/v"]
    requests = [[rng.choice(WIRE_METHODS), rng.choice(paths)] for _ in range(rng.randint(1, 6))]
    return {
        "methods": methods,
        "decorators": decorators,
        "dec_tuple": rng.random() < 0.3,
        "uri": uri,
        "reg": reg,
        "kw": kw,
        "args": rng.sample([1, "a", None], rng.randint(0, 2)),
        "kwargs": {k: rng.randint(0, 9) for k in rng.sample(["x", "y"], rng.randint(0, 2))},
        "requests": requests,
    }


CTX_VALUES = [1, "s", None, [1, 2], {"a": 1}, True, 1.5]


def gen_ctx(rng):
    return {
        "app_ctx": rng.choice(["default", "default", "ns", "obj", "dict", "none"]),
        "app_sets": {rng.choice(["a", "b", "_c", "name"]): rng.choice(CTX_VALUES)},
        "req_ctx": rng.choice(["default", "default", "dict", "obj", "ns", "none"]),
        "mw_sets": [
            [rng.choice(["a", "b", "_c", "x"]), rng.choice(CTX_VALUES)]
            for _ in range(rng.randint(0, 3))
        ],
        "reads": rng.sample(["a", "b", "_c", "x", "name", "missing"], rng.randint(1, 4)),
        "route_kw": {
            k: rng.choice(CTX_VALUES)
            for k in rng.sample(
                ["ctx_a", "ctx_b", "ctx_", "ctxa", "foo", "ctx_A"], rng.randint(0, 2)
            )
        },
        "bp_kw": {
            k: rng.choice(CTX_VALUES) for k in rng.sample(["ctx_a", "foo"], rng.randint(0, 1))
        },
        "bp_sets": {rng.choice(["a", "z"]): rng.choice(CTX_VALUES)} if rng.random() < 0.5 else {},
        "shared": [
            [
                rng.choice(["a", "b", "_c", "lock"]),
                rng.choice(["int", "str", "list", "queue", "value"]),
            ]
            for _ in range(rng.randint(0, 3))
        ],
        "in_bp": rng.random() < 0.4,
        "path": rng.choice(["/c", "/c", "/x"]),
    }


APP_NAMES = [
    "a",
    "app",
    "my_app",
    "my-app",
    "My App",
    "a.b",
    "1app",
    "app1",
    "",
    "é",
    "a/b",
    "_x",
    "-x",
    "a b",
    "x" * 40,
    "APP",
    "a\nb",
]


def gen_registry(rng):
    names = rng.sample(APP_NAMES, 4)
    ops = []
    for _ in range(rng.randint(1, 8)):
        k = rng.random()
        name = rng.choice(names)
        if k < 0.35:
            ops.append(["new", name])
        elif k < 0.65:
            ops.append(["get", rng.choice([name, None, "nope"]), rng.choice([None, True, False])])
        elif k < 0.75:
            ops.append(["test_mode", rng.choice([True, False])])
        elif k < 0.85:
            ops.append(["unregister", name])
        elif k < 0.95:
            ops.append(["register", name])
        else:
            ops.append(["name_type", rng.choice([1, None, "bytes", ["a"]])])
    return {"ops": ops, "test_mode": rng.random() < 0.7}


def json_value(rng, depth=0):
    k = rng.random()
    if depth < 2 and k < 0.2:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 2 and k < 0.4:
        return {
            rstr(rng, "abk", n=(0, 2), special=0): json_value(rng, depth + 1)
            for _ in range(rng.randint(0, 3))
        }
    return rng.choice([1, 0, -1, "s", "é/</", None, True, 1.5, "", 10**20])


def gen_json_resp(rng):
    ops = []
    for _ in range(rng.randint(1, 7)):
        k = rng.choice(
            [
                "set_body",
                "append",
                "extend",
                "update",
                "pop",
                "pop_default",
                "raw_body",
                "set_raw_body",
                "set_body_bytes",
                "status",
                "content_type",
                "read",
            ]
        )
        if k == "set_body":
            ops.append(
                [
                    k,
                    json_value(rng),
                    rng.choice(
                        [
                            {},
                            {},
                            {"sort_keys": True},
                            {"indent": 1},
                            {"separators": [",", ":"]},
                            {"ensure_ascii": False},
                        ]
                    ),
                ]
            )
        elif k in ("append", "set_raw_body"):
            ops.append([k, json_value(rng)])
        elif k == "extend":
            ops.append([k, rng.choice([[1, 2], [], "ab", {"a": 1}, None, 5])])
        elif k == "update":
            ops.append(
                [k, rng.choice([{"a": 2}, {}, [["k", 1]], None, 5]), rng.choice([{}, {"z": 1}])]
            )
        elif k in ("pop", "pop_default"):
            ops.append([k, rng.choice([0, -1, 5, "a", "k", "zz", None])])
        elif k == "set_body_bytes":
            ops.append([k, rng.choice(["[1]", "", "x"])])
        elif k == "status":
            ops.append([k, rng.choice([201, 204, 304, 418, "200", None, 99])])
        elif k == "content_type":
            ops.append([k, rng.choice(["text/plain", None, "", "application/x+json"])])
        else:
            ops.append([k])
    return {
        "init": json_value(rng),
        "via": rng.choice(["json", "JSONResponse", "JSONResponse_none"]),
        "kw": rng.choice([{}, {}, {"sort_keys": True}, {"indent": 2}, {"ensure_ascii": False}]),
        "status": rng.choice([200, 200, 201, 404]),
        "content_type": rng.choice([None, None, "application/vnd+json", "text/plain"]),
        "ops": ops,
    }


HNAMES = ["a", "A", "b", "X-Y", "x-y", "x_y", "content-type", "Content-Type", "é", ""]
HVALUES = ["1", "", "v w", "é", "a,b", " x "]


def gen_header_api(rng):
    init_kind = rng.choice(["list", "dict", "kwargs", "header", "none", "request"])
    pairs = [[rng.choice(HNAMES), rng.choice(HVALUES)] for _ in range(rng.randint(0, 4))]
    ops = []
    for _ in range(rng.randint(1, 10)):
        k = rng.choice(
            [
                "get",
                "get_d",
                "getone",
                "getone_d",
                "getall",
                "getall_d",
                "get_all",
                "attr",
                "add",
                "set",
                "del",
                "pop",
                "pop_d",
                "popone",
                "popall",
                "popall_d",
                "setdefault",
                "extend",
                "update",
                "in",
                "len",
                "keys",
                "values",
                "items",
                "copy",
                "eq",
                "popitem",
                "index",
            ]
        )
        name = rng.choice(HNAMES + ["content_type", "x_y_", "_x", "missing"])
        if k == "attr":
            name = rng.choice(
                [
                    "content_type",
                    "x_y",
                    "x_y_",
                    "a",
                    "A",
                    "missing",
                    "_x",
                    "content__type",
                    "get",
                    "keys",
                ]
            )
        value = rng.choice(HVALUES + [1, None, "<bytes>"])
        ops.append([k, name, value])
    return {"init": init_kind, "pairs": pairs, "ops": ops}


JSON_BODIES = [
    "",
    " ",
    "{}",
    "[]",
    '{"a": 1}',
    '{"a": 1, "a": 2}',
    "null",
    "1",
    '"s"',
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "123456789012345678901234567890",
    "1.0000000000000000001",
    "{bad",
    "[1,]",
    '{"a":1} x',
    "\ufeff{}",
    '"\\ud800"',
    '"\\u00e9"',
    "é",
    "true",
    "  [1, 2]  ",
    "[" * 30 + "]" * 30,
    '{"a": -0}',
    '{"a": -0.0}',
    "0x10",
    "01",
    '{"a":"\\x"}',
    "\x00",
]


def gen_req_body(rng):
    headers = []
    if rng.random() < 0.7:
        headers.append(
            [
                "content-type",
                rng.choice(
                    [
                        "application/json",
                        "application/json; charset=utf-8",
                        "text/plain",
                        "",
                        "APPLICATION/JSON",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "a/b; c=d",
                        ";",
                        "text/plain; charset=latin-1",
                    ]
                ),
            ]
        )
    if rng.random() < 0.6:
        headers.append(
            [
                rng.choice(["authorization", "Authorization", "proxy-authorization"]),
                rng.choice(
                    [
                        "Bearer abc",
                        "bearer abc",
                        "Token t",
                        "Basic dTpw",
                        "Basic dTpwOnE=",
                        "Basic dQ==",
                        "Basic !!",
                        "Basic ",
                        "Basic w6k6w6k=",
                        "Basic //79",
                        "abc",
                        "",
                        "Bearer",
                        "Bearer  two  spaces",
                        "Digest x=1",
                    ]
                ),
            ]
        )
    id_header = rng.choice([None, None, "X-Request-ID", "x-trace", "X-Id"])
    if rng.random() < 0.6:
        headers.append(
            [
                rng.choice(["x-request-id", "x-trace", "X-Id"]),
                rng.choice(
                    [
                        "12345678-1234-5678-1234-567812345678",
                        "12345678123456781234567812345678",
                        "{12345678-1234-5678-1234-567812345678}",
                        "42",
                        "-1",
                        "abc",
                        "",
                        "1.5",
                        " 7 ",
                        "urn:uuid:12345678-1234-5678-1234-567812345678",
                    ]
                ),
            ]
        )
    rng.shuffle(headers)
    return {
        "headers": headers,
        "body": rng.choice(JSON_BODIES),
        "encoding": rng.choice(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16"]),
        "id_header": id_header,
        "loads": rng.choice([None, None, "json", "upper", "raise"]),
        "app_loads": rng.choice([None, None, None, "json"]),
        "reads": rng.sample(
            ["json", "load_json", "content_type", "token", "credentials", "id", "json_again"],
            rng.randint(1, 5),
        ),
    }


ROUTE_URIS = [
    "/a",
    "/a/",
    "a",
    "",
    "/",
    "//a",
    "/a b",
    "/é",
    "/<x>",
    "/<x:int>/",
    "/a?b",
    "/a#b",
    "/%7e",
    "/A",
    "/a/<x:str>/b",
    "<x>",
]
ROUTE_METHODS = [
    ["GET"],
    ["get"],
    ["POST", "GET"],
    [],
    ["FOO"],
    ["Get", "PUT"],
    "GET",
    "get",
    "GET,POST",
    ("PATCH",),
    ["GET", "GET"],
    None,
]
DECOS = ["route", "add_route", "get", "post", "put", "patch", "delete", "head", "options"]


def gen_route_defs(rng):
    routes = []
    for _ in range(rng.randint(1, 4)):
        kw = {}
        deco = rng.choice(DECOS)
        if deco in ("route", "add_route") and rng.random() < 0.7:
            kw["methods"] = rng.choice(ROUTE_METHODS)
        if rng.random() < 0.3:
            kw["name"] = rng.choice(["n", "n", "a.b", "", "é", "n-1", "N"])
        if rng.random() < 0.3:
            kw["version"] = rng.choice([1, "1", 1.1, "v1", "", 0, -1, "1.0", 2.0])
        if rng.random() < 0.25:
            kw["version_prefix"] = rng.choice(["/v", "", "/api/v", "v", "/V", "/v/", "//v"])
        if rng.random() < 0.2:
            kw["error_format"] = rng.choice(["json", "html", "text", "auto", "xml", ""])
        if rng.random() < 0.25:
            kw[rng.choice(["ctx_a", "ctx_b", "ctxz", "foo", "ctx_"])] = rng.choice([1, "v", None])
        if rng.random() < 0.2:
            kw["host"] = rng.choice(["a.com", ["a.com", "b.com"], "A.COM:80", "", []])
        if rng.random() < 0.2:
            kw["strict_slashes"] = rng.choice([True, False, None])
        if rng.random() < 0.1 and deco not in ("add_route",):
            kw["ignore_body"] = rng.choice([True, False])
        if rng.random() < 0.1:
            kw["stream"] = True
        routes.append({"deco": deco, "uri": rng.choice(ROUTE_URIS), "kw": kw})
    paths = [
        "/a",
        "/a/",
        "/",
        "//a",
        "/a%20b",
        "/%C3%A9",
        "/7/",
        "/x",
        "/v1/a",
        "/v1.1/a",
        "/api/v1/a",
        "/v1/",
        "/a/q/b",
        "/%7e",
        "/~",
        "/A",
        "/1/a",
        "/V1/a",
    ]
    requests = [
        [
            rng.choice(WIRE_METHODS[:5]),
            rng.choice(paths),
            rng.choice([None, None, "a.com", "b.com"]),
        ]
        for _ in range(rng.randint(1, 5))
    ]
    return {
        "routes": routes,
        "strict": rng.random() < 0.2,
        "requests": requests,
    }


COOKIE_NAMES = ["a", "b", "A", "sess", "__Host-a", "__Secure-b", "é", "a b", "", "a;b"]


def gen_cookiejar(rng):
    ops = []
    for _ in range(rng.randint(1, 8)):
        k = rng.choice(
            [
                "add",
                "add",
                "get",
                "has",
                "delete",
                "len",
                "list",
                "cookie_attr",
                "cookie_item",
                "jar_items",
                "in",
            ]
        )
        name = rng.choice(COOKIE_NAMES)
        kw = {}
        for attr, choices in [
            ("path", ["/", "/x", "", None]),
            ("domain", ["a.com", ".a.com", None]),
            ("secure", [True, False]),
            ("host_prefix", [True, False]),
            ("secure_prefix", [True, False]),
            ("httponly", [True, False]),
            ("max_age", [0, 10, -1]),
            ("samesite", ["Lax", "strict", None, "NONE"]),
            ("partitioned", [True, False]),
        ]:
            if rng.random() < 0.2:
                kw[attr] = rng.choice(choices)
        if k == "cookie_attr":
            ops.append(
                [
                    k,
                    name,
                    rng.choice(
                        [
                            "path",
                            "domain",
                            "max_age",
                            "expires",
                            "secure",
                            "httponly",
                            "samesite",
                            "partitioned",
                            "comment",
                            "value",
                            "key",
                            "host_prefix",
                            "secure_prefix",
                        ]
                    ),
                    rng.choice([None, "x", 5, True, "/p", "lax"]),
                ]
            )
        elif k == "cookie_item":
            ops.append(
                [
                    k,
                    name,
                    rng.choice(
                        [
                            "path",
                            "max-age",
                            "Max-Age",
                            "expires",
                            "secure",
                            "httponly",
                            "samesite",
                            "domain",
                            "comment",
                            "foo",
                            "partitioned",
                        ]
                    ),
                    rng.choice([None, "x", 5, True, "/p", "lax", False]),
                ]
            )
        else:
            ops.append([k, name, rng.choice(["v", "", "a b", 'q"', "é", "1"]), kw])
    return {"ops": ops}


def gen_exc_attrs(rng):
    from apidiff_cases3 import exc_spec

    spec = exc_spec(rng)
    if rng.random() < 0.15 and spec["args"]:
        spec["bytes"] = True
    return {"exc": spec, "raise_from": rng.random() < 0.2}


TASK_NAMES = ["a", "b", "a b", "", None, "x.y"]


def _task_op(rng):
    k = rng.choice(["add", "add", "add", "get", "get", "cancel", "purge", "yield", "list"])
    name = rng.choice(TASK_NAMES)
    if k == "add":
        return [
            k,
            name,
            rng.choice(["quick", "raise", "wait", "callable", "callable_app", "future", "none"]),
            rng.choice([True, True, False]),
        ]
    if k == "get":
        return [k, name, rng.choice([True, False, None])]
    if k == "cancel":
        return [k, name, rng.choice([None, "why"]), rng.choice([True, False, None])]
    return [k]


def gen_tasks(rng):
    return {
        "pre": [_task_op(rng) for _ in range(rng.randint(0, 2)) if rng.random() < 0.5],
        "ops": [_task_op(rng) for _ in range(rng.randint(1, 8))],
    }


LISTENER_EVENTS = [
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_start",
    "reload_process_start",
    "BEFORE_SERVER_START",
    "before_server_starts",
    "server.init.before",
    "server.shutdown.after",
]


def gen_listeners(rng):
    listeners = []
    for _ in range(rng.randint(1, 7)):
        listeners.append(
            {
                "event": rng.choice(LISTENER_EVENTS[:4] * 3 + LISTENER_EVENTS[4:]),
                "how": rng.choice(
                    ["deco", "call", "register", "shortcut", "shortcut_call", "bp", "bp_short"]
                ),
                "priority": rng.choice([None, None, 0, 1, -1, 5]),
                "async": rng.random() < 0.6,
                "args": rng.choice(["app", "app", "app_loop", "none"]),
                "raises": rng.random() < 0.1,
            }
        )
    return {"listeners": listeners}


def gen_resp_mut(rng):
    kind = rng.choice(["text", "html", "raw", "json", "empty", "redirect", "HTTPResponse"])
    ops = []
    for _ in range(rng.randint(1, 5)):
        k = rng.choice(["status", "content_type", "body", "header_set", "header_add", "header_del"])
        if k == "status":
            ops.append([k, rng.choice([200, 201, 204, 304, 404, 418, 500, 103, 299, 599])])
        elif k == "content_type":
            ops.append([k, rng.choice(["text/html", "application/x", None, "", "a/b; c=d"])])
        elif k == "body":
            ops.append([k, rng.choice(["str", "bytes", "empty", "none", "bytearray", "uni"])])
        else:
            ops.append(
                [
                    k,
                    rng.choice(["content-type", "Content-Length", "x-a", "X-A", "location"]),
                    rng.choice(["v", "", "10", "text/x", "/b"]),
                ]
            )
    return {"kind": kind, "ops": ops, "method": rng.choice(["GET", "GET", "HEAD"])}


STATIC_FILES = ["a.txt", "sub/b.txt", "sp ace.txt", "é.txt", "missing.txt", "", "sub/", "../x"]


def gen_url_static(rng):
    statics = []
    for i in range(rng.randint(1, 3)):
        kw = {}
        if rng.random() < 0.5:
            kw["name"] = rng.choice(["static", "s", "files", "a.b", f"n{i}"])
        if rng.random() < 0.2:
            kw["strict_slashes"] = rng.choice([True, False])
        if rng.random() < 0.2:
            kw["host"] = rng.choice(["a.com", "b.com"])
        statics.append(
            {
                "uri": rng.choice(["/s", "/s/", "/static", "/", "/f.txt", "/x/<p>", "s"]),
                "target": rng.choice(["dir", "dir", "file"]),
                "where": rng.choice(["app", "app", "bp"]),
                "kw": kw,
            }
        )
    calls = []
    for _ in range(rng.randint(1, 6)):
        kw = {}
        if rng.random() < 0.8:
            kw["filename"] = rng.choice(STATIC_FILES)
        if rng.random() < 0.5:
            kw["name"] = rng.choice(["static", "s", "files", "a.b", "n0", "n1", "bp.static", "x"])
        for k, choices in [
            ("_external", [True, False]),
            ("_server", ["h.com", "h.com:81"]),
            ("_scheme", ["https", "ws"]),
            ("_anchor", ["top", "a b"]),
            ("q", ["1", "a b"]),
        ]:
            if rng.random() < 0.15:
                kw[k] = rng.choice(choices)
        calls.append([rng.choice(["static", "static", "bp.static", "x.static", "s"]), kw])
    return {
        "statics": statics,
        "calls": calls,
        "server_name": rng.choice([None, None, "example.com", "http://example.com:8000"]),
    }


RESPOND_OPS = ["respond", "respond_given", "reset", "send", "send_end", "eof", "send_bytes"]


def gen_respond_api(rng):
    ops = []
    for _ in range(rng.randint(1, 7)):
        k = rng.choice(RESPOND_OPS)
        if k == "respond":
            ops.append(
                [
                    k,
                    {
                        key: value
                        for key, value in [
                            ("status", rng.choice([200, 201, 404, 204])),
                            ("content_type", rng.choice(["text/plain", "text/html"])),
                            ("headers", {"x-r": "1"}),
                        ]
                        if rng.random() < 0.5
                    },
                ]
            )
        elif k in ("send", "send_end"):
            ops.append([k, rng.choice(["a", "", "é", None])])
        else:
            ops.append([k, rng.randint(0, 1)])  # which response (the first or the last)
    return {
        "ops": ops,
        "ret": rng.choice(["none", "none", "text", "first", "last"]),
        "method": rng.choice(["GET", "GET", "HEAD"]),
    }


GENERATORS4 = {
    "views": gen_views,
    "ctx": gen_ctx,
    "registry": gen_registry,
    "json_resp": gen_json_resp,
    "header_api": gen_header_api,
    "req_body": gen_req_body,
    "route_defs": gen_route_defs,
    "cookiejar": gen_cookiejar,
    "exc_attrs": gen_exc_attrs,
    "tasks": gen_tasks,
    "listeners": gen_listeners,
    "resp_mut": gen_resp_mut,
    "url_static": gen_url_static,
    "respond_api": gen_respond_api,
}
SLOW4 = {
    "views": 0.3,
    "ctx": 0.3,
    "route_defs": 0.3,
    "tasks": 0.3,
    "listeners": 0.3,
    "resp_mut": 0.5,
}

# --------------------------------------------------------------------------- worker side


def _safe(fn):
    from apidiff import exc_info

    try:
        return fn()
    except Exception as e:
        return exc_info(e)


def _wire(resp):
    hs = sorted(
        [k.lower(), ", ".join(sorted(v.split(", "))) if k.lower() == "allow" else v]
        for k, v in resp.headers.items()
        if k.lower() in ("allow", "x-d0", "x-d1", "x-d2", "content-type", "x-ctx")
    )
    return [resp.status, hs, resp.text[:200] if resp.status < 400 else ""]


class Ops4:
    # class-based views ------------------------------------------------------------
    def op_views(self, a):
        from apidiff import exc_info

        from sanic import Blueprint, response
        from sanic.exceptions import NotFound
        from sanic.views import HTTPMethodView

        def make_handler(method, spec):
            kind = spec["kind"]

            def body(self, request, kw):
                tag = [method, self.args, self.kwargs, kw]
                if kind == "text":
                    return response.text(repr(tag))
                if kind == "json":
                    return response.json(tag)
                if kind == "raise":
                    raise NotFound(f"no {method}")
                if kind == "str":
                    return "plain"
                if kind == "kwargs":
                    return response.text(repr(sorted(request.match_info)))
                return None

            if spec["async"]:

                async def h(self, request, **kw):
                    return body(self, request, kw)
            else:

                def h(self, request, **kw):
                    return body(self, request, kw)

            h.__name__ = method
            return h

        def make_deco(i, kind):
            def deco(fn):
                if kind == "sync_header":

                    def w(request, *args, **kw):
                        r = fn(request, *args, **kw)
                        return r

                    return w

                async def w(request, *args, **kw):
                    if kind == "short":
                        return response.text(f"short{i}")
                    if kind == "raise":
                        raise NotFound(f"deco{i}")
                    r = fn(request, *args, **kw)
                    if hasattr(r, "__await__"):
                        r = await r
                    if kind == "header" and r is not None and hasattr(r, "headers"):
                        r.headers[f"x-d{i}"] = str(i)
                    return r

                return w

            return deco

        def init(self, *args, **kw):
            self.args = list(args)
            self.kwargs = kw

        ns = {m: make_handler(m, s) for m, s in a["methods"].items()}
        ns["__init__"] = init
        decos = [make_deco(i, k) for i, k in enumerate(a["decorators"])]
        ns["decorators"] = tuple(decos) if a["dec_tuple"] else decos
        View = type("View", (HTTPMethodView,), ns)
        app = self.new_app()
        out = {}
        try:
            reg, kw = a["reg"], dict(a["kw"])
            if reg == "add_route":
                app.add_route(View.as_view(*a["args"], **a["kwargs"]), a["uri"], **kw)
            elif reg == "attach":
                View.attach(app, a["uri"], **kw)
            elif reg == "bp":
                bp = Blueprint("bp")
                bp.add_route(View.as_view(*a["args"], **a["kwargs"]), a["uri"], **kw)
                app.blueprint(bp)
            elif reg == "bp_attach":
                bp = Blueprint("bp")
                View.attach(bp, a["uri"], **kw)
                app.blueprint(bp)
            else:
                app.route(a["uri"], **kw)(View.as_view(*a["args"], **a["kwargs"]))
        except Exception as e:
            return {"register": exc_info(e)}
        try:
            app.router.finalize()
        except Exception as e:
            return {"finalize": exc_info(e)}
        out["routes"] = sorted(
            [r.name, r.path, sorted(r.methods), type(r.handler).__name__] for r in app.router.routes
        )
        h = next(iter(app.router.routes)).handler if app.router.routes else None
        out["handler"] = [
            getattr(h, "__name__", None),
            getattr(getattr(h, "view_class", None), "__name__", None),
        ]

        async def go():
            res = []
            for method, path in a["requests"]:
                _, resp = await app.asgi_client.request(method.lower(), path)
                res.append(_wire(resp))
            return res

        out["requests"] = self.run(go())
        return out

    # ctx -----------------------------------------------------------------------------
    def op_ctx(self, a):
        import types

        from apidiff import exc_info, norm

        from sanic import Blueprint, Request, Sanic, response

        class Obj:
            pass

        ctxs = {
            "ns": lambda: types.SimpleNamespace(pre=1),
            "obj": Obj,
            "dict": dict,
            "none": lambda: None,
        }
        kw = {}
        if a["app_ctx"] != "default":
            kw["ctx"] = ctxs[a["app_ctx"]]()
        if a["req_ctx"] != "default":
            make = ctxs[a["req_ctx"]]

            class R(Request):
                @classmethod
                def make_context(cls):
                    return make()

            kw["request_class"] = R
        self.n += 1
        out = {}
        try:
            app = Sanic(f"cx{self.n}", **kw)
        except Exception as e:
            return {"init": exc_info(e)}
        out["app_ctx"] = [
            type(app.ctx).__name__,
            sorted(vars(app.ctx)) if hasattr(app.ctx, "__dict__") else None,
        ]
        for k, v in a["app_sets"].items():
            out["app_set_" + k] = _safe(
                lambda k=k, v=v: setattr(app.ctx, k, v) or norm(getattr(app.ctx, k))
            )
        sh = []
        import asyncio
        import queue

        values = {
            "int": lambda: 1,
            "str": lambda: "s",
            "list": lambda: [1],
            "queue": queue.Queue,
            "value": lambda: asyncio.Event(),
        }
        from apidiff_cases3 import LogTap

        with LogTap() as tap:
            for k, v in a["shared"]:
                sh.append(
                    _safe(
                        lambda k=k, v=v: (
                            setattr(app.shared_ctx, k, values[v]())
                            or type(getattr(app.shared_ctx, k)).__name__
                        )
                    )
                )
        out["shared"] = sh
        # the warning's wording is each framework's own (Sanic's says "may not not")
        out["shared_logs"] = [
            [r[0], r[1], re.sub(r"^(Unsafe object) (?:shared_ctx\.)?(\w+) .*", r"\1 \2", r[2])]
            for r in tap.records
        ]
        out["shared_type"] = type(app.shared_ctx).__name__

        async def handler(request):
            res = {"ctx_type": type(request.ctx).__name__}
            for k in a["reads"]:
                res["req_" + k] = _safe(lambda k=k: norm(getattr(request.ctx, k)))
                res["app_" + k] = _safe(lambda k=k: norm(getattr(request.app.ctx, k)))
            rc = request.route.ctx
            res["route_ctx"] = sorted([k, norm(v)] for k, v in vars(rc).items())
            if a["in_bp"]:
                res["bp_ctx"] = sorted(
                    [k, norm(v)] for k, v in vars(request.app.blueprints["b"].ctx).items()
                )
            return response.json(res)

        async def mw(request):
            for k, v in a["mw_sets"]:
                try:
                    setattr(request.ctx, k, v)
                except Exception as e:
                    return response.json({"mw": exc_info(e)})

        try:
            if a["in_bp"]:
                bp = Blueprint("b", **a["bp_kw"])
                for k, v in a["bp_sets"].items():
                    setattr(bp.ctx, k, v)
                bp.route("/c", **a["route_kw"])(handler)
                bp.on_request(mw)
                app.blueprint(bp)
            else:
                app.route("/c", **a["route_kw"])(handler)
                app.on_request(mw)
        except Exception as e:
            out["register"] = exc_info(e)
            return out

        async def go():
            _, resp = await app.asgi_client.get(a["path"])
            return [resp.status, resp.json if resp.status == 200 else resp.text[:200]]

        out["request"] = self.run(go())
        return out

    # registry ----------------------------------------------------------------------
    def op_registry(self, a):
        from apidiff import exc_info

        from sanic import Sanic

        saved = dict(Sanic._app_registry)
        saved_mode = Sanic.test_mode
        Sanic._app_registry.clear()
        Sanic.test_mode = a["test_mode"]
        made = {}
        out = []
        try:
            for op in a["ops"]:
                try:
                    if op[0] == "new":
                        app = Sanic(op[1])
                        made[op[1]] = app
                        out.append(["new", app.name])
                    elif op[0] == "name_type":
                        out.append(["new", Sanic(b"a" if op[1] == "bytes" else op[1]).name])
                    elif op[0] == "get":
                        kw = {} if op[2] is None else {"force_create": op[2]}
                        app = Sanic.get_app(op[1], **kw)
                        out.append(["get", app.name, any(app is m for m in made.values())])
                    elif op[0] == "test_mode":
                        Sanic.test_mode = op[1]
                        out.append(["mode"])
                    elif op[0] == "unregister":
                        if op[1] in made:
                            Sanic.unregister_app(made[op[1]])
                            out.append(["unreg", sorted(Sanic._app_registry)])
                        else:
                            out.append(["skip"])
                    elif op[0] == "register":
                        if op[1] in made:
                            Sanic.register_app(made[op[1]])
                            out.append(["reg", sorted(Sanic._app_registry)])
                        else:
                            out.append(["skip"])
                except Exception as e:
                    out.append(exc_info(e))
            out.append(sorted(Sanic._app_registry))
            return out
        finally:
            Sanic._app_registry.clear()
            Sanic._app_registry.update(saved)
            Sanic.test_mode = saved_mode

    # JSONResponse ------------------------------------------------------------------
    def op_json_resp(self, a):
        from apidiff import exc_info, norm

        from sanic import response

        kw = dict(a["kw"])
        try:
            if a["via"] == "json":
                r = response.json(
                    a["init"],
                    status=a["status"],
                    content_type=a["content_type"] or "application/json",
                    **kw,
                )
            elif a["via"] == "JSONResponse":
                r = response.JSONResponse(
                    a["init"],
                    status=a["status"],
                    content_type=a["content_type"] or "application/json",
                    **kw,
                )
            else:
                r = response.JSONResponse(None, status=a["status"], **kw)
        except Exception as e:
            return {"init": exc_info(e)}
        out = [[r.body, r.status, r.content_type]]
        for op in a["ops"]:
            k = op[0]
            try:
                if k == "set_body":
                    r.set_body(op[1], **op[2])
                elif k == "append":
                    r.append(op[1])
                elif k == "extend":
                    r.extend(op[1])
                elif k == "update":
                    r.update(op[1], **op[2])
                elif k == "pop":
                    out.append(["popped", norm(r.pop(op[1]))])
                elif k == "pop_default":
                    out.append(["popped", norm(r.pop(op[1], "dflt"))])
                elif k == "raw_body":
                    out.append(["raw", norm(r.raw_body)])
                elif k == "set_raw_body":
                    r.raw_body = op[1]
                elif k == "set_body_bytes":
                    r.body = op[1].encode()
                elif k == "status":
                    r.status = op[1]
                elif k == "content_type":
                    r.content_type = op[1]
                out.append([k, norm(r.body), r.status, r.content_type])
            except Exception as e:
                out.append([k, exc_info(e)])
        return out

    # Header ------------------------------------------------------------------------
    def op_header_api(self, a):
        from apidiff import exc_info, norm

        from sanic.compat import Header

        pairs = [tuple(p) for p in a["pairs"]]
        try:
            init = a["init"]
            if init == "list":
                h = Header(pairs)
            elif init == "dict":
                h = Header(dict(pairs))
            elif init == "kwargs":
                h = Header(**{k: v for k, v in pairs if k.isidentifier()})
            elif init == "header":
                h = Header(Header(pairs))
            elif init == "request":
                h = self.request(b"/", pairs).headers
            else:
                h = Header()
        except Exception as e:
            return {"init": exc_info(e)}
        out = [type(h).__name__, list(h.items())]
        for k, name, value in a["ops"]:
            value = b"b" if value == "<bytes>" else value
            try:
                if k == "get":
                    r = h.get(name)
                elif k == "get_d":
                    r = h.get(name, "d")
                elif k == "getone":
                    r = h.getone(name)
                elif k == "getone_d":
                    r = h.getone(name, "d")
                elif k == "getall":
                    r = h.getall(name)
                elif k == "getall_d":
                    r = h.getall(name, "d")
                elif k == "get_all":
                    r = h.get_all(name)
                elif k == "attr":
                    r = getattr(h, name)
                    r = r if isinstance(r, str) else type(r).__name__
                elif k == "add":
                    r = h.add(name, value)
                elif k == "set":
                    h[name] = value
                    r = None
                elif k == "del":
                    del h[name]
                    r = None
                elif k == "pop":
                    r = h.pop(name)
                elif k == "pop_d":
                    r = h.pop(name, "d")
                elif k == "popone":
                    r = h.popone(name)
                elif k == "popall":
                    r = h.popall(name)
                elif k == "popall_d":
                    r = h.popall(name, "d")
                elif k == "setdefault":
                    r = h.setdefault(name, value)
                elif k == "extend":
                    r = h.extend([(name, value)])
                elif k == "update":
                    r = h.update({name: value})
                elif k == "in":
                    r = name in h
                elif k == "len":
                    r = len(h)
                elif k == "keys":
                    r = list(h.keys())
                elif k == "values":
                    r = list(h.values())
                elif k == "items":
                    r = list(h.items())
                elif k == "copy":
                    c = h.copy()
                    r = [type(c).__name__, list(c.items())]
                elif k == "eq":
                    r = [h == dict(h), h == Header(h), h == {}]
                elif k == "popitem":
                    r = list(h.popitem())
                else:
                    r = list(h).index(name) if name in list(h) else None
                out.append([k, norm(r)])
            except Exception as e:
                out.append([k, exc_info(e)])
        out.append(list(h.items()))
        return out

    # request body, credentials, id --------------------------------------------------
    def op_req_body(self, a):
        import json as _json
        import uuid

        from apidiff import norm

        from sanic import Sanic
        from sanic.compat import Header
        from sanic.request import Request

        loads = {
            None: None,
            "json": _json.loads,
            "upper": lambda s: str(s).upper(),
            "raise": lambda s: int("x"),
        }
        key = ("rb", a["id_header"], a["app_loads"])
        app = self.apps.get(key)
        if app is None:
            self.n += 1
            kw = {"loads": loads[a["app_loads"]]} if a["app_loads"] else {}
            app = Sanic(f"rb{len(self.apps)}x", **kw)
            if a["id_header"]:
                app.config.REQUEST_ID_HEADER = a["id_header"]
            self.apps[key] = app
        hs = [(k, v) for k, v in a["headers"]]
        req = Request(b"/j", Header(hs), "1.1", "POST", None, app)
        try:
            req.body = a["body"].encode(a["encoding"], "surrogatepass")
        except UnicodeEncodeError:
            req.body = a["body"].encode("utf-8", "surrogatepass")
        out = {}
        for k in a["reads"]:
            if k in ("json", "json_again"):
                out[k] = _safe(lambda: norm(req.json))
            elif k == "load_json":
                kw = {"loads": loads[a["loads"]]} if a["loads"] else {}
                out[k] = _safe(lambda kw=kw: norm(req.load_json(**kw)))
            elif k == "content_type":
                out[k] = _safe(lambda: req.content_type)
            elif k == "token":
                out[k] = _safe(lambda: req.token)
            elif k == "credentials":

                def cred():
                    c = req.credentials
                    if c is None:
                        return None
                    return [c.auth_type, c.token, c.username, c.password]

                out[k] = _safe(cred)
            elif k == "id":

                def rid():
                    v = req.id
                    if isinstance(v, uuid.UUID) and not any(
                        v.hex in x.lower().replace("-", "") for _, x in hs
                    ):
                        return ["UUID", "<random>"]
                    if isinstance(v, uuid.UUID):
                        return ["UUID", str(v)]
                    return [type(v).__name__, norm(v)]

                out[k] = _safe(rid)
        return out

    # route definitions --------------------------------------------------------------
    def op_route_defs(self, a):
        from apidiff import exc_info, norm

        from sanic import response

        app = self.new_app()
        if a["strict"]:
            app.strict_slashes = True
            app.router.ctx.app = app
        reg = []
        for i, r in enumerate(a["routes"]):

            async def handler(request, **kw):
                rc = request.route
                return response.json(
                    [
                        rc.name.split(".", 1)[1],
                        sorted(
                            [k, norm(v)]
                            for k, v in vars(rc.ctx).items()
                            if k
                            not in (
                                "hosts",
                                "ignore_body",
                                "stream",
                                "static",
                                "websocket",
                                "error_format",
                                "labels",
                            )
                        ),
                    ]
                )

            handler.__name__ = f"h{i}"
            kw = dict(r["kw"])
            if (
                isinstance(kw.get("methods"), list)
                and kw["methods"]
                and kw["methods"][0] == "PATCH"
            ):
                kw["methods"] = tuple(kw["methods"])
            try:
                deco = r["deco"]
                if deco == "add_route":
                    app.add_route(handler, r["uri"], **kw)
                elif deco == "route":
                    app.route(r["uri"], **kw)(handler)
                else:
                    getattr(app, deco)(r["uri"], **kw)(handler)
                reg.append("ok")
            except Exception as e:
                reg.append(exc_info(e))
        out = {"register": reg}
        try:
            app.router.finalize()
        except Exception as e:
            out["finalize"] = exc_info(e)
            return out
        out["routes"] = sorted(
            [
                r.name,
                r.path,
                r.uri if hasattr(r, "uri") else None,
                sorted(r.methods),
                sorted(str(h) for h in (r.ctx.hosts or [])) if hasattr(r.ctx, "hosts") else None,
                getattr(r.extra, "error_format", None),
                bool(r.strict),
            ]
            for r in app.router.routes
        )
        urls = []
        for r in out["routes"]:
            urls.append(
                _safe(lambda r=r: app.url_for(r[0], x=7) if "<x" in r[1] else app.url_for(r[0]))
            )
        out["urls"] = urls

        async def go():
            res = []
            for method, path, host in a["requests"]:
                hs = {"host": host} if host else {}
                _, resp = await app.asgi_client.request(method.lower(), path, headers=hs)
                res.append(_wire(resp))
            return res

        out["requests"] = self.run(go())
        return out

    # background tasks ---------------------------------------------------------------
    def op_tasks(self, a):
        import asyncio

        from apidiff import exc_info, norm

        from sanic import response

        app = self.new_app()
        made = []

        def tname(t):
            name = t.get_name() if hasattr(t, "get_name") else None
            return re.sub(r"^Task-\d+$", "Task-N", name) if name else name

        async def run_op(op, out):
            k = op[0]
            try:
                if k == "add":
                    _, name, kind, register = op

                    async def quick():
                        return "done"

                    async def boom():
                        raise ValueError("task failed")

                    async def wait():
                        await asyncio.sleep(30)

                    async def with_app(app):
                        return type(app).__name__

                    task = {
                        "quick": quick,
                        "raise": boom,
                        "wait": wait,
                        "callable": lambda: quick,
                        "callable_app": lambda: with_app,
                        "future": lambda: asyncio.get_event_loop().create_future(),
                        "none": lambda: None,
                    }[kind]
                    arg = task()  # a coroutine, a coroutine function, a future or None
                    kw = {"name": name} if name is not None else {}
                    t = app.add_task(arg, register=register, **kw)
                    if isinstance(t, asyncio.Future):
                        made.append(t)
                    out.append(
                        [
                            "added",
                            type(t).__name__,
                            tname(t),
                        ]
                    )
                elif k == "get":
                    kw = {} if op[2] is None else {"raise_exception": op[2]}
                    t = app.get_task(op[1], **kw)
                    out.append(["got", tname(t) if t is not None else None])
                elif k == "cancel":
                    kw = {} if op[3] is None else {"raise_exception": op[3]}
                    out.append(["cancelled", norm(await app.cancel_task(op[1], op[2], **kw))])
                elif k == "purge":
                    out.append(["purged", norm(app.purge_tasks())])
                elif k == "list":
                    out.append(
                        [
                            "tasks",
                            [[tname(t), t.done(), t.cancelled()] for t in app.tasks],
                        ]
                    )
                else:
                    out.append(["yield"])
                    return "yield"
            except Exception as e:
                out.append([k, exc_info(e)])
            return None

        pre = []
        for op in a["pre"]:
            self.run(run_op(op, pre))

        @app.get("/t")
        async def handler(request):
            out = []
            for op in a["ops"]:
                if await run_op(op, out) == "yield":
                    await asyncio.sleep(0)
                    await asyncio.sleep(0)
            await asyncio.sleep(0.01)  # the tasks added last run (each framework's hops)
            states = []
            for t in list(app.tasks) + made:
                if t.done() and not t.cancelled():
                    e = t.exception()
                    states.append(
                        [
                            tname(t),
                            "raised" if e else norm(t.result()),
                        ]
                    )
                t.cancel()
            out.append(["end", sorted(states, key=str)])
            return response.json(out)

        async def go():
            _, resp = await app.asgi_client.get("/t")
            return [resp.status, resp.json if resp.status == 200 else resp.text[:200]]

        return {"pre": pre, "request": self.run(go())}

    # listeners ------------------------------------------------------------------------
    def op_listeners(self, a):
        from apidiff import exc_info
        from apidiff_cases3 import LogTap

        from sanic import Blueprint, response

        app = self.new_app()
        bp = Blueprint("lbp")
        seen = []
        regs = []
        shortcuts = {
            "before_server_start",
            "after_server_start",
            "before_server_stop",
            "after_server_stop",
            "main_process_start",
            "reload_process_start",
        }

        def make(i, spec):
            def record(*args):
                seen.append([i, len(args), type(args[0]).__name__ if args else None])
                if spec["raises"]:
                    raise ValueError(f"listener {i}")

            if spec["async"]:
                if spec["args"] == "app":

                    async def fn(app):
                        record(app)
                elif spec["args"] == "app_loop":

                    async def fn(app, loop):
                        record(app, loop)
                else:

                    async def fn():
                        record()
            elif spec["args"] == "app":

                def fn(app):
                    record(app)
            elif spec["args"] == "app_loop":

                def fn(app, loop):
                    record(app, loop)
            else:

                def fn():
                    record()

            fn.__name__ = f"l{i}"
            return fn

        for i, spec in enumerate(a["listeners"]):
            fn = make(i, spec)
            kw = {} if spec["priority"] is None else {"priority": spec["priority"]}
            ev, how = spec["event"], spec["how"]
            try:
                if how == "deco":
                    app.listener(ev, **kw)(fn)
                elif how == "call":
                    app.listener(fn, ev, **kw)
                elif how == "register":
                    app.register_listener(fn, ev, **kw)
                elif how in ("shortcut", "shortcut_call"):
                    if ev not in shortcuts:
                        regs.append("skip")
                        continue
                    if how == "shortcut":
                        getattr(app, ev)(**kw)(fn) if kw else getattr(app, ev)(fn)
                    else:
                        getattr(app, ev)(fn, **kw)
                elif how == "bp":
                    bp.listener(ev, **kw)(fn)
                else:
                    if ev not in shortcuts:
                        regs.append("skip")
                        continue
                    getattr(bp, ev)(fn, **kw)
                regs.append("ok")
            except Exception as e:
                regs.append(exc_info(e))

        @app.get("/")
        async def index(request):
            seen.append("request")
            return response.text("ok")

        try:
            app.blueprint(bp)
        except Exception as e:
            return {"register": regs, "blueprint": exc_info(e)}

        async def go():
            try:
                _, resp = await app.asgi_client.get("/")
                return [resp.status, resp.text[:80]]
            except Exception as e:
                return exc_info(e)

        with LogTap() as tap:
            result = self.run(go())
        logs = [r[:2] + [r[2][:60], r[3]] for r in tap.records if r[1] != "DEBUG"]
        return {"register": regs, "result": result, "seen": seen, "logs": logs}

    # responses changed after they were made -----------------------------------------
    def op_resp_mut(self, a):
        from apidiff import exc_info, norm

        from sanic import response

        def build():
            kind = a["kind"]
            if kind == "json":
                return response.json({"a": 1})
            if kind == "empty":
                return response.empty()
            if kind == "redirect":
                return response.redirect("/to")
            if kind == "HTTPResponse":
                return response.HTTPResponse("hr")
            if kind == "raw":
                return response.raw(b"raw")
            return getattr(response, kind)("body é")

        bodies = {
            "str": "new",
            "bytes": b"new-bytes",
            "empty": b"",
            "none": None,
            "bytearray": bytearray(b"ba"),
            "uni": "ünï",
        }

        def mutate(r, out):
            for op in a["ops"]:
                k = op[0]
                try:
                    if k == "status":
                        r.status = op[1]
                    elif k == "content_type":
                        r.content_type = op[1]
                    elif k == "body":
                        r.body = bodies[op[1]]
                    elif k == "header_set":
                        r.headers[op[1]] = op[2]
                    elif k == "header_add":
                        r.headers.add(op[1], op[2])
                    else:
                        r.headers.pop(op[1], None)
                    out.append("ok")
                except Exception as e:
                    out.append(exc_info(e))

        local = []
        r = build()
        mutate(r, local)
        try:
            processed = norm(list(r.processed_headers))
        except Exception as e:
            processed = exc_info(e)
        app = self.new_app()

        @app.route("/r", methods=["GET", "HEAD"])
        async def handler(request):
            r = build()
            mutate(r, [])
            return r

        async def go():
            _, resp = await app.asgi_client.request(a["method"].lower(), "/r")
            hs = sorted(
                [k.lower(), v] for k, v in resp.headers.items() if k.lower() != "content-length"
            )
            return [resp.status, hs, resp.content]

        return {
            "local": local,
            "state": [r.status, norm(r.body), r.content_type],
            "processed": processed,
            "wire": norm(self.run(go())),
        }

    # url_for of static files -----------------------------------------------------------
    def op_url_static(self, a):
        import os

        from apidiff import exc_info

        from sanic import Blueprint

        root = "/tmp/apidiff_static"
        if not os.path.isdir(f"{root}/sub"):
            os.makedirs(f"{root}/sub", exist_ok=True)
            for name in ("a.txt", "sub/b.txt", "sp ace.txt", "é.txt"):
                with open(f"{root}/{name}", "w") as fh:
                    fh.write(name)
        cfg = {"SERVER_NAME": a["server_name"]} if a["server_name"] else {}
        app = self.new_app(**cfg)
        bp = Blueprint("bp", url_prefix="/bp")
        regs = []
        for spec in a["statics"]:
            target = root if spec["target"] == "dir" else f"{root}/a.txt"
            owner = bp if spec["where"] == "bp" else app
            try:
                owner.static(spec["uri"], target, **spec["kw"])
                regs.append("ok")
            except Exception as e:
                regs.append(exc_info(e))
        try:
            app.blueprint(bp)
            app.router.finalize()
        except Exception as e:
            return {"register": regs, "finalize": exc_info(e)}
        routes = sorted(
            [r.name, r.path, sorted(str(h) for h in (getattr(r.ctx, "hosts", None) or []) if h)]
            for r in app.router.routes
        )
        urls = []
        for view, kw in a["calls"]:
            try:
                urls.append(app.url_for(view, **kw))
            except Exception as e:
                urls.append(exc_info(e))
        return {"register": regs, "routes": routes, "urls": urls}

    # request.respond(), reset_response() and streamed sends ----------------------------
    def op_respond_api(self, a):
        from apidiff import exc_info

        from sanic import response

        app = self.new_app()
        seen = []

        @app.route("/r", methods=["GET", "HEAD"])
        async def handler(request):
            made = []
            for op in a["ops"]:
                k = op[0]
                try:
                    if k == "respond":
                        made.append(await request.respond(**op[1]))
                    elif k == "respond_given":
                        made.append(await request.respond(response.text("given")))
                    elif k == "reset":
                        request.reset_response()
                    elif not made:
                        seen.append([k, "no response"])
                        continue
                    else:
                        target = made[0] if op[1] == 0 and k in ("eof", "send_bytes") else made[-1]
                        if k == "send":
                            await target.send(op[1])
                        elif k == "send_end":
                            await target.send(op[1], True)
                        elif k == "send_bytes":
                            await target.send(b"b")
                        else:
                            await target.eof()
                    seen.append([k, "ok"])
                except Exception as e:
                    seen.append([k, exc_info(e)])
            if a["ret"] == "text":
                return response.text("ret")
            if a["ret"] == "first" and made:
                return made[0]
            if a["ret"] == "last" and made:
                return made[-1]
            return None

        async def go():
            try:
                _, resp = await app.asgi_client.request(a["method"].lower(), "/r")
            except Exception as e:
                return exc_info(e)
            hs = sorted(
                [k.lower(), v]
                for k, v in resp.headers.items()
                if k.lower() not in ("content-length", "transfer-encoding")
            )
            return [resp.status, hs, resp.text]

        result = self.run(go())
        return {"ops": seen, "result": result}

    # exception instances ----------------------------------------------------------
    def op_exc_attrs(self, a):
        from apidiff import exc_info
        from apidiff_cases3 import make_exc

        spec = dict(a["exc"])
        if spec.get("bytes"):
            spec["args"] = [spec["args"][0].encode("utf-8"), *spec["args"][1:]]
        try:
            e = make_exc(spec)
        except Exception as err:
            return {"init": exc_info(err)}
        out = _exc_attrs(e)
        try:
            if a["raise_from"]:
                try:
                    raise e from ValueError("cause")
                except Exception as caught:
                    out["cause"] = type(caught.__cause__).__name__
        except Exception as err:
            out["raise"] = exc_info(err)
        return out

    # CookieJar and Cookie -----------------------------------------------------------
    def op_cookiejar(self, a):
        from apidiff import exc_info, norm

        from sanic import response

        r = response.text("x")
        jar = r.cookies
        out = [type(jar).__name__]
        for op in a["ops"]:
            k, name = op[0], op[1]
            try:
                if k == "add":
                    c = jar.add_cookie(name, op[2], **op[3])
                    res = [type(c).__name__, str(c)]
                elif k == "get":
                    kw = {
                        x: op[3][x]
                        for x in ("path", "domain", "host_prefix", "secure_prefix")
                        if x in op[3]
                    }
                    c = jar.get_cookie(name, **kw)
                    res = str(c) if c is not None else None
                elif k == "has":
                    kw = {
                        x: op[3][x]
                        for x in ("path", "domain", "host_prefix", "secure_prefix")
                        if x in op[3]
                    }
                    res = jar.has_cookie(name, **kw)
                elif k == "delete":
                    kw = {
                        x: op[3][x]
                        for x in ("path", "domain", "host_prefix", "secure_prefix")
                        if x in op[3]
                    }
                    res = jar.delete_cookie(name, **kw)
                elif k == "len":
                    res = len(jar)
                elif k == "list":
                    res = [str(c) for c in jar.cookies]
                elif k == "set_header":
                    r.headers.add("set-cookie", f"{name}={op[2]}")
                    res = None
                elif k == "jar_items":
                    res = sorted(str(c) for c in jar.cookies)
                elif k == "in":
                    res = name in jar
                else:
                    cs = [c for c in jar.cookies if c.key == name]
                    if not cs:
                        res = "none"
                    else:
                        c = cs[0]
                        attr, value = op[2], op[3]
                        if k == "cookie_attr":
                            before = norm(getattr(c, attr))
                            try:
                                setattr(c, attr, value)
                                after = str(c)
                            except Exception as e:
                                after = exc_info(e)
                            res = [before, after]
                        else:
                            try:
                                before = norm(c[attr])
                            except Exception as e:
                                before = exc_info(e)
                            try:
                                c[attr] = value
                                after = str(c)
                            except Exception as e:
                                after = exc_info(e)
                            res = [before, after]
                out.append([k, norm(res)])
            except Exception as e:
                out.append([k, exc_info(e)])
        out.append(
            _safe(lambda: sorted(str(v) for k, v in r.headers.items() if k.lower() == "set-cookie"))
        )
        return out


def _exc_attrs(e):
    """What user code reads off an exception instance."""
    from apidiff import norm

    out = {"mro": [c.__name__ for c in type(e).__mro__][:6], "str": str(e), "args": norm(e.args)}
    for k in (
        "status_code",
        "quiet",
        "message",
        "context",
        "extra",
        "headers",
        "method",
        "allowed_methods",
        "path",
        "relative_url",
        "auth_scheme",
    ):
        if hasattr(e, k):
            v = getattr(e, k)
            out[k] = norm(dict(v) if k == "headers" and v is not None else v)
        else:
            out[k] = "<absent>"
    return out
