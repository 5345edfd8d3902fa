"""Second-round additions to ``appfuzz.py``'s random apps (README, "Random apps, second round").

``gen_extras`` appends to an app a blueprint ``xbp`` (and sometimes a group around it) on
``/xz`` with its own routes, middleware, exception handlers, signals and route ``ctx_*``
values, and app-level middleware and signals that act only on ``/xz`` paths (so the first
round's routes answer much as before: only the app's exception handlers reach them); ``gen_extra_requests`` writes requests aimed at them. Both draw from
their own ``random.Random`` so a seed's first-round app and requests stay the same.

What is covered: request/response middleware order and ``priority=`` across the app, the
blueprint and its group (recording into ``request.ctx`` and an ``x-trail`` header, one
answering first, raising, or replacing the response); exception handlers for a base class and a
subclass on the app and on the blueprint; ``error_format=`` on routes and
``FALLBACK_ERROR_FORMAT`` with ``Accept`` variants; ``http.*`` signals recording into the
response (``x-sig``); route ``ctx_*`` kwargs read from ``request.route.ctx``; handlers
echoing request properties (repeated query keys, cookies, duplicated headers,
content_type, token, host, scheme, server_name/port, remote_addr with the proxy
settings); ``redirect`` to odd URLs; ``empty()``/``raw()``/``html()`` with 1xx/204/205/304
and other statuses; ``HEAD``/``OPTIONS`` on each.
"""

from __future__ import annotations

import random
from typing import Any

SIGNALS = ["http.routing.before", "http.routing.after", "http.handler.before",
           "http.handler.after", "http.lifecycle.handle", "http.lifecycle.request",
           "http.lifecycle.exception", "http.middleware.before", "http.middleware.after"]
ODD_TARGETS = ["/a b", "/é", "http://other.example/ü?q=1", "//evil.example/x", "",
               "/x?q=a b#frag", "relative/path", "/%2F%2e", "https://h.example:8443",
               "/a\tb", "mailto:x@example.com", "?only=query", "#only-frag"]
STATUSES = [100, 101, 103, 200, 201, 204, 205, 226, 304, 400, 418, 500]


def gen_extras(seed: int) -> tuple[list[str], dict[str, Any]]:
    """Source lines to append to the app (before its blueprints are registered) and a
    description of the routes for the request generator."""
    rnd = random.Random(seed * 104729 + 7)
    L: list[str] = [
        "from sanic.response import raw, html",
        "class XBase(E.SanicException):",
        "    status_code = 409",
        "    message = 'xbase'",
        "class XSub(XBase):",
        "    status_code = 422",
        "class XOther(Exception):",
        "    pass",
        "def _tr(request, what):",
        "    request.ctx.trail = getattr(request.ctx, 'trail', '') + what + ';'",
        "def _xz(request):",
        "    return request.path.startswith('/xz')",
    ]
    bp_kw = ["'xbp'", "url_prefix='/xz'"]
    if rnd.random() < 0.2:
        bp_kw.append(f"strict_slashes={rnd.choice([True, False])}")
    L.append(f"xbp = Blueprint({', '.join(bp_kw)})")
    proxies = rnd.choice([None, None, "count1", "count2", "secret", "realip"])
    if proxies == "count1":
        L.append("app.config.PROXIES_COUNT = 1")
    elif proxies == "count2":
        L.append("app.config.PROXIES_COUNT = 2")
    elif proxies == "secret":
        L.append("app.config.FORWARDED_SECRET = 'sEcReT'")
    elif proxies == "realip":
        L += ["app.config.REAL_IP_HEADER = 'x-real-ip'", "app.config.PROXIES_COUNT = 1"]
    if rnd.random() < 0.3:
        L.append(f"app.config.FORWARDED_FOR_HEADER = {rnd.choice(['x-forwarded-for', 'x-client'])!r}")

    # middleware: app (on_request / on_response / middleware()), blueprint, group
    n_mw = rnd.randint(1, 6)
    for k in range(n_mw):
        where = rnd.choice(["app", "app", "xbp", "xbp", "grp"])
        side = rnd.choice(["request", "response"])
        prio = rnd.choice([None, None, 0, 1, 5, -2, 10])
        if where == "app":
            deco = rnd.choice(["on_request", "middleware"]) if side == "request" else \
                rnd.choice(["on_response", "middleware"])
            if deco == "middleware":
                args = [repr(side)] + ([f"priority={prio}"] if prio is not None else [])
                L.append(f"@app.middleware({', '.join(args)})")
            elif prio is not None:
                L.append(f"@app.{deco}(priority={prio})")
            else:
                L.append(f"@app.{deco}")
        else:
            target = where
            if rnd.random() < 0.5:
                if where == "grp":
                    prio = None  # (Sanic's group on_request/on_response take no priority=)
                L.append(f"@{target}.on_{side}" + (f"(priority={prio})" if prio is not None else ""))
            else:
                args = [repr(side)] + ([f"priority={prio}"] if prio is not None else [])
                L.append(f"@{target}.middleware({', '.join(args)})")
        name = f"xmw{k}"
        if side == "request":
            L += [f"async def {name}(request):",
                  "    if not _xz(request):",
                  "        return",
                  f"    _tr(request, '{where[0]}{k}q')"]
            if rnd.random() < 0.3:
                L += [f"    if request.args.get('stop') == '{k}':",
                      f"        return text('stopped {k} ' + request.ctx.trail, status=203)"]
            if rnd.random() < 0.3:
                exc = rnd.choice(["XSub('from mw')", "XBase()", "XOther('mw')", "E.Forbidden('mw')"])
                L += [f"    if request.args.get('raise') == '{k}':",
                      f"        raise {exc}"]
        else:
            L += [f"async def {name}(request, response):",
                  "    if not _xz(request):",
                  "        return",
                  f"    _tr(request, '{where[0]}{k}s')",
                  "    response.headers['x-trail'] = request.ctx.trail"]
            if rnd.random() < 0.3:
                L += ["    if request.route is not None:",
                      "        response.headers['x-rc'] = repr(sorted("
                      "k for k in vars(request.route.ctx) if k in ('a', 'label', 'n', 'flag')))"]
            if rnd.random() < 0.2:
                L += [f"    if request.args.get('raise') == '{k}':",
                      "        raise XSub('from response mw')"]
            r = rnd.random()
            if r < 0.25:
                L += [f"    if request.args.get('swap') == '{k}':",
                      f"        return text('swapped {k} ' + request.ctx.trail, status=206)"]
            elif r < 0.4:
                L += [f"    if request.args.get('swap') == '{k}':",
                      "        response.status = 299",
                      "        response.body = b'rewritten'"]
    # exception handlers: base vs subclass, app vs blueprint
    for who in ("app", "xbp"):
        for cls in ("XBase", "XSub", "XOther", "E.NotFound", "E.SanicException"):
            if rnd.random() < 0.25:
                fn = f"xh_{who}_{cls.replace('.', '_')}"
                L += [f"@{who}.exception({cls})",
                      f"async def {fn}(request, exception):"]
                if rnd.random() < 0.2:  # a handler that fails itself, or hands back None
                    L.append(rnd.choice(["    raise E.ServiceUnavailable('handler failed')",
                                         "    return None", "    raise exception"]))
                    continue
                L += [
                      f"    return text('{who} {cls} got ' + type(exception).__name__ + ' '"
                      " + getattr(request.ctx, 'trail', ''),"
                      " status=getattr(exception, 'status_code', 500))"]
    # signals
    sigs = [s for s in SIGNALS if rnd.random() < 0.3]
    for k, sig in enumerate(sigs):
        L += [f"@app.signal({sig!r})",
              f"async def xsig{k}(request, **kw):",
              "    if _xz(request):",
              f"        request.ctx.sig = getattr(request.ctx, 'sig', '') + '{sig.split('.', 1)[1]};'"]
    if sigs or rnd.random() < 0.3:
        L += ["@app.signal('http.lifecycle.response')",
              "async def xsigresp(request, response):",
              "    if request is not None and _xz(request):",
              "        response.headers['x-sig'] = getattr(request.ctx, 'sig', '') + 'response'"]

    routes: list[dict[str, Any]] = []

    def route(path: str, kind: str, kw: list[str], body: list[str], methods: list[str]) -> None:
        i = len(routes)
        L.append(f"@xbp.route({path!r}{''.join(', ' + k for k in kw)})")
        L.append(f"async def x{i}(request, **kw):")
        L.extend("    " + b for b in body)
        routes.append({"path": path, "kind": kind, "methods": methods})

    def methods_kw() -> tuple[list[str], list[str]]:
        methods = rnd.choice([["GET"], ["GET"], ["GET", "POST"], ["POST"], ["GET", "HEAD"]])
        return ([f"methods={methods!r}"] if methods != ["GET"] else []), methods

    trail = "getattr(request.ctx, 'trail', '') + '|' + getattr(request.ctx, 'sig', '')"
    for _ in range(rnd.randint(4, 9)):
        kind = rnd.choice(["echo", "echo", "raise", "redirect", "status", "ctx", "order"])
        kw, methods = methods_kw()
        n = len(routes)
        if kind == "echo":
            what = rnd.choice([
                "{'args': request.args, 'qa': request.query_args, 'ga': request.get_args(keep_blank_values=True), 'qs': request.query_string}",
                "{'cookies': request.cookies, 'cl': {k: request.cookies.getlist(k) for k in request.cookies}}",
                "{'d': request.headers.getall('x-d', []), 'ct': request.content_type, 'tok': request.token, 'ua': request.headers.get('user-agent')}",
                "{'host': request.host, 'scheme': request.scheme, 'sn': request.server_name, 'sp': request.server_port, 'url': request.url, 'ip': request.ip, 'ra': request.remote_addr, 'fw': dict(request.forwarded)}",
                "{'sn': request.server_name, 'sp': request.server_port, 'scheme': request.scheme, 'host': request.host, 'url_for': request.url_for(request.name.split('.', 1)[1])}",
                "{'ctx': sorted(k for k in vars(request.ctx)), 'trail': getattr(request.ctx, 'trail', None), 'id': type(request.id).__name__, 'form': request.form, 'body': request.body.decode('latin-1')}",
            ])
            route(f"/e{n}", "echo", kw, [f"return json({what})"], methods)
        elif kind == "raise":
            exc = rnd.choice(["XBase('base msg')", "XSub('sub msg')", "XOther('other')",
                              "E.NotFound('nf')", "E.ServerError('se')", "ValueError('ve')",
                              "XSub()", "XBase()"])
            if rnd.random() < 0.4:
                kw.append(f"error_format={rnd.choice(['json', 'html', 'text', 'auto'])!r}")
            route(f"/r{n}", "raise", kw, ["_tr(request, 'h')", f"raise {exc}"], methods)
        elif kind == "redirect":
            target = rnd.choice(ODD_TARGETS)
            extra = rnd.choice(["", ", status=301", ", status=303", ", headers={'x-r': '1'}",
                                ", content_type='text/plain'"])
            route(f"/d{n}", "redirect", kw, [f"return redirect({target!r}{extra})"], methods)
        elif kind == "status":
            status = rnd.choice(STATUSES)
            maker = rnd.choice([
                f"empty(status={status})",
                f"raw(b'raw body', status={status})",
                f"html('<p>h</p>', status={status})",
                f"empty(status={status}, headers={{'x-e': '1'}})",
                f"text('t', status={status})",
            ])
            route(f"/s{n}", "status", kw, [f"return {maker}"], methods)
        elif kind == "ctx":
            ctx = rnd.choice(["ctx_a=1", "ctx_label='lbl', ctx_n=(1, 2)", "ctx_flag=True"])
            kw.append(ctx)
            route(f"/c{n}", "ctx", kw,
                  ["c = request.route.ctx",
                   "return json({k: getattr(c, k, None) for k in ('a', 'label', 'n', 'flag')}"
                   " | {'name': request.route.name, 'path': request.route.path})"],
                  methods)
        else:
            route(f"/o{n}", "order", kw, [f"return text('order ' + {trail})"], methods)
    if rnd.random() < 0.5:
        L.append("grp2 = Blueprint.group(xbp" + rnd.choice(["", ", url_prefix='/gg'"]) + ")")
        # a group prefix moves the blueprint under it
        group_prefix = "/gg" if "url_prefix='/gg'" in L[-1] else ""
        L.append("app.blueprint(grp2)")
    else:
        group_prefix = ""
        L.append("app.blueprint(xbp)")
    # 'grp' middleware lines name the group of the second-round blueprint
    L = [line.replace("@grp.", "@grp2.") if line.startswith("@grp.") else line for line in L]
    if "grp2 = " not in "\n".join(L):
        # no group: its middleware goes on the blueprint
        L = [line.replace("@grp2.", "@xbp.") for line in L]
    else:
        # the group's middleware has to be declared after the group: move those lines
        L = _move_group_middleware(L)
    return L, {"routes": routes, "prefix": group_prefix + "/xz", "proxies": proxies}


def _move_group_middleware(lines: list[str]) -> list[str]:
    """Put each `@grp2.` middleware (a decorator and its function) after the group's line."""
    out: list[str] = []
    moved: list[str] = []
    k = 0
    while k < len(lines):
        if lines[k].startswith("@grp2."):
            block = [lines[k]]
            k += 1
            while k < len(lines) and (lines[k].startswith((" ", "async def"))):
                block.append(lines[k])
                k += 1
            moved += block
            continue
        out.append(lines[k])
        k += 1
    at = next(i for i, line in enumerate(out) if line.startswith("grp2 = "))
    return out[:at + 1] + moved + out[at + 1:]


def gen_extra_requests(desc: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 15485863 + 3)
    reqs = []
    for _ in range(count):
        r = rnd.choice(desc["routes"])
        path = desc["prefix"] + r["path"]
        roll = rnd.random()
        if roll < 0.6:
            method = rnd.choice(r["methods"])
        elif roll < 0.85:
            method = rnd.choice(["HEAD", "OPTIONS"])
        else:
            method = rnd.choice(["GET", "POST", "PUT", "DELETE"])
        if rnd.random() < 0.05:
            path += "/"
        query = []
        if rnd.random() < 0.4:
            query.append(rnd.choice(["a=1&a=2&b=", "a=1&a=&a=3", "x=%20y&x=z+w", "k", "k=&k=v",
                                     "a=1;b=2", "%E9=1", "q=%ZZ"]))
        if rnd.random() < 0.25:
            query.append(f"stop={rnd.randint(0, 5)}")
        if rnd.random() < 0.25:
            query.append(f"swap={rnd.randint(0, 5)}")
        if rnd.random() < 0.2:
            query.append(f"raise={rnd.randint(0, 5)}")
        if query:
            path += "?" + "&".join(query)
        head = [f"{method} {path} HTTP/1.1", "Host: " + rnd.choice(
            ["x", "x", "example.com:8080", "[::1]:9000", "Ex.Com", "h.example:80"])]
        head.append("Connection: close")
        if rnd.random() < 0.4:
            head.append("Accept: " + rnd.choice(
                ["application/json", "text/html", "text/plain", "*/*", "text/*",
                 "text/html;q=0.1, application/json;q=0.9", "image/png", "application/*"]))
        if rnd.random() < 0.3:
            head.append("Cookie: " + rnd.choice(
                ["a=1; b=2", "a=1; a=2", "x=\"q v\"", "sp = 1 ;t=2", "e=", "bad;ok=1",
                 "__Host-s=1; __Secure-t=2"]))
        if rnd.random() < 0.3:
            head += rnd.choice([["X-D: 1", "X-D: 2"], ["x-d: a, b"], ["X-D: "]])
        if rnd.random() < 0.25:
            head.append("Authorization: " + rnd.choice(
                ["Bearer tok123", "Token abc", "Basic dXNlcjpwdw==", "bearer lower", "Bearer"]))
        if rnd.random() < 0.35:
            head += rnd.choice([
                ["X-Forwarded-For: 1.2.3.4, 5.6.7.8", "X-Forwarded-Proto: https"],
                ["X-Forwarded-For: 9.9.9.9", "X-Forwarded-Host: fwd.example",
                 "X-Forwarded-Port: 444"],
                ["Forwarded: for=1.1.1.1;proto=https;host=f.example;secret=sEcReT"],
                ["Forwarded: for=\"[::9]:80\";by=_x;secret=wrong"],
                ["X-Real-IP: 7.7.7.7", "X-Scheme: wss"],
                ["X-Client: 3.3.3.3"],
            ])
        body = ""
        if method in ("POST", "PUT") and rnd.random() < 0.6:
            ct, body = rnd.choice([
                ("application/x-www-form-urlencoded", "f=1&f=2&g="),
                ("application/json; charset=utf-8", '{"j": 1}'),
                ("text/plain;charset=latin-1", "plain"),
                ("", "nobody"),
            ])
            if ct:
                head.append(f"Content-Type: {ct}")
            head.append(f"Content-Length: {len(body)}")
        reqs.append("\r\n".join(head) + "\r\n\r\n" + body)
    return reqs
