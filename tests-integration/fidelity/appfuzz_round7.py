"""Seventh-round random apps for ``appfuzz.py --round7`` (README, "Random apps, seventh round").

Hooks over a kept-alive connection. ``gen_app7`` writes an app of its own (not the earlier
rounds') whose handlers come in every callable shape Sanic takes (``async def``, a plain
``def`` returning a response or a coroutine, ``functools.partial``, an object with an
``async __call__``, a ``functools.wraps`` decorator, a ``lambda``, ``HTTPMethodView`` with
plain or async methods and ``decorators``), on the app, a blueprint and a blueprint in a
group, with ``name=``, ``ctx_*`` and ``version=``; whose middleware is registered in every
form (``register_middleware`` with ``priority=``, ``@app.middleware``, ``on_request``, plain
``def`` and ``partial`` middleware, blueprint and group middleware) and answers, raises or
marks; and whose ``http.*`` signal handlers (with and without ``priority=``, plain or async)
record a trail, count requests on the connection in ``conn_info.ctx``
(``http.lifecycle.begin``), keep the last head (``http.lifecycle.read_head``), change the
route's ``kwargs`` (``http.routing.after``) and the response (``http.lifecycle.response``:
a field, the status, the body). Routes dispatch custom signals (``condition=``,
``context=``, ``inline=``, ``fail_not_found=``, ``reverse=``, a blueprint's
``bp.dispatch``), wait for one with ``app.event`` (set by an ``app.add_task`` task, or
never: the timeout) and name, look up and cancel tasks.

``gen_requests7`` writes sequences of one to four requests sent on one connection, each
after the previous answer is complete (``exchange7``, marked with ``R7_MARK``): every
route, a missing path and a refused method, query flags that make a middleware answer or
raise, a signal change the kwargs or the status, or a handler raise. ``normal7`` compares
each answer's status, the fields the app sets and the framing ones, and the body.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from typing import Any

from appfuzz_round6 import _first_end, _parse

R7_MARK = "\r\n\r\n\x00R7\x00"
PREFIX = "/r7"
COMPARED = ("content-type", "content-length", "location", "allow", "connection",
            "transfer-encoding")

EVENTS = ["http.lifecycle.request", "http.lifecycle.handle", "http.routing.before",
          "http.routing.after", "http.handler.before", "http.handler.after",
          "http.lifecycle.exception", "http.middleware.before", "http.middleware.after",
          "http.lifecycle.response"]
EXC = ["E.NotFound('r7 nf')", "E.BadRequest('r7 bad')", "E.ServerError('r7 se')",
       "ValueError('r7 ve')", "E.SanicException('r7 teapot', status_code=418)",
       "E.Forbidden('r7 no')"]


def _sig_body(rnd: random.Random, event: str, mark: str) -> list[str]:
    """The lines of one `http.*` signal handler's body (after its `def`)."""
    req = "request" if event not in ("http.lifecycle.begin",) else None
    body = []
    if req:
        body += ["    if request is None or not _r7(request):",
                 "        return",
                 f"    _t(request, {mark!r})"]
    if event == "http.routing.after" and rnd.random() < 0.6:
        body += ["    request.ctx.hname = getattr(handler, '__name__', type(handler).__name__)",
                 "    request.ctx.rname = route.name",
                 "    if 'kw' in request.args:",
                 "        for key in list(kwargs):",
                 "            kwargs[key] = 'changed-' + str(kwargs[key])"]
        if rnd.random() < 0.4:
            body += ["    if 'kwadd' in request.args:",
                     "        kwargs['added'] = 'yes'"]
    if event == "http.handler.before" and rnd.random() < 0.5:
        body += ["    request.ctx.hb = (request.name, request.endpoint, request.uri_template)"]
    if event == "http.lifecycle.exception":
        body += ["    request.ctx.exc = type(exception).__name__"]
        if rnd.random() < 0.2:
            body += ["    if 'sigraise' in request.args:",
                     "        _kept(request)",
                     "        raise E.Forbidden('from exception signal')"]
    if event == "http.lifecycle.response":
        body += ["    response.headers['x-r7sig'] = _trail(request)",
                 "    response.headers['x-r7exc'] = getattr(request.ctx, 'exc', '-')"]
        r = rnd.random()
        if r < 0.3:
            body += ["    if 'st' in request.args:",
                     "        response.status = 299"]
        elif r < 0.5:
            body += ["    if 'rb' in request.args:",
                     "        response.body = b'body from signal'"]
    if event in ("http.middleware.before", "http.middleware.after") and rnd.random() < 0.3:
        body += ["    if response is not None:",
                 "        response.headers['x-r7mwsig'] = 'seen'"]
    if event in ("http.lifecycle.request", "http.lifecycle.handle", "http.routing.before",
                 "http.handler.before") and rnd.random() < 0.15:
        exc = rnd.choice(EXC[:4])
        body += [f"    if request.args.get('sigraise') == {mark!r}:"]
        if event == "http.lifecycle.request":
            body += ["        _kept(request)"]
        body += [f"        raise {exc}"]
    return body


SIG_ARGS = {
    "http.lifecycle.request": "request", "http.lifecycle.handle": "request",
    "http.routing.before": "request, **kw", "http.routing.after": "request, route, kwargs, handler",
    "http.handler.before": "request", "http.handler.after": "request",
    "http.lifecycle.exception": "request, exception",
    "http.middleware.before": "request, response", "http.middleware.after": "request, response",
    "http.lifecycle.response": "request, response",
}


def gen_app7(seed: int) -> dict[str, Any]:
    """The app's source and a description of its routes."""
    rnd = random.Random(seed * 7919 + 7)
    L = [
        "import asyncio, functools",
        "from sanic import Sanic, Blueprint, Request",
        "from sanic.response import text, json, empty",
        "from sanic import exceptions as E",
        "from sanic.views import HTTPMethodView",
        f"app = Sanic('R7App{seed}')",
        "app.config.ACCESS_LOG = False",
    ]
    if rnd.random() < 0.3:
        L.append(f"app.config.FALLBACK_ERROR_FORMAT = {rnd.choice(['json', 'text', 'html'])!r}")
    L += [
        "HEADS = []",
        "def _r7(request):",
        "    return request.path.startswith('/r7')",
        "def _t(request, mark):",
        "    request.ctx.t = getattr(request.ctx, 't', '') + mark",
        "def _trail(request):",
        "    return getattr(request.ctx, 't', '') if request is not None else '-'",
        "def _conn(request):",
        "    ctx = request.conn_info.ctx if request.conn_info is not None else None",
        "    return getattr(ctx, 'n', None)",
        "KEPT_CONN = []",
        "def _kept(request):  # (a kept difference follows: this connection's count is not compared;",
        "    KEPT_CONN.append(1)  # Sanic's request has no conn_info yet in http.lifecycle.request)",
        "def _try(fn):",
        "    try:",
        "        return fn()",
        "    except Exception as exc:",
        "        return type(exc).__name__ + ': ' + str(exc)",
        "def _echo(request, kind, **kw):",
        "    rc = request.route.ctx if request.route is not None else None",
        "    return {'kind': kind, 'kw': {k: [type(v).__name__, str(v)] for k, v in sorted(kw.items())},",
        "            'name': request.name, 'ep': request.endpoint, 'ut': request.uri_template,",
        "            'rpath': request.route.path if request.route else None,",
        "            'rctx': sorted((k, repr(v)) for k, v in vars(rc).items()) if rc is not None else None,",
        "            'mi': dict(request.match_info), 't': _trail(request), 'conn': _conn(request),",
        "            'hb': getattr(request.ctx, 'hb', None), 'hname': getattr(request.ctx, 'hname', None),",
        "            'rname': getattr(request.ctx, 'rname', None),",
        "            'url': _try(lambda: request.app.url_for(request.endpoint, **request.match_info)),",
        "            'head': HEADS[-1] if HEADS else None, 'cur': _try(lambda: Request.get_current() is request),",
        "            'ci': [request.conn_info.client_ip, request.conn_info.ssl, type(request.conn_info.ctx).__name__]",
        "            if request.conn_info is not None else None}",
    ]
    # ---- the connection's counter and the last head
    conn = rnd.random() < 0.8
    if conn:
        sync = rnd.random() < 0.3
        L += ["@app.signal('http.lifecycle.begin')",
              f"{'def' if sync else 'async def'} _r7begin(conn_info):",
              "    conn_info.ctx.n = 0"]
        if rnd.random() < 0.5:
            L += ["@app.on_request",
                  "def _r7count(request):",
                  "    if request.conn_info is not None and hasattr(request.conn_info.ctx, 'n'):",
                  "        request.conn_info.ctx.n += 1"]
        else:
            L += ["@app.signal('http.handler.before')",
                  "async def _r7count(request):",
                  "    if request.conn_info is not None and hasattr(request.conn_info.ctx, 'n'):",
                  "        request.conn_info.ctx.n += 1"]
    # (drawn from a stream of their own, so the draws below keep their values)
    more = random.Random(seed * 7919 + 77)
    L += ["COMPLETED, SENT = [], []",
          "@app.get('/r7/state')",
          "async def _r7state(request):",
          "    await asyncio.sleep(0.05)  # (the last connection's end is seen)",
          "    return json({'completed': COMPLETED[-3:], 'ncompleted': len(COMPLETED),",
          "                 'sent': len(SENT), 'conn': _conn(request)})"]
    if conn and more.random() < 0.7:
        L += ["@app.signal('http.lifecycle.complete')",
              f"{'def' if more.random() < 0.3 else 'async def'} _r7complete(conn_info):",
              "    COMPLETED.append('kept' if KEPT_CONN else getattr(conn_info.ctx, 'n', None))",
              "    KEPT_CONN.clear()"]
    if more.random() < 0.4:
        # (counted per connection: a kept difference of one connection stays there)
        L += ["@app.signal('http.lifecycle.send')",
              "async def _r7send(data):",
              "    SENT.append(len(data))",
              "@app.signal('http.lifecycle.begin')",
              "def _r7sendreset(conn_info):",
              "    SENT.clear()"]
    if rnd.random() < 0.5:
        L += ["@app.signal('http.lifecycle.read_head')",
              "async def _r7head(head):",
              "    HEADS.append(bytes(head).split(b'\\r\\n', 1)[0].decode('latin-1'))"]
    # ---- blueprints
    version = rnd.choice([None, None, 2])
    L.append(f"bp = Blueprint('r7bp', url_prefix='/r7/b'{', version=' + str(version) if version else ''})")
    grouped = rnd.random() < 0.5
    if grouped:
        L.append("gbp = Blueprint('r7gbp', url_prefix='/m')")
    owners = ["app", "bp"] + (["gbp"] if grouped else [])
    # ---- middleware, in every form
    mws = []
    plain_mw: set[str] = set()
    for k in range(rnd.randint(1, 5)):
        where = rnd.choice(owners + ["app", "group"] if grouped else owners + ["app"])
        kind = rnd.choice(["request", "request", "response"])
        shape = rnd.choice(["async", "async", "sync", "partial"])
        # (Sanic drops a blueprint's middleware that is no function, a partial or an
        # object, when it comes before the blueprint's first function one: kept, README;
        # a group's come after its blueprints' own)
        before = {"bp": {"bp"}, "gbp": {"gbp"}, "group": {"gbp", "group"}}.get(where)
        if shape == "partial" and before is not None and not before & plain_mw:
            shape = "async"
        if shape != "partial":
            plain_mw.add(where)
        name = f"_r7mw{k}"
        args = "request" if kind == "request" else "request, response"
        fdef = "def" if shape == "sync" else "async def"
        extra = ", label" if shape == "partial" else ""
        body = [f"{fdef} {name}({args}{extra}):",
                "    if not _r7(request):",
                "        return"]
        mark = f"q{k}" if kind == "request" else f"s{k}"
        body.append(f"    _t(request, {mark!r})")
        if shape == "partial":
            body.append("    request.ctx.label = label")
        if kind == "request":
            if conn and rnd.random() < 0.5:
                body += ["    if request.conn_info is not None and hasattr(request.conn_info.ctx, 'n'):",
                         "        request.conn_info.ctx.n += 1"]
            if rnd.random() < 0.4:
                body += [f"    if request.args.get('mw') == '{k}':",
                         f"        return text('mw {k} answered ' + _trail(request), status=203)"]
            if rnd.random() < 0.3:
                body += [f"    if request.args.get('mwraise') == '{k}':",
                         f"        raise {rnd.choice(EXC)}"]
        else:
            body += ["    response.headers['x-r7t'] = _trail(request)",
                     "    response.headers['x-r7conn'] = str(_conn(request))"]
            if rnd.random() < 0.3:
                body += [f"    if request.args.get('swap') == '{k}':",
                         f"        return text('swapped {k}', status=206)"]
            if rnd.random() < 0.2:
                body += [f"    if request.args.get('mwraise') == '{k}':",
                         f"        raise {rnd.choice(EXC)}"]
        L += body
        fn = f"functools.partial({name}, label='L{k}')" if shape == "partial" else name
        prio = rnd.choice([None, None, 0, 3, -2])
        if where == "app":
            form = rnd.choice(["register", "middleware", "on"])
            if form == "register":
                L.append(f"app.register_middleware({fn}, {kind!r}"
                         f"{'' if prio is None else ', priority=' + str(prio)})")
            elif form == "middleware":
                L.append(f"app.middleware({kind!r}{'' if prio is None else ', priority=' + str(prio)})({fn})")
            else:
                L.append(f"app.on_{kind}({fn}{'' if prio is None else ', priority=' + str(prio)})")
        elif where == "group":
            mws.append(f"grp.middleware({fn}, {kind!r})")
        else:
            form = rnd.choice(["middleware", "on"])
            if form == "middleware":
                L.append(f"{where}.middleware({fn}, {kind!r}{'' if prio is None else ', priority=' + str(prio)})")
            else:
                L.append(f"{where}.on_{kind}({fn}{'' if prio is None else ', priority=' + str(prio)})")
    # ---- http.* signal handlers
    sigs = [e for e in EVENTS if rnd.random() < 0.35]
    if "http.lifecycle.response" not in sigs and rnd.random() < 0.7:
        sigs.append("http.lifecycle.response")
    for k, event in enumerate(sigs):
        mark = "abcdefghij"[EVENTS.index(event)]
        for j in range(2 if rnd.random() < 0.2 else 1):
            prio = rnd.choice([None, None, 1, 5]) if j == 0 else rnd.choice([0, 2, 9])
            sync = rnd.random() < 0.2
            L.append(f"@app.signal({event!r}{'' if prio is None else ', priority=' + str(prio)})")
            L.append(f"{'def' if sync else 'async def'} _r7sig{k}_{j}({SIG_ARGS[event]}):")
            L += _sig_body(rnd, event, mark + (str(j) if j else ""))
    # ---- custom signals
    L += ["@app.signal('r7.cust.<thing>', condition={'mode': 'a'})",
          "async def _r7cust_a(thing, request=None, **kw):",
          "    if request is not None:",
          "        _t(request, 'A' + thing)",
          "    return 'a:' + thing",
          "@app.signal('r7.cust.<thing>')",
          "async def _r7cust_any(thing, request=None, **kw):",
          "    if request is not None:",
          "        _t(request, 'N' + thing)",
          "    if thing == 'boom':",
          "        raise E.BadRequest('custom signal raised')",
          "    return 'any:' + thing + ':' + ','.join(sorted(kw))",
          "@bp.signal('r7.bps.go')",
          "async def _r7bpsig(request=None, **kw):",
          "    if request is not None:",
          "        _t(request, 'B')",
          "    return 'bp'",
          "@app.signal('r7.wait.done')",
          "def _r7waited(**kw):",
          "    return None"]
    # ---- exception handlers
    for cls in ("E.NotFound", "E.BadRequest", "ValueError", "E.Forbidden"):
        if rnd.random() < 0.25:
            who = rnd.choice(owners)
            shape = rnd.choice(["async", "sync", "add"])
            fname = f"_r7eh_{cls.replace('.', '_')}"
            fdef = "def" if shape == "sync" else "async def"
            L += [f"{fdef} {fname}(request, exception):",
                  f"    return text('{who} handled ' + type(exception).__name__ + ' ' + str(exception)"
                  " + ' ' + _trail(request), status=getattr(exception, 'status_code', 500))"]
            if shape == "add" and who == "app":
                L.append(f"app.error_handler.add({cls}, {fname})")
            else:
                L.append(f"{who}.exception({cls})({fname})")
    # ---- routes
    routes: list[dict[str, Any]] = []

    def add(owner: str, path: str, shape: str, kind: str, params: list[str],
            methods: list[str]) -> None:
        i = len(routes)
        kw = []
        if methods != ["GET"]:
            kw.append(f"methods={methods!r}")
        name = None
        if rnd.random() < 0.4 or shape in ("partial", "callable", "lambda"):
            name = f"n{i}" if rnd.random() < 0.8 else f"r7.n{i}"
            kw.append(f"name={name!r}")
        for _ in range(rnd.choice([0, 0, 1, 2])):
            key = rnd.choice(["ctx_a", "ctx_label", "ctx_n", "ctx_flag"])
            if not any(k.startswith(key + "=") for k in kw):
                kw.append(f"{key}={rnd.choice(['1', repr('x'), 'True', '(1, 2)', 'None'])}")
        if owner == "app" and rnd.random() < 0.15:
            kw.append(f"version={rnd.choice([1, 3])}")
        fn = f"_r7h{i}"
        sig = "request" + "".join(", " + p for p in params) + ", **kw"
        pk = ", ".join(f"{p}={p}" for p in params)
        call = f"_echo(request, {kind!r}{', ' + pk if pk else ''}, **kw)"
        body = []
        if kind == "raise":
            body = ["    if 'raise' in request.args:", f"        raise {rnd.choice(EXC)}"]
        elif kind == "dispatch":
            thing = rnd.choice(["x", "boom", "y"])
            opts = []
            if rnd.random() < 0.5:
                opts.append(f"condition={rnd.choice([{'mode': 'a'}, {'mode': 'b'}, {}])!r}")
            if rnd.random() < 0.7:
                opts.append("context={'request': request" + rnd.choice(["", ", 'extra': 1"]) + "}")
            if rnd.random() < 0.5:
                opts.append(f"inline={rnd.choice([True, False])}")
            if rnd.random() < 0.3:
                opts.append(f"reverse={rnd.choice([True, False])}")
            event = rnd.choice([f"r7.cust.{thing}", f"r7.cust.{thing}", "r7.none.here", "r7.bps.go"])
            if event == "r7.none.here" or rnd.random() < 0.2:
                opts.append(f"fail_not_found={rnd.choice([True, False])}")
            who = "request.app" if event != "r7.bps.go" or rnd.random() < 0.5 else "bp"
            body = ["    try:",
                    f"        res = await {who}.dispatch({event!r}{''.join(', ' + o for o in opts)})",
                    "        if isinstance(res, asyncio.Task):",
                    "            res = ('task', await res)",
                    "        elif isinstance(res, list):  # (a blueprint's dispatch: one per app)",
                    "            res = ('list', [await t if isinstance(t, asyncio.Task) else t for t in res])",
                    "    except Exception as exc:",
                    "        res = ('raised', type(exc).__name__, str(exc))",
                    "    request.ctx.res = repr(res)"]
            call = f"dict({call}, res=request.ctx.res)"
        elif kind == "wait":
            mode = rnd.choice(["set", "set", "never", "unknown"])
            ev = "r7.wait.done" if mode != "unknown" else "r7.wait.unknown"
            wcond = rnd.choice([None, None, {}, {"k": "a"}])
            dcond = rnd.choice([None, None, {}, {"k": "a"}, {"k": "b"}])
            wopts = "" if wcond is None else f", condition={wcond!r}"
            if rnd.random() < 0.4:
                wopts += f", exclusive={rnd.choice([True, False])}"
            body = ["    async def later():",
                    "        await asyncio.sleep(0.01)",
                    f"        await request.app.dispatch('r7.wait.done', context={{'v': 1}}, condition={dcond!r})"]
            if mode == "set":
                body.append(f"    request.app.add_task(later(), name='r7later{i}-' + str(id(request)))")
            body += ["    try:",
                     f"        got = await request.app.event({ev!r}, timeout=0.3{wopts})",
                     "        request.ctx.res = 'got ' + type(got).__name__",
                     "    except Exception as exc:",
                     "        request.ctx.res = 'raised ' + type(exc).__name__"]
            call = f"dict({call}, res=request.ctx.res)"
        elif kind == "task":
            body = ["    async def job():",
                    "        await asyncio.sleep(5)",
                    "    name = request.args.get('task', 't')",
                    "    out = []",
                    "    out.append(_try(lambda: type(request.app.add_task(job(), name=name)).__name__))",
                    "    out.append(_try(lambda: type(request.app.get_task(name, raise_exception=False)).__name__))",
                    "    out.append(_try(lambda: type(request.app.get_task('r7-missing', raise_exception=False)).__name__))",
                    "    try:",
                    "        request.app.get_task('r7-missing')",
                    "    except Exception as exc:",
                    "        out.append(type(exc).__name__ + ': ' + str(exc))",
                    "    if 'cancel' in request.args:",
                    "        try:",
                    "            await request.app.cancel_task(name)",
                    "            out.append('cancelled')",
                    "        except Exception as exc:",
                    "            out.append(type(exc).__name__ + ': ' + str(exc))",
                    "    request.ctx.res = out"]
            call = f"dict({call}, res=request.ctx.res)"
        if shape in ("async", "deco", "sync_coro"):
            inner = "async def" if shape != "sync_coro" else "async def"
            if shape == "deco":
                L[len(L):] = ["def _r7deco(fn):",
                      "    @functools.wraps(fn)",
                      "    async def wrapper(request, *args, **kwargs):",
                      "        _t(request, 'D')",
                      "        response = await fn(request, *args, **kwargs)",
                      "        response.headers['x-r7deco'] = fn.__name__",
                      "        return response",
                      "    return wrapper"] if "def _r7deco(" not in "\n".join(L) else []
            if shape == "sync_coro":
                L[len(L):] = [f"async def {fn}_inner({sig}):"] + body + [f"    return json({call})",
                      f"def {fn}({sig}):",
                      f"    return {fn}_inner(request{''.join(', ' + p for p in params)}, **kw)"]
            else:
                L[len(L):] = [f"{inner} {fn}({sig}):"] + body + [f"    return json({call})"]
                if shape == "deco":
                    L.append(f"{fn} = _r7deco({fn})")
            target = fn
        elif shape == "sync":
            body = [b for b in body if "await" not in b] if kind in ("raise",) else []
            kind = kind if kind == "raise" else "echo"
            call = f"_echo(request, {kind!r}{', ' + pk if pk else ''}, **kw)"
            L[len(L):] = [f"def {fn}({sig}):"] + body + [f"    return json({call})"]
            target = fn
        elif shape == "partial":
            L[len(L):] = [f"async def {fn}({sig.replace('**kw', 'label, **kw')}):"] + body + [
                f"    return json(dict({call}, label=label))"]
            target = f"functools.partial({fn}, label='P{i}')"
        elif shape == "callable":
            L[len(L):] = [f"class {fn.upper()}:",
                  f"    async def __call__(self, {sig}):"] + ["    " + b for b in body] + [
                  f"        return json(dict({call}, obj=type(self).__name__))"]
            target = f"{fn.upper()}()"
        elif shape == "lambda":
            target = f"lambda {sig}: json(_echo(request, 'lambda'{', ' + pk if pk else ''}, **kw))"
            kind = "echo"
        elif shape in ("view", "view_sync"):
            fdef = "def" if shape == "view_sync" else "async def"
            deco = rnd.random() < 0.4
            L.append(f"class {fn.upper()}(HTTPMethodView):")
            if deco:
                L[len(L):] = ["    def _deco(fn):",
                      "        @functools.wraps(fn)",
                      "        def wrapper(request, *args, **kwargs):",
                      "            _t(request, 'V')",
                      "            return fn(request, *args, **kwargs)",
                      "        return wrapper",
                      "    decorators = [_deco]"]
            for m in methods:
                L[len(L):] = [f"    {fdef} {m.lower()}(self, {sig}):",
                      f"        return json(dict(_echo(request, 'view'{', ' + pk if pk else ''}, **kw), m={m!r}))"]
            kw = [k for k in kw if not k.startswith("methods=")]
            target = f"{fn.upper()}.as_view()"
            kind = "echo"
        L.append(f"{owner}.add_route({target}, {path!r}{''.join(', ' + k for k in kw)})")
        routes.append({"owner": owner, "path": path, "params": params, "methods": methods,
                       "kind": kind, "shape": shape, "version": next(
                           (k[8:] for k in kw if k.startswith("version=")), None)})

    n_routes = rnd.randint(4, 9)
    for i in range(n_routes):
        owner = rnd.choice(owners)
        shape = rnd.choice(["async", "async", "sync", "sync_coro", "partial", "callable",
                            "deco", "lambda", "view", "view_sync"])
        kind = rnd.choice(["echo", "echo", "raise", "dispatch", "dispatch", "wait", "task"])
        params = []
        seg = f"/h{i}"
        if rnd.random() < 0.5:
            params = [f"p{i}"]
            seg += f"/<p{i}:{rnd.choice(['str', 'int', 'alpha'])}>"
        base = "/r7" if owner == "app" else ""
        path = base + seg
        methods = rnd.choice([["GET"], ["GET"], ["GET", "POST"], ["POST"]])
        add(owner, path, shape, kind, params, methods)
    if grouped:
        gprefix = rnd.choice(["/r7/g", "/r7/g/"])
        L.append(f"grp = Blueprint.group(gbp, url_prefix={gprefix!r}"
                 f"{', version=' + str(rnd.choice([1, 4])) if rnd.random() < 0.3 else ''})")
        L += mws
        L.append("app.blueprint(grp)")
    L.append("app.blueprint(bp)")
    return {"source": "\n".join(L) + "\n", "routes": routes, "grouped": grouped,
            "bp_version": version, "group_prefix": gprefix.rstrip("/") if grouped else None,
            "group_version": None}


def _url(route: dict[str, Any], app: dict[str, Any], rnd: random.Random) -> str:
    """A target that names the route (its parameters filled in)."""
    path = route["path"]
    for p in route["params"]:
        kind = path.split(f"<{p}:", 1)[1].split(">", 1)[0]
        value = {"str": rnd.choice(["abc", "12", "a-b"]), "int": rnd.choice(["7", "-2", "x"]),
                 "alpha": rnd.choice(["zed", "a1"])}[kind]
        path = path.replace(f"<{p}:{kind}>", value)
    version = route.get("version")
    if route["owner"] == "app":
        prefix = f"/v{version}" if version else ""
        return prefix + path
    if route["owner"] == "bp":
        bpv = app["bp_version"]
        return (f"/v{bpv}" if bpv else "") + "/r7/b" + path
    return app["group_prefix"] + "/m" + path  # (a group's version is read from the source)


def gen_requests7(app: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 6151 + 77)
    src = app["source"]
    gver = None
    if "grp = Blueprint.group(" in src and ", version=" in src.split("grp = Blueprint.group(")[1].split("\n")[0]:
        gver = src.split("grp = Blueprint.group(")[1].split("version=")[1].split(")")[0]
    reqs = []
    for _ in range(count):
        seq = []
        for _ in range(rnd.choice([1, 2, 2, 3, 4])):
            r = rnd.random()
            if r < 0.1 or not app["routes"]:
                target, method = rnd.choice(["/r7/nope", "/r7/b/nope", "/elsewhere", "/r7/state",
                                             "/r7/state"]), "GET"
            else:
                route = rnd.choice(app["routes"])
                target = _url(route, app, rnd)
                if route["owner"] == "gbp" and gver:
                    target = f"/v{gver}" + target
                method = rnd.choice(route["methods"])
                if r < 0.18:
                    method = rnd.choice(["PUT", "DELETE", "POST", "GET"])
                if rnd.random() < 0.05:
                    target += "/"
                if rnd.random() < 0.08:
                    method = rnd.choice(["HEAD", "HEAD", "OPTIONS"])
            flags = []
            for flag in ("kw", "kwadd", "st", "rb", "raise", "cancel"):
                if rnd.random() < 0.12:
                    flags.append(flag)
            for flag in ("mw", "mwraise", "swap", "sigraise"):
                if rnd.random() < 0.1:
                    flags.append(f"{flag}={rnd.choice(['0', '1', '2', '3', '4', 'a', 'b', 'c', 'd', 'e'])}")
            if rnd.random() < 0.3:
                flags.append(f"task={rnd.choice(['t', 'u'])}")
            if flags:
                target += "?" + "&".join(flags)
            head = [f"{method} {target} HTTP/1.1", "Host: " + rnd.choice(["x", "r7.example"])]
            if rnd.random() < 0.2:
                head.append("Accept: " + rnd.choice(["application/json", "text/html", "text/plain"]))
            body = ""
            if method in ("POST", "PUT") and rnd.random() < 0.6:
                body = rnd.choice(["a=1", '{"j": 1}', "x" * 50])
                head.append(f"Content-Length: {len(body)}")
            seq.append("\r\n".join(head) + "\r\n\r\n" + body)
        script: Any = seq
        if len(seq) > 1 and rnd.random() < 0.25:  # pipelined: all written at once
            script = {"pipe": True, "seq": seq}
        reqs.append(seq[0].split("\r\n", 1)[0] + R7_MARK + json.dumps(script))
    return reqs


async def exchange7(port: int, raw: str, timeout: float) -> dict[str, Any]:
    """Send each request of the sequence on one connection once the answer before it is
    complete; the first answer, with the later ones under ``seq`` (``<closed>`` once the
    server closed)."""
    seq, pipe = _sequence(raw)
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except (OSError, asyncio.TimeoutError):
        return {"status": None, "raw": "<no connection>"}
    answers: list[dict[str, Any]] = []
    data = b""
    closed = False
    seq = seq[:-1] + [seq[-1].replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n", 1)]
    if pipe:
        try:
            writer.write("".join(seq).encode("latin-1"))
            await writer.drain()
        except OSError:
            closed = True
    for req in seq:
        if not pipe:
            if closed:
                answers.append({"status": None, "raw": "<closed>"})
                continue
            try:
                writer.write(req.encode("latin-1"))
                await writer.drain()
            except OSError:
                closed = True
                answers.append({"status": None, "raw": "<closed>"})
                continue
        head_only = req.startswith("HEAD ")
        end = time.monotonic() + timeout
        at = None
        while time.monotonic() < end:
            at = _first_end(data, head_only)
            if at is not None or closed:
                break
            try:
                chunk = await asyncio.wait_for(reader.read(65536), max(0.01, end - time.monotonic()))
            except asyncio.TimeoutError:
                break
            except OSError:
                chunk = b""
            if not chunk:
                closed = True
                break
            data += chunk
        if at is None:
            at = _first_end(data, head_only) or len(data)
        answers.append(_parse(data[:at], head_only) if data[:at] else {"status": None, "raw": "<closed>"})
        data = data[at:]
    writer.close()
    first = answers[0]
    first["seq"] = answers[1:]
    return first


def normal7(answer: dict[str, Any], normal: Any) -> dict[str, Any]:
    """What is compared of a seventh-round answer (and of the ones after it)."""
    if answer.get("status") is None:
        out: dict[str, Any] = {"status": None, "raw": answer.get("raw")}
    else:
        base = normal(answer)
        out = {"status": answer["status"], "body": base.get("body")}
        for name, value in sorted(answer["headers"].items()):
            if name.startswith("x-r7") or name in COMPARED:
                if name == "allow":
                    value = ",".join(sorted(v.strip() for v in value.split(",")))
                if name == "content-length" and "content-length" not in base:
                    continue  # (an HTML page: its styling differs)
                out["h:" + name] = value.lower() if name == "connection" else value
    if "seq" in answer:
        out["seq"] = [normal7(a, normal) for a in answer["seq"]]
    return out


def kept_label7(req: str, k: int, one: str, a: dict[str, Any], b: dict[str, Any],
                source: str) -> str | None:
    """The kept cause of a difference (README, "Random apps, seventh round"), or None: ``one``
    is the ``k``-th request of the sequence ``req``, the first whose answers differ."""
    for label, applies in KEPT7:
        if applies(one, a, b, source):
            return label
    return None


def _lifecycle_request_raised(one: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An `http.lifecycle.request` handler raised (kept in the fourth round): Sanic answers
    as for a head it failed to read, so its middleware get a stand-in request (no
    `conn_info`, nothing the signal set in `request.ctx`) and the connection closes."""
    marks = re.findall(r"@app\.signal\('http\.lifecycle\.request'[^\n]*\n[^\n]*\n(?:    [^\n]*\n)*?"
                       r"    if request\.args\.get\('sigraise'\) == '(\w+)'", source)
    query = one.split(" ", 2)[1].partition("?")[2].split("&")
    return a.get("status") == b.get("status") and any(f"sigraise={m}" in query for m in marks)


def _exception_signal_raised(one: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An `http.lifecycle.exception` handler raised: Sanic's connection task fails and the
    client gets no answer; Hurtle answers (and closes)."""
    query = one.split(" ", 2)[1].partition("?")[2].split("&")
    raising = re.search(r"@app\.signal\('http\.lifecycle\.exception'[^\n]*\n(?:[^@\n][^\n]*\n)*?"
                        r"    if 'sigraise' in request\.args:", source)
    return (raising is not None and any(q.startswith("sigraise=") for q in query)
            and a.get("status") is None and b.get("status") is not None)


KEPT7: list[tuple[str, Any]] = [
    ("http.lifecycle.exception handler raising: no answer from Sanic", _exception_signal_raised),
    ("http.lifecycle.request handler raising: Sanic answers as for a failed head (round 4)",
     _lifecycle_request_raised),
]


def _sequence(req: str) -> tuple[list[str], bool]:
    """The requests of a sequence, and whether they are written at once (pipelined)."""
    script = json.loads(req.partition(R7_MARK)[2])
    if isinstance(script, dict):
        return script["seq"], bool(script.get("pipe"))
    return script, False


def first_difference7(req: str, a: dict[str, Any], b: dict[str, Any]) -> tuple[int, str, dict[str, Any], dict[str, Any]]:
    """The first answer of the sequence that differs: its index, its request, both answers
    (without the later ones)."""
    seq, _ = _sequence(req)
    xs = [dict(a, seq=None), *a.get("seq", [])]
    ys = [dict(b, seq=None), *b.get("seq", [])]
    for k, (x, y) in enumerate(zip(xs, ys, strict=False)):
        x, y = {k2: v for k2, v in x.items() if k2 != "seq"}, {k2: v for k2, v in y.items() if k2 != "seq"}
        if x != y:
            return k, seq[k] if k < len(seq) else "", x, y
    return 0, seq[0], a, b
