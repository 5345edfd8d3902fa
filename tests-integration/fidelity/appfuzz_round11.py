"""Eleventh-round apps for ``appfuzz.py --round11`` (README, "Random apps, eleventh round").

Blueprint copies, stacked route decorators and exception hierarchies, with apps of their own
(a seed's earlier-round app is unchanged without the switch); none of the earlier rounds
generates ``Blueprint.copy()``, a handler under several route decorators, ``route.extra`` or
an exception class deriving from two handled bases. ``gen_app11`` writes an app with a
blueprint (``url_prefix``, ``version``, ``version_prefix``, ``strict_slashes``, its own
middleware, exception handlers and ``ctx``) copied one or two times by ``bp.copy()`` with
new names, prefixes, versions, ``strict_slashes``, ``with_registration`` and ``with_ctx``;
handlers on the blueprint and on the app carry one to three stacked ``route`` decorators
(different paths, methods, names, ``error_format``, ``ctx_*``) or are added twice by
``add_route`` under two names. A custom exception hierarchy (``SanicException`` subclasses
three deep with class ``status_code``/``message``/``quiet``, a ``ValueError`` subclass and
a class deriving from both) is handled by ``app.exception(A, B)`` and the blueprint's
``exception`` with random subsets, answering the handler that caught it. Handlers answer
``request.name``/``endpoint``/``uri_template``/``match_info``, ``route.name``,
``route.extra`` fields, ``route.ctx``, the blueprint's ``ctx`` (``app.blueprints[...]``), and
``url_for`` of their own endpoint (with query, ``_anchor``, ``_external``); middleware,
exception handlers and ``ctx`` set on the original after the copies were made; copies
registered with ``app.blueprint(copy, url_prefix=, version=, version_prefix=,
strict_slashes=)`` and the original registered a second time elsewhere (with or without
``name_prefix``); a query flag makes the handler, the request middleware or the
response middleware raise a chosen class.

``gen_requests11`` aims requests at every registration of every route (the blueprint and
its copies), with trailing slashes, wrong versions and methods, ``Accept`` values and JSON
bodies (for ``auto`` error pages) and the raise flags.
"""

from __future__ import annotations

import random
import re
from typing import Any
from urllib.parse import unquote

from appfuzz_round10 import _differing, split_probes

HEADER = '''\
from sanic import Sanic, Blueprint
from sanic.response import json, text
from sanic import exceptions as E

class A11(E.SanicException):
    status_code = {a_status}
    message = 'a11 default'

class B11(A11):
    status_code = {b_status}
{b_quiet}
class C11(B11):
    pass

class D11(ValueError):
    pass

class F11(D11, E.NotFound):
    pass

RAISE11 = {{'a': lambda: A11(), 'b': lambda: B11('b11 msg'), 'c': lambda: C11('c11 msg', status_code={c_status}),
           'd': lambda: D11('d11'), 'f': lambda: F11('f11'), 'nf': lambda: E.NotFound('nf11'),
           'se': lambda: E.SanicException('se11'), 'v': lambda: ValueError('v11'),
           'hdr': lambda: A11('hdr11', headers={{'x-11h': 'h'}}),
           'ctx': lambda: B11('ctx11', context={{'k': 1}}, extra={{'e': 2}})}}

def _raise11(request, key):
    which = request.args.get(key)
    if which in RAISE11:
        raise RAISE11[which]()

def _try(fn):
    try:
        v = fn()
    except Exception as exc:
        return '!' + type(exc).__name__ + ': ' + str(exc)[:120]
    return v if v is None or isinstance(v, (str, int, float, bool, list, dict)) else repr(v)

def _info(request, tag, **kw):
    _raise11(request, 'raise')
    r = request.route
    x = r.extra
    out = {{'tag': tag, 'name': _try(lambda: request.name), 'endpoint': _try(lambda: request.endpoint),
           'ut': _try(lambda: request.uri_template), 'mi': _try(lambda: dict(request.match_info)),
           'rname': _try(lambda: r.name), 'ident': _try(lambda: x.ident),
           'hosts': _try(lambda: list(x.hosts)), 'ef': _try(lambda: x.error_format),
           'static': _try(lambda: x.static), 'stream': _try(lambda: x.stream),
           'ws': _try(lambda: x.websocket), 'ib': _try(lambda: x.ignore_body),
           'rctx': _try(lambda: sorted((k, repr(v)) for k, v in vars(r.ctx).items() if not k.startswith('_'))),
           'kw': {{k: repr(v) for k, v in kw.items()}},
           'bpctx': _try(lambda: getattr(request.ctx, 'bp', None)),
           'methods': _try(lambda: sorted(r.methods)),
           'bpx': _try(lambda: sorted((k, repr(v)) for k, v in vars(request.app.blueprints[request.name.split('.')[1]].ctx).items())),
           'url': _try(lambda: request.app.url_for(request.endpoint, **request.match_info{url_kw}))}}
    return json(out)

app = Sanic({name!r}{ctor})
{config}
'''

EXC_NAMES = ["A11", "B11", "C11", "D11", "F11", "E.NotFound", "E.SanicException", "ValueError",
             "Exception"]
RAISE_KEYS = ["a", "b", "c", "d", "f", "nf", "se", "v", "hdr", "ctx"]
URL_KW = ["", "", ", _anchor='top'", ", q='a b'", ", _external=True", ", z=['1', '2'], _anchor='x'"]
METHODS11 = [None, ["GET"], ["GET", "POST"], ["POST"], ["PUT", "GET"]]


def _handlers(rnd: random.Random, owner: str) -> str:
    classes = rnd.sample(EXC_NAMES, rnd.randint(1, 3))
    status = rnd.choice(["", ", status=418", ", status=exc.status_code if hasattr(exc, 'status_code') else 599"])
    how = rnd.choice(["app.exception", "decorator"])
    fname = f"on_{owner}_{rnd.randint(0, 9999)}"
    body = (f"    return text('{owner} caught ' + type(exc).__name__ + ' ' + str(exc){status})")
    if owner == "app" and how == "app.exception" and rnd.random() < 0.5:
        return (f"def {fname}(request, exc):\n{body}\n"
                f"app.exception({'[' + ', '.join(classes) + ']' if rnd.random() < 0.3 else ', '.join(classes)})({fname})\n")
    return f"@{owner}.exception({', '.join(classes)})\ndef {fname}(request, exc):\n{body}\n"


def gen_app11(seed: int, static_dir: str = "") -> dict[str, Any]:
    """One app of the eleventh round, its source and what the requests need."""
    rnd = random.Random(seed * 11003 + 11)
    ctor = ""
    app_strict = rnd.random() < 0.3
    if app_strict:
        ctor = ", strict_slashes=True"
    config = []
    if rnd.random() < 0.5:
        config.append(f"app.config.FALLBACK_ERROR_FORMAT = {rnd.choice(['text', 'json', 'html', 'auto'])!r}")
    if rnd.random() < 0.25:
        config.append("app.config.SERVER_NAME = " + rnd.choice(["'srv11.test'", "'https://srv11.test:8443'"]))
    url_kw = rnd.choice(URL_KW)
    L: list[str] = []
    # ---- the blueprint
    bp_prefix = rnd.choice(["/b", "/bp/", "", "/b/<k:int>"])
    bp_version = rnd.choice([None, None, 1, "1.1", 2])
    bp_vprefix = rnd.choice([None, None, "/api/v", "/x"])
    bp_strict = rnd.choice([None, None, True, False])
    bkw = [f"url_prefix={bp_prefix!r}"]
    if bp_version is not None:
        bkw.append(f"version={bp_version!r}")
    if bp_vprefix is not None:
        bkw.append(f"version_prefix={bp_vprefix!r}")
    if bp_strict is not None:
        bkw.append(f"strict_slashes={bp_strict!r}")
    L.append(f"bp = Blueprint('b11', {', '.join(bkw)})")
    if rnd.random() < 0.5:
        L.append("bp.ctx.tag = 'orig'")
    if rnd.random() < 0.6:
        L += ["@bp.on_request", "async def bp_req(request):", "    request.ctx.bp = request.route.name",
              "    _raise11(request, 'mw')"]
    if rnd.random() < 0.6:
        L += ["@bp.on_response", "async def bp_resp(request, response):",
              "    response.headers['x-bp'] = request.name or '-'", "    _raise11(request, 'rmw')"]
    if rnd.random() < 0.6:
        L.append(_handlers(rnd, "bp"))
    if rnd.random() < 0.7:
        L.append(_handlers(rnd, "app"))
    if rnd.random() < 0.3:
        L.append(_handlers(rnd, "app"))
    routes: list[dict[str, Any]] = []
    # ---- routes on the blueprint (stacked decorators)
    for i in range(rnd.randint(2, 4)):
        decos = []
        for j in range(rnd.randint(1, 3)):
            uri = rnd.choice([f"/s{i}{j}", f"/s{i}{j}/<n:int>", f"/s{i}{j}/<w:str>/t", f"/s{i}{j}/"])
            methods = rnd.choice(METHODS11)
            kw = [repr(uri)]
            if methods:
                kw.append(f"methods={methods!r}")
            if rnd.random() < (0.95 if j else 0.4):  # (one handler's unnamed routes share a name)
                kw.append(f"name='n{i}{j}'")
            if rnd.random() < 0.3:
                kw.append(f"error_format={rnd.choice(['json', 'text', 'html', 'auto'])!r}")
            if rnd.random() < 0.3:
                kw.append(f"strict_slashes={rnd.choice([True, False])!r}")
            version = None
            if rnd.random() < 0.3:
                version = rnd.choice([3, "3.5"])
                kw.append(f"version={version!r}")
            if rnd.random() < 0.3:
                kw.append(rnd.choice(["ctx_a=1", "ctx_label='l', ctx_n=(1, 2)"]))
            decos.append(f"@bp.route({', '.join(kw)})")
            routes.append({"owner": "bp", "uri": uri, "methods": methods or ["GET"], "version": version})
        L += decos
        L += [f"async def bh{i}(request, **kw):", f"    return _info(request, 'bh{i}', **kw)"]
    # ---- routes on the app (stacked decorators or add_route twice)
    for i in range(rnd.randint(1, 3)):
        if rnd.random() < 0.4:
            L += [f"async def ah{i}(request, **kw):", f"    return _info(request, 'ah{i}', **kw)"]
            for j in range(2):
                uri = f"/a{i}{j}" + rnd.choice(["", "/<n:int>"])
                extra = rnd.choice(["", f", name='an{i}{j}'", ", version=VER", ", error_format='json'"])
                version = j + 1 if "VER" in extra else None
                extra = extra.replace("VER", str(version))
                if j == 1 and not extra.startswith(", name"):
                    extra += f", name='an{i}{j}'"  # (the second registration of one function needs a name)
                L.append(f"app.add_route(ah{i}, {uri!r}{extra})")
                routes.append({"owner": "app", "uri": uri, "methods": ["GET"], "version": version})
            continue
        for j in range(rnd.randint(1, 2)):
            uri = rnd.choice([f"/a{i}{j}", f"/a{i}{j}/<n:int>", f"/a{i}{j}/"])
            methods = rnd.choice(METHODS11)
            kw = [repr(uri)]
            if methods:
                kw.append(f"methods={methods!r}")
            if j == 1 or rnd.random() < 0.3:
                kw.append(f"name='an{i}{j}'")
            if rnd.random() < 0.3:
                kw.append(f"error_format={rnd.choice(['json', 'text', 'html'])!r}")
            version = None
            if rnd.random() < 0.3:
                version = rnd.choice([1, 4])
                kw.append(f"version={version!r}")
            L.append(f"@app.route({', '.join(kw)})")
            routes.append({"owner": "app", "uri": uri, "methods": methods or ["GET"], "version": version})
        L += [f"async def ah{i}(request, **kw):", f"    return _info(request, 'ah{i}', **kw)"]
    # ---- copies
    regs = [{"name": "b11", "prefix": bp_prefix, "version": bp_version, "vprefix": bp_vprefix}]
    for c in range(rnd.randint(1, 2)):
        ckw = [f"'c11{c}'"]
        reg = dict(regs[0], name=f"c11{c}")
        if rnd.random() < 0.9:  # (a copy on the original's paths clashes with it: RouteExists)
            reg["prefix"] = rnd.choice([f"/c{c}", f"/c{c}/", f"/cc{c}/<k:int>"])
            ckw.append(f"url_prefix={reg['prefix']!r}")
        if rnd.random() < 0.5:
            reg["version"] = rnd.choice([None, 5, "5.1"])
            ckw.append(f"version={reg['version']!r}")
        if rnd.random() < 0.3:
            reg["vprefix"] = rnd.choice(["/w", "/api/v"])
            ckw.append(f"version_prefix={reg['vprefix']!r}")
        if rnd.random() < 0.3:
            ckw.append(f"strict_slashes={rnd.choice([True, False])!r}")
        if rnd.random() < 0.3:
            ckw.append(f"with_registration={rnd.choice([True, False])!r}")
        if rnd.random() < 0.3:
            ckw.append(f"with_ctx={rnd.choice([True, False])!r}")
        L.append(f"bpc{c} = bp.copy({', '.join(ckw)})")
        regs.append(reg)
    # ---- registered on the original after the copies were made (the copies keep a snapshot)
    if rnd.random() < 0.4:
        L += ["@bp.on_response", "async def bp_late(request, response):",
              "    response.headers['x-11late'] = request.name or '-'"]
    if rnd.random() < 0.4:
        L.append(_handlers(rnd, "bp"))
    if rnd.random() < 0.3:
        L.append("bp.ctx.late = 'yes'")
    L.append("app.blueprint(bp)")
    for c in range(len(regs) - 1):
        opts = []  # (options given to app.blueprint() take the place of the copy's own)
        if rnd.random() < 0.3:
            regs[c + 1]["prefix"] = rnd.choice([f"/r{c}", f"/r{c}/", f"/rr{c}/<k:int>"])
            opts.append(f"url_prefix={regs[c + 1]['prefix']!r}")
        if rnd.random() < 0.25:
            regs[c + 1]["version"] = rnd.choice([6, "6.2"])
            opts.append(f"version={regs[c + 1]['version']!r}")
        if rnd.random() < 0.2:
            regs[c + 1]["vprefix"] = rnd.choice(["/ver", "/v/"])
            opts.append(f"version_prefix={regs[c + 1]['vprefix']!r}")
        if rnd.random() < 0.15:
            opts.append(f"strict_slashes={rnd.choice([True, False])!r}")
        L.append(f"app.blueprint(bpc{c}{''.join(', ' + o for o in opts)})")
    if rnd.random() < 0.2:  # the original a second time, elsewhere
        L.append("app.blueprint(bp, url_prefix='/again'" + rnd.choice(["", ", name_prefix='two'", ", name_prefix='two'"]) + ")")
        regs.append(dict(regs[0], prefix="/again"))
    L.append("@app.on_response\nasync def app_resp(request, response):\n"
             "    response.headers['x-mw'] = str(getattr(request.ctx, 'bp', '-'))")
    src = HEADER.format(name=f"AppFuzz11_{seed}", ctor=ctor, config="\n".join(config), url_kw=url_kw,
                        a_status=rnd.choice([400, 409, 422]), b_status=rnd.choice([403, 410, 503]),
                        b_quiet="    quiet = True\n" if rnd.random() < 0.5 else "",
                        c_status=rnd.choice([None, 429, 451]))
    src += "\n".join(L) + "\n"
    return {"source": src, "routes": routes, "regs": regs}


def _fill(uri: str, rnd: random.Random) -> str:
    out = uri.replace("<n:int>", rnd.choice(["7", "7", "x"])).replace("<w:str>", rnd.choice(["w", "a%20b"]))
    return out.replace("<k:int>", rnd.choice(["3", "3", "z"]))


def _paths(app: dict[str, Any], route: dict[str, Any], rnd: random.Random) -> str:
    uri = _fill(route["uri"], rnd)
    version = route["version"]
    if route["owner"] == "app":
        return ("" if version is None else f"/v{version}") + uri
    reg = rnd.choice(app["regs"])
    ver = version if version is not None else reg["version"]
    vp = reg["vprefix"] or "/v"
    if rnd.random() < 0.1:
        ver = rnd.choice([9, None, 1])
    v = "" if ver is None else f"{vp}{ver}"
    prefix = _fill(reg["prefix"].rstrip("/") if reg["prefix"] != "/" else "", rnd)
    return v + prefix + uri


def gen_requests11(app: dict[str, Any], seed: int, count: int) -> list[str]:
    """Raw requests at every registration of the app's routes."""
    rnd = random.Random(seed * 11027 + 11)
    reqs = []
    for _ in range(count):
        route = rnd.choice(app["routes"])
        path = _paths(app, route, rnd)
        if rnd.random() < 0.15:
            path = path[:-1] if path.endswith("/") else path + "/"
        method = rnd.choice(route["methods"]) if rnd.random() < 0.85 else rnd.choice(["DELETE", "HEAD", "OPTIONS", "POST"])
        flags = []
        if rnd.random() < 0.45:
            flags.append(rnd.choice(["raise", "raise", "mw", "rmw"]) + "=" + rnd.choice(RAISE_KEYS))
        target = path + ("?" + "&".join(flags) if flags else "")
        head = f"{method} {target} HTTP/1.1\r\nHost: {rnd.choice(['x', 'srv11.test'])}\r\nConnection: close\r\n"
        if rnd.random() < 0.35:
            head += "Accept: " + rnd.choice(["application/json", "text/html", "text/plain",
                                             "text/html;q=0.5, application/json", "*/*"]) + "\r\n"
        body = ""
        if rnd.random() < 0.2:
            body = '{"a": 1}'
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        reqs.append(head + "\r\n" + body)
    return reqs


def normal11(answer: dict[str, Any], normal: Any) -> dict[str, Any]:
    """The first round's fields plus the x-11 headers, a JSON answer split by field."""
    out = normal(answer)
    for name, value in (answer.get("headers") or {}).items():
        if name.startswith("x-11"):
            out[name] = value
    return split_probes(out, '{"tag"')


# ------------------------------------------------------------------------------ kept

def _copy_url_for(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`url_for` in an app with `bp.copy()`: Sanic's copies take the original's names in its
    name index (`url_for` of a copy's name is `URLBuildError`, of the original's name can
    build the copy's URL); Hurtle builds each route's own URL (README, "Blueprint.copy()"):
    the path that was asked for (a route's `/` aside, and `url_for` percent-encoding the
    parameter's `%`, kept in the first round)."""
    if "bp.copy(" not in source or _differing(a, b) != {"p:url"}:
        return False
    built = re.sub(r"^https?://[^/]*", "", str(b["p:url"])).split("#")[0].split("?")[0]
    asked = req.split(" ", 2)[1].split("?")[0]
    return unquote(built).rstrip("/") == asked.rstrip("/")


def _url_quote(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """`url_for` percent-encodes a parameter's `%` (`a%20b` as `a%2520b`); Sanic puts it in
    as it is (README, first round)."""
    if _differing(a, b) != {"p:url"}:
        return False
    return unquote(str(b["p:url"])) == str(a["p:url"])


def _cached_none(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A raised class with handlers for several of its bases: Hurtle's handler of the nearest
    base answers it; under Sanic an earlier request on the same route that raised a farther
    base decides (its lookup cache keeps that answer, a handler or a miss, per (class,
    route) and meets it before the nearer base's app-wide handler; README, "Sanic caches a
    handler lookup"), so Sanic's default page or another handler answers. Each case met was
    checked by sending the one request to a fresh app under Sanic: it answered as Hurtle."""
    body_a, body_b = str(a.get("body", "")), str(b.get("body", ""))
    if not re.search(r"[?&](raise|mw|rmw)=", req) or " caught " not in body_b:
        return False
    if a.get("status", 0) < 400 and " caught " not in body_a:
        return False
    return _differing(a, b) <= {
        "status", "body", "content-type", "content-length", "x-11h"}


def _again_unhooked(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """The blueprint registered a second time (`name_prefix='two'`, under `/again`): Hurtle
    gives that registration the blueprint's middleware and exception handlers as the
    first; Sanic neither (no `x-bp`, no `request.ctx.bp`, its default error page)."""
    if "name_prefix='two'" not in source or "/again/" not in req.split(" ", 2)[1]:
        return False
    if a.get("x-bp") is not None or a.get("x-11late") is not None or a.get("x-mw", "-") != "-":
        return False  # (Sanic ran none of the blueprint's middleware)
    return (any(b.get(k) is not None for k in ("x-bp", "x-11late", "p:bpctx"))
            or " caught " in str(b.get("body"))
            or (bool(re.search(r"[?&](mw|rmw)=", req)) and a.get("status") != b.get("status")))


KEPT11: list[tuple[str, Any]] = [
    ("a second registration (name_prefix) gets the blueprint's middleware and exception "
     "handlers (Sanic: neither)", _again_unhooked),
    ("url_for percent-encodes a parameter's % (Sanic: as it is)", _url_quote),
    ("the nearest base class's handler answers (Sanic: its cached lookup of an earlier "
     "request's base class on the route)", _cached_none),
    ("url_for of a blueprint and its copy: each route's own URL (Sanic: the copy's)", _copy_url_for),
]


def kept_label11(req: str, a: dict[str, Any], b: dict[str, Any], source: str,
                 kept_label: Any) -> str | None:
    """The kept cause of one difference, or None."""
    for label, test in KEPT11:
        if test(req, a, b, source):
            return label
    if any(k.startswith("p:") for k in _differing(a, b)):
        return None
    return kept_label(req, a, b, source)


_DUP = "run: ServerError: Duplicate route names detected: "


def _dup_names(err: str) -> list[str]:
    return sorted(err[len(_DUP):].split(". You should", 1)[0].split(", "))


def kept_app_label11(ea: str, eb: str, source: str) -> str | None:
    """The same refusal naming routes in another order (Sanic: a blueprint's routes in set
    order; README, "Two equal routes in one blueprint")."""
    if ea.startswith(_DUP) and eb.startswith(_DUP) and _dup_names(ea) == _dup_names(eb):
        return "Duplicate route names listed sorted (Sanic: set order)"
    dup = "load: ServerError: Duplicate exception handler definition on: route="
    if ea.startswith(dup) and eb.startswith(dup):
        return ("Duplicate exception handler definition names another route or class of the "
                "blueprint (Sanic: set order)")
    return None
