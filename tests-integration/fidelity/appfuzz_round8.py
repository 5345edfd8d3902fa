"""Eighth-round apps for ``appfuzz.py --round8`` (README, "Random apps, eighth round").

Blueprint composition and routing, with apps of its own (a seed's earlier-round app is
unchanged without the switch). ``gen_app8`` writes an app with 2-4 blueprints, some in a
group (sometimes a group nested in another), each level drawing ``url_prefix=``,
``version=``, ``version_prefix=`` and ``strict_slashes=`` (the app too), and 6-14 routes on
the app and the blueprints, each with its own draws of those, ``host=`` (one name or a
list), ``unquote=True``, ``methods=`` lists with ``HEAD``/``OPTIONS``, ``ignore_body=``,
``name=``, by ``route`` or a method shorthand. ``app.static``/``bp.static`` sit beside
dynamic routes of the same prefix. Exception handlers for three custom classes (one a
subclass of another, one no ``SanicException``) are drawn on the app (``app.exception``
with several classes or a list, ``app.error_handler.add``), the blueprints
(``bp.exception``) and the group (``group.exception``); a blueprint's and a group's
request middleware raise on ``?br=``/``?gr=``, handlers on ``?raise=``.

``gen_requests8`` aims requests at each route by the path it predicts (good and bad
parameters, escapes, a trailing slash toggled, other methods, ``HEAD``/``OPTIONS``, hosts
that match or not, bodies) and at the statics; ``url_for`` requests (``R8_MARK``) ask
``/zu8/<n>`` for the URL ``url_for`` builds for route ``n`` and then request that URL
(``exchange8``), so both the URL and what it reaches are compared.
"""

from __future__ import annotations

import json
import random
import re
import time
from typing import Any
from urllib.parse import quote, urlsplit

R8_MARK = "\r\n\r\n\x00R8\x00"

TYPES = ["", "str", "int", "alpha", "slug", "path"]
GOOD8 = {"": ["abc", "a-b", "x.y"], "str": ["abc", "12"], "int": ["12", "-3", "0"],
         "alpha": ["abc", "Zed"], "slug": ["a-b", "abc"], "path": ["a/b", "one", "x.y/z"]}
BAD8 = {"": ["%2F"], "str": ["a%2Fb"], "int": ["1.5", "abc"], "alpha": ["ab1"],
        "slug": ["A-b"], "path": [""]}
ESCAPED = ["a%20b", "%C3%A9t%C3%A9", "a%2Fb", "a%25b", "é", "a+b"]
WORDS = ["a", "b", "items", "x-y", "api", "q_1"]
HOSTS = ["a8.test", "b8.test", "c8.test", "d8.test:8000"]
METHODS8 = [None, ["GET"], ["GET", "HEAD"], ["GET", "OPTIONS"], ["POST", "OPTIONS"], ["HEAD"],
            ["GET", "POST", "HEAD", "OPTIONS"], ["PUT"], ["OPTIONS"], ["POST"], ["GET", "DELETE"]]
SHORT = {"GET": "get", "POST": "post", "PUT": "put", "DELETE": "delete", "HEAD": "head",
         "OPTIONS": "options", "PATCH": "patch"}
VERSIONS = [1, 2, "3", 1.1, 1.0, "v4"]
VPREFIXES = ["/v", "/api/v", "/ver"]


def _maybe(rnd: random.Random, p: float, value: Any) -> Any:
    return value if rnd.random() < p else None


def _level(rnd: random.Random, prefix_p: float) -> dict[str, Any]:
    return {"prefix": _maybe(rnd, prefix_p, rnd.choice(["/", "/", "/", ""])
                             + rnd.choice(["p", "bp", "g", "api", "pre/x"]) + rnd.choice(["", "/"])),
            "version": _maybe(rnd, 0.35, rnd.choice(VERSIONS)),
            "vp": _maybe(rnd, 0.3, rnd.choice(VPREFIXES)),
            "strict": _maybe(rnd, 0.35, rnd.choice([True, False]))}


def _kwargs(level: dict[str, Any]) -> str:
    out = []
    if level.get("prefix") is not None:
        out.append(f"url_prefix={level['prefix']!r}")
    if level.get("version") is not None:
        out.append(f"version={level['version']!r}")
    if level.get("vp") is not None:
        out.append(f"version_prefix={level['vp']!r}")
    if level.get("strict") is not None:
        out.append(f"strict_slashes={level['strict']!r}")
    return "".join(", " + k for k in out)


def gen_app8(seed: int, static_dir: str) -> dict[str, Any]:
    rnd = random.Random(seed * 8887 + 8)
    app_strict = _maybe(rnd, 0.4, rnd.choice([True, False]))
    lines = [
        "from sanic import Sanic, Blueprint",
        "from sanic.response import json as _j, text as _t",
        "from sanic.exceptions import SanicException, NotFound",
        f"app = Sanic('AppFuzz8x{seed}'{'' if app_strict is None else f', strict_slashes={app_strict}'})",
        f"STATIC = {static_dir!r}",
        "class E8a(SanicException):",
        "    status_code = 409",
        "class E8b(E8a):",
        "    status_code = 422",
        "class E8c(Exception):",
        "    pass",
        "def _raise(request, key):",
        "    k = request.args.get(key)",
        "    if k == 'a':",
        "        raise E8a('a from ' + key)",
        "    if k == 'b':",
        "        raise E8b('b from ' + key)",
        "    if k == 'c':",
        "        raise E8c('c from ' + key)",
        "    if k == 'nf':",
        "        raise NotFound('nf from ' + key)",
        "def _h(where):",
        "    async def handle(request, exception):",
        "        st = getattr(exception, 'status_code', 500)",
        "        return _t(f'{where} {type(exception).__name__}: {exception}', status=st)",
        "    return handle",
        "def _out(request, tag, kw):",
        "    _raise(request, 'raise')",
        "    return _j({'tag': tag, 'name': request.name, 'ep': request.endpoint,",
        "               'uri': request.route.uri if request.route else None,",
        "               'kw': {k: [type(v).__name__, str(v)] for k, v in kw.items()},",
        "               'body': request.body.decode('latin-1')[:20], 'host': request.host})",
    ]
    # blueprints and the group
    nbp = rnd.randint(2, 4)
    bps = []
    for j in range(nbp):
        level = _level(rnd, 0.7)
        level["host"] = _maybe(rnd, 0.12, rnd.choice(HOSTS))
        level["name"] = f"b{j}"
        bps.append(level)
        host = "" if level["host"] is None else f", host={level['host']!r}"
        lines.append(f"b{j} = Blueprint('b{j}'{_kwargs(level)}{host})")
    grouped = [j for j in range(nbp) if rnd.random() < 0.6]
    group = None
    if grouped:
        group = _level(rnd, 0.6)
        group["members"] = grouped
        lines.append(f"grp = Blueprint.group({', '.join(f'b{j}' for j in grouped)}{_kwargs(group)})")
        group["outer"] = None
        if rnd.random() < 0.25:
            group["outer"] = _level(rnd, 0.9)
            lines.append(f"outer = Blueprint.group(grp{_kwargs(group['outer'])})")
        lines += ["@grp.middleware('request')",
                  "async def _gmw(request):",
                  "    _raise(request, 'gr')",
                  "@grp.middleware('response')",
                  "async def _gmw2(request, response):",
                  "    response.headers['x-bp'] = response.headers.get('x-bp', '') + 'g'"]
        if rnd.random() < 0.4:
            group["exc"] = rnd.choice(['E8a', 'E8c', 'NotFound', 'E8b'])
            lines += [f"grp.exception({group['exc']})(_h('grp'))"]
            for j in grouped:
                bps[j]["exc"] = True
    for j in range(nbp):
        if rnd.random() < 0.5:
            lines += [f"@b{j}.middleware('request')",
                      f"async def _bmw{j}(request):",
                      "    _raise(request, 'br')"]
        if rnd.random() < 0.5:
            lines += [f"@b{j}.on_response",
                      f"async def _bmr{j}(request, response):",
                      f"    response.headers['x-bp'] = response.headers.get('x-bp', '') + '{j}'"]
        if rnd.random() < 0.5:
            classes = rnd.sample(["E8a", "E8b", "E8c", "NotFound"], rnd.randint(1, 2))
            if group is not None and j in grouped and group.get("exc") in classes:
                # (both refuse a member's handler for the group's class, kept: one less)
                classes.remove(group["exc"])
            if not classes:
                continue
            lines.append(f"b{j}.exception({', '.join(classes)})(_h('b{j}'))")
            bps[j]["exc"] = True
    # app exception handlers
    form = rnd.choice(["several", "list", "add", "none", "several"])
    if form == "several":
        classes = rnd.sample(["E8a", "E8b", "E8c", "NotFound", "Exception"], rnd.randint(2, 3))
        lines.append(f"app.exception({', '.join(classes)})(_h('app'))")
    elif form == "list":
        classes = rnd.sample(["E8a", "E8b", "E8c", "NotFound"], rnd.randint(1, 3))
        lines.append(f"app.exception([{', '.join(classes)}])(_h('app'))")
    elif form == "add":
        for cls in rnd.sample(["E8a", "E8b", "E8c", "NotFound"], rnd.randint(1, 2)):
            lines.append(f"app.error_handler.add({cls}, _h('app-add'))")
    # routes
    routes = []
    nroutes = rnd.randint(6, 14)
    for i in range(nroutes):
        owner = "app" if rnd.random() < 0.35 else f"b{rnd.randrange(nbp)}"
        segs: list[tuple[str, str]] = []
        for k in range(rnd.randint(1, 3)):
            if rnd.random() < 0.5 or k == 0:
                segs.append(("static", rnd.choice(WORDS)))
            else:
                kind = rnd.choice(TYPES)
                if kind == "path" and k != 2:
                    kind = "str"
                segs.append((kind, f"p{k}"))
        path = "/" + "/".join(t if kind == "static" else (f"<{t}:{kind}>" if kind else f"<{t}>")
                              for kind, t in segs)
        if rnd.random() < 0.3 and segs[-1][0] != "path":
            path += "/"
        if rnd.random() < 0.1:  # a root of its owner ('' or '/')
            segs, path = [], rnd.choice(["", "/"])
        elif rnd.random() < 0.1:  # no leading slash
            path = path[1:]
        route = {"i": i, "owner": owner, "segs": segs, "path": path,
                 "methods": rnd.choice(METHODS8),
                 "version": _maybe(rnd, 0.2, rnd.choice(VERSIONS)),
                 "vp": _maybe(rnd, 0.2, rnd.choice(VPREFIXES)),
                 "strict": _maybe(rnd, 0.3, rnd.choice([True, False])),
                 "host": _maybe(rnd, 0.2, rnd.choice([rnd.choice(HOSTS), rnd.sample(HOSTS, 2)])),
                 "unquote": rnd.random() < 0.2,
                 "ignore_body": _maybe(rnd, 0.3, rnd.choice([True, False])),
                 "name": f"n{i}"}
        if isinstance(route["host"], list) and owner != "app" and bps[int(owner[1:])].get("exc"):
            # (Sanic refuses a blueprint's exception handler beside a route on a host list,
            # kept in the first round: one host then, so the app loads)
            route["host"] = route["host"][0]
        kw = []
        if route["version"] is not None:
            kw.append(f"version={route['version']!r}")
        if route["vp"] is not None:
            kw.append(f"version_prefix={route['vp']!r}")
        if route["strict"] is not None:
            kw.append(f"strict_slashes={route['strict']!r}")
        if route["host"] is not None:
            kw.append(f"host={route['host']!r}")
        if route["unquote"]:
            kw.append("unquote=True")
        if route["ignore_body"] is not None:
            kw.append(f"ignore_body={route['ignore_body']!r}")
        kw.append(f"name='n{i}'")
        methods = route["methods"]
        if methods is not None and len(methods) == 1 and rnd.random() < 0.5 \
                and not (methods[0] in ("HEAD", "OPTIONS") and route["ignore_body"] is not None):
            deco = f"@{owner}.{SHORT[methods[0]]}({path!r}{''.join(', ' + k for k in kw)})"
        else:
            m = "" if methods is None else f", methods={methods!r}"
            deco = f"@{owner}.route({path!r}{m}{''.join(', ' + k for k in kw)})"
        lines += [deco, f"async def h{i}(request, **kw):", f"    return _out(request, 'h{i}', kw)"]
        routes.append(route)
    # statics beside dynamic routes of the same prefix
    statics = []
    if rnd.random() < 0.8:
        lines.append("app.static('/s8', STATIC, name='st_app')")
        statics.append(("app", "/s8"))
        dyn = rnd.choice(["/s8/<name>", "/s8/<name:ext>", "/s8/dyn", "/s8/sub/<x:int>", "/s8/a.txt"])
        lines += [f"@app.get({dyn!r}, name='s8dyn')", "async def s8dyn(request, **kw):",
                  "    return _out(request, 's8dyn', kw)"]
    if rnd.random() < 0.6:
        j = rnd.randrange(nbp)
        lines.append(f"b{j}.static('/bs', STATIC, name='st_b')")
        statics.append((f"b{j}", "/bs"))
        dyn = rnd.choice(["/bs/<name>", "/bs/dyn", "/bs/<name:path>"])
        lines += [f"@b{j}.get({dyn!r}, name='bsdyn')", f"async def bsdyn{j}(request, **kw):",
                  "    return _out(request, 'bsdyn', kw)"]
    # url_for for each route, asked by /zu8/<n>
    urls = []
    for r in routes:
        params = {t: rnd.choice(GOOD8[kind] + (ESCAPED if rnd.random() < 0.2 else []))
                  for kind, t in r["segs"] if kind != "static"}
        name = r["name"] if r["owner"] == "app" else f"{r['owner']}.{r['name']}"
        extra = {}
        if rnd.random() < 0.2:
            extra["q"] = rnd.choice(["1", "a b"])
        if rnd.random() < 0.15:
            extra["_external"] = True
            if rnd.random() < 0.3:
                extra["_server"] = rnd.choice(["s8.test", "s8.test:9000"])
            if rnd.random() < 0.3:
                extra["_scheme"] = "https"
        if rnd.random() < 0.1:
            extra["_anchor"] = "frag"
        urls.append([name, {**params, **extra}, r])
    for owner, _ in statics:
        nm = "st_app" if owner == "app" else f"{owner}.st_b"
        urls.append([nm, {"filename": rnd.choice(["a.txt", "sub/c.json"])}, None])
    lines.append("URLS = " + repr([[n, kw] for n, kw, _ in urls]))
    lines += [
        "@app.get('/zu8/<n:int>')",
        "async def zu8(request, n):",
        "    name, kw = URLS[n]",
        "    try:",
        "        return _t(request.app.url_for(name, **kw))",
        "    except Exception as exc:",
        "        return _t('ERR ' + type(exc).__name__)",
    ]
    if rnd.random() < 0.3:  # a second kind of app handler beside the first
        lines.append(f"app.error_handler.add({rnd.choice(['Exception', 'E8b', 'SanicException'])}, _h('app2'))")
    if group is not None:
        rest = [j for j in range(nbp) if j not in grouped]
        tops = ["outer" if group.get("outer") else "grp"] + [f"b{j}" for j in rest]
    else:
        tops = [f"b{j}" for j in range(nbp)]
    for top in tops:  # options given at registration, sometimes
        reg = _level(rnd, 0.5) if rnd.random() < 0.25 else {}
        lines.append(f"app.blueprint({top}{_kwargs(reg)})")
        if reg:
            for lv in (app_levels(top, bps, group)):
                lv["reg"] = reg
    return {"source": "\n".join(lines) + "\n", "routes": routes, "bps": bps, "group": group,
            "app_strict": app_strict, "statics": statics, "urls": urls}


def app_levels(top: str, bps: list[dict[str, Any]], group: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The blueprints a registration of ``top`` reaches (its options noted on each)."""
    if top.startswith("b"):
        return [bps[int(top[1:])]]
    return [bps[j] for j in group["members"]] if group else []


def _prefix(app: dict[str, Any], route: dict[str, Any], rnd: random.Random) -> str:
    """The path before the route's own: version, then the url_prefixes (a guess at the rules;
    a wrong guess is a near miss for both servers)."""
    levels = [route]
    if route["owner"] != "app":
        j = int(route["owner"][1:])
        bp = app["bps"][j]
        levels.append({**bp, **{k: v for k, v in bp.get("reg", {}).items() if v is not None}})
        group = app["group"]
        if group is not None and j in group["members"]:
            levels.append(group)
            if group.get("outer"):
                levels.append(group["outer"])
    version = next((lv["version"] for lv in levels if lv.get("version") is not None), None)
    vp = next((lv["vp"] for lv in levels if lv.get("vp") is not None), "/v")
    prefix = "".join((lv.get("prefix") or "").rstrip("/") for lv in reversed(levels[1:]))
    if version is not None and rnd.random() < 0.9:
        prefix = f"{vp.rstrip('/')}{version}" + prefix
    return prefix


def gen_requests8(app: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 7717 + 8)
    reqs: list[str] = []
    for n in range(len(app["urls"])):  # url_for of each route, followed
        method = "GET"
        r = app["urls"][n][2]
        if r is not None and r["methods"]:
            method = rnd.choice(r["methods"])
        host = "x"  # (the route's host: a URL without one is asked with it)
        if r is not None and r["host"] is not None:
            host = r["host"][0] if isinstance(r["host"], list) else r["host"]
        elif r is not None and r["owner"] != "app" and app["bps"][int(r["owner"][1:])].get("host"):
            host = app["bps"][int(r["owner"][1:])]["host"]
        head = f"GET /zu8/{n} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        reqs.append(head[:-4] + R8_MARK + json.dumps({"method": method, "host": host}))
    for _ in range(count):
        roll = rnd.random()
        method, host, query = "GET", "x", []
        if app["statics"] and roll < 0.15:
            owner, sprefix = rnd.choice(app["statics"])
            if owner == "app":
                prefix = ""
            else:
                prefix = _prefix(app, {"owner": owner, "version": None, "vp": None}, rnd)
            path = prefix + sprefix + rnd.choice(["/a.txt", "/sub/c.json", "/b.html", "/dyn", "/x.txt",
                                                  "/sub/7", "/missing", "/", "", "/sub/", "/a%2Etxt"])
            method = rnd.choice(["GET", "GET", "HEAD", "POST", "OPTIONS"])
            host = rnd.choice(["x", "x"] + HOSTS)
        else:
            route = rnd.choice(app["routes"])
            segs = []
            for kind, text in route["segs"]:
                if kind == "static":
                    segs.append(text)
                elif rnd.random() < 0.2:
                    segs.append(rnd.choice(BAD8[kind]))
                elif route["unquote"] and rnd.random() < 0.5 or rnd.random() < 0.1:
                    segs.append(rnd.choice(ESCAPED[:4] + ESCAPED[5:]))
                else:
                    segs.append(rnd.choice(GOOD8[kind]))
            path = _prefix(app, route, rnd) + "/" + "/".join(segs)
            if route["path"].endswith("/") and not path.endswith("/"):
                path += "/"
            if rnd.random() < 0.2:
                path = path.rstrip("/") if path.endswith("/") else path + "/"
            m = rnd.random()
            methods = route["methods"] or ["GET"]
            if m < 0.55:
                method = rnd.choice(methods)
            elif m < 0.8:
                method = rnd.choice(["HEAD", "OPTIONS"])
            else:
                method = rnd.choice(["GET", "POST", "PUT", "DELETE", "PATCH"])
            hosts = []
            if route["host"] is not None:
                hosts = route["host"] if isinstance(route["host"], list) else [route["host"]]
            bp = app["bps"][int(route["owner"][1:])] if route["owner"] != "app" else {}
            if bp.get("host"):
                hosts.append(bp["host"])
            if hosts and rnd.random() < 0.75:
                host = rnd.choice(hosts)
                if rnd.random() < 0.15:
                    host = rnd.choice([host.upper(), host + ":8000", host + "."])
            elif rnd.random() < 0.3:
                host = rnd.choice(HOSTS)
            if rnd.random() < 0.3:
                query.append(f"raise={rnd.choice(['a', 'b', 'c', 'nf'])}")
            if rnd.random() < 0.15:
                query.append(f"gr={rnd.choice(['a', 'b', 'c', 'nf'])}")
            if rnd.random() < 0.15:
                query.append(f"br={rnd.choice(['a', 'b', 'c', 'nf'])}")
        if query:
            path += "?" + "&".join(query)
        if not path.startswith("/"):
            path = "/" + path
        body = ""
        if method in ("POST", "PUT", "PATCH", "DELETE", "GET") and rnd.random() < 0.3:
            body = rnd.choice(["k=v", "hello body", "x" * 30])
        second = body and rnd.random() < 0.4
        head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{'' if second else 'Connection: close' + chr(13) + chr(10)}"
        if rnd.random() < 0.1:
            head += "Accept: application/json\r\n"
        if body:
            head += f"Content-Length: {len(body)}\r\n"
        raw = head + "\r\n" + body
        if second:  # what the connection does after the body (ignore_body=)
            raw += "GET /zu8/0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        reqs.append(raw)
    return reqs


async def exchange8(port: int, raw: str, timeout: float, exchange: Any) -> dict[str, Any]:
    """Ask ``/zu8/<n>`` for a URL, then request that URL (its host as ``Host``)."""
    first, _, script = raw.partition(R8_MARK)
    opts = json.loads(script)
    answer = await exchange(port, (first + "\r\n\r\n").encode("latin-1"), timeout)
    body = answer.get("body", "")
    if answer.get("status") != 200 or body.startswith("ERR") or not body:
        return answer
    host = opts.get("host", "x")
    target = body
    if "://" in body:
        parts = urlsplit(body)
        host = parts.netloc or "x"
        target = body[len(parts.scheme) + 3 + len(parts.netloc):] or "/"
    target = target.partition("#")[0]
    start = time.monotonic()
    follow = await exchange(port, f"{opts['method']} {target} HTTP/1.1\r\nHost: {host}\r\n"
                                  "Connection: close\r\n\r\n".encode("latin-1"), timeout)
    follow["took"] = time.monotonic() - start
    answer["follow"] = follow
    return answer


def normal8(answer: dict[str, Any], normal: Any) -> dict[str, Any]:
    out = normal(answer)
    if "follow" in answer:
        out["follow"] = normal(answer["follow"])
    if "next" in answer:
        out["next"] = normal(answer["next"])
    return out


# ------------------------------------------------------------------------------ kept

def _target8(req: str, a: dict[str, Any]) -> str:
    """The path a request reached: the URL url_for gave for an R8 request, else its target."""
    if R8_MARK in req:
        body = a.get("body", "")
        if "://" in body:
            body = "/" + body.split("://", 1)[1].partition("/")[2]
        return body.partition("#")[0].partition("?")[0]
    return req.split(" ", 2)[1].partition("?")[0]


def _url_for_percent(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """url_for escapes a '%' in a parameter (`%25`; Sanic leaves it, so its URL means other
    characters; README, "Routing and app composition"); what the URL reaches differs by it."""
    body = _scheme_fixed(a.get("body", ""))
    return (R8_MARK in req and a.get("status") == b.get("status") == 200 and "%" in body
            and body.replace("%", "%25") == b.get("body"))


def _scheme_fixed(body: str) -> str:
    """Sanic's URL with the host it took for the scheme put back to `http` (kept below)."""
    scheme = body.partition("://")[0]
    if "://" in body and scheme != "http" and body.startswith(f"{scheme}://{scheme}:"):
        return "http" + body[len(scheme):]
    return body


def _url_for_non_ascii(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """url_for percent-encodes a parameter's non-ASCII characters (RFC 3986 2.1: a URI is
    ASCII); Sanic writes them raw, a URL its own server refuses (400)."""
    body = a.get("body", "")
    return (R8_MARK in req and a.get("status") == b.get("status") == 200 and not body.isascii()
            and quote(body, safe="".join(map(chr, range(33, 127)))) == b.get("body"))


def _url_for_percent_non_ascii(req: str, a: dict[str, Any], b: dict[str, Any],
                               source: str) -> bool:
    """Both kept url_for escapes at once (a parameter holding '%' and one non-ASCII): '%'
    as `%25`, the rest percent-encoded UTF-8; what the URL reaches differs by it."""
    body = _scheme_fixed(a.get("body", ""))
    return (R8_MARK in req and a.get("status") == b.get("status") == 200 and "%" in body
            and not body.isascii()
            and quote(body.replace("%", "%25"), safe="".join(map(chr, range(33, 127))))
            == b.get("body"))


def _host_case8(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A host route is found for a Host in capitals (RFC 9110 4.2.3, fixed before in "Real
    world apps"); Sanic compares the Host as sent (404). Hurtle's 404 may be the route's
    own (`?raise=nf`: its handler or middleware raises NotFound)."""
    found = re.search(r"\r\nHost: ([^\r]*)\r\n", req)
    host = found[1] if found else ""
    own_404 = re.match(r"\S+ \S*[?&]\w+=nf(&|\s)", req) is not None
    return (host != host.lower() and f"'{host.lower()}'" in source
            and a.get("status") == 404 and (b.get("status") != 404 or own_404))


def _bp_static_host8(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A blueprint's host applies to its static routes (kept in the first round); Sanic
    serves them on every host."""
    hosted = re.findall(r"^(b\d+) = Blueprint\([^\n]*host=", source, re.M)
    return "/bs/" in _target8(req, a) + "/" and any(f"{bp}.static(" in source for bp in hosted)


def _static_dir8(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A static folder asked for a directory without an index: Hurtle 404 (Sanic: 500 for
    GET, an empty 200 application/octet-stream for HEAD; kept in the first round)."""
    path = _target8(req, a).rstrip("/")
    if not (path.endswith(("/s8", "/s8/sub", "/bs", "/bs/sub")) and b.get("status") == 404):
        return False
    if req.startswith("HEAD "):
        return a.get("status") == 200 and a.get("content-type") == "application/octet-stream"
    return a.get("status") == 500


def _url_for_host_scheme(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """An external url_for with a `host:port` server (`_server=`, or a route's host) is
    `http://host:port/...`; Sanic reads the host as the scheme (`s8.test://s8.test:9000/...`,
    all but `localhost` and port 80: a URL for no server)."""
    body = a.get("body", "")
    scheme = body.partition("://")[0]
    return (R8_MARK in req and a.get("status") == b.get("status") == 200 and "://" in body
            and body.startswith(f"{scheme}://{scheme}:") and b.get("body") == "http" + body[len(scheme):])


def _invalid_host(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A Host value that is no `host[:port]` (`d8.test:8000:8000`, `d8.test:8000.`): 400
    (RFC 9112 3.2 MUST; listed in the RFC checklist); Sanic serves it."""
    return b.get("status") == 400 and "Invalid Host header" in b.get("body", "") + req \
        or (req.startswith("HEAD ") and b.get("status") == 400
            and re.search(r"\r\nHost: [^\r:]*:\d*[^\d\r]", req) is not None)


def _path_route_cast8(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Parameters of a route with a `path` parameter are cast to their types (kept in the
    first round); sanic-routing leaves them strings."""
    def untyped(answer: dict[str, Any]) -> str:
        return re.sub(r'\["(int|float|str)",', '["T",', answer.get("body", ""))
    return (a.get("status") == b.get("status") == 200 and ":path>" in source
            and untyped(a) == untyped(b))


def _server_settles_ambiguous(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """url_for(..., _external=True, _server=...) of a route on a host list builds the URL on
    that server; Sanic raises `Host is ambiguous` first (listed under app composition)."""
    return (R8_MARK in req and a.get("body") == "ERR ValueError" and b.get("status") == 200
            and "'_server'" in source and "host=[" in source)


def _group_not_strict8(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A group's strict_slashes=False applies to its blueprints' routes (kept in the first
    round; Sanic ignores it): a `x/` route answers `x` too, its uri and url_for have no
    trailing slash, and Sanic's 404 for `x` is an answer (or the group middleware's)."""
    if re.search(r"^(grp|outer) = Blueprint\.group\([^\n]*strict_slashes=False", source, re.M) is None:
        return False

    def slashless(answer: dict[str, Any]) -> str:
        out = {k: v for k, v in answer.items() if k != "content-length"}
        if "follow" in out:
            out["follow"] = {k: v for k, v in out["follow"].items() if k != "content-length"}
        return re.sub(r'/(?=\\?["?#]|$)', "", json.dumps(out, sort_keys=True))
    return slashless(a) == slashless(b) or a.get("status") == 404


KEPT8: list[tuple[str, Any]] = [
    ("url_for's _server settles a route's host list (Sanic: 'Host is ambiguous')",
     _server_settles_ambiguous),
    ("url_for with a host:port server is http://host:port (Sanic: the host as the scheme)",
     _url_for_host_scheme),
    ("an invalid Host value is a 400 (RFC 9112 3.2; Sanic serves it)", _invalid_host),
    ("parameters of a route with a path parameter are cast (sanic-routing leaves strings)",
     _path_route_cast8),
    ("app.static on a directory: 404 without an index (Sanic 500), HEAD as GET (Sanic an empty 200)",
     _static_dir8),
    ("a group's strict_slashes=False applies (Sanic ignores it)", _group_not_strict8),
    ("url_for escapes '%' in a parameter (Sanic: left as it is, another URL)", _url_for_percent),
    ("a blueprint's host applies to its static routes (Sanic: every host)", _bp_static_host8),
    ("url_for percent-encodes non-ASCII characters (RFC 3986 2.1; Sanic: raw, its own 400)",
     _url_for_non_ascii),
    ("url_for escapes '%' and percent-encodes non-ASCII characters in one URL (both above)",
     _url_for_percent_non_ascii),
    ("a host route matches a Host in capitals (RFC 9110 4.2.3; Sanic: 404)", _host_case8),
]


def kept_label8(req: str, a: dict[str, Any], b: dict[str, Any], source: str,
                kept_label: Any) -> str | None:
    """The kept cause of a difference (README, "Random apps, eighth round"), this round's or
    the first round's (``kept_label``), or None."""
    if "next" in a and "next" in b and a["next"] != b["next"] \
            and {k: v for k, v in a.items() if k != "next"} == {k: v for k, v in b.items() if k != "next"}:
        # only the answer after the body differs: that of `/zu8/0` (url_for's URL)
        return kept_label8("GET /zu8/0 HTTP/1.1" + R8_MARK + '{"method": "GET"}', a["next"], b["next"],
                           source, kept_label)
    for label, applies in KEPT8:
        if applies(req, a, b, source):
            return label
    if R8_MARK not in req:
        return kept_label(req, a, b, source)
    if a.get("status") == b.get("status") == 200 and a.get("body") == b.get("body") \
            and "follow" in a and "follow" in b:  # the same URL, reaching other answers
        method = json.loads(req.partition(R8_MARK)[2])["method"]
        follow = f"{method} {_target8(req, a)} HTTP/1.1\r\nHost: x\r\n\r\n"
        return kept_label8(follow, a["follow"], b["follow"], source, kept_label)
    return None


APP_KEPT8: list[tuple[str, Any]] = [
    ("both refuse a blueprint's duplicate exception handler (its own and its group's), naming "
     "another of its routes (Hurtle: the first by name)",
     lambda ea, eb, source: ea.split(": route=")[0] == eb.split(": route=")[0]
     and "Duplicate exception handler definition" in ea
     and ea.split(" and exception=")[1:] == eb.split(" and exception=")[1:]),
]


def kept_app_label8(ea: str, eb: str, source: str) -> str | None:
    for label, applies in APP_KEPT8:
        if applies(ea, eb, source):
            return label
    return None
