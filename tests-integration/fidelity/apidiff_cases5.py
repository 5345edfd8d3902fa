"""Fifth-round areas for ``apidiff.py``: helpers, constants, configuration and introspection.

The public helpers of ``sanic.helpers`` and ``sanic.utils`` (``has_message_body``,
``is_hop_by_hop_header``, ``is_entity_header``, ``STATUS_CODES``, ``str_to_bool``,
``import_string``, ``load_module_from_file_location``, ``Default``/``_default``), the
values of ``sanic.constants`` and ``sanic.log``, ``Config`` built with ``defaults``,
``env_prefix``, ``converters`` and ``register_type`` over environment variables,
``app.static()`` option combinations seen over ASGI, what a handler reads of its route
(``request.route``/``name``/``endpoint``/``uri_template``/``match_info``), the router's
introspection (``routes_all``/``routes_static``/``routes_dynamic``/``routes_regex``, a
route's fields), the response helpers' argument types, ``ErrorHandler.add``/``lookup``,
``request.get_form`` and the ``BlueprintGroup`` sequence API.

Generators (``GENERATORS5``) are run by the driver; the worker's operations (``Ops5``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import json
import re

from apidiff_cases import gen_routes, paths_for, rstr

# ------------------------------------------------------------------------- generators


def _pick(rng, exprs, k=(3, 8)):
    return {"calls": rng.sample(exprs, min(len(exprs), rng.randint(*k)))}


STATUSES = [
    100,
    101,
    102,
    103,
    199,
    200,
    201,
    204,
    205,
    206,
    226,
    299,
    300,
    304,
    305,
    400,
    404,
    418,
    425,
    499,
    500,
    511,
    599,
    600,
    0,
    -1,
    999,
    1000,
]
HEADER_NAMES = [
    "Connection",
    "keep-alive",
    "KEEP-ALIVE",
    "TE",
    "te",
    "Transfer-Encoding",
    "upgrade",
    "X-Foo",
    "proxy-authenticate",
    "Proxy-Authorization",
    "trailers",
    "Trailer",
    "content-length",
    "Allow",
    "content-encoding",
    "Content-Language",
    "Content-Length",
    "content-location",
    "content-md5",
    "Content-Range",
    "content-type",
    "Expires",
    "last-modified",
    "extension-header",
    "",
    " connection",
    "Connection ",
    "ETag",
    "Host",
]
BOOLS = [
    "y",
    "yes",
    "YES",
    "Yep",
    "yup",
    "t",
    "true",
    "True",
    "TRUE",
    "on",
    "On",
    "enable",
    "enabled",
    "ENABLED",
    "1",
    "n",
    "no",
    "NO",
    "f",
    "false",
    "False",
    "off",
    "disable",
    "disabled",
    "0",
    "",
    "2",
    " true",
    "true ",
    "maybe",
    "tRuE",
    "none",
    "null",
    "é",
    "yes!",
    "01",
    "1.0",
]
IMPORTS = [
    "json.dumps",
    "json",
    "collections.OrderedDict",
    "os.path.nope",
    "nope_mod_x.y",
    "json.",
    "",
    "sanic",
    "sanic.response.text",
    "sanic.response.HTTPResponse",
    "sanic.helpers.Default",
    "os.path",
    "os..path",
    ".json",
    "sanic.Sanic",
    "builtins.int",
    "builtins.nope",
    "decimal.Decimal",
    "sanic.constants.HTTPMethod",
]
MODULE_FILES = [
    "ok.py",
    "${APIDIFF5_DIR}/ok.py",
    "$APIDIFF5_DIR/ok.py",
    "${NOPE_APIDIFF}/ok.py",
    "missing.py",
    "syntax.py",
    "raises.py",
    "data.txt",
    "data.json",
    "dir",
    "bytes:ok.py",
    "path:ok.py",
    "upper.py",
    "noext",
    "ok.PY",
    "${APIDIFF5_DIR}",
]


def gen_helpers(rng):
    exprs = []
    for s in rng.sample(STATUSES, 4):
        exprs.append(f"H.has_message_body({s!r})")
        exprs.append(f"H.STATUS_CODES.get({s!r})")
    for n in rng.sample(HEADER_NAMES, 4):
        exprs.append(f"H.is_hop_by_hop_header({n!r})")
        exprs.append(f"H.is_entity_header({n!r})")
    for b in rng.sample(BOOLS, 4):
        exprs.append(f"U.str_to_bool({b!r})")
    for i in rng.sample(IMPORTS, 3):
        exprs.append(f"desc(U.import_string({i!r}))")
        exprs.append(f"desc(H.import_string({i!r}))")
    for m in rng.sample(MODULE_FILES, 3):
        exprs.append(f"load({m!r})")
    exprs += rng.sample(
        [
            "repr(H._default)",
            "bool(H._default)",
            "isinstance(H._default, H.Default)",
            "H.Default() == H.Default()",
            "H._default == H._default",
            "str(H._default)",
            "type(H.STATUS_CODES).__name__",
            "len(H.STATUS_CODES)",
            "sorted(H.STATUS_CODES)[:5]",
            "sorted(H.STATUS_CODES)[-5:]",
            "H.STATUS_CODES[200]",
            "H.STATUS_CODES['200']",
            "H.json_dumps({'a': 'é', 'b': [1, 2.5, None]})",
            "H.json_dumps('</script>')",
            "H.json_dumps({'b': 1, 'a': 2}, sort_keys=True)",
            "H.json_dumps(float('nan'))",
            "H.json_dumps(b'x')",
            "H.is_atty()",
            "U.str_to_bool(1)",
            "U.str_to_bool(None)",
            "H.has_message_body('200')",
            "H.is_hop_by_hop_header(b'connection')",
        ],
        3,
    )
    rng.shuffle(exprs)
    return {"calls": exprs[: rng.randint(4, 12)]}


CONSTANT_EXPRS = [
    "[str(m) for m in C.HTTPMethod]",
    "[m.name for m in C.HTTPMethod]",
    "[m.value for m in C.HTTPMethod]",
    "C.HTTPMethod.GET == 'GET'",
    "C.HTTPMethod.GET == 'get'",
    "'GET' in C.HTTP_METHODS",
    "'get' in C.HTTP_METHODS",
    "C.HTTPMethod('GET').name",
    "C.HTTPMethod('get')",
    "C.HTTPMethod('BREW')",
    "C.HTTPMethod['POST'].value",
    "C.HTTPMethod['post']",
    "hash(C.HTTPMethod.GET) == hash('GET')",
    "{C.HTTPMethod.GET: 1}.get('GET')",
    "{'GET': 1}.get(C.HTTPMethod.GET)",
    "f'{C.HTTPMethod.GET}'",
    "'%s' % C.HTTPMethod.PATCH",
    "C.HTTPMethod.GET.upper()",
    "C.HTTPMethod.GET.lower()",
    "C.HTTPMethod.DELETE + '/x'",
    "isinstance(C.HTTPMethod.GET, str)",
    "list(C.HTTP_METHODS)",
    "type(C.HTTP_METHODS).__name__",
    "list(C.SAFE_HTTP_METHODS)",
    "list(C.IDEMPOTENT_HTTP_METHODS)",
    "list(C.CACHEABLE_HTTP_METHODS)",
    "type(C.SAFE_HTTP_METHODS).__name__",
    "C.DEFAULT_HTTP_CONTENT_TYPE",
    "[str(m) for m in C.LocalCertCreator]",
    "[m.name for m in C.LocalCertCreator]",
    "C.LocalCertCreator.AUTO == 'AUTO'",
    "C.LocalCertCreator.AUTO == 'auto'",
    "C.LocalCertCreator['MKCERT'].name",
    "C.LocalCertCreator('mkcert')",
    "C.LocalCertCreator('MKCERT').name",
    "json.dumps(C.HTTPMethod.GET)",
    "json.dumps({C.HTTPMethod.GET: C.HTTPMethod.POST})",
    "C.HTTPMethod.GET in ['GET']",
    "sorted([C.HTTPMethod.POST, 'DELETE', C.HTTPMethod.GET])",
    "len(C.HTTPMethod)",
    "C.HTTPMethod.GET is C.HTTPMethod('GET')",
    "[m.value for m in upper_enum(['foo_bar', 'Baz', 'x'])]",
    "str(upper_enum(['foo']).FOO)",
    "upper_enum(['foo']).FOO == 'FOO'",
    "upper_enum(['foo'])('FOO').name",
    "upper_enum(['foo'])('foo')",
    "repr(C.HTTPMethod.GET)",
    "C.HTTPMethod.GET.__class__.__name__",
    "[c.__name__ for c in C.HTTPMethod.__mro__[1:3]]",
    "str(C.DEFAULT_LOCAL_TLS_CERT).endswith('.pem')",
    "type(C.DEFAULT_LOCAL_TLS_KEY).__name__",
    "'HEAD' in C.CACHEABLE_HTTP_METHODS",
    "C.HTTPMethod.OPTIONS in C.SAFE_HTTP_METHODS",
]


def gen_constants(rng):
    return _pick(rng, CONSTANT_EXPRS, (3, 10))


LOG_EXPRS = [
    "sorted(L.LOGGING_CONFIG_DEFAULTS)",
    "L.LOGGING_CONFIG_DEFAULTS.get('version')",
    "L.LOGGING_CONFIG_DEFAULTS.get('disable_existing_loggers')",
    "sorted(L.LOGGING_CONFIG_DEFAULTS['loggers'])",
    "sorted(L.LOGGING_CONFIG_DEFAULTS['handlers'])",
    "sorted(L.LOGGING_CONFIG_DEFAULTS['formatters'])",
    "L.LOGGING_CONFIG_DEFAULTS['loggers'].get('sanic.root')",
    "L.LOGGING_CONFIG_DEFAULTS['loggers'].get('sanic.error')",
    "L.LOGGING_CONFIG_DEFAULTS['loggers'].get('sanic.access')",
    "L.LOGGING_CONFIG_DEFAULTS['loggers'].get('sanic.server')",
    "L.LOGGING_CONFIG_DEFAULTS['loggers'].get('sanic.websockets')",
    "logcfg('handlers', 'console')",
    "logcfg('handlers', 'error_console')",
    "logcfg('handlers', 'access_console')",
    "logcfg('formatters', 'generic')",
    "logcfg('formatters', 'access')",
    "sorted(L.LOGGING_CONFIG_DEFAULTS.get('root', {}))",
    "[L.logger.name, L.error_logger.name, L.access_logger.name]",
    "[L.server_logger.name, L.websockets_logger.name]",
    "[type(x).__name__ for x in (L.logger, L.error_logger, L.access_logger)]",
    "L.logger.propagate",
    "L.access_logger.propagate",
    "sorted((c.name, str(c)) for c in L.Colors)",
    "L.Colors.BLUE == L.Colors.BLUE.value",
    "L.VerbosityFilter.verbosity",
    "verbosity_filter(0, None)",
    "verbosity_filter(0, 1)",
    "verbosity_filter(2, 1)",
    "verbosity_filter(1, 2)",
    "verbosity_filter(1, 1)",
    "verbosity_filter(3, 'x')",
    "logging.getLogger('sanic.root') is L.logger",
    "logging.getLogger('sanic.access') is L.access_logger",
    "logging.getLogger('sanic.error') is L.error_logger",
    "type(L.LOGGING_CONFIG_DEFAULTS).__name__",
]


def gen_log_cfg(rng):
    return _pick(rng, LOG_EXPRS, (3, 8))


ENV_KEYS = [
    "FOO",
    "BAR_BAZ",
    "lower",
    "REQUEST_TIMEOUT",
    "",
    "_FOO",
    "KEEP_ALIVE",
    "Mixed",
    "DEBUG",
    "ACCESS_LOG",
    "NOISY_EXCEPTIONS",
]
ENV_VALUES = [
    "1",
    "0",
    "-3",
    "1.5",
    "1e3",
    "nan",
    "inf",
    "-inf",
    "true",
    "True",
    "yes",
    "no",
    "off",
    "none",
    "None",
    "null",
    "",
    "0x1f",
    "1f",
    "a,b",
    "[1,2]",
    '{"a":1}',
    "  7 ",
    "1_000",
    "٣",
    "é",
    "12345678-1234-5678-1234-567812345678",
    "FALSE",
    "+5",
    "y",
    "1.0",
    "0.0",
    "  ",
    "a b",
    "-0",
]
CONVERTERS = ["hex", "jsonl", "csv", "upper", "typeerr", "decimal", "uuid", "none_ret", "bool"]


def gen_config_conv(rng):
    env = {}
    for _ in range(rng.randint(0, 6)):
        p = rng.choice(["SANIC_", "SANIC_", "SANIC_", "MYAPP_", "XQ_", "sanic_"])
        env[p + rng.choice(ENV_KEYS)] = rng.choice(ENV_VALUES)
    kw = {}
    if rng.random() < 0.5:
        kw["env_prefix"] = rng.choice(["MYAPP_", "SANIC_", "XQ_", None, "sanic_", "MYAPP"])
    if rng.random() < 0.4:
        kw["converters"] = rng.sample(CONVERTERS, rng.randint(0, 3))
    if rng.random() < 0.3:
        kw["defaults"] = {
            rng.choice(["FOO", "lower", "REQUEST_TIMEOUT", "NEW"]): rng.choice([1, "x", None, True])
        }
    if rng.random() < 0.2:
        kw["keep_alive"] = rng.choice([True, False])
    steps = []
    for _ in range(rng.randint(0, 4)):
        k = rng.choice(["register", "load", "get", "attr", "in", "update", "setattr"])
        if k == "register":
            steps.append([k, rng.choice(CONVERTERS)])
        elif k == "load":
            steps.append([k, rng.choice(["SANIC_", "MYAPP_", "XQ_", "default", "sanic_"])])
        elif k in ("update", "setattr"):
            steps.append([k, rng.choice(ENV_KEYS + ["new", "Foo"]), rng.choice(ENV_VALUES + [1])])
        else:
            steps.append([k, rng.choice(ENV_KEYS + ["NOPE", "update", "get", "keys"])])
    return {"env": env, "kw": kw, "steps": steps}


STATIC_FILES = {
    "index.html": "<h1>index</h1>",
    "a.txt": "aaa",
    "sub/index.htm": "sub index",
    "sub/b.json": '{"b": 1}',
    "big.bin": "0123456789" * 300,
    "x y.css": "body{}",
    ".hidden": "h",
    "noext": "n",
    "é.txt": "e",
    "empty.txt": "",
}
STATIC_PATHS = [
    "",
    "/",
    "/a.txt",
    "/sub",
    "/sub/",
    "/sub/b.json",
    "/big.bin",
    "/x%20y.css",
    "/.hidden",
    "/noext",
    "/nope",
    "/%2e%2e/a.txt",
    "/sub/%2e%2e/a.txt",
    "/A.TXT",
    "/a.txt/",
    "/index.html",
    "/%C3%A9.txt",
    "/empty.txt",
    "/sub/index.htm",
    "//a.txt",
    "/sub//b.json",
]


def gen_static_opts(rng):
    kw = {}
    for k, choices in [
        ("index", [None, "index.html", ["nope.html", "index.htm"], "missing.html", ["index.html"]]),
        ("directory_view", [True, False]),
        ("use_modified_since", [True, False]),
        ("use_content_range", [True, False]),
        ("stream_large_files", [False, True, 100, 10000]),
        ("content_type", [None, "text/x-foo", "application/octet-stream"]),
        ("resource_type", [None, "file", "dir", "bogus"]),
        ("strict_slashes", [True, False, None]),
        ("name", ["st", "x.y", ""]),
        ("pattern", ["/?.+", "/?.*", r"/?[a-z.]+"]),
    ]:
        if rng.random() < 0.3:
            kw[k] = rng.choice(choices)
    target = rng.choice(["dir", "dir", "dir", "file", "sub", "missing"])
    uri = rng.choice(["/s", "/s/", "/s", "/", "/s/<x>"])
    base = uri.rstrip("/") if "<" not in uri else "/s/q"
    requests = []
    for _ in range(rng.randint(2, 5)):
        h = {}
        if rng.random() < 0.3:
            h["range"] = rng.choice(
                [
                    "bytes=0-1",
                    "bytes=-5",
                    "bytes=5-",
                    "bytes=100000-",
                    "bytes=1-0",
                    "items=0-1",
                    "bytes=0-1,3-4",
                ]
            )
        if rng.random() < 0.25:
            h["if-modified-since"] = rng.choice(
                [
                    "Sun, 13 Sep 2020 12:26:40 GMT",
                    "Sun, 13 Sep 2020 12:26:39 GMT",
                    "Sun, 13 Sep 2099 12:26:40 GMT",
                    "garbage",
                ]
            )
        requests.append([rng.choice(["GET", "GET", "HEAD"]), base + rng.choice(STATIC_PATHS), h])
    return {"target": target, "uri": uri, "kw": kw, "requests": requests}


def gen_req_route(rng):
    routes = []
    for i in range(rng.randint(1, 4)):
        r = {
            "where": rng.choice(["app", "app", "bp", "bp", "group"]),
            "uri": rng.choice(
                [
                    "/a",
                    "/a/<x:int>",
                    "/b/<y>",
                    "/c/<p:path>",
                    "/",
                    "",
                    "/d/",
                    "/e/<f:ext=txt>",
                    "/u/<u:uuid>",
                    r"/r/<n:\d+>",
                ]
            ),
        }
        if rng.random() < 0.3:
            r["name"] = rng.choice(["nm", "n.m", f"r{i}", "Ö"])
        if rng.random() < 0.2:
            r["version"] = rng.choice([1, "2", 1.5])
        if rng.random() < 0.2:
            r["strict_slashes"] = rng.choice([True, False])
        if rng.random() < 0.15:
            r["host"] = rng.choice(["h.com", "h.com:81"])
        routes.append(r)
    bp = {}
    for k, choices in [
        ("url_prefix", ["/bp", "bp", "/bp/", "", "/p/<z>"]),
        ("version", [None, 3, "4"]),
        ("version_prefix", ["/v", "/api/v", "/x"]),
        ("strict_slashes", [True, False]),
    ]:
        if rng.random() < 0.35:
            bp[k] = rng.choice(choices)
    group = {}
    for k, choices in [
        ("url_prefix", ["/g", "g", "/g/"]),
        ("version", [5, None]),
        ("strict_slashes", [True, False]),
    ]:
        if rng.random() < 0.35:
            group[k] = rng.choice(choices)
    pieces_a = [
        "",
        "/bp",
        "/g",
        "/g/bp",
        "/v1",
        "/v2",
        "/v1.5",
        "/v3",
        "/v4",
        "/v5",
        "/api/v3",
        "/x3",
        "/v1/bp",
        "/v3/bp",
        "/v5/g/bp",
        "/p/zz",
        "/g/p/zz",
        "/v3/p/zz",
        "/bpa",
    ]
    pieces_b = [
        "/a",
        "/a/",
        "/a/7",
        "/b/q",
        "/b/q/",
        "/c/x/y",
        "/",
        "",
        "/d",
        "/d/",
        "/e/f.txt",
        "/u/12345678-1234-5678-1234-567812345678",
        "/r/42",
        "/nope",
    ]
    requests = []
    for _ in range(rng.randint(2, 6)):
        path = rng.choice(pieces_a) + rng.choice(pieces_b)
        host = rng.choice([None, None, "h.com", "h.com:81"])
        requests.append([rng.choice(["GET", "GET", "POST"]), path or "/", host])
    return {"routes": routes, "bp": bp, "group": group, "requests": requests}


def gen_router_intro(rng):
    routes = gen_routes(rng)
    for r in routes:
        if rng.random() < 0.15:
            r["name_override"] = rng.choice(["nm", "n.m"])
    return {"routes": routes, "lookups": [p[0] for p in paths_for(rng, routes, k=3)]}


RESP_BODIES = [
    "s",
    "é",
    {"m": "bytes"},
    {"m": "bytearray"},
    {"m": "memoryview"},
    {"m": "html_obj"},
    {"m": "repr_html_obj"},
    1,
    None,
    1.5,
    ["l"],
    {"d": 1},
    True,
    "",
]
RESP_HEADERS = [
    None,
    {"a": "b"},
    {"m": "pairs"},
    {"m": "Header"},
    "str",
    {"a": 1},
    {"a": None},
    [],
    {"m": "bytes_value"},
    {"Content-Type": "x/y"},
    {"content-length": "99"},
    {"m": "multi"},
]
RESP_STATUS = [200, 201, "201", 201.0, None, True, 0, 600, -1, 99, 204, 304, 302]
RESP_CTYPES = [None, "a/b", 1, "", {"m": "bytes"}, "text/plain; charset=latin-1"]


def gen_resp_args(rng):
    kind = rng.choice(["text", "html", "json", "raw", "empty", "redirect", "HTTPResponse"])
    kw = {}
    if kind == "redirect":
        kw["to"] = rng.choice(["/a", "/é", "", {"m": "bytes"}, 5, None, "http://x/y z"])
    elif kind != "empty":
        kw["body"] = rng.choice(RESP_BODIES)
    if rng.random() < 0.5:
        kw["status"] = rng.choice(RESP_STATUS)
    if rng.random() < 0.5:
        kw["headers"] = rng.choice(RESP_HEADERS)
    if kind not in ("empty", "html") and rng.random() < 0.4:
        kw["content_type"] = rng.choice(RESP_CTYPES)
    positional = kind != "HTTPResponse" and rng.random() < 0.2
    return {"kind": kind, "kw": kw, "positional": positional}


ERR_CLASSES = [
    "E1",
    "E2",
    "E3",
    "F",
    "G",
    "SanicException",
    "NotFound",
    "BadRequest",
    "ServerError",
    "ValueError",
    "KeyError",
    "LookupError",
    "Exception",
    "BaseException",
    "MethodNotAllowed",
    "HTTPException",
]


def gen_err_lookup(rng):
    steps = []
    for i in range(rng.randint(1, 8)):
        if rng.random() < 0.45:
            step = ["add", rng.choice(ERR_CLASSES), f"h{i}"]
            if rng.random() < 0.3:
                step.append(rng.sample(["app.r1", "app.r2", "app.bp.r3"], rng.randint(0, 2)))
            steps.append(step)
        else:
            steps.append(
                [
                    "lookup",
                    rng.choice(ERR_CLASSES),
                    rng.choice([None, None, "app.r1", "app.r2", "app.bp.r3", "x"]),
                ]
            )
    return {"where": rng.choice(["new", "app", "decorator"]), "steps": steps}


def gen_get_form(rng):
    fields = []
    for _ in range(rng.randint(0, 5)):
        fields.append(
            [
                rng.choice(["a", "b", "c", "a", "é", ""]),
                rng.choice(["", "", "1", "x y", "é", "a&b"]),
            ]
        )
    kind = rng.choice(["url", "url", "multipart", "other"])
    if kind == "url":
        from urllib.parse import quote

        parts = []
        for k, v in fields:
            parts.append(
                quote(k) + rng.choice(["=", "=", ""]) + quote(v)
                if v
                else quote(k) + rng.choice(["=", ""])
            )
        if rng.random() < 0.2:
            parts.append(rng.choice(["&", "=", "=x", ";", "a=1;b=2"]))
        body = "&".join(parts)
        ctype = rng.choice(
            [
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=latin-1",
                "APPLICATION/X-WWW-FORM-URLENCODED",
            ]
        )
    elif kind == "multipart":
        b = "bnd"
        body = (
            "".join(
                f'--{b}\r\ncontent-disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                for k, v in fields
            )
            + f"--{b}--\r\n"
        )
        ctype = f"multipart/form-data; boundary={b}"
    else:
        body = "a=1&b="
        ctype = rng.choice(["text/plain", "", "application/json"])
    calls = [
        rng.choice(
            ["form", "get_form", "get_form_blank", "get_form_noblank", "files", "get_form_pos"]
        )
        for _ in range(rng.randint(1, 4))
    ]
    return {"ctype": ctype, "body": body, "calls": calls}


GROUP_OPS = [
    "len",
    "list",
    "index",
    "getitem",
    "getitem_neg",
    "getitem_slice",
    "in",
    "append",
    "insert",
    "extend",
    "delitem",
    "setitem",
    "iter_names",
    "url_prefix",
    "version",
    "strict_slashes",
    "blueprints",
    "name_prefix",
    "reverse",
    "count",
    "bool",
    "append_group",
    "append_bad",
    "contains_name",
    "pop",
]


def gen_bp_group_api(rng):
    kw = {}
    for k, choices in [
        ("url_prefix", ["/g", "g", "/g/", "", None]),
        ("version", [None, 1, "2", 1.5]),
        ("strict_slashes", [None, True, False]),
        ("version_prefix", ["/v", "/api/v"]),
        ("name_prefix", [None, "np", ""]),
    ]:
        if rng.random() < 0.35:
            kw[k] = rng.choice(choices)
    return {
        "n": rng.randint(0, 3),
        "how": rng.choice(["group", "group", "class", "group_kw"]),
        "kw": kw,
        "ops": [rng.choice(GROUP_OPS) for _ in range(rng.randint(1, 6))],
        "register": rng.random() < 0.6,
        "requests": [
            rng.choice(
                [
                    "/g/bp0/r",
                    "/bp0/r",
                    "/v1/g/bp0/r",
                    "/v2/g/bp1/r",
                    "/g/bp1/r",
                    "/api/v1/g/bp0/r",
                    "/bp2/r",
                    "/g/bp0/r/",
                    "/v1.5/g/bp0/r",
                ]
            )
            for _ in range(2)
        ],
    }


DECOR_CALLS = [
    "app.route('/r{i}')",
    "app.route('/r{i}', apply=False)",
    "app.get('/r{i}')",
    "app.post('/r{i}', name='p{i}')",
    "app.put('/r{i}')",
    "app.delete('/r{i}')",
    "app.head('/r{i}')",
    "app.options('/r{i}')",
    "app.patch('/r{i}')",
    "app.websocket('/w{i}')",
    "app.exception(E)",
    "app.exception(E, apply=False)",
    "app.exception([E, KeyError])",
    "app.middleware",
    "app.middleware('response')",
    "app.middleware('request', priority=2)",
    "app.on_request",
    "app.on_response",
    "app.on_request(priority=1)",
    "app.listener('before_server_start')",
    "app.listener",
    "app.before_server_start",
    "app.after_server_stop",
    "app.signal('a.b.c{i}')",
    "app.signal('a.b.c{i}', apply=False)",
    "bp.route('/b{i}')",
    "bp.get('/b{i}')",
    "bp.exception(E)",
    "bp.middleware",
    "bp.middleware('response')",
    "bp.on_request",
    "bp.listener('after_server_start')",
    "bp.signal('b.c.d{i}')",
    "bp.websocket('/bw{i}')",
]
DIRECT_CALLS = [
    "app.add_route(handler, '/d{i}')",
    "app.add_route(handler, '/d{i}', methods=['POST'])",
    "app.add_websocket_route(handler, '/dw{i}')",
    "app.static('/s{i}', '/tmp')",
    "app.static('/s{i}', '/tmp', apply=False)",
    "app.register_listener(handler, 'before_server_start')",
    "app.register_middleware(handler)",
    "app.register_middleware(handler, 'response')",
    "app.add_signal(handler, 'x.y.z{i}')",
    "app.add_signal(None, 'x.y.n{i}')",
    "app.error_handler.add(E, handler)",
    "app.blueprint(bp)",
    "bp.add_route(handler, '/bd{i}')",
    "bp.static('/bs{i}', '/tmp')",
    "app.add_task(coro())",
    "app.url_for('fz1.h')",
    "app.router.add('/ra{i}', ['GET'], handler)",
]


def gen_decor_returns(rng):
    calls = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.65:
            calls.append(["decorate", rng.choice(DECOR_CALLS), rng.choice(["async", "sync"])])
        else:
            calls.append(["call", rng.choice(DIRECT_CALLS), rng.choice(["async", "sync"])])
    return {"calls": calls}


STREAM_BODIES = ["", "a", "abc" * 10, "x" * 5000, "é€", "line1\nline2\n"]
STREAM_READS = [
    "read",
    "read",
    "read_all",
    "body",
    "async_for",
    "receive_body",
    "stream_none",
    "read_after_end",
    "json",
]


def gen_stream_req(rng):
    return {
        "route": rng.choice(["stream", "stream", "plain", "bp_stream", "view_stream"]),
        "method": rng.choice(["POST", "POST", "PUT", "PATCH", "GET"]),
        "body": rng.choice(STREAM_BODIES),
        "reads": [rng.choice(STREAM_READS) for _ in range(rng.randint(1, 3))],
        "chunked": rng.random() < 0.3,
        "ctype": rng.choice([None, "application/json", "text/plain"]),
    }


GENERATORS5 = {
    "helpers": gen_helpers,
    "constants": gen_constants,
    "log_cfg": gen_log_cfg,
    "config_conv": gen_config_conv,
    "static_opts": gen_static_opts,
    "req_route": gen_req_route,
    "router_intro": gen_router_intro,
    "resp_args": gen_resp_args,
    "err_lookup": gen_err_lookup,
    "get_form": gen_get_form,
    "bp_group_api": gen_bp_group_api,
    "decor_returns": gen_decor_returns,
    "stream_req": gen_stream_req,
}
SLOW5 = {"static_opts": 0.5, "req_route": 0.5, "stream_req": 0.5}

# --------------------------------------------------------------------------- worker side

FILES5 = "/tmp/apidiff5_files"
STATIC5 = "/tmp/apidiff5_static"


def _setup_files():
    import os

    os.environ["APIDIFF5_DIR"] = FILES5
    if os.path.isdir(f"{FILES5}/dir"):
        return
    os.makedirs(f"{FILES5}/dir", exist_ok=True)
    for name, text in {
        "ok.py": "A = 1\nb = 2\nUPPER_X = 'x'\n_P = 3\n",
        "syntax.py": "A = (\n",
        "raises.py": "raise ValueError('boom in module')\n",
        "data.txt": "A = 1\n",
        "data.json": '{"A": 1}',
        "upper.py": "ABC = [1, 2]\n",
        "noext": "A = 5\n",
        "ok.PY": "A = 6\n",
    }.items():
        with open(f"{FILES5}/{name}", "w") as fh:
            fh.write(text)


def _desc(v):
    import inspect

    if inspect.ismodule(v):
        return ["module", v.__name__]
    if inspect.isclass(v):
        return ["class", v.__name__]
    if callable(v) and hasattr(v, "__name__"):
        return [type(v).__name__, v.__name__]
    return ["instance", type(v).__name__]


def _load(spec):
    from pathlib import Path

    from sanic.utils import load_module_from_file_location

    if spec.startswith("bytes:"):
        arg = f"{FILES5}/{spec[6:]}".encode()
    elif spec.startswith("path:"):
        arg = Path(f"{FILES5}/{spec[5:]}")
    elif spec.startswith("$"):
        arg = spec
    else:
        arg = f"{FILES5}/{spec}"
    mod = load_module_from_file_location(arg)
    return [type(mod).__name__, sorted(k for k in vars(mod) if not k.startswith("__"))]


def _upper_enum(names):
    import enum

    from sanic.constants import UpperStrEnum

    return UpperStrEnum("Up", [(n.upper(), enum.auto()) for n in names])


def _logcfg(section, name):
    from sanic.log import LOGGING_CONFIG_DEFAULTS

    v = LOGGING_CONFIG_DEFAULTS.get(section, {}).get(name)
    if isinstance(v, dict):
        return sorted(
            [k, v[k] if not callable(v[k]) else getattr(v[k], "__name__", "?")] for k in v
        )
    return v


def _verbosity_filter(level, record_verbosity):
    import logging

    from sanic.log import VerbosityFilter

    old = VerbosityFilter.verbosity
    VerbosityFilter.verbosity = level
    try:
        rec = logging.LogRecord("sanic.root", logging.INFO, "p", 1, "m", None, None)
        if record_verbosity is not None:
            rec.verbosity = record_verbosity
        return bool(VerbosityFilter().filter(rec))
    finally:
        VerbosityFilter.verbosity = old


def _conv(name):
    import decimal
    import uuid

    def hexconv(s):
        return int(s, 16)

    def jsonl(s):
        return json.loads(s)

    def csv(s):
        if "," not in s:
            raise ValueError(s)
        return s.split(",")

    def upper(s):
        return s.upper()

    def typeerr(s):
        raise TypeError("nope")

    def none_ret(s):
        return None

    def boolconv(s):
        if s.lower() in ("on", "off"):
            return s.lower() == "on"
        raise ValueError(s)

    return {
        "hex": hexconv,
        "jsonl": jsonl,
        "csv": csv,
        "upper": upper,
        "typeerr": typeerr,
        "decimal": decimal.Decimal,
        "uuid": uuid.UUID,
        "none_ret": none_ret,
        "bool": boolconv,
    }[name]


def _val(v):
    """Config values as JSON: Decimal/UUID by type and str."""
    if v is None or isinstance(v, (bool, int, float, str, list, dict)):
        return v
    return [type(v).__name__, str(v)]


def _static_picture(resp):
    import re
    from urllib.parse import unquote

    ctype = resp.headers.get("content-type", "")
    hs = sorted(
        [k.lower(), v]
        for k, v in resp.headers.items()
        if k.lower()
        in (
            "content-type",
            "content-range",
            "accept-ranges",
            "last-modified",
            "location",
            "content-disposition",
            "cache-control",
            "allow",
        )
    )
    text = resp.content.decode("utf-8", "replace")
    if "html" in ctype and resp.status == 200 and "<a " in text:
        # The entries (names unquoted: Hurtle percent-encodes them in links); Sanic's
        # breadcrumb and footer links are markup, compared no more than the rest.
        body = sorted(
            unquote(h)
            for h in re.findall(r'href="([^"]*)"', text)
            if not h.startswith(("/", "http"))
        )
    elif "html" in ctype and resp.status >= 400:
        m = re.search(r"<title>(.*?)</title>", text, re.S)
        body = m.group(1) if m else text[:80]
    elif resp.status >= 400:
        body = text.split("\n")[0][:80]
    else:
        body = text[:60]
    return [resp.status, hs, body]


class Ops5:
    def _exprs(self, a, ns):
        from apidiff import exc_info, norm

        out = []
        for expr in a["calls"]:
            try:
                out.append(norm(eval(expr, ns)))  # the case's own expressions
            except Exception as e:
                out.append(exc_info(e))
        return out

    def op_helpers(self, a):
        import sanic.helpers as H
        import sanic.utils as U

        _setup_files()
        return self._exprs(a, {"H": H, "U": U, "desc": _desc, "load": _load})

    def op_constants(self, a):
        import sanic.constants as C

        return self._exprs(a, {"C": C, "json": json, "upper_enum": _upper_enum})

    def op_log_cfg(self, a):
        import logging

        import sanic.log as L

        ns = {"L": L, "logging": logging, "logcfg": _logcfg, "verbosity_filter": _verbosity_filter}
        return self._exprs(a, ns)

    # Config from the environment, with converters --------------------------------------
    def op_config_conv(self, a):
        import os

        from apidiff import exc_info

        from sanic.config import Config

        for k, v in a["env"].items():
            os.environ[k] = v
        try:
            kw = dict(a["kw"])
            if "converters" in kw:
                kw["converters"] = [_conv(c) for c in kw["converters"]]
            try:
                cfg = Config(**kw)
            except Exception as e:
                return {"init": exc_info(e)}
            steps = []
            for step in a["steps"]:
                try:
                    if step[0] == "register":
                        steps.append(_val(cfg.register_type(_conv(step[1]))))
                    elif step[0] == "load":
                        if step[1] == "default":
                            cfg.load_environment_vars()
                        else:
                            cfg.load_environment_vars(step[1])
                        steps.append("loaded")
                    elif step[0] == "get":
                        steps.append(_val(cfg.get(step[1], "<absent>")))
                    elif step[0] == "attr":
                        v = getattr(cfg, step[1])
                        steps.append(_val(v) if not callable(v) else "callable")
                    elif step[0] == "in":
                        steps.append(step[1] in cfg)
                    elif step[0] == "update":
                        cfg.update({step[1]: step[2]})
                        steps.append(_val(cfg.get(step[1], "<absent>")))
                    elif step[0] == "setattr":
                        setattr(cfg, step[1], step[2])
                        steps.append(_val(cfg.get(step[1], "<absent>")))
                except Exception as e:
                    steps.append(exc_info(e))
            keys = sorted(set(ENV_KEYS + ["NEW", "new", "Foo"]))
            snap = [[k, _val(cfg.get(k, "<absent>"))] for k in keys]
            return {"steps": steps, "config": snap}
        finally:
            for k in a["env"]:
                os.environ.pop(k, None)

    # app.static() options over ASGI ----------------------------------------------------
    def op_static_opts(self, a):
        import os

        from apidiff import exc_info

        if not os.path.isdir(f"{STATIC5}/sub"):
            os.makedirs(f"{STATIC5}/sub", exist_ok=True)
            for name, text in STATIC_FILES.items():
                path = f"{STATIC5}/{name}"
                with open(path, "w") as fh:
                    fh.write(text)
                os.utime(path, (1600000000, 1600000000))
            os.utime(f"{STATIC5}/sub", (1600000000, 1600000000))
        target = {
            "dir": STATIC5,
            "file": f"{STATIC5}/a.txt",
            "sub": f"{STATIC5}/sub",
            "missing": f"{STATIC5}/missing",
        }[a["target"]]
        app = self.new_app()
        try:
            app.static(a["uri"], target, **a["kw"])
        except Exception as e:
            return {"register": exc_info(e)}

        @app.get("/zz")
        async def other(request):
            from sanic import text

            return text("zz")

        async def go():
            out = []
            for method, path, headers in a["requests"]:
                try:
                    _, resp = await app.asgi_client.request(method, path, headers=headers)
                    out.append(_static_picture(resp))
                except Exception as e:
                    out.append(exc_info(e))
            return out

        try:
            return self.run(go())  # a list: the driver compares it per request
        except Exception as e:
            return {"run": exc_info(e)}

    # request.route, name, endpoint, uri_template, match_info ---------------------------
    def op_req_route(self, a):
        from apidiff import exc_info

        from sanic import Blueprint
        from sanic import json as jresp
        from sanic.exceptions import MethodNotAllowed, NotFound

        app = self.new_app()
        bp = Blueprint("bp", **a["bp"])
        bp2 = Blueprint("gb")
        regs = []

        def picture(request):
            r = request.route
            info = {
                "route": r.name if r else None,
                "name": request.name,
                "endpoint": request.endpoint,
                "tmpl": request.uri_template,
                "mi": request.match_info,
                "path": request.path,
                "rpath": r.path if r else None,
            }
            try:
                info["back"] = (
                    request.app.url_for(request.endpoint, **request.match_info)
                    if request.endpoint
                    else None
                )
            except Exception as e:
                info["back"] = exc_info(e)["exc"][0]
            return info

        for i, r in enumerate(a["routes"]):
            owner = {"app": app, "bp": bp, "group": bp2}[r["where"]]
            kw = {k: r[k] for k in ("name", "version", "strict_slashes", "host") if k in r}

            async def h(request, **kw):
                return jresp(picture(request))

            h.__name__ = f"h{i}"
            try:
                owner.route(r["uri"], methods=["GET"], **kw)(h)
                regs.append("ok")
            except Exception as e:
                regs.append(exc_info(e))

        async def on_err(request, exception):
            return jresp({"err": type(exception).__name__, **picture(request)}, status=404)

        app.exception(NotFound, MethodNotAllowed)(on_err)
        try:
            app.blueprint(bp)
            app.blueprint(Blueprint.group(bp2, **a["group"]))
            app.router.finalize()
        except Exception as e:
            return {"register": regs, "finalize": exc_info(e)}

        # Each route's own path with a value per parameter, then the case's guesses.
        requests = []
        for r in sorted(app.router.routes, key=lambda r: (r.path, str(r.requirements))):
            path = "/" + re.sub(r"<([^:>]+)(:[^>]*)?>", _sample_value, r.path)
            requests.append(["GET", path, (r.requirements or {}).get("host")])

        async def go():
            out = []
            for method, path, host in requests + a["requests"]:
                hs = {"host": host} if host else {}
                try:
                    _, resp = await app.asgi_client.request(method, path, headers=hs)
                    out.append([resp.status, resp.json if resp.status < 500 else resp.text[:80]])
                except Exception as e:
                    out.append(exc_info(e))
            return out

        return {"register": regs, "requests": self.run(go())}

    # router introspection --------------------------------------------------------------
    def op_router_intro(self, a):
        from apidiff import exc_info, norm

        routes = [{k: v for k, v in r.items() if k != "name_override"} for r in a["routes"]]
        app, err = self.build_app(routes, {})
        if err:
            return {"register": err}
        try:
            app.router.finalize()
        except Exception as e:
            return {"finalize": exc_info(e)}
        rt = app.router

        def keys(d):
            return sorted(json.dumps(norm(k)) for k in d)

        out = {
            "all": keys(rt.routes_all),
            "static": keys(rt.routes_static),
            "dynamic": keys(rt.routes_dynamic),
            "regex": keys(rt.routes_regex),
            "n": len(rt.routes),
        }
        pics = []
        for r in sorted(
            rt.routes,
            key=lambda r: (r.name, r.path, sorted(r.methods), json.dumps(norm(r.requirements))),
        ):
            pic = {
                "name": r.name,
                "path": r.path,
                "uri": r.uri,
                "raw_path": r.raw_path,
                "parts": list(r.parts),
                "segments": list(r.segments),
                "static": r.static,
                "regex": r.regex,
                "strict": r.strict,
                "unquote": r.unquote,
                "methods": sorted(r.methods),
                "labels": sorted(r.labels),  # Sanic's: set order, which changes per run
                "requirements": norm(dict(r.requirements or {})),
                "params": sorted(
                    [p.name, p.label, getattr(p.cast, "__name__", str(p.cast))]
                    for p in r.params.values()
                ),
                "pattern": r.pattern,
                "extra": sorted(
                    [k, v if isinstance(v, (str, int, bool, type(None))) else type(v).__name__]
                    for k, v in vars(r.extra).items()
                    if k not in _LATER_EXTRA
                ),
                "ctx": sorted(
                    [k, v if isinstance(v, (str, int, bool, type(None))) else type(v).__name__]
                    for k, v in vars(r.ctx).items()
                ),
            }
            pics.append(pic)
        out["routes"] = pics
        found = []
        for path in a["lookups"]:
            try:
                route, _h, params = rt.get(path, "GET", None)
                found.append([route.name, norm(params)])
            except Exception as e:
                found.append(exc_info(e)["exc"][0])
        out["found"] = found
        names = sorted(r.name for r in rt.routes)[:2]
        out["by_name"] = [_safe_name(rt.find_route_by_view_name, n) for n in names + ["nope", "h0"]]
        return out

    # response helpers' argument types --------------------------------------------------
    def op_resp_args(self, a):

        from sanic import response
        from sanic.compat import Header

        class HtmlObj:
            def __html__(self):
                return "<b>h</b>"

        class ReprHtml:
            def _repr_html_(self):
                return "<i>r</i>"

        def build(v, where):
            if isinstance(v, dict) and "m" in v:
                m = v["m"]
                return {
                    "bytes": lambda: b"by",
                    "bytearray": lambda: bytearray(b"ba"),
                    "memoryview": lambda: memoryview(b"mv"),
                    "html_obj": HtmlObj,
                    "repr_html_obj": ReprHtml,
                    "pairs": lambda: [("a", "b"), ("c", "d")],
                    "Header": lambda: Header([("a", "b"), ("a", "c")]),
                    "bytes_value": lambda: {"a": b"v"},
                    "multi": lambda: {"a": "1", "A": "2"},
                }[m]()
            return v

        kw = {k: build(v, k) for k, v in a["kw"].items()}
        fn = getattr(response, a["kind"])
        return _no_address(self._resp_args(fn, a, kw))

    def _resp_args(self, fn, a, kw):
        from apidiff import exc_info, norm

        try:
            if a["positional"]:
                first = "to" if a["kind"] == "redirect" else "body"
                args = [kw.pop(first)] if first in kw else []
                r = fn(*args, **kw)
            else:
                r = fn(**kw)
        except Exception as e:
            return {"make": exc_info(e)}
        out = {"type": type(r).__name__, "status": norm(r.status)}
        try:
            out["body"] = norm(r.body)
        except Exception as e:
            out["body"] = exc_info(e)
        out["ctype"] = norm(r.content_type)
        try:
            out["headers"] = sorted([str(k), norm(v)] for k, v in r.headers.items())
        except Exception as e:
            out["headers"] = exc_info(e)
        try:
            out["processed"] = sorted(
                [k.decode("latin-1"), v.decode("latin-1")]
                for k, v in r.processed_headers
                if k.lower() != b"content-length"
            )
        except Exception as e:
            out["processed"] = exc_info(e)
        return out

    # ErrorHandler.add / lookup -----------------------------------------------------------
    def op_err_lookup(self, a):
        import builtins

        from apidiff import exc_info

        from sanic import exceptions as X
        from sanic.handlers import ErrorHandler

        class E1(X.SanicException):
            pass

        class E2(E1):
            pass

        class E3(E2):
            pass

        class F(E1):
            pass

        class G(Exception):
            pass

        local = {"E1": E1, "E2": E2, "E3": E3, "F": F, "G": G}

        def cls(n):
            return local.get(n) or getattr(X, n, None) or getattr(builtins, n)

        if a["where"] == "new":
            eh = ErrorHandler()
            app = None
        else:
            app = self.new_app()
            eh = app.error_handler
        out = []
        for step in a["steps"]:
            try:
                if step[0] == "add":

                    def h(request, exception):
                        return None

                    h.__name__ = step[2]
                    names = step[3] if len(step) > 3 else None
                    if a["where"] == "decorator" and names is None:
                        app.exception(cls(step[1]))(h)
                    elif names is None:
                        eh.add(cls(step[1]), h)
                    else:
                        eh.add(cls(step[1]), h, route_names=names)
                    out.append("added")
                else:
                    c = cls(step[1])
                    e = c("m") if c is not X.MethodNotAllowed else c("m", "GET", ["POST"])
                    if step[2] is None:
                        found = eh.lookup(e)
                    else:
                        found = eh.lookup(e, step[2])
                    out.append(getattr(found, "__name__", None if found is None else "?"))
            except Exception as e:
                out.append(exc_info(e))
        return out

    # request.get_form ------------------------------------------------------------------
    def op_get_form(self, a):
        from apidiff import exc_info

        req = self.request(
            b"/f",
            [("content-type", a["ctype"])] if a["ctype"] else [],
            a["body"].encode("utf-8"),
        )
        out = []
        for c in a["calls"]:
            try:
                if c == "form":
                    v = req.form
                elif c == "get_form":
                    v = req.get_form()
                elif c == "get_form_blank":
                    v = req.get_form(keep_blank_values=True)
                elif c == "get_form_noblank":
                    v = req.get_form(keep_blank_values=False)
                elif c == "get_form_pos":
                    v = req.get_form(True)
                else:
                    v = req.files
                out.append(
                    None
                    if v is None
                    else [
                        type(v).__name__,
                        sorted([k, [str(x) for x in vs]] for k, vs in v.items()),
                    ]
                )
            except Exception as e:
                out.append(exc_info(e))
        return out

    # BlueprintGroup as a sequence ------------------------------------------------------
    def op_bp_group_api(self, a):
        from apidiff import exc_info

        from sanic import Blueprint, text
        from sanic.blueprint_group import BlueprintGroup

        bps = []
        for i in range(a["n"]):
            bp = Blueprint(f"bp{i}", url_prefix=f"/bp{i}")

            @bp.get("/r", name=f"r{i}")
            async def r(request, i=i):
                return text(f"bp{i}")

            bps.append(bp)
        try:
            if a["how"] == "class":
                g = BlueprintGroup(**a["kw"])
                for bp in bps:
                    g.append(bp)
            elif a["how"] == "group_kw":
                g = Blueprint.group(*bps, **a["kw"])
            else:
                g = Blueprint.group(
                    *bps,
                    **{
                        k: v
                        for k, v in a["kw"].items()
                        if k in ("url_prefix", "version", "strict_slashes")
                    },
                )
        except Exception as e:
            return {"make": exc_info(e)}
        extra = Blueprint("extra", url_prefix="/bpx")
        out = []
        for op in a["ops"]:
            try:
                if op == "len":
                    v = len(g)
                elif op == "list":
                    v = [b.name for b in g]
                elif op == "index":
                    v = g.index(bps[0]) if bps else g.index(extra)
                elif op == "getitem":
                    v = g[0].name
                elif op == "getitem_neg":
                    v = g[-1].name
                elif op == "getitem_slice":
                    v = [b.name for b in g[0:2]]
                elif op == "in":
                    v = [bps[0] in g if bps else None, extra in g]
                elif op == "append":
                    g.append(extra)
                    v = len(g)
                elif op == "insert":
                    g.insert(0, Blueprint(f"ins{len(out)}"))
                    v = [b.name for b in g]
                elif op == "extend":
                    g.extend([Blueprint(f"ext{len(out)}")])
                    v = len(g)
                elif op == "delitem":
                    del g[0]
                    v = len(g)
                elif op == "setitem":
                    g[0] = Blueprint(f"set{len(out)}")
                    v = [b.name for b in g]
                elif op == "iter_names":
                    v = [b.name for b in iter(g)]
                elif op == "url_prefix":
                    v = g.url_prefix
                elif op == "version":
                    v = g.version
                elif op == "strict_slashes":
                    v = g.strict_slashes
                elif op == "blueprints":
                    v = [b.name for b in g.blueprints]
                elif op == "name_prefix":
                    v = g.name_prefix
                elif op == "reverse":
                    v = [b.name for b in reversed(g)]
                elif op == "count":
                    v = g.count(bps[0]) if bps else g.count(extra)
                elif op == "bool":
                    v = bool(g)
                elif op == "append_group":
                    g.append(Blueprint.group(Blueprint(f"inner{len(out)}")))
                    v = [type(b).__name__ for b in g]
                elif op == "append_bad":
                    g.append("nope")
                    v = len(g)
                elif op == "contains_name":
                    v = "bp0" in g
                else:  # pop
                    v = g.pop().name
                out.append(v)
            except Exception as e:
                out.append(exc_info(e))
        res = {"ops": out}
        if a["register"]:
            app = self.new_app()
            try:
                app.blueprint(g)
                app.router.finalize()
            except Exception as e:
                res["register"] = exc_info(e)
                return res
            res["routes"] = sorted([r.name, r.path] for r in app.router.routes)

            async def go():
                got = []
                for path in a["requests"]:
                    _, resp = await app.asgi_client.get(path)
                    got.append([resp.status, resp.text if resp.status == 200 else ""])
                return got

            res["requests"] = self.run(go())
        return res

    # what registration decorators and calls return ---------------------------------------
    def op_decor_returns(self, a):
        from apidiff import exc_info

        from sanic import Blueprint, text

        app = self.new_app()
        bp = Blueprint("bp")

        class E(Exception):
            pass

        @app.get("/h")
        async def h(request):
            return text("h")

        async def coro():
            return None

        def picture(v, fn):
            if v is fn:
                return "the function"
            if v is None:
                return None
            if isinstance(v, tuple):
                return ["tuple", [picture(x, fn) for x in v]]
            if isinstance(v, list):
                return ["list", [picture(x, fn) for x in v]]
            if isinstance(v, str):
                return ["str", v]
            return ["obj", type(v).__name__, callable(v)]

        out = []
        for i, (kind, expr, flavour) in enumerate(a["calls"]):
            if flavour == "async":

                async def handler(*args, **kw):
                    return None

            else:

                def handler(*args, **kw):
                    return None

            handler.__name__ = f"f{i}"
            ns = {"app": app, "bp": bp, "E": E, "handler": handler, "coro": coro}
            try:
                made = eval(expr.format(i=i), ns)
                if kind == "decorate":
                    out.append(picture(made(handler), handler))
                else:
                    out.append(picture(made, handler))
            except Exception as e:
                out.append(exc_info(e))
        return out

    # streamed request bodies over ASGI -----------------------------------------------------
    def op_stream_req(self, a):
        import asyncio

        from apidiff import exc_info

        from sanic import Blueprint
        from sanic import json as jresp
        from sanic.views import HTTPMethodView, stream

        key = "stream_req"
        app = self.apps.get(key)
        if app is None:
            app = self.apps[key] = self.new_app()
            bp = Blueprint("sbp", url_prefix="/bp")

            async def work(request):
                spec = request.headers.get("x-reads", "").split(",")
                out = []
                for r in spec:
                    try:
                        if r == "read":
                            chunk = await request.stream.read() if request.stream else "nostream"
                            out.append(
                                [
                                    "read",
                                    chunk.decode("utf-8", "replace")
                                    if isinstance(chunk, bytes)
                                    else chunk,
                                ]
                            )
                        elif r == "read_all":
                            got = b""
                            while request.stream:
                                chunk = await request.stream.read()
                                if chunk is None:
                                    break
                                got += chunk
                            out.append(["all", got.decode("utf-8", "replace")])
                        elif r == "body":
                            out.append(["body", request.body.decode("utf-8", "replace")])
                        elif r == "async_for":
                            got = b""
                            if request.stream:
                                async for chunk in request.stream:
                                    got += chunk
                            out.append(["for", got.decode("utf-8", "replace")])
                        elif r == "receive_body":
                            await request.receive_body()
                            out.append(["received", request.body.decode("utf-8", "replace")])
                        elif r == "stream_none":
                            out.append(["stream", request.stream is None])
                        elif r == "read_after_end":
                            if request.stream:
                                while await request.stream.read() is not None:
                                    pass
                                out.append(["after", await request.stream.read()])
                            else:
                                out.append(["after", "nostream"])
                        elif r == "json":
                            out.append(["json", repr(request.json)])
                    except Exception as e:
                        out.append(exc_info(e))
                return jresp(out)

            app.route("/stream", methods=["POST", "PUT", "PATCH", "GET"], stream=True, name="st")(
                work
            )
            app.route("/plain", methods=["POST", "PUT", "PATCH", "GET"], name="pl")(work)
            bp.route("/stream", methods=["POST", "PUT", "PATCH", "GET"], stream=True, name="bst")(
                work
            )

            class V(HTTPMethodView):
                @stream
                async def post(self, request):
                    return await work(request)

                put = patch = get = post

            app.add_route(V.as_view(), "/view_stream", name="vst")
            app.blueprint(bp)

        path = {
            "stream": "/stream",
            "plain": "/plain",
            "bp_stream": "/bp/stream",
            "view_stream": "/view_stream",
        }[a["route"]]
        headers = {"x-reads": ",".join(a["reads"])}
        if a["ctype"]:
            headers["content-type"] = a["ctype"]
        body = a["body"].encode("utf-8")

        async def go():
            if a["chunked"]:

                async def gen():
                    for i in range(0, len(body), 7):
                        yield body[i : i + 7]

                content = gen()
            else:
                content = body
            _, resp = await app.asgi_client.request(
                a["method"], path, headers=headers, content=content
            )
            return [resp.status, resp.json if resp.status == 200 else resp.text[:100]]

        async def bounded():
            try:
                return await asyncio.wait_for(go(), 3)
            except asyncio.TimeoutError:
                return "timeout"

        return self.run(bounded())


def _no_address(v):
    """Object reprs without their address (it differs per process)."""
    import re

    return json.loads(re.sub(r" at 0x[0-9a-f]+", " at 0x?", json.dumps(v)))


# Route.extra fields Sanic sets at start-up (not at router.finalize), Hurtle earlier.
_LATER_EXTRA = ("original_handler", "request_middleware", "response_middleware")


def _sample_value(m):
    """A value for a route parameter <name:type> that the type takes."""
    kind = (m.group(2) or ":str")[1:]
    return {
        "int": "7",
        "path": "x/y",
        "ext=txt": "f.txt",
        "uuid": "12345678-1234-5678-1234-567812345678",
        r"\d+": "42",
    }.get(kind, "q")


def _safe_name(fn, name):
    try:
        found = fn(name)
    except Exception as e:
        return [type(e).__name__]
    if found is None:
        return None
    return found.name if hasattr(found, "name") else type(found).__name__


__all__ = ["GENERATORS5", "SLOW5", "Ops5", "rstr"]
