"""Differential fuzzing with random apps: Hurtle against real Sanic 25.12, black box.

From a seed, ``gen_app`` writes a small Sanic app (5-15 routes on random paths made of
static segments and typed parameters, random method lists, ``strict_slashes`` on the app,
routes and blueprints, blueprints with ``url_prefix``/``version``, groups, ``version_prefix``,
``host=`` routes, ``unquote=True``, ``name=``, ``app.static`` on a temporary folder,
handlers answering text/JSON/empty/redirect or raising a ``SanicException`` subclass, and
request/response middleware that add a header), and ``gen_requests`` a list of raw requests
aimed at its routes: matching paths and near misses (trailing slash, wrong type,
percent-encoded segments, double slashes, wrong method, HEAD/OPTIONS, wrong Host).

Each app runs once under each interpreter, in its own subprocess (``app.run(single_process=
True)`` on a free loopback port, the requests sent over fresh sockets from an
``after_server_start`` listener). Status, a few headers (content-type, location, allow,
content-length, x-mw) and the body are compared; differences are bucketed by a short
signature, those kept on purpose (``appfuzz_kept.py``, the README's "Random apps (appfuzz.py)")
are labelled ``kept: ...`` and listed last.

    .venv/bin/python tests-integration/fidelity/appfuzz.py --apps 40 --seed 1
    .venv/bin/python tests-integration/fidelity/appfuzz.py --show-app 7     # print app 7

The second, third and fourth rounds (``appfuzz_round2.py``, ``appfuzz_round3.py``,
``appfuzz_round4.py``, from their own random streams) add routes on ``/xz``, ``/zz`` and
``/ww`` and 20 requests each (``--extra-requests``, ``--extra-requests3``,
``--extra-requests4``; the fourth's websocket requests are driven frame by frame by
``appfuzz_round4.exchange_ws``); their kept labels are ``KEPT2``/``KEPT3``/``KEPT4``.
``--round5`` (``appfuzz_round5.py``) rewrites the first round's ``Sanic(...)`` call
(``request_class=``, ``strict_slashes=``, ``dumps=``/``loads=``/``ctx=``), sets proxy, size,
keep-alive and id config and sends ``--extra-requests5`` requests to ``/r5`` routes (labels
``KEPT5``); without it a seed's app and requests are what they were. ``--round6``
(``appfuzz_round6.py``) fuzzes streaming and files with apps of its own (statics over a
random tree, ``file``/``file_stream``, ``stream=True`` uploads, ``respond()``,
``ResponseStream``) and ``--requests6`` requests sent in parts (labels in
``appfuzz_kept6.py``). ``--round7`` (``appfuzz_round7.py``) fuzzes hooks over a kept-alive
connection with apps of its own (handlers in every callable shape, middleware in every
registration form, ``http.*`` signal handlers that read and change the request and response,
``conn_info.ctx`` across requests, custom signals, ``app.event`` waits, tasks) and sends
``--requests7`` sequences of one to four requests on one connection (``exchange7``; labels
in ``appfuzz_round7.py``). ``--round8`` (``appfuzz_round8.py``) fuzzes blueprint composition
and routing with apps of its own (versions, prefixes and strict slashes at every level,
``host=`` routes, statics beside dynamic routes, exception handlers on the app, blueprints
and groups, ``url_for`` of each route followed; labels in ``appfuzz_round8.py``).
``--round9`` (``appfuzz_round9.py``) fuzzes the handler layer with apps of its own
(class-based views, decorators, middleware forms and priorities, exception handlers and an
``ErrorHandler`` subclass answering every kind of response or raising again, every response
kind with headers and cookies; labels in ``appfuzz_round9.py``). ``--round10``
(``appfuzz_round10.py``) fuzzes what handlers read of the request with apps of its own
(``args``/``get_args`` options, ``form``/``files`` of odd multipart bodies, ``json`` and
``load_json(loads=)``, cookies, ``token``, ``accept``, route names, ``url_for``, proxy
config; one field per probe; labels in ``appfuzz_round10.py``). ``--round11``
(``appfuzz_round11.py``) fuzzes blueprint copies, stacked route decorators and exception
hierarchies with apps of its own (``bp.copy()`` with new prefixes and versions, ``route.extra``,
``app.exception(A, B)`` over a three-deep hierarchy; labels in ``appfuzz_round11.py``). ``APPFUZZ_WORK`` chooses the scratch folder (default ``/tmp/appfuzz``).

``--ref-python`` (default ``/tmp/st-ref/bin/python``, Sanic 25.12 without sanic-ext) and
``--hurtle-python`` (default ``.venv/bin/python``) choose the interpreters. Exit status 1
when a difference is not a kept one.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import html
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import defaultdict
from typing import Any

from appfuzz_kept import (
    kept_app_label,
    kept_label,
    kept_label2,
    kept_label3,
    kept_label4,
    kept_label5,
)
from appfuzz_kept6 import kept_label6
from appfuzz_round2 import gen_extra_requests, gen_extras
from appfuzz_round3 import gen_extra_requests3, gen_extras3, normal3, split_first, strip_interim
from appfuzz_round4 import WS_MARK, exchange_ws, gen_extra_requests4, gen_extras4, normal4
from appfuzz_round5 import gen_extra_requests5, normal5, rewrite_app5
from appfuzz_round6 import R6_MARK, ROOT_RE, exchange6, gen_app6, gen_requests6, normal6
from appfuzz_round7 import (
    R7_MARK,
    exchange7,
    first_difference7,
    gen_app7,
    gen_requests7,
    kept_label7,
    normal7,
)
from appfuzz_round8 import (
    R8_MARK,
    exchange8,
    gen_app8,
    gen_requests8,
    kept_app_label8,
    kept_label8,
    normal8,
)
from appfuzz_round9 import gen_app9, gen_requests9, kept_app_label9, kept_label9, normal9
from appfuzz_round10 import gen_app10, gen_requests10, kept_app_label10, kept_label10, normal10
from appfuzz_round11 import gen_app11, gen_requests11, kept_app_label11, kept_label11, normal11

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REF_PYTHON = "/tmp/st-ref/bin/python"
HURTLE_PYTHON = os.path.join(ROOT, ".venv", "bin", "python")
WORK = os.environ.get("APPFUZZ_WORK", "/tmp/appfuzz")  # (its own per helper running in parallel)

# ------------------------------------------------------------------------------ generation

STATIC_WORDS = ["a", "b", "users", "files", "x-y", "v", "api", "item.json", "q_1"]
PARAM_TYPES = ["", "str", "int", "float", "alpha", "slug", "path", "ymd", "uuid", "ext",
               "ext=txt|html", "regex"]
METHOD_SETS = [None, ["GET"], ["POST"], ["GET", "POST"], ["PUT", "PATCH"], ["DELETE"],
               ["GET", "HEAD"], ["OPTIONS"], ["GET", "OPTIONS"], ["HEAD"]]
EXCEPTIONS = [
    ("NotFound", "'gone'"), ("BadRequest", "'bad'"), ("Forbidden", "'no'"),
    ("ServerError", "'boom'"), ("ServiceUnavailable", "'later'"),
    ("PayloadTooLarge", "'big'"), ("InvalidUsage", "'misuse'"), ("ExpectationFailed", "'exp'"),
    ("HeaderNotFound", "'hdr'"), ("RequestTimeout", "'slow'"), ("SanicException", "'teapot', status_code=418"),
    ("SanicException", "'plain'"), ("Unauthorized", "'auth', scheme='Bearer'"),
    ("RangeNotSatisfiable", "'range'"), ("URLBuildError", "'url'"),
]
GOOD = {
    "": ["abc", "a-b", "12", "x.y", "A_b"],
    "str": ["abc", "a-b", "12", "x.y"],
    "int": ["12", "-3", "0", "4711"],
    "float": ["1.5", "-0.25", "3.0", "2"],
    "alpha": ["abc", "Zed"],
    "slug": ["a-b-c", "abc", "a1-b2"],
    "path": ["a/b/c", "one", "x.y/z"],
    "ymd": ["2024-01-31", "1999-12-01"],
    "uuid": ["123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000"],
    "ext": ["file.txt", "a.b.html", "x.json"],
    "ext=txt|html": ["file.txt", "p.html"],
    "regex": ["ab", "abcd", "xyz"],
}
BAD = {
    "": ["", "%2F"],
    "str": ["", "a%2Fb"],
    "int": ["1.5", "abc", "+3", "007", "1e3", "٣"],
    "float": ["abc", "1.", ".5", "nan", "inf", "1e3", "1_0"],
    "alpha": ["ab1", "a-b", "é"],
    "slug": ["A-b", "a--b", "a_b", "-a"],
    "path": [""],
    "ymd": ["2024-13-01", "2024-1-1", "2024-02-30", "20240101"],
    "uuid": ["123", "123E4567-E89B-12D3-A456-426614174000", "123e4567e89b12d3a456426614174000"],
    "ext": ["file", ".txt", "a."],
    "ext=txt|html": ["file.json", "file"],
    "regex": ["a", "abcde", "AB", "a1"],
}


def pick_params(rnd: random.Random) -> str:
    return rnd.choice(PARAM_TYPES)


def param_decl(name: str, kind: str) -> str:
    if kind == "":
        return f"<{name}>"
    if kind == "regex":
        return f"<{name}:[a-z]{{2,4}}>"
    return f"<{name}:{kind}>"


def gen_segments(rnd: random.Random, i: int) -> list[tuple[str, str]]:
    """A route's path as (kind, text): kind 'static' or a parameter type."""
    segs: list[tuple[str, str]] = []
    n = rnd.choice([1, 1, 2, 2, 2, 3])
    used_tail = False
    for j in range(n):
        if used_tail:
            break
        if j == 0 or rnd.random() < 0.4:
            segs.append(("static", rnd.choice(STATIC_WORDS)))
        else:
            kind = pick_params(rnd)
            if kind.startswith("ext") and any(k.startswith("ext") for k, _ in segs):
                kind = "str"  # (two ext parameters would both be `ext`)
            if kind == "path":
                used_tail = True
            segs.append((kind, f"p{i}{j}"))
    if rnd.random() < 0.15 and not used_tail:
        segs.append(("static", ""))  # a route declared with a trailing slash
    return segs


def gen_app(seed: int, static_dir: str) -> dict[str, Any]:
    """The app's source and a description of its routes (for the request generator)."""
    rnd = random.Random(seed)
    lines = [
        "from sanic import Sanic, Blueprint",
        "from sanic.response import text, json, empty, redirect",
        "from sanic import exceptions as E",
        "from sanic.views import HTTPMethodView",
        "",
    ]
    app_kw = []
    app_strict = rnd.choice([None, None, True, False])
    if app_strict is not None:
        app_kw.append(f"strict_slashes={app_strict}")
    lines.append(f"app = Sanic('AppFuzz{seed}'{''.join(', ' + k for k in app_kw)})")
    lines.append("app.config.ACCESS_LOG = False")
    if rnd.random() < 0.3:
        lines.append(f"app.config.FALLBACK_ERROR_FORMAT = {rnd.choice(['json', 'html', 'text'])!r}")
    if rnd.random() < 0.3:
        lines.append(f"app.config.SERVER_NAME = {rnd.choice(['srv.example', 'http://srv.example:81', 'srv.example/base'])!r}")
    extra = rnd.choice(["", "", "_external=True, ", "_anchor='f', q=['a b', '1'], ",
                        "_external=True, _scheme='https', _server='s.example:8443', ",
                        "_method='POST', "])
    lines += [
        "def U(request, **params):",
        "    try:",
        f"        return request.app.url_for(request.name.split('.', 1)[1], {extra}**params)",
        "    except Exception as exc:",
        "        return type(exc).__name__",
    ]
    if rnd.random() < 0.25:
        exc = rnd.choice(["E.NotFound", "E.MethodNotAllowed", "E.SanicException", "E.BadRequest",
                          "Exception", "E.FileNotFound"])
        lines += [
            f"@app.exception({exc})",
            "async def on_error(request, exception):",
            "    return text(f'caught {type(exception).__name__} '"
            " f'{getattr(exception, \"status_code\", 500)} {exception} '"
            " + str(getattr(request, 'name', None)),"
            " status=getattr(exception, 'status_code', 500))",
        ]
    version_prefix = rnd.choice(["/v", "/v", "/api/v", ""])
    n_bps = rnd.choice([0, 0, 1, 2, 3])
    bps = []
    for b in range(n_bps):
        kw = [f"'bp{b}'"]
        prefix = None
        if rnd.random() < 0.8:
            prefix = rnd.choice(["/bp", f"/bp{b}", "/b/", "/x/y", "/bp/"])
            kw.append(f"url_prefix={prefix!r}")
        version = None
        if rnd.random() < 0.3:
            version = rnd.choice([1, 2, "1.1"])
            kw.append(f"version={version!r}")
        strict = None
        if rnd.random() < 0.3:
            strict = rnd.choice([True, False])
            kw.append(f"strict_slashes={strict}")
        if version is not None and rnd.random() < 0.5 and version_prefix != "/v":
            kw.append(f"version_prefix={version_prefix!r}")
        host = None
        if rnd.random() < 0.1:
            host = "bp.example"
            kw.append(f"host={host!r}")
        lines.append(f"bp{b} = Blueprint({', '.join(kw)})")
        bps.append({"var": f"bp{b}", "prefix": prefix, "version": version, "strict": strict,
                    "host": host})
        if rnd.random() < 0.15:
            exc = rnd.choice(["NotFound", "SanicException", "BadRequest", "ServerError"])
            lines += [
                f"@bp{b}.exception(E.{exc})",
                f"async def bperr{b}(request, exception):",
                f"    return text('bp{b} caught ' + type(exception).__name__,"
                " status=exception.status_code)",
            ]
        if rnd.random() < 0.2:
            lines += [
                f"@bp{b}.on_request(priority={rnd.choice([0, 5, -5])})",
                f"async def bpreq{b}(request):",
                f"    request.ctx.mw = getattr(request.ctx, 'mw', '') + 'b{b}'",
                "    if 'bp' in request.args:",
                f"        return text('bp{b} first ' + request.ctx.mw, status=202)",
            ]
        if rnd.random() < 0.3:
            lines += [
                f"@bp{b}.middleware('response')",
                f"async def bpmw{b}(request, response):",
                f"    response.headers['x-bp'] = 'bp{b}'",
            ]
    n_routes = rnd.randint(5, 15)
    routes = []
    for i in range(n_routes):
        segs = gen_segments(rnd, i)
        path = "/" + "/".join(param_decl(t, k) if k != "static" else t for k, t in segs)
        owner = "app"
        if bps and rnd.random() < 0.5:
            owner = rnd.choice(bps)["var"]
        methods = rnd.choice(METHOD_SETS)
        kw = []
        if methods is not None:
            kw.append(f"methods={methods!r}")
        strict = None
        if rnd.random() < 0.25:
            strict = rnd.choice([True, False])
            kw.append(f"strict_slashes={strict}")
        version = None
        if rnd.random() < 0.15:
            version = rnd.choice([1, 2, 3.5])
            kw.append(f"version={version!r}")
            if rnd.random() < 0.3:
                kw.append(f"version_prefix={version_prefix!r}")
        host = None
        if rnd.random() < 0.1:
            host = rnd.choice(["h1.example", "h2.example:8000", ["h1.example", "h3.example"]])
            kw.append(f"host={host!r}")
        unquote = rnd.random() < 0.2
        if unquote:
            kw.append("unquote=True")
        if rnd.random() < 0.3:
            kw.append(f"name='n{i}'")
        if rnd.random() < 0.1:
            kw.append(f"error_format={rnd.choice(['json', 'html', 'text'])!r}")
        kind = rnd.choice(["text", "json", "json", "empty", "redirect", "raise", "status"])
        params = [t for k, t in segs if k != "static"]
        body_expr = ("{" + ", ".join(f"{p!r}: [type({p}).__name__, str({p})]" for p in params)
                     + (", **kw" if params else "**kw") + "}")
        if owner != "app" and rnd.random() < 0.15:
            path = path.lstrip("/")  # a blueprint route without its leading slash
        form = rnd.choice(["route", "route", "route", "add_route", "shorthand", "view", "ws"])
        if form == "shorthand" and methods and len(methods) == 1:
            kw.remove(f"methods={methods!r}")
            lines.append(f"@{owner}.{methods[0].lower()}({path!r}{''.join(', ' + k for k in kw)})")
        elif form == "view":
            kw = [k for k in kw if not k.startswith("methods=")]
            lines.append(f"class V{i}(HTTPMethodView):")
            for m in methods or ["GET"]:
                lines.append(f"    async def {m.lower()}(self, request, **kw):")
                lines.append(f"        return text('v{i} {m} ' + str(sorted(kw.items())))")
            lines.append(f"{owner}.add_route(V{i}.as_view(), {path!r}{''.join(', ' + k for k in kw)})")
            routes.append({"i": i, "segs": segs, "owner": owner, "methods": methods or ["GET"],
                           "strict": strict, "version": version, "host": host, "unquote": unquote})
            continue
        elif form == "ws":
            kw = [k for k in kw if not k.startswith("methods=") and k != "unquote=True"]
            lines.append(f"@{owner}.websocket({path!r}{''.join(', ' + k for k in kw)})")
            lines.append(f"async def w{i}(request, ws, **kw):")
            lines.append("    await ws.send('hi')")
            routes.append({"i": i, "segs": segs, "owner": owner, "methods": ["GET"],
                           "strict": strict, "version": version, "host": host, "unquote": False})
            continue
        elif form != "add_route":
            lines.append(f"@{owner}.route({path!r}{''.join(', ' + k for k in kw)})")
        lines.append(f"async def h{i}(request{''.join(', ' + p for p in params)}, **kw):")
        if kind == "text":
            lines.append(f"    return text('h{i} ' + str({body_expr}) + ' ' + request.path)")
        elif kind == "json":
            lines.append(f"    return json({{'h': {i}, 'p': {body_expr}, 'n': request.name,"
                         " 'args': request.args, 'raw': request.raw_url.decode('latin-1'),"
                         " 't': request.uri_template, 'u': U(request, **request.match_info),"
                         " 'url': request.url, 'host': request.host, 'rp': request.route.path,"
                         " 'rm': sorted(request.route.methods), 'ep': request.endpoint})")
        elif kind == "empty":
            lines.append("    return empty()")
        elif kind == "status":
            lines.append(f"    return text('s{i}', status={rnd.choice([201, 202, 203, 299, 400, 418, 500])})")
        elif kind == "redirect":
            target = rnd.choice(["/a", "/elsewhere?x=1", "http://other.example/p", "../up"])
            lines.append(f"    return redirect({target!r}{', status=' + str(rnd.choice([301, 307, 308])) if rnd.random() < 0.4 else ''})")
        else:
            exc, args = rnd.choice(EXCEPTIONS)
            lines.append(f"    raise E.{exc}({args})")
        if form == "add_route":
            lines.append(f"{owner}.add_route(h{i}, {path!r}{''.join(', ' + k for k in kw)})")
        routes.append({"i": i, "segs": segs, "owner": owner, "methods": methods or ["GET"],
                       "strict": strict, "version": version, "host": host, "unquote": unquote})
    if rnd.random() < 0.5:
        lines += [
            f"@app.on_request(priority={rnd.choice([0, 0, 3, -3])})",
            "async def reqmw(request):",
            "    request.ctx.mw = getattr(request.ctx, 'mw', '') + 'r'",
            "    if 'mw' in request.args:",
            "        return text('short ' + str(request.route and request.route.name), status=203)",
        ]
    if bps and rnd.random() < 0.3:
        lines.append(f"{bps[0]['var']}.static('/bs', {static_dir!r})")
    if rnd.random() < 0.6:
        lines += [
            "@app.on_response",
            "async def respmw(request, response):",
            "    response.headers['x-mw'] = getattr(request.ctx, 'mw', '-')",
        ]
    static_uri = None
    if rnd.random() < 0.4:
        static_uri = rnd.choice(["/static", "/st/", "/files"])
        extra = rnd.choice(["", ", name='stat'", ", strict_slashes=True", ", index='a.txt'",
                            ", directory_view=True", ", use_content_range=True"])
        lines.append(f"app.static({static_uri!r}, {static_dir!r}{extra})")
    groups = []
    if len(bps) >= 2 and rnd.random() < 0.6:
        kw = []
        gprefix = rnd.choice([None, "/g", "/grp/"])
        if gprefix:
            kw.append(f"url_prefix={gprefix!r}")
        if rnd.random() < 0.3:
            kw.append(f"version={rnd.choice([1, 4])}")
        if rnd.random() < 0.3:
            kw.append(f"strict_slashes={rnd.choice([True, False])}")
        members = bps[:2]
        lines.append(f"grp = Blueprint.group({', '.join(b['var'] for b in members)}"
                     f"{''.join(', ' + k for k in kw)})")
        if rnd.random() < 0.3:
            lines += [
                "@grp.middleware('response')",
                "async def grpmw(request, response):",
                "    response.headers['x-bp'] = response.headers.get('x-bp', '') + 'grp'",
            ]
        rest = bps[2:]
        if rest and rnd.random() < 0.5:
            # a group of the group and the third blueprint
            lines.append(f"outer = Blueprint.group(grp, {rest[0]['var']}, url_prefix='/o')")
            lines.append("app.blueprint(outer)")
            groups.append({"prefix": gprefix, "outer": True})
            rest = rest[1:]
        else:
            lines.append("app.blueprint(grp)")
            groups.append({"prefix": gprefix})
    else:
        rest = bps
    for b in rest:
        lines.append(f"app.blueprint({b['var']})")
    extra_lines, extras = gen_extras(seed)  # the second round's (own random stream)
    lines += extra_lines
    extra_lines3, extras3 = gen_extras3(seed)  # the third round's (own random stream)
    lines += extra_lines3
    extra_lines4, extras4 = gen_extras4(seed)  # the fourth round's (own random stream)
    lines += extra_lines4
    return {
        "source": "\n".join(lines) + "\n", "routes": routes, "bps": bps, "groups": groups,
        "static": static_uri, "version_prefix": version_prefix, "app_strict": app_strict,
        "extras": extras, "extras3": extras3, "extras4": extras4,
    }


def enc_char(rnd: random.Random, text: str) -> str:
    """Percent-encode one character of text (upper or lower hex)."""
    if not text:
        return text
    k = rnd.randrange(len(text))
    code = f"%{ord(text[k]):02X}" if ord(text[k]) < 128 else text[k]
    if rnd.random() < 0.3:
        code = code.lower()
    return text[:k] + code + text[k + 1:]


def candidate_prefixes(app: dict[str, Any], route: dict[str, Any], rnd: random.Random) -> str:
    """A guess at the prefix a route is mounted under (blueprint, group, version)."""
    prefix = ""
    version = route["version"]
    if route["owner"] != "app":
        bp = next(b for b in app["bps"] if b["var"] == route["owner"])
        outer = bool(app["groups"]) and app["groups"][0].get("outer")
        if outer and (bp in app["bps"][:3]):
            prefix += "/o"
        if app["groups"] and bp in app["bps"][:2] and app["groups"][0]["prefix"]:
            prefix += app["groups"][0]["prefix"].rstrip("/")
        if bp["prefix"]:
            prefix += bp["prefix"].rstrip("/")
        if version is None:
            version = bp["version"]
    if version is not None:
        vp = rnd.choice([app["version_prefix"], "/v"])
        prefix = f"{vp}{version}" + prefix
    return prefix


def gen_requests(app: dict[str, Any], seed: int, count: int, extra: int = 20,
                 extra3: int = 20, extra4: int = 20) -> list[str]:
    rnd = random.Random(seed * 7919 + 1)
    reqs: list[str] = []
    for _ in range(count):
        roll = rnd.random()
        method = "GET"
        host = "x"
        if app["static"] and roll < 0.08:
            path = app["static"].rstrip("/") + rnd.choice(
                ["/a.txt", "/sub/c.json", "/b.html", "/", "", "/missing", "/../appfuzz.py",
                 "/sub", "/sub/", "/a%2Etxt", "//a.txt", "/A.TXT"])
            method = rnd.choice(["GET", "GET", "HEAD", "POST", "OPTIONS"])
        elif app["bps"] and "/bs'" in app["source"] and roll < 0.11:
            bp = app["bps"][0]
            path = (bp["prefix"] or "").rstrip("/") + rnd.choice(["/bs/a.txt", "/bs/", "/bs/sub/c.json"])
            if bp["version"] is not None:
                path = f"/v{bp['version']}" + path
        elif roll < 0.14:
            path = rnd.choice(["/", "/nope", "//", "/a//b", "/%61", "/v1", "/bp", "/g/"])
            method = rnd.choice(["GET", "POST", "HEAD", "OPTIONS"])
        else:
            route = rnd.choice(app["routes"])
            segs = []
            for kind, text in route["segs"]:
                if kind == "static":
                    seg = text
                    if text and rnd.random() < 0.04:
                        seg = enc_char(rnd, text)
                    elif text and rnd.random() < 0.04:
                        seg = text.upper()
                else:
                    if rnd.random() < 0.25:
                        seg = rnd.choice(BAD[kind])
                    else:
                        seg = rnd.choice(GOOD[kind])
                    if rnd.random() < 0.15:
                        seg = enc_char(rnd, seg)
                    elif rnd.random() < 0.08:
                        seg = seg + rnd.choice(["%20x", "%2Fy", "%C3%A9", "é", "%25", "+z", "%2e"])
                segs.append(seg)
            path = candidate_prefixes(app, route, rnd) + "/" + "/".join(segs)
            r2 = rnd.random()
            if r2 < 0.15:
                path = path + "/" if not path.endswith("/") else path.rstrip("/")
            elif r2 < 0.2 and "/" in path[1:]:
                k = path.index("/", 1)
                path = path[:k] + "/" + path[k:]
            elif r2 < 0.23:
                path = path + rnd.choice(["?a=1", "?a=1&a=2&b", "?"])
            m = rnd.random()
            if m < 0.6:
                method = rnd.choice(route["methods"])
            elif m < 0.75:
                method = rnd.choice(["HEAD", "OPTIONS"])
            else:
                method = rnd.choice(["GET", "POST", "PUT", "DELETE", "PATCH"])
            if route["host"] is not None and rnd.random() < 0.8:
                hosts = route["host"] if isinstance(route["host"], list) else [route["host"]]
                host = rnd.choice(hosts + ["H1.example", "h1.example:8000", "nope.example"])
            elif route["owner"] != "app" and rnd.random() < 0.3:
                host = rnd.choice(["bp.example", "x"])
        if not path.startswith("/"):
            path = "/" + path
        body = ""
        if method in ("POST", "PUT", "PATCH") and rnd.random() < 0.5:
            body = "k=v"
        if rnd.random() < 0.1:
            path += ("&" if "?" in path else "?") + "mw=1"
        if rnd.random() < 0.08:
            path += ("&" if "?" in path else "?") + "bp=1"
        head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
        accept = rnd.choice([None, None, None, "application/json", "text/html", "*/*",
                             "text/plain", "text/html;q=0.5, application/json"])
        if accept:
            head += f"Accept: {accept}\r\n"
        if body:
            head += f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        reqs.append(head + "\r\n" + body)
    return (reqs + gen_extra_requests(app["extras"], seed, extra)
            + gen_extra_requests3(app["extras3"], seed, extra3)
            + gen_extra_requests4(app["extras4"], seed, extra4))


def make_static_dir(path: str) -> None:
    os.makedirs(os.path.join(path, "sub"), exist_ok=True)
    files = {"a.txt": "hello a\n", "b.html": "<p>b</p>\n", "sub/c.json": '{"c": 1}\n'}
    for name, content in files.items():
        with open(os.path.join(path, name), "w") as fh:
            fh.write(content)


# ------------------------------------------------------------------------------ serving


def parse_response(data: bytes) -> dict[str, Any]:
    if not data:
        return {"status": None}
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    try:
        status = int(lines[0].split(b" ", 2)[1])
    except (IndexError, ValueError):
        return {"status": None, "raw": head[:80].decode("latin-1")}
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        key, text = name.decode("latin-1").strip().lower(), value.decode("latin-1").strip()
        if key == "set-cookie" and key in headers:  # (each cookie kept, in order)
            text = headers[key] + " || " + text
        headers[key] = text
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out = b""
        rest = body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            try:
                size = int(size_line.split(b";")[0], 16)
            except ValueError:
                break
            if size == 0:
                break
            out += rest[:size]
            rest = rest[size + 2:]
        body = out
    return {"status": status, "headers": headers, "body": body.decode("utf-8", "replace")}


async def exchange(port: int, raw: bytes, timeout: float) -> dict[str, Any]:
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except (OSError, asyncio.TimeoutError):
        return {"status": None, "raw": "<no connection>"}
    writer.write(raw)
    data = b""
    end = time.monotonic() + timeout
    try:
        while time.monotonic() < end:
            chunk = await asyncio.wait_for(reader.read(65536), max(0.01, end - time.monotonic()))
            if not chunk:
                break
            data += chunk
    except (OSError, asyncio.TimeoutError):
        pass
    writer.close()
    interim = ""
    if b"\r\nExpect: 100-continue" in raw:
        data, interim = strip_interim(data)
    follow = b""
    if raw.count(b" HTTP/1.1\r\nHost: ") > 1:  # a second request on the connection
        data, follow = split_first(data)
    answer = parse_response(data)
    if follow or raw.count(b" HTTP/1.1\r\nHost: ") > 1:
        answer["next"] = parse_response(follow)
    if interim and answer.get("headers") is not None:
        answer["headers"]["x-interim"] = interim
    return answer


def serve(app_file: str, reqs_file: str, out_file: str) -> None:
    """Load the app, answer the requests from a listener, write the answers, stop."""
    import socket

    with open(reqs_file) as fh:
        reqs = json.load(fh)
    result: dict[str, Any] = {"error": None, "answers": []}

    def write() -> None:
        with open(out_file, "w") as fh:
            json.dump(result, fh)

    try:
        spec = importlib.util.spec_from_file_location("appfuzz_app", app_file)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        app = module.app
    except Exception as exc:
        result["error"] = f"load: {type(exc).__name__}: {exc}"
        write()
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    async def run_requests(app: Any, _loop: Any) -> None:
        try:
            for raw in reqs:
                if WS_MARK in raw:  # a websocket exchange (the fourth round's)
                    answer = await exchange_ws(port, raw, 3.0, parse_response)
                elif R6_MARK in raw:  # sent in parts (the sixth round's)
                    answer = await exchange6(port, raw, 4.0)
                elif R8_MARK in raw:  # url_for's URL, then that URL (the eighth round's)
                    answer = await exchange8(port, raw, 3.0, exchange)
                elif R7_MARK in raw:  # a sequence on one connection (the seventh round's)
                    answer = await exchange7(port, raw, 4.0)
                else:
                    answer = await exchange(port, raw.encode("utf-8"), 3.0)
                result["answers"].append(answer)
        finally:
            write()
            app.stop()

    app.register_listener(run_requests, "after_server_start")
    try:
        app.run(host="127.0.0.1", port=port, single_process=True, access_log=False, motd=False)
    except BaseException as exc:  # start-up refusals are part of the behaviour
        if not result["answers"]:
            result["error"] = f"run: {type(exc).__name__}: {exc}"
            write()


# ------------------------------------------------------------------------------ comparing

COMPARED_HEADERS = ("content-type", "location", "allow", "x-mw", "x-bp", "x-trail", "x-sig",
                    "x-e", "x-r", "x-rc")


def normal(answer: dict[str, Any]) -> dict[str, Any]:
    """What is compared of one answer."""
    if answer.get("status") is None:
        return {"status": None}
    headers = answer["headers"]
    out: dict[str, Any] = {"status": answer["status"]}
    for name in COMPARED_HEADERS:
        if name in headers:
            value = headers[name]
            if name == "allow":  # Sanic's order changes from run to run (kept, README)
                value = ",".join(sorted(v.strip() for v in value.split(",")))
            out[name] = value
    body = answer["body"]
    if answer["status"] >= 400 and headers.get("content-type", "").startswith("text/plain"):
        # the text error page: its title and message lines
        body = "\n".join(line for line in body.splitlines()[:4] if line.strip("= "))
    if answer["status"] >= 400 and headers.get("content-type", "").startswith("text/html"):
        # the HTML error page (its styling differs, README): title and headings
        # (the same text: Sanic writes an apostrophe as it is, Hurtle as `&#x27;`)
        found = re.findall(r"<title>(.*?)</title>|<h1>(.*?)</h1>|<h2>(.*?)</h2>", body, re.S)
        body = " | ".join(html.unescape(part) for parts in found for part in parts if part)
        out["body"] = body
        return out  # the length follows the styling
    if "<title>Directory Viewer</title>" in body:
        # a directory listing (its styling and Sanic's breadcrumb links differ, README):
        # the names it links
        out["body"] = " ".join(sorted(link for link in re.findall(r'href="([^"]*)"', body)
                                      if not link.startswith(("/", "http"))))
        return out
    out["body"] = body
    if "content-length" in headers:
        out["content-length"] = headers["content-length"]
    return out


def signature(req: str, a: dict[str, Any], b: dict[str, Any]) -> str:
    method = req.split(" ", 1)[0]
    fields = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    if a.get("status") != b.get("status"):
        return f"{method} status {a.get('status')}->{b.get('status')}"
    fields = [f for f in fields if not (f == "content-length" and "body" in fields)]
    return f"{method} {a.get('status')} " + ",".join(fields)



# ------------------------------------------------------------------------------ driver


def run_side(python: str, app_file: str, reqs_file: str, out_file: str, timeout: float) -> dict[str, Any]:
    if os.path.exists(out_file):
        os.unlink(out_file)
    try:
        subprocess.run([python, os.path.abspath(__file__), "--serve", app_file, reqs_file, out_file],
                       cwd=WORK, timeout=timeout, stdout=subprocess.DEVNULL,
                       stderr=open(out_file + ".log", "w"))
    except subprocess.TimeoutExpired:
        return {"error": "timeout", "answers": []}
    try:
        with open(out_file) as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {"error": "no output", "answers": []}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--serve", nargs=3, metavar=("APP", "REQS", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--apps", type=int, default=20, help="apps to generate (default 20)")
    ap.add_argument("--requests", type=int, default=30, help="requests per app (default 30)")
    ap.add_argument("--extra-requests", type=int, default=20,
                    help="second-round requests per app (default 20; appfuzz_round2.py)")
    ap.add_argument("--extra-requests3", type=int, default=20,
                    help="third-round requests per app (default 20; appfuzz_round3.py)")
    ap.add_argument("--extra-requests4", type=int, default=20,
                    help="fourth-round requests per app (default 20; appfuzz_round4.py)")
    ap.add_argument("--round5", action="store_true",
                    help="build the app with the fifth round's constructor, request class and config\n"
                         "and send --extra-requests5 more requests (appfuzz_round5.py)")
    ap.add_argument("--extra-requests5", type=int, default=30,
                    help="fifth-round requests per app with --round5 (default 30)")
    ap.add_argument("--round6", action="store_true",
                    help="the sixth round's apps (streaming and files) and --requests6 requests\n"
                         "instead of the earlier rounds' (appfuzz_round6.py)")
    ap.add_argument("--requests6", type=int, default=40,
                    help="sixth-round requests per app with --round6 (default 40)")
    ap.add_argument("--round7", action="store_true",
                    help="the seventh round's apps (hooks over a kept-alive connection) and\n"
                         "--requests7 request sequences instead of the earlier rounds' (appfuzz_round7.py)")
    ap.add_argument("--requests7", type=int, default=30,
                    help="seventh-round request sequences per app with --round7 (default 30)")
    ap.add_argument("--round8", action="store_true",
                    help="the eighth round's apps (blueprint composition and routing) and\n"
                         "--requests8 requests instead of the earlier rounds' (appfuzz_round8.py)")
    ap.add_argument("--requests8", type=int, default=40,
                    help="eighth-round requests per app with --round8 (default 40, plus one\n"
                         "url_for request per route)")
    ap.add_argument("--round9", action="store_true",
                    help="the ninth round's apps (the handler layer) and --requests9 requests\n"
                         "instead of the earlier rounds' (appfuzz_round9.py)")
    ap.add_argument("--requests9", type=int, default=40,
                    help="ninth-round requests per app with --round9 (default 40)")
    ap.add_argument("--round10", action="store_true",
                    help="the tenth round's apps (what handlers read of the request) and\n"
                         "--requests10 requests instead of the earlier rounds' (appfuzz_round10.py)")
    ap.add_argument("--requests10", type=int, default=40,
                    help="tenth-round requests per app with --round10 (default 40)")
    ap.add_argument("--round11", action="store_true",
                    help="the eleventh round's apps (blueprint copies, stacked routes, exception\n"
                         "hierarchies) and --requests11 requests instead of the earlier rounds' (appfuzz_round11.py)")
    ap.add_argument("--requests11", type=int, default=40,
                    help="eleventh-round requests per app with --round11 (default 40)")
    ap.add_argument("--seed", type=int, default=1, help="first app seed")
    ap.add_argument("--time", type=float, default=600, help="overall time budget, seconds")
    ap.add_argument("--show-app", type=int, metavar="SEED", help="print one app and its requests")
    ap.add_argument("--ref-python", default=REF_PYTHON)
    ap.add_argument("--hurtle-python", default=HURTLE_PYTHON)
    ap.add_argument("-v", "--verbose", action="store_true", help="every example, not one per bucket")
    ap.add_argument("--json", metavar="FILE", help="write every difference to FILE")
    args = ap.parse_args()
    if args.serve:
        serve(*args.serve)
        return 0
    os.makedirs(WORK, exist_ok=True)
    static_dir = os.path.join(WORK, "static")
    make_static_dir(static_dir)
    if args.show_app is not None and args.round11:
        app = gen_app11(args.show_app, static_dir)
        print(app["source"])
        for req in gen_requests11(app, args.show_app, args.requests11):
            print(repr(req))
        return 0
    if args.show_app is not None and args.round10:
        app = gen_app10(args.show_app, static_dir)
        print(app["source"])
        for req in gen_requests10(app, args.show_app, args.requests10):
            print(repr(req))
        return 0
    if args.show_app is not None and args.round9:
        app = gen_app9(args.show_app, static_dir)
        print(app["source"])
        for req in gen_requests9(app, args.show_app, args.requests9):
            print(repr(req))
        return 0
    if args.show_app is not None and args.round8:
        app = gen_app8(args.show_app, static_dir)
        print(app["source"])
        for req in gen_requests8(app, args.show_app, args.requests8):
            print(repr(req))
        return 0
    if args.show_app is not None and args.round7:
        app = gen_app7(args.show_app)
        print(app["source"])
        for req in gen_requests7(app, args.show_app, args.requests7):
            print(repr(req.partition(R7_MARK)[2])[:400])
        return 0
    if args.show_app is not None and args.round6:
        app = gen_app6(args.show_app)
        print(app["source"])
        for req in gen_requests6(app, args.show_app, args.requests6):
            print(repr(req.partition(R6_MARK)[0])[:300])
        return 0
    if args.show_app is not None:
        app = gen_app(args.show_app, static_dir)
        reqs = gen_requests(app, args.show_app, args.requests, args.extra_requests,
                            args.extra_requests3, args.extra_requests4)
        if args.round5:
            app["source"], extras5 = rewrite_app5(app["source"], args.show_app)
            reqs += gen_extra_requests5(extras5, args.show_app, args.extra_requests5)
        print(app["source"])
        for req in reqs:
            print(repr(req))
        return 0

    deadline = time.monotonic() + args.time
    buckets: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    sent = apps_run = 0
    for seed in range(args.seed, args.seed + args.apps):
        if time.monotonic() > deadline:
            break
        if args.round11:  # an app of its own: blueprint copies, stacked routes, exception hierarchies
            app = gen_app11(seed, static_dir)
            reqs = gen_requests11(app, seed, args.requests11)
        elif args.round10:  # an app of its own: what handlers read of the request
            app = gen_app10(seed, static_dir)
            reqs = gen_requests10(app, seed, args.requests10)
        elif args.round9:  # an app of its own: the handler layer
            app = gen_app9(seed, static_dir)
            reqs = gen_requests9(app, seed, args.requests9)
        elif args.round8:  # an app of its own: blueprint composition and routing
            app = gen_app8(seed, static_dir)
            reqs = gen_requests8(app, seed, args.requests8)
        elif args.round7:  # an app of its own: hooks over a kept-alive connection
            app = gen_app7(seed)
            reqs = gen_requests7(app, seed, args.requests7)
        elif args.round6:  # an app of its own: streaming and files
            app = gen_app6(seed)
            reqs = gen_requests6(app, seed, args.requests6)
        else:
            app = gen_app(seed, static_dir)
            reqs = gen_requests(app, seed, args.requests, args.extra_requests, args.extra_requests3,
                                args.extra_requests4)
        if args.round5 and not (args.round6 or args.round7 or args.round8 or args.round9
                                or args.round10 or args.round11):  # the fifth round rewrites the constructor (own random stream)
            app["source"], extras5 = rewrite_app5(app["source"], seed)
            reqs += gen_extra_requests5(extras5, seed, args.extra_requests5)
        app_file = os.path.join(WORK, f"app_{seed}.py")
        reqs_file = os.path.join(WORK, f"reqs_{seed}.json")
        with open(app_file, "w") as fh:
            fh.write(app["source"])
        with open(reqs_file, "w") as fh:
            json.dump(reqs, fh)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            fa = pool.submit(run_side, args.ref_python, app_file, reqs_file,
                             os.path.join(WORK, f"out_{seed}_sanic.json"), 60)
            fb = pool.submit(run_side, args.hurtle_python, app_file, reqs_file,
                             os.path.join(WORK, f"out_{seed}_hurtle.json"), 60)
            ra, rb = fa.result(), fb.result()
        apps_run += 1
        if ra["error"] or rb["error"]:
            ea = ROOT_RE.sub("<tmp>", re.sub(r"AppFuzz\d+", "AppFuzzN", str(ra["error"])))
            eb = ROOT_RE.sub("<tmp>", re.sub(r"AppFuzz\d+", "AppFuzzN", str(rb["error"])))
            if ea != eb:
                label = kept_app_label(ea, eb, app["source"])
                if label is None and args.round8:
                    label = kept_app_label8(ea, eb, app["source"])
                if label is None and args.round9:
                    label = kept_app_label9(ea, eb, app["source"])
                if label is None and args.round10:
                    label = kept_app_label10(ea, eb, app["source"])
                if label is None and args.round11:
                    label = kept_app_label11(ea, eb, app["source"])
                key = f"app: kept: {label}" if label else f"app error: {ea[:60]} -> {eb[:60]}"
                buckets[key].append((seed, "", ea, eb))
            continue
        for req, a, b in zip(reqs, ra["answers"], rb["answers"], strict=False):
            sent += 1 + len(a.get("seq", ())) if args.round7 else 1
            if args.round7:
                na, nb = normal7(a, normal), normal7(b, normal)
                if na != nb:  # (by the first answer of the sequence that differs)
                    k, one, xa, xb = first_difference7(req, na, nb)
                    label = kept_label7(req, k, one, xa, xb, app["source"])
                    key = f"kept: {label}" if label else signature(one, xa, xb)
                    buckets[key].append((seed, f"[{k}] {one}", xa, xb))
                continue
            if args.round11:
                na, nb = normal11(a, normal), normal11(b, normal)
                if na != nb:
                    label = kept_label11(req, na, nb, app["source"], kept_label)
                    key = f"kept: {label}" if label else signature(req, na, nb)
                    buckets[key].append((seed, req, na, nb))
                continue
            if args.round10:
                na, nb = normal10(a, normal), normal10(b, normal)
                if na != nb:
                    label = kept_label10(req, na, nb, app["source"], kept_label)
                    key = f"kept: {label}" if label else signature(req, na, nb)
                    buckets[key].append((seed, req, na, nb))
                continue
            if args.round9:
                na, nb = normal9(a, normal), normal9(b, normal)
                if na != nb:
                    label = kept_label9(req, na, nb, app["source"], kept_label)
                    key = f"kept: {label}" if label else signature(req, na, nb)
                    buckets[key].append((seed, req, na, nb))
                continue
            if args.round8:
                na, nb = normal8(a, normal), normal8(b, normal)
                if na != nb:
                    label = kept_label8(req, na, nb, app["source"], kept_label)
                    key = f"kept: {label}" if label else signature(req, na, nb)
                    buckets[key].append((seed, req.replace(R8_MARK, " "), na, nb))
                continue
            if args.round6:
                na, nb = normal6(a, normal), normal6(b, normal)
                if na != nb:
                    label = kept_label6(req.partition(R6_MARK)[0], na, nb, app["source"])
                    key = f"kept: {label}" if label else signature(req, na, nb)
                    buckets[key].append((seed, req.partition(R6_MARK)[0], na, nb))
                continue
            na, nb = normal(a), normal(b)
            round3 = req.split(" ", 2)[1].startswith(app["extras3"]["prefix"])
            round4 = "/ww/" in req.split(" ", 2)[1]
            round5 = req.split(" ", 2)[1].startswith("/r5/")
            if round5:
                na, nb = normal5(a, na, normal), normal5(b, nb, normal)
            elif round3:
                na, nb = normal3(a, na, normal), normal3(b, nb, normal)
            elif round4:
                na, nb = normal4(a, na), normal4(b, nb)
            if na == nb:
                continue
            if round5:
                label = kept_label5(req, na, nb, app["source"])  # the fifth round's
            elif round4:
                label = kept_label4(req, na, nb, app["source"])  # the fourth round's
            elif round3:
                label = kept_label3(req, na, nb, app["source"])  # the third round's
            elif req.split(" ", 2)[1].startswith(app["extras"]["prefix"]):
                label = kept_label2(req, na, nb, app["source"])  # the second round's
            else:
                label = kept_label(req, na, nb, app["source"])
            if label is None and args.round5:  # the fifth round's config meets any route
                label = kept_label5(req, na, nb, app["source"])
            key = f"kept: {label}" if label else signature(req, na, nb)
            buckets[key].append((seed, req, na, nb))
    unexplained = sum(len(v) for k, v in buckets.items() if "kept: " not in k)
    for key, items in sorted(buckets.items(), key=lambda kv: ("kept: " in kv[0], kv[0])):
        print(f"== [{len(items)}] {key}")
        for seed, req, na, nb in items if args.verbose else items[:1]:
            print(f"   app {seed}: {req.splitlines()[0] if req else ''}"
                  f"{'  Host: ' + req.split('Host: ')[1].split(chr(13))[0] if 'Host: ' in req else ''}")
            print(f"   sanic  {json.dumps(na, ensure_ascii=False)[:500]}")
            print(f"   hurtle {json.dumps(nb, ensure_ascii=False)[:500]}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([{"bucket": k, "seed": s, "request": r, "sanic": a, "hurtle": b}
                       for k, v in buckets.items() for s, r, a, b in v], fh, indent=1)
    total = sum(len(v) for v in buckets.values())
    print(f"appfuzz: {apps_run} apps, {sent} requests, {total} differ "
          f"({total - unexplained} of them on purpose), {len(buckets)} buckets")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
