"""Fourth-round additions to ``appfuzz.py``'s random apps (README, "Random apps, fourth round").

``gen_extras4`` appends a blueprint ``wbp`` on ``/ww`` (sometimes versioned, sometimes in a
group with a prefix and a version) and ``gen_extra_requests4`` writes requests aimed at it;
both draw from their own ``random.Random`` so a seed's earlier rounds stay the same.

What is covered: websocket routes (``subprotocols=``, handlers echoing with ``async for``
or ``recv()``, closing with a code and reason, raising) asked with handshake variants
(subprotocol offers, a missing or odd ``Sec-WebSocket-Key``/``-Version``, plain GET, POST)
and a short message exchange (``exchange_ws``, driven frame by frame); exceptions built
with ``headers=``, ``extra=``, ``context=``, ``quiet=`` and raised from handlers, request
and response middleware, ``http.*`` signals and a custom signal dispatched inline; an
``ErrorHandler`` subclass set as ``app.error_handler`` whose ``default()`` answers the
``/ww`` paths; ``app.url_for``/``request.url_for`` for every kind of route (blueprint
routes in versioned groups, named static routes, websocket routes, views, ``_method``,
``_external``, query arguments, missing parameters); ``app.ctx`` set by a listener,
``bp.ctx``, route ``ctx_*`` values; ``HTTPMethodView`` with ``decorators`` and
``as_view(...)`` arguments; a route name used twice.
"""

from __future__ import annotations

import asyncio
import base64
import json
import random
import struct
import time
from collections.abc import Callable
from typing import Any

PREFIX = "/ww"
WS_MARK = "\r\n\r\n\x00WS\x00"
EXTRA_HEADERS = ("x-err", "www-authenticate", "retry-after", "upgrade", "connection",
                 "sec-websocket-accept", "sec-websocket-protocol", "sec-websocket-version",
                 "x-eh", "x-deco", "content-range")

EXC_KINDS = [
    "E.SanicException('plain r4')",
    "E.SanicException('teapot', status_code=418, headers={'x-err': 'yes'})",
    "E.BadRequest('bad r4', context={'field': 'name', 'n': 3})",
    "E.BadRequest('bad r4', extra={'hidden': 1})",
    "E.NotFound('nf r4', quiet=True)",
    "E.ServerError('se r4', quiet=False, context={'a': [1, 2]})",
    "E.Unauthorized('who', scheme='Basic', realm='r4')",
    "E.Unauthorized('tok', scheme='Bearer', error='invalid_token')",
    "E.ServiceUnavailable('later', headers={'retry-after': '7'})",
    "E.PayloadTooLarge('big', headers={'x-err': 'ptl'}, context={'limit': 5})",
    "R4Err('r4err')",
    "R4Err('r4err ctx', context={'k': 'v'}, extra={'e': 1}, headers={'x-err': 'r4'})",
    "R4Sub()",
    "E.RangeNotSatisfiable('r', content_range=_R4CR)",
    "E.MethodNotAllowed('mna', method='PUT', allowed_methods=['GET', 'POST'])",
    "ValueError('plain value error')",
    "KeyError('k')",
    "E.SanicException(b'bytes message', status_code=409)",
    "E.SanicException(status_code=503)",
    "E.SanicException('ctx none', context=None, extra=None, headers=None)",
]
WS_KINDS = ["echo", "recv", "close", "raise", "info", "ret"]
CLOSE_CODES = [1000, 1001, 1008, 1011, 3000, 4000, 4999]


def gen_extras4(seed: int) -> tuple[list[str], dict[str, Any]]:
    """Source lines to append to the app and a description of its /ww routes."""
    rnd = random.Random(seed * 3571 + 13)
    L: list[str] = [
        "from sanic.handlers import ErrorHandler as _R4EH",
        "from sanic.response import json as _r4json, text as _r4text",
        "from sanic.views import HTTPMethodView as _R4View",
        "from sanic import Blueprint as _R4BP",
        "class R4Err(E.SanicException):",
        "    status_code = 421",
        "    headers = {'x-err': 'class'}",
        "class R4Sub(R4Err):",
        "    message = 'r4 sub message'",
        "    quiet = True",
        "class _R4CRObj:",
        "    total = 99",
        "_R4CR = _R4CRObj()",
        "def _r4p(request):",
        "    return request.path.startswith('/ww') or '/ww/' in request.path",
        "def _r4try(fn):",
        "    try:",
        "        return fn()",
        "    except Exception as exc:",
        "        return type(exc).__name__ + ': ' + str(exc)",
    ]
    bp_kw = ["'wbp'", "url_prefix='/ww'"]
    version = None
    if rnd.random() < 0.25:
        version = rnd.choice([1, 2])
        bp_kw.append(f"version={version}")
    if rnd.random() < 0.2:
        bp_kw.append(f"strict_slashes={rnd.choice([True, False])}")
    L.append(f"wbp = _R4BP({', '.join(bp_kw)})")
    L.append(f"wbp.ctx.label = {rnd.choice(['bpctx', 'other'])!r}")
    group = None
    if rnd.random() < 0.35:
        group = {"prefix": rnd.choice(["", "/gw"]), "version": rnd.choice([None, None, 3])}
    # the app's state, set by a listener
    L += [
        "@app.before_server_start",
        "async def _r4listen(app, loop):",
        f"    app.ctx.r4 = {rnd.choice(['from listener', 42, [1, 2]])!r}",
    ]
    if rnd.random() < 0.3:
        L += [
            "@app.after_server_start",
            "async def _r4listen2(app):",
            "    app.ctx.r4b = sorted(k for k in vars(app.ctx) if k.startswith('r4'))",
        ]
    # an ErrorHandler subclass
    eh = rnd.random() < 0.35
    if eh:
        variant = rnd.choice(["default", "default", "response", "both"])
        L += ["class R4Handler(_R4EH):"]
        if variant in ("default", "both"):
            L += ["    def default(self, request, exception):",
                  "        if request is not None and _r4p(request) and 'eh' in request.args:",
                  "            return _r4json({'eh': type(exception).__name__, 'msg': str(exception),",
                  "                           'st': getattr(exception, 'status_code', None),",
                  "                           'hd': dict(getattr(exception, 'headers', {}) or {}),",
                  "                           'ctx': getattr(exception, 'context', None),",
                  "                           'extra': getattr(exception, 'extra', None),",
                  "                           'quiet': getattr(exception, 'quiet', None)},",
                  "                          status=getattr(exception, 'status_code', 500),",
                  "                          headers={'x-eh': 'default'})",
                  "        return super().default(request, exception)"]
        if variant in ("response", "both"):
            L += ["    def response(self, request, exception):",
                  "        resp = super().response(request, exception)",
                  "        if request is not None and _r4p(request):",
                  "            resp.headers['x-eh'] = resp.headers.get('x-eh', '') + 'response'",
                  "        return resp"]
        L.append("app.error_handler = R4Handler()")
    # middleware on the blueprint and the app (only on /ww paths)
    if rnd.random() < 0.6:
        exc = rnd.choice(EXC_KINDS)
        L += [f"@wbp.on_request(priority={rnd.choice([0, 2])})" if rnd.random() < 0.5 else "@wbp.on_request",
              "async def _r4mwq(request):",
              "    request.ctx.r4 = 'mw'",
              "    if 'mwraise' in request.args:",
              f"        raise {exc}"]
    if rnd.random() < 0.5:
        exc = rnd.choice(EXC_KINDS)
        L += ["@app.on_response",
              "async def _r4mws(request, response):",
              "    if not _r4p(request):",
              "        return",
              "    if 'rmraise' in request.args:",
              f"        raise {exc}"]
    # signals raising
    if rnd.random() < 0.5:
        sig = rnd.choice(["http.routing.after", "http.handler.before", "http.lifecycle.handle",
                          "http.handler.after", "http.lifecycle.request"])
        exc = rnd.choice(EXC_KINDS)
        L += [f"@app.signal({sig!r})",
              "async def _r4sig(request, **kw):",
              "    if _r4p(request) and 'sigraise' in request.args:",
              f"        raise {exc}"]
    custom = rnd.random() < 0.5
    if custom:
        exc = rnd.choice(EXC_KINDS)
        L += ["@app.signal('r4.evt.<thing>')",
              "async def _r4custom(request, thing, **kw):",
              "    request.ctx.custom = thing",
              "    if thing == 'raise':",
              f"        raise {exc}"]
    # exception handlers for the round's own classes
    if rnd.random() < 0.4:
        who = rnd.choice(["app", "wbp"])
        cls = rnd.choice(["R4Err", "R4Sub", "E.Unauthorized", "E.ServiceUnavailable"])
        L += [f"@{who}.exception({cls})",
              "async def _r4exh(request, exception):",
              "    return _r4json({'handled': type(exception).__name__, 'hd': dict(exception.headers or {}),"
              " 'ctx': exception.context, 'extra': exception.extra, 'q': exception.quiet},"
              " status=exception.status_code)"]

    routes: list[dict[str, Any]] = []
    names: list[tuple[str, str]] = []  # (name for url_for, kind)
    used: set[str] = set()

    def add(path: str, kind: str, body: list[str], methods: list[str], kw: list[str] | None = None,
            deco: str = "route", fn: str | None = None) -> None:
        i = len(routes)
        kw = list(kw or [])
        name = None
        for k in kw:
            if k.startswith("name="):
                name = k[6:-1]
        fname = fn or f"_r4h{i}"
        if deco == "route":
            L.append(f"@wbp.route({path!r}{''.join(', ' + k for k in kw)})")
            L.append(f"async def {fname}(request, **kw):")
        else:
            L.append(f"@wbp.websocket({path!r}{''.join(', ' + k for k in kw)})")
            L.append(f"async def {fname}(request, ws, **kw):")
        L.extend("    " + b for b in body)
        version = next((k[8:] for k in kw if k.startswith("version=")), None)
        routes.append({"path": path, "kind": kind, "methods": methods, "i": i,
                       "version": version.strip("'") if version else None})
        names.append((f"wbp.{name or fname}", kind))

    n_http = rnd.randint(3, 7)
    for _ in range(n_http):
        kind = rnd.choice(["raise", "raise", "raise", "ok", "ctx", "urls", "custom", "params"])
        methods = rnd.choice([["GET"], ["GET"], ["GET", "POST"], ["POST"]])
        kw = [f"methods={methods!r}"] if methods != ["GET"] else []
        if rnd.random() < 0.25:
            chosen = rnd.choice(['r4named', 'r4.dotted', 'r4_n' + str(len(routes))])
            if chosen not in used:
                used.add(chosen)
                kw.append(f"name={chosen!r}")
        if rnd.random() < 0.2:
            kw.append(f"error_format={rnd.choice(['json', 'text', 'html', 'auto'])!r}")
        if rnd.random() < 0.2:
            kw.append(rnd.choice(["ctx_tag='t1'", "ctx_n=3", "ctx_tag='t2', ctx_flag=False"]))
        if rnd.random() < 0.15:
            vv = rnd.choice([5, 1.5, "7"])
            kw.append(f"version={vv!r}")
        n = len(routes)
        if kind == "raise":
            exc = rnd.choice(EXC_KINDS)
            add(f"/r{n}", kind, ["request.ctx.h = 1", f"raise {exc}"], methods, kw)
        elif kind == "ok":
            add(f"/k{n}", kind, ["return _r4text('ok ' + getattr(request.ctx, 'r4', '-'))"],
                methods, kw)
        elif kind == "ctx":
            add(f"/c{n}", kind, [
                "return _r4json({'app': getattr(request.app.ctx, 'r4', None),"
                " 'app2': getattr(request.app.ctx, 'r4b', None),"
                " 'bp': request.app.blueprints['wbp'].ctx.label,"
                " 'route': {k: v for k, v in vars(request.route.ctx).items() if not k.startswith('_')},"
                " 'name': request.route.name, 'ep': request.endpoint, 'rq': request.name,"
                " 'uri': request.uri_template, 'self': _r4try(lambda: request.url_for(request.name.split('.', 1)[1]))})"],
                methods, kw)
        elif kind == "urls":
            add(f"/u{n}", kind, ["return _r4json(_r4urls(request))"], methods, kw)
        elif kind == "custom":
            thing = rnd.choice(["ok", "raise", "raise"])
            add(f"/s{n}", kind, [
                f"await request.app.dispatch('r4.evt.{thing}', context={{'request': request}}, inline=True)"
                if custom else f"await request.app.dispatch('r4.evt.{thing}', inline=True)",
                "return _r4text('custom ' + str(getattr(request.ctx, 'custom', None)))"],
                methods, kw)
        else:
            ptype = rnd.choice(["int", "str", "uuid", "path", "slug"])
            path = f"/p{n}/<v:{ptype}>"
            add(path, kind, ["return _r4text('param ' + repr(kw))"], methods, kw)
            routes[-1]["ptype"] = ptype
    # a class-based view with decorators and as_view arguments
    if rnd.random() < 0.5:
        n = len(routes)
        L += ["def _r4deco(f):",
              "    async def wrapped(*a, **k):",
              "        r = await f(*a, **k)",
              "        r.headers['x-deco'] = r.headers.get('x-deco', '') + 'd'",
              "        return r",
              "    return wrapped",
              f"class R4View{n}(_R4View):",
              "    decorators = [_r4deco]" if rnd.random() < 0.7 else "    decorators = []",
              "    def __init__(self, word='none'):",
              "        self.word = word",
              "    async def get(self, request, **kw):",
              "        return _r4text('view get ' + self.word)",
              "    async def post(self, request, **kw):",
              "        raise R4Err('view post')"]
        view_kw = rnd.choice(["", "word='w'", "'pos'"])
        deco_arg = rnd.choice(["", "", ", name='r4view'"])
        L.append(f"wbp.add_route(R4View{n}.as_view({view_kw}), '/view{n}'{deco_arg})")
        routes.append({"path": f"/view{n}", "kind": "view", "methods": ["GET", "POST"], "i": n})
        names.append(("wbp.r4view" if deco_arg else f"wbp.R4View{n}", "view"))
    # websocket routes
    for _ in range(rnd.randint(1, 3)):
        n = len(routes)
        kind = rnd.choice(WS_KINDS)
        kw = []
        subs = None
        if rnd.random() < 0.5:
            subs = rnd.choice([["chat"], ["chat", "superchat"], ["v2.proto", "v1.proto"]])
            kw.append(f"subprotocols={subs!r}")
        if rnd.random() < 0.2 and "r4ws" not in used:
            used.add("r4ws")
            kw.append("name='r4ws'")
        code = rnd.choice(CLOSE_CODES)
        if kind == "echo":
            body = ["async for msg in ws:",
                    "    if msg == 'close':",
                    f"        await ws.close({code}, 'bye')",
                    "        break",
                    "    await ws.send(type(msg).__name__ + ':' + (msg if isinstance(msg, str) else msg.hex()))"]
        elif kind == "recv":
            body = ["while True:",
                    "    msg = await ws.recv()",
                    "    if msg is None or msg == 'close':",
                    "        break",
                    "    await ws.send(msg * 2)",
                    f"await ws.close({code})"]
        elif kind == "close":
            body = [f"await ws.close({code}, 'closing now')"]
        elif kind == "raise":
            exc = rnd.choice(EXC_KINDS)
            body = ["msg = await ws.recv()", "await ws.send('got ' + str(msg))", f"raise {exc}"]
        elif kind == "info":
            body = ["await ws.send(_r4json({'sub': ws.subprotocol, 'name': request.name,"
                    " 'app': getattr(request.app.ctx, 'r4', None),"
                    " 'url': _r4try(lambda: request.url_for(request.name.split('.', 1)[1])),"
                    " 'proto': request.headers.get('sec-websocket-protocol'),"
                    " 'key': request.headers.get('sec-websocket-key'),"
                    " 'ver': request.headers.get('sec-websocket-version'),"
                    " 'mw': getattr(request.ctx, 'r4', None)}).body.decode())",
                    "msg = await ws.recv()",
                    "await ws.send(str(msg))"]
        else:
            body = ["await ws.send('only one')", "return None"]
        add(f"/ws{n}", "ws", body, ["GET"], kw, deco="websocket", fn=f"_r4ws{n}")
        routes[-1]["subs"] = subs
        routes[-1]["wskind"] = kind
    # a route name used twice (both refuse or load alike?)
    if rnd.random() < 0.04:
        L += ["async def _r4dup(request):",
              "    return _r4text('dup')",
              "wbp.add_route(_r4dup, '/dupa', name='r4dupname')",
              "wbp.add_route(_r4dup, '/dupb', name='r4dupname')"]
    # static routes by name
    if rnd.random() < 0.4:
        L.append("app.static('/r4st', _R3DIR, name='r4static')")
        names.append(("static", "static"))
    if rnd.random() < 0.3:
        L.append("wbp.static('/bst', _R3DIR" + rnd.choice(["", ", name='bstatic'"]) + ")")
        names.append(("wbp.static", "bstatic"))
    # the url_for table
    calls: list[str] = []
    for name, kind in names:
        if kind == "static":
            calls += ["('static', dict(name='r4static', filename='x.bin'))",
                      "('static', dict(name='static', filename='a.txt'))",
                      "('static', dict(name='r4static'))"]
        elif kind == "bstatic":
            calls += ["('wbp.static', dict(filename='x.bin'))",
                      "('static', dict(name='wbp.static', filename='x.bin'))",
                      "('wbp.bstatic', dict(filename='x.bin'))",
                      "('static', dict(name='wbp.bstatic', filename='y'))"]
        else:
            args = rnd.choice(["dict()", "dict(v=5)", "dict(v='a b/c')", "dict(q=['1', '2'], _anchor='top')",
                               "dict(_method='POST')", "dict(_method='GET')", "dict(_external=True)",
                               "dict(_external=True, _scheme='https')", "dict(_server='other:9')",
                               "dict(_external=True, _server='other:9', _scheme='ws')",
                               "dict(v=1, _external=True)", "dict(v='ü')"])
            calls.append(f"({name!r}, {args})")
            short = name.split(".", 1)[1]
            if rnd.random() < 0.3:
                calls.append(f"({short!r}, dict())")
    calls += ["('wbp.nope', dict())", "('r4dotted', dict())"]
    if group and group["version"] is not None:
        calls.append("('wbp.r4named', dict(_external=True))")
    L += ["_R4CALLS = [" + ", ".join(calls) + "]",
          "def _r4urls(request):",
          "    out = []",
          "    for name, kw in _R4CALLS:",
          "        out.append([name, _r4try(lambda: request.app.url_for(name, **kw))])",
          "    out.append(['request', _r4try(lambda: request.url_for(request.name.split('.', 1)[1], z='1'))])",
          "    return out"]
    if group is not None:
        gkw = []
        if group["prefix"]:
            gkw.append(f"url_prefix={group['prefix']!r}")
        if group["version"] is not None:
            gkw.append(f"version={group['version']}")
        L.append(f"_r4grp = _R4BP.group(wbp{''.join(', ' + k for k in gkw)})")
        L.append("app.blueprint(_r4grp)")
    else:
        L.append("app.blueprint(wbp)")
    vprefixes = []
    if group and group["version"] is not None and version is None:
        vprefixes.append(f"/v{group['version']}")
    if version is not None:
        vprefixes.append(f"/v{version}")
    base = (group["prefix"] if group else "") + PREFIX
    return L, {"routes": routes, "base": base, "vprefixes": vprefixes or [""], "eh": eh,
               "prefix": PREFIX}


def _ws_key(rnd: random.Random) -> str:
    return base64.b64encode(bytes(rnd.randrange(256) for _ in range(16))).decode()


def gen_extra_requests4(desc: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 2281 + 9)
    reqs = []
    for _ in range(count):
        r = rnd.choice(desc["routes"])
        vp = rnd.choice(desc["vprefixes"])
        if r.get("version"):
            vp = "/v" + r["version"]
        path = vp + desc["base"] + r["path"]
        if "<v:" in path:
            good = {"int": "12", "str": "abc", "uuid": "123e4567-e89b-12d3-a456-426614174000",
                    "path": "a/b", "slug": "a-b"}[r["ptype"]]
            path = path.split("<v:")[0] + rnd.choice([good, good, "x y", "-1", "%C3%BC"])
        query = []
        for flag in ("mwraise", "rmraise", "sigraise", "eh"):
            if rnd.random() < 0.15:
                query.append(flag + "=1")
        if query:
            path += "?" + "&".join(query)
        if r["kind"] == "ws":
            reqs.append(_ws_request(rnd, r, path))
            continue
        roll = rnd.random()
        if roll < 0.75:
            method = rnd.choice(r["methods"])
        elif roll < 0.9:
            method = rnd.choice(["HEAD", "OPTIONS"])
        else:
            method = rnd.choice(["GET", "POST", "PUT"])
        head = [f"{method} {path} HTTP/1.1", "Host: " + rnd.choice(["x", "x", "h.example:8080"]),
                "Connection: close"]
        if rnd.random() < 0.5:
            head.append("Accept: " + rnd.choice(["application/json", "text/html", "text/plain", "*/*"]))
        body = ""
        if method in ("POST", "PUT") and rnd.random() < 0.5:
            body = '{"a": 1}'
            head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        reqs.append("\r\n".join(head) + "\r\n\r\n" + body)
    return reqs


def _ws_request(rnd: random.Random, r: dict[str, Any], path: str) -> str:
    head = [f"GET {path} HTTP/1.1", "Host: x"]
    variant = rnd.random()
    key = _ws_key(rnd)
    upgrade = ["Upgrade: websocket", "Connection: Upgrade"]
    version = ["Sec-WebSocket-Version: 13"]
    keyline = [f"Sec-WebSocket-Key: {key}"]
    if variant < 0.08:
        upgrade = ["Connection: close"]  # a plain GET
    elif variant < 0.12:
        head[0] = head[0].replace("GET ", rnd.choice(["POST ", "HEAD ", "OPTIONS "]))
    elif variant < 0.17:
        keyline = rnd.choice([[], ["Sec-WebSocket-Key: short"], ["Sec-WebSocket-Key: !!!notbase64!!!!!!!!!!"],
                              [f"Sec-WebSocket-Key: {key}", f"Sec-WebSocket-Key: {_ws_key(rnd)}"]])
    elif variant < 0.22:
        version = rnd.choice([[], ["Sec-WebSocket-Version: 8"], ["Sec-WebSocket-Version: 13, 8"],
                              ["Sec-WebSocket-Version: abc"]])
    elif variant < 0.26:
        upgrade = rnd.choice([["Upgrade: websocket", "Connection: keep-alive, Upgrade"],
                              ["Upgrade: WebSocket", "Connection: upgrade"],
                              ["Upgrade: h2c", "Connection: Upgrade"],
                              ["Connection: Upgrade"]])
    head += upgrade + keyline + version
    if rnd.random() < 0.5:
        head.append("Sec-WebSocket-Protocol: " + rnd.choice(
            ["chat", "superchat, chat", "v1.proto", "other", "chat, v2.proto", "CHAT", "x,, chat"]))
    if rnd.random() < 0.1:
        head.append("Origin: http://o.example")
    script = []
    for _ in range(rnd.randint(0, 3)):
        script.append(rnd.choice([["text", "hello"], ["text", "ü"], ["binary", "6869"],
                                  ["text", "close"], ["ping", "p"], ["text", ""]]))
    script.append(rnd.choice([["close", 1000, ""], ["close", 1001, "going"], ["close", 4001, "x"],
                              ["none"]]))
    return "\r\n".join(head) + WS_MARK + json.dumps(script)


# ------------------------------------------------------------------------------ the client

def _frame(opcode: int, payload: bytes) -> bytes:
    mask = b"\x11\x22\x33\x44"
    head = bytes([0x80 | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def _parse_frame(buf: bytes) -> tuple[tuple[int, bytes] | None, bytes]:
    if len(buf) < 2:
        return None, buf
    opcode = buf[0] & 0x0F
    n = buf[1] & 0x7F
    at = 2
    if n == 126:
        if len(buf) < 4:
            return None, buf
        n = struct.unpack("!H", buf[2:4])[0]
        at = 4
    elif n == 127:
        if len(buf) < 10:
            return None, buf
        n = struct.unpack("!Q", buf[2:10])[0]
        at = 10
    if buf[1] & 0x80:
        at += 4  # (servers do not mask; kept simple)
    if len(buf) < at + n:
        return None, buf
    return (opcode, buf[at:at + n]), buf[at + n:]


def _show(frame: tuple[int, bytes]) -> str:
    opcode, payload = frame
    if opcode == 8:
        code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
        return f"close {code} {payload[2:].decode('utf-8', 'replace')}"
    if opcode == 1:
        return "text " + payload.decode("utf-8", "replace")
    if opcode == 2:
        return "binary " + payload.hex()
    return f"op{opcode} " + payload.decode("latin-1")


async def exchange_ws(port: int, raw: str, timeout: float,
                      parse_response: Callable[[bytes], dict[str, Any]]) -> dict[str, Any]:
    """A handshake, then the script's frames one at a time, each followed by reading one
    answer frame; a close from the server is answered with the same code."""
    head, _, script_text = raw.partition(WS_MARK)
    script = json.loads(script_text)
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except (OSError, asyncio.TimeoutError):
        return {"status": None, "raw": "<no connection>"}
    writer.write((head + "\r\n\r\n").encode("latin-1"))
    data = b""
    end = time.monotonic() + timeout
    frames: list[str] = []

    async def read_more(limit: float) -> bool:
        nonlocal data
        try:
            chunk = await asyncio.wait_for(reader.read(65536), max(0.01, min(limit, end - time.monotonic())))
        except (OSError, asyncio.TimeoutError):
            return False
        if not chunk:
            return False
        data += chunk
        return True

    try:
        while b"\r\n\r\n" not in data and time.monotonic() < end:
            if not await read_more(timeout):
                break
        head_bytes, sep, rest = data.partition(b"\r\n\r\n")
        if not head_bytes.startswith(b"HTTP/1.1 101"):
            while time.monotonic() < end and await read_more(timeout):
                pass
            answer = parse_response(data)
            return answer
        answer = parse_response(head_bytes + sep)
        buf = rest
        closed = False

        async def next_frame(limit: float) -> tuple[int, bytes] | None:
            nonlocal buf, data
            while True:
                frame, buf2 = _parse_frame(buf)
                if frame is not None:
                    buf = buf2
                    return frame
                data = b""
                if not await read_more(limit):
                    return None
                buf += data

        async def on_frame(frame: tuple[int, bytes]) -> None:
            nonlocal closed
            frames.append(_show(frame))
            if frame[0] == 8 and not closed:
                closed = True
                writer.write(_frame(8, frame[1][:2]))

        for step in script:
            if closed:
                break
            kind = step[0]
            if kind == "none":
                break
            if kind == "text":
                writer.write(_frame(1, step[1].encode("utf-8")))
            elif kind == "binary":
                writer.write(_frame(2, bytes.fromhex(step[1])))
            elif kind == "ping":
                writer.write(_frame(9, step[1].encode()))
            elif kind == "close":
                writer.write(_frame(8, struct.pack("!H", step[1]) + step[2].encode()))
                closed = True
                frames.append("sent close")
            frame = await next_frame(1.0)
            if frame is not None:
                await on_frame(frame)
        # what is left, until the connection ends (a close from the server answered)
        while time.monotonic() < end:
            frame = await next_frame(0.8 if not closed else 1.5)
            if frame is None:
                break
            await on_frame(frame)
        if not closed:
            frames.append("(no close)")
    finally:
        writer.close()
    answer["frames"] = frames
    return answer


def normal4(answer: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """What is compared of a fourth-round answer: ``appfuzz.normal``'s (``base``), a few
    more headers, a text or JSON error body whole, and the websocket frames."""
    if base.get("status") is None:
        return base
    out = dict(base)
    headers = answer.get("headers", {})
    for name in EXTRA_HEADERS:
        if name in headers:
            value = headers[name]
            if name == "sec-websocket-accept":
                value = "present"
            out[name] = value.lower() if name in ("connection", "upgrade") else value
    if answer.get("status", 0) >= 400 and headers.get("content-type", "").startswith("text/plain"):
        out["body"] = answer["body"]
    if "frames" in answer:
        out["frames"] = answer["frames"]
    return out
