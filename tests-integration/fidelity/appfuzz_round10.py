"""Tenth-round apps for ``appfuzz.py --round10`` (README, "Random apps, tenth round").

What handlers read of the request, across odd inputs, with apps of their own (a seed's
earlier-round app is unchanged without the switch). ``gen_app10`` writes an app whose routes
(on the app and on a blueprint, some with typed parameters and names) each read a random
set of the request's parts and answer them as JSON, one field per probe (a probe that raises
answers ``!ClassName``): ``args``/``query_args`` and ``get_args``/``get_query_args`` with
``keep_blank_values``, ``strict_parsing``, ``encoding`` and ``errors``; ``form``/``files``/
``get_form``; ``json`` and ``load_json`` with custom ``loads``; ``cookies``/``get_cookies``;
``content_type``, ``token``, ``credentials``, ``accept``; ``match_info``, ``route.name``,
``uri_template``, ``endpoint``, ``name`` and ``url_for`` of the app's routes with odd
arguments; ``remote_addr``, ``forwarded``, ``scheme``, ``host`` and ``url`` under a random
proxy configuration (``PROXIES_COUNT``, ``REAL_IP_HEADER``, ``FORWARDED_SECRET``). Some
routes read one part unguarded, so its error page is compared too.

``gen_requests10`` sends odd query strings (blank values, repeats, bad and non-UTF-8
percent escapes, ``;``, ``+``), bodies (urlencoded with repeats and blanks, multipart with
quoted boundaries, preambles, ``filename*``, parts without a name or type, a missing last
boundary; JSON good and bad), cookies, ``Authorization`` values, ``Accept`` values and proxy
fields.
"""

from __future__ import annotations

import json as _json
import random
import re
from typing import Any

HEADER = '''\
import functools, json as _json
from sanic import Sanic, Blueprint
from sanic.response import json, text
from sanic import exceptions as E

def _norm(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, bytes):
        return 'b:' + v.decode('latin-1')
    if isinstance(v, dict):
        return [[str(k), _norm(x)] for k, x in v.items()]
    if isinstance(v, (list, tuple)):
        return [_norm(x) for x in v]
    return type(v).__name__ + ':' + str(v)

def _p(fn):
    try:
        return _norm(fn())
    except Exception as exc:
        return '!' + type(exc).__name__ + ': ' + str(exc)[:160]

def _loads_keys(s):
    return {{'keys': sorted(_json.loads(s))}}

def _loads_raw(s):
    return {{'raw': s if isinstance(s, str) else 'b:' + s.decode('latin-1')}}

_loads_float = functools.partial(_json.loads, parse_float=str)

app = Sanic({name!r}{ctor})
{config}
bp = Blueprint('bp10', url_prefix='/r10b')
'''

# name -> expression over the request `r` (and the app's route names in `N`)
PROBES = {
    "args": "r.args",
    "args_get": "r.args.get('a')",
    "args_getlist": "r.args.getlist('a')",
    "args_get_dflt": "r.args.get('zz', 'dflt')",
    "qargs": "r.query_args",
    "ga_blank": "r.get_args(keep_blank_values=True)",
    "ga_strict": "r.get_args(strict_parsing=True)",
    "ga_both": "r.get_args(keep_blank_values=True, strict_parsing=True)",
    "ga_latin": "r.get_args(encoding='latin-1')",
    "ga_errstrict": "r.get_args(errors='strict')",
    "ga_ignore": "r.get_args(errors='ignore', keep_blank_values=True)",
    "gqa_blank": "r.get_query_args(keep_blank_values=True)",
    "gqa_strict": "r.get_query_args(strict_parsing=True)",
    "gqa_latin": "r.get_query_args(encoding='latin-1', keep_blank_values=True)",
    "gqa_errstrict": "r.get_query_args(errors='strict')",
    "args_then": "[r.get_args(keep_blank_values=True), r.args, r.get_args()]",
    "qs": "r.query_string",
    "path": "r.path",
    "raw_url": "r.raw_url",
    "url": "r.url",
    "form": "r.form",
    "form_get": "r.form.get('f')",
    "form_getlist": "r.form.getlist('f')",
    "get_form": "r.get_form(keep_blank_values=True)",
    "form_then": "[r.get_form(keep_blank_values=True), r.form]",
    "files": "r.files",
    "files_get": "r.files.get('u')",
    "files_getlist": "r.files.getlist('u')",
    "json": "r.json",
    "lj_keys": "r.load_json(loads=_loads_keys)",
    "lj_raw": "r.load_json(loads=_loads_raw)",
    "lj_float": "r.load_json(loads=_loads_float)",
    "lj_then": "[r.load_json(loads=_loads_raw), r.json]",
    "body": "r.body",
    "cookies": "r.cookies",
    "cookie_get": "r.cookies.get('c')",
    "cookie_getlist": "r.cookies.getlist('c')",
    "get_cookies": "r.get_cookies()",
    "ctype": "r.content_type",
    "token": "r.token",
    "cred": "None if r.credentials is None else [r.credentials.auth_type, r.credentials.token,"
            " r.credentials.username, r.credentials.password]",
    "accept": "[str(m) for m in r.accept]",
    "accept_match": "str(r.accept.match('application/json', 'text/html'))",
    "match_info": "r.match_info",
    "route_name": "r.route.name",
    "ut": "r.uri_template",
    "endpoint": "r.endpoint",
    "name": "r.name",
    "hdr_getall": "r.headers.getall('x-a')",
    "hdr_get": "r.headers.get('X-A')",
    "host": "r.host",
    "server_name": "r.server_name",
    "scheme": "r.scheme",
    "remote_addr": "r.remote_addr",
    "forwarded": "r.forwarded",
    "safe": "[r.is_safe, r.is_idempotent, r.is_cacheable]",
    "version": "r.version",
    "method": "r.method",
    "ga_badenc": "r.get_args(encoding='no-such-codec')",
    "cookie_dflt": "[r.cookies.get('zz', 'd'), r.cookies.getlist('zz', ['d']), r.cookies.getlist('zz')]",
    "form_dflt": "[r.form.get('zz', 'd'), r.form.getlist('zz', ['d'])]",
    "args_dflt": "[r.args.getlist('zz', ['d']), r.args.getlist('zz')]",
    "route_info": "[r.route.path, r.route.raw_path, r.route.uri, r.route.segments, r.route.parts,"
                  " sorted(r.route.methods), r.route.static, r.route.strict, r.route.unquote,"
                  " r.route.regex, r.route.labels]",
    "route_params": "[[k, v.name, v.label] for k, v in r.route.params.items()]",
    "request_line": "r.request_line",
    "raw_headers": "r.raw_headers",
    "conn": "[r.conn_info.client_ip, r.conn_info.ssl, r.conn_info.client,"
            " type(r.conn_info.server_port).__name__]",
    "id": "r.id if r.headers.get(r.app.config.REQUEST_ID_HEADER) else type(r.id).__name__",
    "server_path": "r.server_path",
    "current": "r.get_current() is r",
    "stream": "r.stream is None",
    "ctx": "type(r.ctx).__name__",
    "args_order": "[r.args, r.get_args(keep_blank_values=True), r.query_args,"
                  " r.get_query_args(keep_blank_values=True), r.get_args(strict_parsing=True)]",
    "form_order": "[r.form, r.get_form(keep_blank_values=True), r.files, r.form]",
    "json_order": "[r.json, r.load_json(loads=_loads_raw), r.json]",
    "cookie_order": "[r.cookies, r.get_cookies(), r.cookies.get('C'), r.cookies.get('__Host-c')]",
}
URL_FOR_KW = [
    "", "n=3", "n='x'", "n=3, q='a b'", "n=3, _anchor='frag'", "n=3, a=['1', '2']",
    "n=3, _external=True", "n=3, _scheme='https', _external=True", "n=3, _method='POST'",
    "n=3, _server='other:9'", "n=3, _external=True, _server='h.test'", "q='é'",
]
UNGUARDED = ["r.json", "r.form", "r.files", "r.args", "r.load_json(loads=_loads_keys)",
             "r.get_args(strict_parsing=True)", "r.token", "r.cookies", "r.url_for('nope')"]
METHODS10 = [["GET"], ["POST"], ["GET", "POST"], ["PUT", "PATCH"], ["POST", "DELETE"]]


def gen_app10(seed: int, static_dir: str = "") -> dict[str, Any]:
    """One app of the tenth round, its source and what the requests need."""
    rnd = random.Random(seed * 10007 + 10)
    ctor = ""
    if rnd.random() < 0.25:
        ctor = ", loads=" + rnd.choice(["_loads_keys", "_loads_float", "_loads_raw"])
    config = []
    proxy = rnd.choice(["none", "none", "count", "realip", "secret", "both"])
    if proxy in ("count", "both"):
        config.append(f"app.config.PROXIES_COUNT = {rnd.choice([0, 1, 2, -1])}")
    if proxy in ("realip", "both"):
        config.append("app.config.REAL_IP_HEADER = 'x-real-ip'")
    if proxy in ("secret", "both"):
        config.append("app.config.FORWARDED_SECRET = 'sekrit'")
    if rnd.random() < 0.2:
        config.append(f"app.config.FORWARDED_FOR_HEADER = {rnd.choice(['x-forwarded-for', 'x-ff'])!r}")
    if rnd.random() < 0.3:
        config.append(f"app.config.FALLBACK_ERROR_FORMAT = {rnd.choice(['text', 'json', 'html', 'auto'])!r}")
    if rnd.random() < 0.15:
        config.append(f"app.config.REQUEST_MAX_SIZE = {rnd.choice([60, 120, 200])}")
    if rnd.random() < 0.15:
        config.append("app.config.KEEP_ALIVE = False")
    if rnd.random() < 0.2:
        config.append("app.config.REQUEST_ID_HEADER = 'x-rid'")
    if rnd.random() < 0.15:
        config.append("app.config.SERVER_NAME = " + rnd.choice(["'srv.test'", "'https://srv.test:8443'"]))
    routes: list[dict[str, Any]] = []
    lines: list[str] = []
    for i in range(rnd.randint(3, 7)):
        owner = "bp" if rnd.random() < 0.35 else "app"
        param = rnd.choice([None, None, "int", "str", "path"])
        uri = f"/a{i}" + (f"/<n:{param}>" if param else "")
        methods = rnd.choice(METHODS10)
        name = f"rt{i}" if rnd.random() < 0.5 else None
        probes = rnd.sample(sorted(PROBES), rnd.randint(4, 12))
        if rnd.random() < 0.4:
            probes.append("url_for")
        routes.append({"i": i, "owner": owner, "param": param, "methods": methods,
                       "name": name, "probes": probes})
        extra = f", name={name!r}" if name else ""
        if rnd.random() < 0.2:
            extra += f", error_format={rnd.choice(['text', 'json', 'html'])!r}"
        deco = f"@{owner}.route({uri!r}, methods={methods!r}{extra})"
        lines.append(deco)
        lines.append(f"async def h{i}(request" + (", n" if param else "") + "):")
        lines.append("    r = request")
        if rnd.random() < 0.25:
            lines.append(f"    first = {rnd.choice(UNGUARDED)}")
        lines.append("    out = {}")
        for p in probes:
            if p == "url_for":
                target = rnd.choice(["h0", "rt0", "bp10.h1", "bp10.rt1", "h2", "nope", "static"])
                expr = f"r.url_for({target!r}" + (", " + kw if (kw := rnd.choice(URL_FOR_KW)) else "") + ")"
            else:
                expr = PROBES[p]
            lines.append(f"    out[{p!r}] = _p(lambda: {expr})")
        lines.append("    return json(out)")
    streams = []
    for i in range(rnd.randint(0, 3)):
        streams.append(i)
        lines += [f"@app.route('/s{i}', methods=['GET', 'POST'])", f"async def s{i}(request):"]
        lines += ["    " + line for line in _stream_body(rnd)]
    lines.append("app.blueprint(bp)")
    src = HEADER.format(name=f"AppFuzz10_{seed}", ctor=ctor, config="\n".join(config)) + "\n".join(lines) + "\n"
    return {"source": src, "routes": routes, "proxy": proxy, "streams": streams,
            "keep_alive": "KEEP_ALIVE = False" not in src}


STREAM_OPS = ["send_s", "send_b", "send_e", "send_end", "eof", "hdr", "status", "raise",
              "cookie", "respond2", "ctype", "send_int", "send_after"]


def _stream_body(rnd: random.Random) -> list[str]:
    """A handler body: `request.respond()`, then an odd sequence of sends, eofs and changes."""
    kw = []
    if rnd.random() < 0.15:
        kw.append("response=text('pre', status=202, headers={'x-10p': 'p'})")
    else:
        if rnd.random() < 0.4:
            kw.append(f"status={rnd.choice([200, 201, 204, 404, 500])}")
        if rnd.random() < 0.4:
            kw.append("headers={'x-10a': 'a'}")
        if rnd.random() < 0.4:
            kw.append(f"content_type={rnd.choice(['text/csv', 'application/json', 'x/y; a=b'])!r}")
    out = [f"resp = await request.respond({', '.join(kw)})"]
    for _ in range(rnd.randint(1, 5)):
        op = rnd.choice(STREAM_OPS)
        if op == "send_s":
            out.append("await resp.send('s1;')")
        elif op == "send_b":
            out.append("await resp.send(b'b2;')")
        elif op == "send_e":
            out.append("await resp.send(" + rnd.choice(["b''", "''", "None"]) + ")")
        elif op == "send_end":
            out.append("await resp.send('end;', end_stream=True)")
        elif op == "eof":
            out.append("await resp.eof()")
        elif op == "send_int":
            out.append("if request.args.get('boom'): await resp.send(5)")
        elif op == "send_after":
            out.append("await resp.eof()")
            out.append("await resp.send('late;')")
        elif op == "hdr":
            out.append("resp.headers['x-10late'] = 'late'")
        elif op == "status":
            out.append("resp.status = 203")
        elif op == "raise":
            exc = rnd.choice(["E.ServerError('mid')", "ValueError('mid')", "E.BadRequest('mid')"])
            out.append(f"if request.args.get('boom'): raise {exc}")
        elif op == "cookie":
            out.append("resp.add_cookie('k10', 'v')")
        elif op == "respond2":
            out.append("resp = await request.respond(headers={'x-10b': 'b'})")
        else:
            out.append("resp.content_type = 'text/x-late'")
    out.append(rnd.choice(["return resp", "return None", "return text('after')", "pass"]))
    return out


QUERY_PARTS = ["a=1", "a=2", "a=", "a", "=x", "b=x+y", "b=%20", "a=%ZZ", "a=%ff", "a=%C3%A9",
               "a=%e9", "a=1;b=2", "&", "c=a%3Db", "a=é", "zz=", "a=%", "%61=3", "a=1=2"]


def _query(rnd: random.Random) -> str:
    if rnd.random() < 0.15:
        return ""
    return "&".join(rnd.choice(QUERY_PARTS) for _ in range(rnd.randint(1, 4)))


def _multipart(rnd: random.Random) -> tuple[str, str]:
    """(content-type, body) of an odd multipart body."""
    b = rnd.choice(["XyZ10", "a-b_c", "----weird=b"])
    nl = "\n" if rnd.random() < 0.1 else "\r\n"
    parts = []
    for _ in range(rnd.randint(1, 3)):
        kind = rnd.choice(["field", "field", "file", "file", "noname", "fnstar", "charset",
                           "empty", "upper"])
        if kind == "field":
            parts.append(f'Content-Disposition: form-data; name="f"{nl}{nl}' + rnd.choice(["v1", "", "é", "a b"]))
        elif kind == "file":
            ctype = rnd.choice(["", f"Content-Type: text/plain{nl}", f"Content-Type: image/png{nl}"])
            parts.append('Content-Disposition: form-data; name="u"; filename="'
                         + rnd.choice(["a.txt", "", "x y.bin", "é.txt", "dir/b.txt"]) + f'"{nl}{ctype}{nl}data')
        elif kind == "noname":
            parts.append(f"Content-Disposition: form-data{nl}{nl}orphan")
        elif kind == "fnstar":
            parts.append(f"Content-Disposition: form-data; name=\"u\"; filename*=UTF-8''%C3%A9t%C3%A9.txt"
                         f"{nl}Content-Type: text/plain{nl}{nl}star")
        elif kind == "charset":
            parts.append(f'Content-Disposition: form-data; name="f"{nl}'
                         f"Content-Type: text/plain; charset=latin-1{nl}{nl}cs")
        elif kind == "empty":
            parts.append(f'Content-Disposition: form-data; name="u"; filename="e.txt"{nl}{nl}')
        else:
            parts.append(f'CONTENT-DISPOSITION: FORM-DATA; NAME="f"{nl}{nl}up')
    body = "".join(f"--{b}{nl}{p}{nl}" for p in parts)
    if rnd.random() < 0.85:
        body += f"--{b}--{nl}"
    if rnd.random() < 0.15:
        body = "preamble" + nl + body + "epilogue"
    ctype = rnd.choice([f"multipart/form-data; boundary={b}", f'multipart/form-data; boundary="{b}"',
                        f"Multipart/Form-Data; BOUNDARY={b}", "multipart/form-data"])
    if "=" in b and "BOUNDARY" not in ctype and '"' not in ctype and rnd.random() < 0.5:
        ctype = f'multipart/form-data; boundary="{b}"'
    return ctype, body


def _body(rnd: random.Random) -> tuple[str | None, str]:
    kind = rnd.choice(["form", "form", "multi", "multi", "multi", "json", "json", "raw", "none",
                       "mismatch", "mismatch"])
    if kind == "form":
        ctype = rnd.choice(["application/x-www-form-urlencoded",
                            "application/x-www-form-urlencoded; charset=utf-8",
                            "Application/X-WWW-Form-Urlencoded", None])
        return ctype, "&".join(rnd.choice(["f=1", "f=2", "f=", "f", "f=a+b", "f=%C3%A9", "f=%zz", "g=x", "f=é"])
                               for _ in range(rnd.randint(1, 3)))
    if kind == "multi":
        return _multipart(rnd)
    if kind == "json":
        ctype = rnd.choice(["application/json", "application/json; charset=utf-8", "text/plain", None,
                            "application/problem+json"])
        return ctype, rnd.choice(['{"a": 1, "b": [1.5, 2]}', "[1, 2]", '"s"', "{bad", "", "null",
                                  '{"é": "ü"}', "1e400", "NaN", '{"a": 1} x'])
    if kind == "mismatch":
        return rnd.choice([("multipart/form-data; boundary=XyZ10", "f=1&g=2"),
                           ("application/x-www-form-urlencoded", '{"a": 1}'),
                           ("application/json", "f=1"),
                           ("application/x-www-form-urlencoded", "--XyZ10\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--XyZ10--\r\n"),
                           ("multipart/mixed; boundary=XyZ10", "--XyZ10\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--XyZ10--\r\n"),
                           ("multipart/form-data; boundary=", "--\r\n\r\n"),
                           ("application/x-www-form-urlencoded; charset=latin-1", "f=%E9")])
    if kind == "raw":
        return rnd.choice(["text/plain", "application/octet-stream", "weird", ""]), "raw body"
    return None, ""


def gen_requests10(app: dict[str, Any], seed: int, count: int) -> list[str]:
    """Raw requests at the app's routes with odd queries, bodies and fields."""
    rnd = random.Random(seed * 10009 + 10)
    reqs = []
    for _ in range(count):
        if app["streams"] and rnd.random() < 0.25:
            method = rnd.choice(["GET", "GET", "POST", "HEAD"])
            target = f"/s{rnd.choice(app['streams'])}" + rnd.choice(["", "?boom=1"])
            reqs.append(f"{method} {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            continue
        r = rnd.choice(app["routes"])
        path = ("/r10b" if r["owner"] == "bp" else "") + f"/a{r['i']}"
        if r["param"]:
            path += "/" + rnd.choice(["7", "x", "a%20b", "a/b", "%C3%A9"] if r["param"] != "int" else ["7", "-1"])
        method = rnd.choice(r["methods"])
        q = _query(rnd)
        target = path + ("?" + q if q else "")
        close = "Connection: close\r\n" if app["keep_alive"] or rnd.random() < 0.5 else ""
        head = f"{method} {target} HTTP/1.1\r\nHost: {rnd.choice(['x', 'h.test:81', 'EXAMPLE.com'])}\r\n{close}"
        if rnd.random() < 0.4:
            head += "Cookie: " + rnd.choice(["c=1", "c=1; c=2", 'c="q v"', "c=", "c=1;d=2", "c", "c=\\073x",
                                             "__Host-c=h; c=z", "C=up", "c=é", "c=a=b"]) + "\r\n"
        if rnd.random() < 0.35:
            head += "Authorization: " + rnd.choice(["Bearer tok", "Token abc", "Basic dXNlcjpwdw==",
                                                    "Basic bad!", "tokenonly", "Bearer", "Basic dXNlcg==",
                                                    "Digest x=1"]) + "\r\n"
        if rnd.random() < 0.3:
            head += "Accept: " + rnd.choice(["application/json", "text/html;q=0.5, application/json",
                                             "*/*", "text/*", "application/json;q=0", "bogus",
                                             "text/html, application/json;q=0.9"]) + "\r\n"
        if rnd.random() < 0.15:
            head += rnd.choice(["X-Request-ID", "X-RID"]) + ": " + rnd.choice(
                ["abc", "12", "0b4c6a1e-0b5c-4f6e-9c43-1d2a3b4c5d6e", ""]) + "\r\n"
        if rnd.random() < 0.2:
            head += "X-A: 1\r\n" + rnd.choice(["", "x-a: 2\r\n"])
        if app["proxy"] != "none" or rnd.random() < 0.2:
            if rnd.random() < 0.5:
                head += "X-Forwarded-For: " + rnd.choice(["1.2.3.4", "1.2.3.4, 5.6.7.8", "bad ip", "::1"]) + "\r\n"
            if rnd.random() < 0.3:
                head += "X-Real-IP: " + rnd.choice(["9.9.9.9", "nope"]) + "\r\n"
            if rnd.random() < 0.4:
                head += "Forwarded: " + rnd.choice([
                    "for=1.1.1.1;secret=sekrit;proto=https;host=f.test",
                    "for=1.1.1.1;secret=wrong", 'for="[::1]:80";by=_hidden;secret=sekrit',
                    "for=2.2.2.2, for=3.3.3.3;secret=sekrit;path=/p%20q"]) + "\r\n"
            if rnd.random() < 0.3:
                head += "X-Forwarded-Proto: https\r\nX-Forwarded-Host: fh.test\r\n"
            if rnd.random() < 0.2:
                head += "X-Scheme: wss\r\n"
        body = ""
        if method in ("POST", "PUT", "PATCH", "DELETE") or rnd.random() < 0.1:
            ctype, body = _body(rnd)
            if ctype is not None:
                head += f"Content-Type: {ctype}\r\n"
            if body:
                head += f"Content-Length: {len(body.encode('utf-8'))}\r\n"
        elif rnd.random() < 0.1:
            head += "Content-Type: " + rnd.choice(["text/plain", "application/json", ""]) + "\r\n"
        reqs.append(head + "\r\n" + body)
    return reqs


def normal10(answer: dict[str, Any], normal: Any) -> dict[str, Any]:
    """The first round's fields, a JSON answer split into one field per probe."""
    out = normal(answer)
    for name, value in (answer.get("headers") or {}).items():
        if name.startswith("x-10") or name in ("set-cookie", "transfer-encoding", "connection"):
            out[name] = value
    return split_probes(out, "{")


def split_probes(out: dict[str, Any], start: str) -> dict[str, Any]:
    """A 200 JSON body starting with ``start`` split into one ``p:`` field per key (the
    tenth and eleventh rounds')."""
    body = out.get("body")
    if out.get("status") == 200 and isinstance(body, str) and body.startswith(start):
        try:
            probes = _json.loads(body)
        except ValueError:
            return out
        del out["body"]
        out.pop("content-length", None)
        for k, v in probes.items():
            out["p:" + k] = v
    return out


# ------------------------------------------------------------------------------ kept

def _accept(req: str) -> str:
    for line in req.split("\r\n\r\n", 1)[0].split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "accept":
            return value.strip()
    return ""


def _differing(a: dict[str, Any], b: dict[str, Any]) -> set[str]:
    return {k for k in set(a) | set(b) if a.get(k) != b.get(k)}


def _accept_q0(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A `q=0` range never matches (RFC 9110 12.4.2; README, first round's `parse_accept`):
    Sanic's `accept.match()` and its error-page choice take `application/json;q=0`."""
    if not any(r.strip().endswith(";q=0") for r in _accept(req).split(",")):
        return False
    if a.get("status") != b.get("status"):
        return False
    return _differing(a, b) <= {"content-type", "body", "content-length", "p:accept_match"}


def _bad_accept_500(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A malformed `Accept` (a range without `/`, `bogus`) on an error: Sanic answers `500 An
    error occurred while handling an error`; Hurtle the error's own page (README, first round)."""
    accept = _accept(req)
    return (a.get("body") == "An error occurred while handling an error"
            and bool(accept) and any("/" not in r for r in accept.split(","))
            and b.get("status") is not None and b["status"] >= 400)


def _ct_none(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A `request.respond()` stream without a type: Sanic sends the literal `content-type:
    None`; Hurtle no field (README, ninth round and before)."""
    return (a.get("content-type") == "None" and "content-type" not in b
            and _differing(a, b) == {"content-type"})


def _form_charset(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """A urlencoded body under `charset=latin-1`: Hurtle decodes it with that charset,
    Sanic as UTF-8 (README, "application/x-www-form-urlencoded; charset=latin-1")."""
    return ("urlencoded; charset=latin-1" in req
            and all(k.startswith(("p:form", "p:get_form")) for k in _differing(a, b)))


_QUALIFIED = re.compile(r"\b(?:sanic|hurtle_app)\.app\.Sanic\.")


def _module_in_typeerror(req: str, a: dict[str, Any], b: dict[str, Any], source: str) -> bool:
    """Python's own `TypeError` for a call (`url_for()` given `_scheme` twice: by
    `request.url_for` and by the caller) names the method with its class's module:
    `sanic.app.Sanic.url_for()` there, `hurtle_app.app.Sanic.url_for()` here."""
    keys = _differing(a, b)
    return bool(keys) and all(
        isinstance(a.get(k), str) and isinstance(b.get(k), str)
        and _QUALIFIED.sub("Sanic.", a[k]) == _QUALIFIED.sub("Sanic.", b[k]) for k in keys)


KEPT10: list[tuple[str, Any]] = [
    ("Python's TypeError names the class's module (hurtle_app.app.Sanic)", _module_in_typeerror),
    ("urlencoded charset=latin-1 read as Latin-1", _form_charset),
    ("content-type: None (Sanic's literal field)", _ct_none),
    ("Accept q=0 range never matches (RFC 9110 12.4.2)", _accept_q0),
    ("malformed Accept on an error: Sanic 500 handling an error", _bad_accept_500),
]


def kept_label10(req: str, a: dict[str, Any], b: dict[str, Any], source: str,
                 kept_label: Any) -> str | None:
    """The kept cause of one difference, or None."""
    for label, test in KEPT10:
        if test(req, a, b, source):
            return label
    # Several kept causes at once: each differing field explained by one of them alone.
    found = []
    for key in sorted(_differing(a, b)):
        one = dict(b)
        if key in a:
            one[key] = a[key]
        else:
            one.pop(key, None)
        label = next((lbl for lbl, test in KEPT10 if test(req, one, b, source)), None)
        if label is None:
            found = []
            break
        if label not in found:
            found.append(label)
    if found:
        return " + ".join(found)
    if any(k.startswith("p:") for k in _differing(a, b)):
        return None  # (the earlier rounds' labels are about other apps' answers)
    return kept_label(req, a, b, source)


def kept_app_label10(ea: str, eb: str, source: str) -> str | None:
    return None
