"""Ninth-round apps for ``appfuzz.py --round9`` (README, "Random apps, ninth round").

The handler layer of an app, with apps of their own (a seed's earlier-round app is unchanged
without the switch). ``gen_app9`` writes an app whose routes (on the app and on one or two
blueprints, sometimes in a group) are plain handlers, handlers behind decorators (``async``
or plain wrappers, with or without ``functools.wraps``, a decorator factory with an
argument, wrappers that answer or raise themselves), ``HTTPMethodView`` classes with
``decorators`` lists, plain or ``async`` methods and constructor arguments given to
``as_view()`` (registered by ``add_route``, ``attach`` or the class keywords), and
``add_route`` of plain functions; whose middleware is registered in every form
(``middleware(attach_to=, priority=)``, ``register_middleware``, ``on_request``/
``on_response``, a blueprint's ``middleware("request")``, a group's), reads
``request.route``/``name``/``endpoint``/``uri_template`` into ``request.ctx``, answers with
any kind of response or raises on a query flag; whose exception handlers (the app's, a
blueprint's) answer with any kind of response or raise again; sometimes an ``ErrorHandler``
subclass with ``default()`` overridden, ``error_format`` per route and
``FALLBACK_ERROR_FORMAT``; an ``http.routing.after`` signal and a custom event dispatched
with ``context``. Handlers answer text, JSON, HTML, raw, empty, redirect, file,
``file_stream``, ``request.respond()`` streams and bare ``HTTPResponse`` with custom
statuses, content types, headers and cookies.

``gen_requests9`` aims requests at each route (its methods and others, good and bad
parameters, missing paths, ``Accept`` values) with query flags that make a middleware
(``mwstop``/``mwraise``), a decorator (``deco``) or the handler (``raise``) act.
"""

from __future__ import annotations

import random
import re
from typing import Any

from appfuzz_kept import kept_label2

KINDS = ["text", "json", "html", "htmlobj", "raw", "empty", "redirect", "file", "fstream",
         "http", "stream", "texthdr", "bytesjson", "badtext", "streamraise"]
SYNC_KINDS = ["text", "json", "html", "htmlobj", "raw", "empty", "redirect", "http", "texthdr",
              "bytesjson", "badtext"]
RAISES = {
    "nf": "E.NotFound('r9 nf')", "bad": "E.BadRequest('r9 bad')",
    "se": "E.ServerError('r9 se')", "ve": "ValueError('r9 ve')",
    "e9": "E9('r9 e9')", "ctx": "E.SanicException('r9 ctx', status_code=422, "
                                "context={'a': 1}, extra={'b': 2}, headers={'x-9e': 'hdr'})",
    "no": "E.Forbidden('r9 no')", "q": "E.SanicException('r9 quiet', status_code=503, quiet=True)",
}
EXC_CLASSES = ["E.NotFound", "E9", "ValueError", "E.SanicException", "Exception",
               "E.ServerError", "E.BadRequest", "E.Forbidden"]
METHODS9 = [None, ["GET"], ["POST"], ["GET", "POST"], ["PUT", "PATCH"], ["GET", "HEAD"],
            ["DELETE"]]
VIEW_METHODS = ["get", "post", "put", "patch", "delete"]

HEADER = '''\
import asyncio, datetime, functools
from sanic import Sanic, Blueprint
from sanic.response import text, json, html, raw, empty, redirect, file, file_stream, HTTPResponse
from sanic import exceptions as E
from sanic.handlers import ErrorHandler
from sanic.views import HTTPMethodView
FILE = {file!r}
class E9(E.SanicException):
    status_code = 409
class H9:
    def __init__(self, s):
        self.s = s
    def __html__(self):
        return '<b>' + self.s + '</b>'
def _t(request, mark):
    request.ctx.t = getattr(request.ctx, 't', '') + mark
def _info(request, tag):
    r = request.route
    return {{'tag': tag, 'name': request.name, 'ep': request.endpoint, 'ut': request.uri_template,
            'rp': r.path if r is not None else None, 't': getattr(request.ctx, 't', ''),
            'seen': getattr(request.ctx, 'seen', None), 'ra': getattr(request.ctx, 'ra', None),
            'ev': getattr(request.ctx, 'ev', None), 'actx': getattr(request.app.ctx, 'tag', None),
            'bctx': sorted((n, getattr(b.ctx, 'tag', None)) for n, b in request.app.blueprints.items()),
            'm': request.method, 'mi': dict(request.match_info)}}
def _cookies(r, tag, how):
    if how == 1:
        r.add_cookie('c9', tag, httponly=True, max_age=60)
    elif how == 2:
        r.add_cookie('c9', tag + ' x', samesite='Strict', secure=False, path='/r9')
        r.delete_cookie('old9')
    elif how == 3:
        r.headers['x-9h'] = tag
        r.headers.add('x-9m', 'one')
        r.headers.add('x-9m', 'two')
    elif how == 4:
        r.add_cookie('p9', 'v', partitioned=True, secure=True, comment='c')
    elif how == 5:
        r.add_cookie('h9', 'v', host_prefix=True)
    elif how == 6:
        r.add_cookie('s9', 'v', secure_prefix=True, domain='x.example')
    elif how == 7:
        r.add_cookie('e9', 'v', expires=datetime.datetime(2030, 1, 2, 3, 4, 5), max_age=0)
    elif how == 8:
        r.headers['content-type'] = 'application/x-9over'
        r.headers['set-cookie'] = 'raw9=1'
    elif how == 9:
        r.status = 299
        r.add_cookie('c9', 'a;b')
    elif how == 10:
        r.add_cookie('h9', 'v', host_prefix=True, path='/r9')
    elif how == 11:
        r.cookies.add_cookie('j9', 'v', samesite='None')
        r.cookies.delete_cookie('c9')
    return r
def _sresp(request, kind, tag, status=None, how=0):
    info = _info(request, tag)
    if kind == 'text':
        r = text(tag + ' ' + str(info), status=status or 200, headers={{'x-9k': 'text'}})
    elif kind == 'json':
        r = json(info, status=status or 200, headers={{'x-9k': 'json'}}, sort_keys=True)
    elif kind == 'html':
        r = html('<p>' + tag + ' ' + str(info['t']) + '</p>', status=status or 200)
    elif kind == 'htmlobj':
        r = html(H9(tag), status=status or 200)
    elif kind == 'raw':
        r = raw((tag + str(info['name'])).encode(), status=status or 200, content_type='application/x-9')
    elif kind == 'empty':
        r = empty(status=status or 204)
    elif kind == 'redirect':
        r = redirect('/r9/to?from=' + tag, status=status or 302)
    elif kind == 'texthdr':
        r = text(tag, status=status or 200, headers={{'Content-Type': 'text/x-9hdr', 'x-9k': 'th'}})
    elif kind == 'bytesjson':
        r = json(info, status=status or 200, dumps=lambda o, **k: repr(sorted(o)).encode())
    elif kind == 'badtext':
        r = text(('not', 'str'), status=status or 200)
    else:
        r = HTTPResponse(tag + ' ' + str(info['t']), status=status or 200, content_type='text/x-9',
                         headers={{'x-9k': 'http'}})
    return _cookies(r, tag, how)
async def _resp(request, kind, tag, status=None, how=0):
    if kind == 'file':
        return _cookies(await file(FILE, filename='d9.txt', status=status or 200), tag, how)
    if kind == 'fstream':
        return await file_stream(FILE, mime_type='text/x-9f', headers={{'x-9k': 'fs'}})
    if kind == 'stream':
        r = await request.respond(content_type='text/csv', headers={{'x-9k': 'st'}}, status=status or 200)
        await r.send(tag + ',')
        await r.send(str(getattr(request.ctx, 't', '')))
        await r.eof()
        return None
    if kind == 'streamraise':
        r = await request.respond(content_type='text/csv', status=status or 200)
        await r.send(tag + ',')
        raise E.ServerError('after the head')
    return _sresp(request, kind, tag, status, how)
def _raise(request, key='raise'):
    k = request.args.get(key)
    if k is not None:
        {raises}
def _mw(request, mark):
    _t(request, mark)
    if request.args.get('mwraise') == mark:
        raise E.BadRequest('raised by ' + mark) if mark.endswith('1') else ValueError('ve by ' + mark)
'''


def _raises_block() -> str:
    parts = []
    for key, expr in RAISES.items():
        parts.append(f"if k == {key!r}:\n            raise {expr}")
    return "\n        ".join(parts)


def gen_app9(seed: int, static_dir: str) -> dict[str, Any]:
    rnd = random.Random(seed * 9901 + 9)
    src = HEADER.format(file=static_dir + "/a.txt", raises=_raises_block())
    L = src.rstrip("\n").split("\n")
    # ---- the error handler and the app
    eh = rnd.random() < 0.3
    more = random.Random(seed * 9901 + 99)  # (later draws, their own stream)
    if eh:
        mode = rnd.choice(["all", "nf", "super"])
        kind = rnd.choice(SYNC_KINDS)
        adef = "async def" if more.random() < 0.3 else "def"
        L += ["class EH9(ErrorHandler):",
              f"    {adef} default(self, request, exception):",
              "        if request is not None:",
              "            _t(request, 'D')",
              "        st = getattr(exception, 'status_code', 500)"]
        if mode == "nf":
            L += ["        if not isinstance(exception, E.NotFound):",
                  "            return super().default(request, exception)"]
        if more.random() < 0.25:
            L += ["        if request is not None and request.args.get('ehraise'):",
                  "            raise E.ServerError('from default')"]
        if mode == "super":
            L += ["        r = super().default(request, exception)",
                  "        r.headers['x-9d'] = type(exception).__name__",
                  "        return r"]
        if mode != "super":
            L += [f"        return _sresp(request, {kind!r}, 'EH' + type(exception).__name__,"
                  f" status=st if {kind!r} not in ('redirect', 'empty') else None, how=3)"]
    kw = ", error_handler=EH9()" if eh else ""
    L += [f"app = Sanic('R9App{seed}'{kw})", "app.config.ACCESS_LOG = False",
          "app.ctx.tag = 'A9'"]
    if rnd.random() < 0.4:
        L.append(f"app.config.FALLBACK_ERROR_FORMAT = {rnd.choice(['json', 'html', 'text', 'auto'])!r}")
    # ---- decorators
    L += [
        "def d_wraps(f):",
        "    @functools.wraps(f)",
        "    async def w(request, *a, **kw):",
        "        _t(request, 'W')",
        "        r = f(request, *a, **kw)",
        "        if asyncio.iscoroutine(r):",
        "            r = await r",
        "        return r",
        "    return w",
        "def d_sync(f):",
        "    @functools.wraps(f)",
        "    def w(request, *a, **kw):",
        "        _t(request, 'S')",
        "        if request.args.get('deco') == 'raise':",
        "            raise E.Unauthorized('deco says no', scheme='Bearer')",
        "        return f(request, *a, **kw)",
        "    return w",
        "def d_plain(f):",
        "    async def wrapper(request, *a, **kw):",
        "        _t(request, 'P')",
        "        if request.args.get('deco') == 'stop':",
        "            return json({'deco': 'stopped', 't': request.ctx.t}, status=401)",
        "        r = f(request, *a, **kw)",
        "        return (await r) if asyncio.iscoroutine(r) else r",
        "    return wrapper",
        "def d_auth(flag):",
        "    def deco(f):",
        "        @functools.wraps(f)",
        "        async def w(request, *a, **kw):",
        "            _t(request, 'Z' + flag)",
        "            if request.args.get('deco') == 'stop':",
        "                return text('not authorized ' + flag, status=403)",
        "            if request.args.get('deco') == 'raise':",
        "                raise E.Forbidden('auth ' + flag)",
        "            return await f(request, *a, **kw)",
        "        return w",
        "    return deco",
    ]
    # ---- blueprints and the group
    nbp = rnd.choice([1, 1, 2])
    grouped = nbp == 2 and rnd.random() < 0.6
    bps = []
    for j in range(nbp):
        prefix = f"/b{j}"
        L.append(f"b{j} = Blueprint('b{j}', url_prefix={prefix!r})")
        if rnd.random() < 0.6:
            L.append(f"b{j}.ctx.tag = 'B{j}'")
        bps.append({"var": f"b{j}", "prefix": ("/r9g" if grouped else "/r9") + prefix})
    marks: list[str] = []
    # ---- middleware (request ones read the route into request.ctx)
    nmw = rnd.randint(1, 5)
    for k in range(nmw):
        mark = f"m{k}{rnd.choice('01')}"
        marks.append(mark)
        where = rnd.choice(["app", "app", "app", "bp", "grp"] if grouped else ["app", "app", "bp"])
        attach = rnd.choice(["request", "response"])
        prio = rnd.choice([None, None, 0, 3, -2, 10])
        pk = "" if prio is None else f", priority={prio}"
        stop_kind = rnd.choice(SYNC_KINDS)
        if attach == "request":
            L += [f"async def mw_{mark}(request):",
                  f"    _mw(request, {mark!r})",
                  "    r = request.route",
                  "    request.ctx.seen = [request.name, request.endpoint, request.uri_template,",
                  "                        r.name if r is not None else None]",
                  f"    if request.args.get('mwstop') == {mark!r}:",
                  f"        return _sresp(request, {stop_kind!r}, 'stop-{mark}', how={rnd.randint(0, 11)})"]
        else:
            L += [f"async def mw_{mark}(request, response):",
                  f"    _mw(request, {mark!r})",
                  "    response.headers['x-9t'] = getattr(request.ctx, 't', '')",
                  "    response.headers['x-9s'] = str(getattr(request.ctx, 'seen', None))",
                  "    response.headers['x-9ra'] = str(getattr(request.ctx, 'ra', None))",
                  f"    if request.args.get('mwst') == {mark!r}:",
                  "        response.status = 222",
                  f"    if request.args.get('mwstop') == {mark!r}:",
                  f"        return _sresp(request, {stop_kind!r}, 'rstop-{mark}', how={rnd.randint(0, 11)})"]
        if where == "app":
            form = rnd.choice(["mw", "register", "on"])
            if form == "mw":
                L.append(f"app.middleware(mw_{mark}, attach_to={attach!r}{pk})")
            elif form == "register":
                L.append(f"app.register_middleware(mw_{mark}, {attach!r}{pk})")
            else:
                L.append(f"app.on_{attach}(mw_{mark}{pk})")
        elif where == "bp":
            j = rnd.randrange(nbp)
            if rnd.random() < 0.5:
                L.append(f"b{j}.middleware({attach!r}{pk})(mw_{mark})")
            else:
                L.append(f"b{j}.on_{attach}(mw_{mark}{pk})")
        else:
            L.append(f"GRP_MW.append((mw_{mark}, {attach!r}))")
    # ---- signals
    if rnd.random() < 0.6:
        L += ["@app.signal('http.routing.after')",
              "async def _ra(request, route, kwargs, handler):",
              "    request.ctx.ra = [route.name, getattr(handler, '__name__', type(handler).__name__),",
              "                      sorted(kwargs)]"]
    L += ["@app.signal('r9.ev.done')",
          "async def _ev(request, v, **kw):",
          "    request.ctx.ev = [v, sorted(kw)]"]
    # ---- exception handlers
    used: dict[str, set[str]] = {}
    for _ in range(rnd.choice([0, 1, 2, 3])):
        owner = "app" if rnd.random() < 0.7 else f"b{rnd.randrange(nbp)}"
        classes = [c for c in rnd.sample(EXC_CLASSES, rnd.randint(1, 2))
                   if c not in used.setdefault(owner, set())]  # (both refuse a duplicate)
        if not classes:
            continue
        used[owner].update(classes)
        kind = rnd.choice(SYNC_KINDS + ["file", "again", "again", "reraise"])
        n = len(L)
        sync = kind not in ("file",) and more.random() < 0.3
        L += [f"@{owner}.exception({', '.join(classes)})",
              f"{'def' if sync else 'async def'} eh{n}(request, exception):",
              f"    _t(request, 'X{n}')"]
        if kind == "again":
            L += ["    raise E.ServerError('again from ' + type(exception).__name__)"]
        elif kind == "reraise":
            L += ["    raise exception"]
        else:
            st = "getattr(exception, 'status_code', 500)" if kind not in ("redirect", "empty") else "None"
            call = "_sresp" if sync else "await _resp"
            L += [f"    return {call}(request, {kind!r}, 'eh{n}-' + type(exception).__name__,"
                  f" status={st}, how={rnd.randint(0, 11)})"]
    # ---- routes
    routes = []
    views = 0
    for i in range(rnd.randint(4, 10)):
        owner = "app" if rnd.random() < 0.5 else f"b{rnd.randrange(nbp)}"
        base = "/r9" if owner == "app" else ""
        param = rnd.random() < 0.3
        path = f"{base}/a{i}" + ("/<n:int>" if param else "")
        form = rnd.choice(["func", "func", "short", "deco", "deco", "sync", "view", "view",
                           "attach", "classkw", "add"])
        kind = rnd.choice(KINDS)
        status = rnd.choice([None, None, None, 201, 203, 299, 404, 418, 500, 503])
        if kind == "empty":
            status = rnd.choice([None, 200, 204, 304])
        elif kind == "redirect":
            status = rnd.choice([None, 301, 303, 307, 308])
        elif kind in ("fstream",):
            status = None
        how = rnd.randint(0, 11)
        name = f"n{i}"
        kw = []
        if rnd.random() < 0.2:
            kw.append(f"error_format={rnd.choice(['json', 'html', 'text', 'auto'])!r}")
        route = {"i": i, "owner": owner, "param": param, "form": form, "kind": kind}
        extra = "".join(", " + k for k in kw)
        body = ["    _raise(request)",
                "    if request.args.get('ev'):",
                f"        await request.app.dispatch('r9.ev.done', context={{'request': request, 'v': {i}, 'x': 1}},"
                " inline=True)",
                f"    return await _resp(request, {kind!r}, 'h{i}', status={status}, how={how})"]
        sig = "request, **kw"
        if form in ("func", "short", "deco", "add"):
            methods = rnd.choice(METHODS9)
            route["methods"] = methods or ["GET"]
            m = "" if methods is None else f", methods={methods!r}"
            if form == "short":
                meth = (methods or ["GET"])[0]
                route["methods"] = [meth]
                L.append(f"@{owner}.{meth.lower()}({path!r}, name={name!r}{extra})")
            elif form != "add":
                L.append(f"@{owner}.route({path!r}{m}, name={name!r}{extra})")
            if form == "deco":
                decos = rnd.sample(["@d_wraps", "@d_plain", f"@d_auth('{i}')"], rnd.randint(1, 2))
                L += decos
            L += [f"async def h{i}({sig}):"] + body
            if form == "add":
                L.append(f"{owner}.add_route(h{i}, {path!r}{m}, name={name!r}{extra})")
        elif form == "sync":
            kind = rnd.choice(SYNC_KINDS)
            route["kind"] = kind
            methods = rnd.choice(METHODS9)
            route["methods"] = methods or ["GET"]
            m = "" if methods is None else f", methods={methods!r}"
            L.append(f"@{owner}.route({path!r}{m}, name={name!r}{extra})")
            if rnd.random() < 0.5:
                L.append("@d_sync")
            L += [f"def h{i}({sig}):", "    _raise(request)",
                  f"    return _sresp(request, {kind!r}, 'h{i}', status={status if kind not in ('empty', 'redirect') or status else None}, how={how})"]
        else:
            views += 1
            meths = rnd.sample(VIEW_METHODS, rnd.randint(1, 3))
            route["methods"] = [m.upper() for m in meths]
            decorators = rnd.sample(["d_wraps", "d_sync", "d_plain", f"d_auth('v{i}')"], rnd.randint(0, 2))
            init = rnd.random() < 0.5 and form == "view"
            cls_kw = f", attach={owner}, uri={path!r}" if form == "classkw" else ""
            L.append(f"class V{i}(HTTPMethodView{cls_kw}):")
            if decorators:
                L.append(f"    decorators = [{', '.join(decorators)}]")
            if init:
                L += ["    def __init__(self, tag='d', other=None):",
                      "        self.tag = tag + str(other)"]
            for meth in meths:
                sync = rnd.random() < 0.3 and "d_sync" not in decorators
                if sync:
                    k2 = rnd.choice(SYNC_KINDS)
                    L += [f"    def {meth}(self, {sig}):",
                          "        _raise(request)",
                          f"        return _sresp(request, {k2!r}, 'V{i}{meth}' + getattr(self, 'tag', ''), how={how})"]
                elif "d_sync" in decorators:
                    # (a plain wrapper returns the coroutine; Sanic awaits it)
                    L += [f"    async def {meth}(self, {sig}):",
                          "        _raise(request)",
                          f"        return await _resp(request, {rnd.choice(KINDS)!r}, 'V{i}{meth}' + getattr(self, 'tag', ''), how={how})"]
                else:
                    L += [f"    async def {meth}(self, {sig}):",
                          "        _raise(request)",
                          f"        return await _resp(request, {rnd.choice(KINDS)!r}, 'V{i}{meth}' + getattr(self, 'tag', ''), status={status if kind not in ('empty', 'redirect') else None})"]
            if form == "view":
                args = ""
                if init:
                    args = rnd.choice(["'x'", "tag='y'", "'z', other=2", ""])
                vm = f", methods={['GET', 'POST']!r}" if rnd.random() < 0.15 else ""
                L.append(f"{owner}.add_route(V{i}.as_view({args}), {path!r}{vm}, name={name!r}{extra})")
            elif form == "attach":
                vm = f", methods={['GET', 'DELETE']!r}" if rnd.random() < 0.2 else ""
                L.append(f"V{i}.attach({owner}, {path!r}{vm}, name={name!r})")
        routes.append(route)
    # ---- the group and registration
    if grouped:
        L.insert(L.index("b0 = Blueprint('b0', url_prefix='/b0')"), "GRP_MW = []")
        L += ["grp = Blueprint.group(b0, b1, url_prefix='/r9g')",
              "for _f, _a in GRP_MW:",
              "    grp.middleware(_f, _a)",
              "app.blueprint(grp)"]
    else:
        L.insert(L.index("b0 = Blueprint('b0', url_prefix='/b0')"), "GRP_MW = []")
        for j in range(nbp):
            L.append(f"app.blueprint(b{j}, url_prefix='/r9/b{j}')")
    return {"source": "\n".join(L) + "\n", "routes": routes, "bps": bps, "marks": marks}


def gen_requests9(app: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 9907 + 9)
    reqs = []
    for _ in range(count):
        roll = rnd.random()
        method = "GET"
        if roll < 0.06:
            path = rnd.choice(["/r9/nope", "/r9/b0/nope", "/r9g/b1/x", "/r9/to"])
            method = rnd.choice(["GET", "POST", "HEAD"])
        else:
            r = rnd.choice(app["routes"])
            if r["owner"] == "app":
                path = f"/r9/a{r['i']}"
            else:
                path = app["bps"][int(r["owner"][1:])]["prefix"] + f"/a{r['i']}"
            if r["param"]:
                path += "/" + rnd.choice(["7", "0", "-3", "x", "1.5"] if rnd.random() < 0.2 else ["7", "42"])
            m = rnd.random()
            if m < 0.7:
                method = rnd.choice(r["methods"])
            elif m < 0.8:
                method = rnd.choice(["HEAD", "OPTIONS"])
            else:
                method = rnd.choice(["GET", "POST", "PUT", "DELETE", "PATCH"])
        query = []
        if rnd.random() < 0.25:
            query.append("raise=" + rnd.choice(list(RAISES)))
        if app["marks"] and rnd.random() < 0.2:
            query.append("mwstop=" + rnd.choice(app["marks"]))
        if app["marks"] and rnd.random() < 0.15:
            query.append("mwraise=" + rnd.choice(app["marks"]))
        if app["marks"] and rnd.random() < 0.1:
            query.append("mwst=" + rnd.choice(app["marks"]))
        if rnd.random() < 0.15:
            query.append("deco=" + rnd.choice(["stop", "raise"]))
        if rnd.random() < 0.1:
            query.append("ev=1")
        if "EH9" in app["source"] and rnd.random() < 0.15:
            query.append("ehraise=1")
        if query:
            path += "?" + "&".join(query)
        head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        accept = rnd.choice([None, None, None, "application/json", "text/html", "text/plain", "*/*"])
        if accept:
            head += f"Accept: {accept}\r\n"
        body = ""
        if method in ("POST", "PUT", "PATCH") and rnd.random() < 0.4:
            body = "k=v"
            head += f"Content-Length: {len(body)}\r\n"
        reqs.append(head + "\r\n" + body)
    return reqs


def normal9(answer: dict[str, Any], normal: Any) -> dict[str, Any]:
    """The first round's fields, and the app's own: `x-9*`, cookies, disposition."""
    out = normal(answer)
    headers = answer.get("headers") or {}
    for name, value in headers.items():
        if name.startswith("x-9") or name in ("set-cookie", "content-disposition", "www-authenticate"):
            out[name] = value
    return out


# ------------------------------------------------------------------------------ kept

def _fix_expires(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """`Set-Cookie` `expires=` as an rfc1123-date (`02 Jan 2030`, RFC 6265 4.1.1; listed in
    the first rounds); Sanic writes `02-Jan-2030`."""
    if "set-cookie" not in a:
        return a
    return {**a, "set-cookie": re.sub(r"expires=(\w{3}), (\d\d)-(\w{3})-(\d{4})",
                                      r"expires=\1, \2 \3 \4", a["set-cookie"])}


def _fix_304(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """A 304 goes out without the `Content-Type` a handler set (RFC 9110 15.4.5 SHOULD NOT;
    the README's first list)."""
    if a.get("status") == 304 and "content-type" not in b:
        return {k: v for k, v in a.items() if k != "content-type"}
    return a


def _fix_ct_none(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """`content-type: None`: Sanic's literal field for a response without a type (the
    second round's label), met here beside the others."""
    if a.get("content-type") == "None" and "content-type" not in b:
        return {k: v for k, v in a.items() if k != "content-type"}
    return a


def _fix_last_resort_head(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The last-resort 500 of a failing exception handler (`An error occurred while handling
    an error`, 41 bytes) answering `HEAD`: Sanic's says `content-type: None`, Hurtle's
    `text/plain` (the second round's label, which reads the body a `HEAD` does not have)."""
    if (a.get("content-type") == "None" and b.get("content-type") == "text/plain; charset=utf-8"
            and a.get("body") == b.get("body") == "" and a.get("content-length") == "41"):
        return {**a, "content-type": b["content-type"]}
    return a


# (each turns Sanic's answer into what Hurtle gives for that kept cause; a difference is
# kept when the causes that apply, together, explain all of it)
FIXERS9: list[tuple[str, Any]] = [
    ("Set-Cookie expires as an rfc1123-date (RFC 6265 4.1.1; Sanic 02-Jan-2030)", _fix_expires),
    ("no Content-Type on a 304 (RFC 9110 15.4.5)", _fix_304),
    ("content-type: None (Sanic's literal field for a response without a type)", _fix_ct_none),
    ("the last-resort 500 to HEAD is text/plain (Sanic: content-type: None)", _fix_last_resort_head),
]
def _cached_app_handler(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A blueprint route's NotFound with handlers on the app (for it or a base class) and on
    the blueprint: the blueprint's answers; Sanic's cached lookup hands it to the app's
    after an unrouted 404 (kept in the second round, README "Random apps, second round").
    The trails differ by the handler's mark, the answers by what that handler does."""
    if "raise=nf" not in req:
        return False
    app_eh = set(re.findall(r"^@app\.exception\([^\n]*\n(?:async )?def (eh\d+)", source, re.M))
    bp_eh = set(re.findall(r"^@b\d\.exception\([^\n]*\n(?:async )?def (eh\d+)", source, re.M))
    ma = set(re.findall(r"X(\d+)", a.get("x-9t", "")))
    mb = set(re.findall(r"X(\d+)", b.get("x-9t", "")))
    if len(ma) != 1 or len(mb) != 1:
        return False
    xa, xb = ma.pop(), mb.pop()
    # (what follows from the other handler differs too: its kind of answer, its status)
    return f"eh{xa}" in app_eh and f"eh{xb}" in bp_eh


def _async_default(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An `ErrorHandler` subclass whose `default()` is an `async def`: Hurtle awaits it
    wherever it is called. Sanic awaits it on some paths only: where an exception handler
    raised again it answers without the response middleware, and on others it drops the
    connection (`coroutine 'EH9.default' was never awaited`)."""
    if "    async def default(self, request, exception):" not in source:
        return False
    if a.get("status") is None and b.get("status") is not None:
        return True
    # (default()'s answer, `x-9h`/`x-9d`, without the response middleware's `x-9t`; what
    # Hurtle's response middleware then do, a field or a new response, follows)
    return "x-9t" not in a and ("x-9h" in a or "x-9d" in a) and "x-9t" in source


KEPT9: list[tuple[str, Any]] = [
    ("an async ErrorHandler.default is awaited everywhere (Sanic: some paths drop the "
     "connection or skip the response middleware)", _async_default),
    ("a blueprint's exception handler answers its route's NotFound (Sanic's cached lookup: the "
     "app's, after an unrouted 404)", _cached_app_handler),
]


def kept_label9(req: str, a: dict[str, Any], b: dict[str, Any], source: str,
                kept_label: Any) -> str | None:
    """The kept cause of a difference (README, "Random apps, ninth round"), or the first
    rounds' (``kept_label``, ``kept_label2``), or None."""
    for label, applies in KEPT9:
        if applies(req, a, b, source):
            return label
    used, fixed = [], a
    for label, fix in FIXERS9:
        out = fix(fixed, b)
        if out != fixed:
            used.append(label)
            fixed = out
    if used and fixed == b:
        return "; ".join(used)
    rest = kept_label(req, fixed, b, source) or kept_label2(req, fixed, b, source)
    if rest:
        return "; ".join(used + [rest])
    return None


APP_KEPT9: list[tuple[str, Any]] = []


def kept_app_label9(ea: str, eb: str, source: str) -> str | None:
    for label, applies in APP_KEPT9:
        if applies(ea, eb, source):
            return label
    return None

