"""Fifth-round additions to ``appfuzz.py``'s random apps (README, "Random apps, fifth round").

This round is about what the app is built with rather than its routes, and it only runs
with ``--round5`` (so the earlier rounds' apps and requests for a seed stay the same
without it). ``rewrite_app5`` replaces the first round's ``Sanic(...)`` call with one
drawn from its own ``random.Random``: ``request_class=`` a ``Request`` subclass (its own
properties, ``make_context``, ``generate_id``, an ``__init__`` that records something),
``strict_slashes=``, and config values set before start (right after the constructor or at
the end of the module): ``REAL_IP_HEADER``, ``PROXIES_COUNT``, ``FORWARDED_SECRET``,
``FORWARDED_FOR_HEADER``, ``FALLBACK_ERROR_FORMAT``, a small ``REQUEST_MAX_SIZE``,
``REQUEST_MAX_HEADER_SIZE``, ``KEEP_ALIVE = False``, ``NOISY_EXCEPTIONS``, ``SERVER_NAME``,
``REQUEST_ID_HEADER``. It adds app routes on ``/r5`` echoing ``request.ip``,
``remote_addr``, ``forwarded``, ``scheme``, ``host``, ``server_name``/``server_port``,
``url``, ``id``, ``url_for(..., _external=True)`` and the subclass's properties, a POST
route echoing the body's length, one raising, and a response middleware naming the
request's class (``x-r5cls``, on every path, error pages included).

``gen_extra_requests5`` writes requests with matching and non-matching proxy headers
(``X-Forwarded-For``, the configured real-IP and forwarded-for headers, ``Forwarded``
with and without the secret, ``X-Forwarded-Proto/Host/Port/Path``, ``X-Scheme``), request
id headers (a UUID, an int, text), bodies and heads around the configured limits
(``Content-Length`` and chunked), and a second request on the connection (``KEEP_ALIVE``).
"""

from __future__ import annotations

import random
import re
from typing import Any

PREFIX = "/r5"
EXTRA_HEADERS = ("connection", "x-r5cls", "x-request-id")

REAL_IP = ["X-Real-IP", "X-Client-IP", "CF-Connecting-IP"]
FWD_FOR = ["X-Forwarded-For", "X-Original-For", "X-Fwd"]
SECRETS = ["s3cret", "Pass_7"]
ID_HEADERS = ["X-Request-ID", "X-Trace", "Request-Id"]


def rewrite_app5(source: str, seed: int) -> tuple[str, dict[str, Any]]:
    """The app's source with the round-5 constructor, config and routes; a description."""
    rnd = random.Random(seed * 6007 + 5)
    lines = source.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("app = Sanic("))
    m = re.match(r"app = Sanic\('(AppFuzz\d+)'(.*)\)$", lines[at])
    assert m
    name, rest = m.group(1), m.group(2)
    kw = []
    sub = rnd.random() < 0.75
    if sub:
        kw.append("request_class=R5Request")
    strict = None
    if rnd.random() < 0.5:
        strict = rnd.choice([True, False])
        kw.append(f"strict_slashes={strict}")
    elif "strict_slashes" in rest:
        kw.append(rest.lstrip(", "))
    cls = [
        "from sanic import Request as _R5Req",
        "from sanic.response import json as _r5json, text as _r5text",
        "from types import SimpleNamespace as _R5NS",
        "def _r5try(fn):",
        "    try:",
        "        return fn()",
        "    except Exception as exc:",
        "        return type(exc).__name__ + ': ' + str(exc)",
        "class R5Ctx(_R5NS):",
        "    pass",
        "class R5Request(_R5Req):",
        "    @property",
        "    def r5who(self):",
        "        return self.method + ' ' + self.path",
        "    @property",
        "    def r5client(self):",
        "        return (self.ip, self.remote_addr or '-')",
    ]
    if rnd.random() < 0.5:
        cls += ["    @staticmethod",
                "    def make_context():",
                "        return R5Ctx(made='r5')"]
    if rnd.random() < 0.4:
        cls += ["    @classmethod",
                "    def generate_id(cls, *args):",
                f"        return {rnd.choice(['gen-id', '42', '00000000-0000-0000-0000-0000000000aa'])!r}"]
    if rnd.random() < 0.4:
        cls += ["    def __init__(self, *args, **kwargs):",
                "        super().__init__(*args, **kwargs)",
                "        self.r5init = len(args) + len(kwargs) > 0"]
    config: dict[str, Any] = {}
    if rnd.random() < 0.5:
        config["PROXIES_COUNT"] = rnd.choice([0, 1, 1, 2])
    if rnd.random() < 0.4:
        config["REAL_IP_HEADER"] = rnd.choice(REAL_IP)
    if rnd.random() < 0.4:
        config["FORWARDED_SECRET"] = rnd.choice(SECRETS)
    if rnd.random() < 0.3:
        config["FORWARDED_FOR_HEADER"] = rnd.choice(FWD_FOR)
    if rnd.random() < 0.3:
        config["FALLBACK_ERROR_FORMAT"] = rnd.choice(["json", "html", "text", "auto"])
    if rnd.random() < 0.4:
        config["REQUEST_MAX_SIZE"] = rnd.choice([64, 200, 1000, 1000])
    if rnd.random() < 0.3:
        config["REQUEST_MAX_HEADER_SIZE"] = rnd.choice([300, 600, 2000])
    if rnd.random() < 0.4:
        config["KEEP_ALIVE"] = False
    if rnd.random() < 0.3:
        config["NOISY_EXCEPTIONS"] = rnd.choice([True, False])
    if rnd.random() < 0.35:
        config["SERVER_NAME"] = rnd.choice(["r5.example", "https://r5.example:8443", "r5.example/sub",
                                            "http://r5.example/"])
    if rnd.random() < 0.4:
        config["REQUEST_ID_HEADER"] = rnd.choice(ID_HEADERS)
    early = rnd.random() < 0.5
    conf_lines = [f"app.config.{k} = {v!r}" for k, v in config.items()]
    # more constructor arguments (drawn last, so the draws above keep their values)
    cls += ["import json as _r5j",
            "def _r5dumps(obj, **kw):",
            "    return '{\"dumped\":' + _r5j.dumps(obj, sort_keys=True, default=str) + '}'",
            "def _r5loads(text, **kw):",
            "    out = _r5j.loads(text)",
            "    return {'loaded': out} if isinstance(out, dict) else out"]
    if rnd.random() < 0.3:
        kw.append("dumps=_r5dumps")
    if rnd.random() < 0.3:
        kw.append("loads=_r5loads")
    if rnd.random() < 0.25:
        kw.append("ctx=R5Ctx(given='yes')")
    new = (lines[:at] + cls
           + [f"app = Sanic({name!r}{''.join(', ' + k for k in kw)})"]
           + (conf_lines if early else []) + lines[at + 1:])
    while new and new[-1] == "":
        new.pop()
    routes = [
        "def _r5info(request):",
        "    return {'ip': request.ip, 'ra': request.remote_addr, 'fw': dict(request.forwarded),",
        "            'scheme': request.scheme, 'host': request.host,",
        "            'sn': _r5try(lambda: request.server_name), 'sp': _r5try(lambda: request.server_port),",
        "            'spath': _r5try(lambda: request.server_path),",
        "            'url': request.url, 'cls': type(request).__name__,",
        "            'idt': type(request.id).__name__,",
        "            'id': str(request.id) if request.headers.get(request.app.config.REQUEST_ID_HEADER)"
        " or (type(request) is R5Request and 'generate_id' in vars(R5Request)) else 'generated',",
        "            'who': getattr(request, 'r5who', None), 'cl': _r5try(lambda: request.r5client),",
        "            'init': getattr(request, 'r5init', None),",
        "            'ctx': type(request.ctx).__name__, 'made': getattr(request.ctx, 'made', None),",
        "            'actx': type(request.app.ctx).__name__, 'given': getattr(request.app.ctx, 'given', None)}",
        "@app.get('/r5/info')",
        "async def _r5h_info(request):",
        "    return _r5json(_r5info(request))",
        "@app.route('/r5/url/<x:int>', methods=['GET', 'POST'])",
        "async def _r5h_url(request, x):",
        "    return _r5json({'ext': _r5try(lambda: request.app.url_for('_r5h_url', x=x + 1, _external=True)),",
        "                    'rq': _r5try(lambda: request.url_for('_r5h_url', x=0)),",
        "                    'plain': _r5try(lambda: request.app.url_for('_r5h_info')),",
        "                    'https': _r5try(lambda: request.app.url_for('_r5h_info', _external=True, _scheme='https')),",
        "                    'url': request.url, 'sn': _r5try(lambda: request.server_name)})",
        "@app.post('/r5/body')",
        "async def _r5h_body(request):",
        "    return _r5text(f'{len(request.body)} {request.headers.get(\"content-length\")} {request.ip}')",
        "@app.post('/r5/json')",
        "async def _r5h_json(request):",
        "    return _r5json({'json': _r5try(lambda: request.json)})",
        "@app.get('/r5/raise')",
        "async def _r5h_raise(request):",
        "    raise ValueError('r5 raised ' + type(request).__name__)",
        "@app.get('/r5/slash/')",
        "async def _r5h_slash(request):",
        "    return _r5text('slash ' + request.path)",
        "@app.on_response",
        "async def _r5mw(request, response):",
        "    response.headers['x-r5cls'] = type(request).__name__ if request is not None else 'None'",
    ]
    new += [] if early else conf_lines
    new += routes
    return "\n".join(new) + "\n", {"config": config, "sub": sub, "strict": strict, "early": early,
                                  "prefix": PREFIX}


def gen_extra_requests5(desc: dict[str, Any], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed * 4003 + 11)
    config = desc["config"]
    limit = config.get("REQUEST_MAX_SIZE", 100_000_000)
    hlimit = config.get("REQUEST_MAX_HEADER_SIZE", 8192)
    reqs = []
    for _ in range(count):
        kind = rnd.choice(["info", "info", "info", "url", "body", "body", "raise", "slash", "big", "json"])
        path = {"info": "/r5/info", "url": f"/r5/url/{rnd.choice([1, 7])}", "body": "/r5/body",
                "raise": "/r5/raise", "slash": rnd.choice(["/r5/slash/", "/r5/slash"]),
                "big": "/r5/info", "json": "/r5/json"}[kind]
        method = "POST" if kind in ("body", "json") else "GET"
        if kind == "url" and rnd.random() < 0.3:
            method = "POST"
        head = [f"{method} {path} HTTP/1.1",
                "Host: " + rnd.choice(["x", "x", "h.example:8080", "[::1]:9", "r5.example"])]
        # proxy headers, matching and not
        for _ in range(rnd.randint(0, 3)):
            head.append(rnd.choice(_proxy_headers(rnd, config)))
        if rnd.random() < 0.3:
            hdr = config.get("REQUEST_ID_HEADER", "X-Request-ID") if rnd.random() < 0.7 \
                else rnd.choice(ID_HEADERS)
            head.append(f"{hdr}: " + rnd.choice(["123e4567-e89b-12d3-a456-426614174000", "77", "trace-abc",
                                                 "-5", ""]))
        if rnd.random() < 0.3:
            head.append("Accept: " + rnd.choice(["application/json", "text/html", "text/plain"]))
        body = ""
        if kind == "body":
            n = rnd.choice([0, 5, limit - 1, limit, limit + 1, limit * 2]) if limit < 10_000 \
                else rnd.choice([0, 5, 300])
            n = max(0, min(n, 5000))
            body = "b" * n
        if kind == "json":
            body = rnd.choice(['{"a": 1}', '[1, 2]', '"s"', '{"a": NaN}', '{bad', '', '{"k": "' + "v" * 300 + '"}'])
            head.append("Content-Type: " + rnd.choice(["application/json", "text/plain", "application/x-www-form-urlencoded"]))
        if kind == "big":  # a head around REQUEST_MAX_HEADER_SIZE (or REQUEST_MAX_SIZE)
            size = min(hlimit, limit) + rnd.choice([-120, -40, 0, 40, 200])
            have = len("\r\n".join(head)) + 2
            head.append("X-Pad: " + "p" * max(1, size - have - 9))
        second = rnd.random() < 0.3
        if not second:
            head.append("Connection: close")
        if body and rnd.random() < 0.3:
            head.append("Transfer-Encoding: chunked")
            payload = "".join(f"{len(c):x}\r\n{c}\r\n" for c in _chunks(body, rnd)) + "0\r\n\r\n"
        elif kind in ("body", "json"):
            head.append(f"Content-Length: {len(body)}")
            payload = body
        else:
            payload = ""
        raw = "\r\n".join(head) + "\r\n\r\n" + payload
        if second:
            raw += "GET /r5/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        reqs.append(raw)
    return reqs


def _chunks(body: str, rnd: random.Random) -> list[str]:
    out = []
    while body:
        n = rnd.randint(1, max(1, len(body)))
        out.append(body[:n])
        body = body[n:]
    return out


def _proxy_headers(rnd: random.Random, config: dict[str, Any]) -> list[str]:
    ip = rnd.choice(["1.2.3.4", "10.0.0.7", "2001:db8::1", "unknown", "_hidden", "1.2.3.4:55",
                     "[2001:db8::2]:80"])
    ips = rnd.choice([ip, f"{ip}, 5.6.7.8", f"9.9.9.9, {ip}, 5.6.7.8", " , 5.6.7.8"])
    secret = config.get("FORWARDED_SECRET") or rnd.choice(SECRETS)
    wrong = "nope"
    return [
        f"X-Forwarded-For: {ips}",
        f"{config.get('REAL_IP_HEADER') or rnd.choice(REAL_IP)}: {ip}",
        f"{rnd.choice(REAL_IP)}: {ip}",
        f"{config.get('FORWARDED_FOR_HEADER') or rnd.choice(FWD_FOR)}: {ips}",
        f"Forwarded: for={ip!r};proto=https;host=f.example;secret={secret}".replace("'", '"'),
        f"Forwarded: for=7.7.7.7;by={secret};proto=wss, for=8.8.8.8",
        f"Forwarded: for=7.7.7.7;secret={wrong};host=bad.example",
        f"Forwarded: secret={secret};for=\"[2001:db8::9]:1\";path=/p%20q;port=81",
        "X-Forwarded-Proto: " + rnd.choice(["https", "HTTP", "wss", "ftp"]),
        "X-Forwarded-Host: " + rnd.choice(["fh.example", "fh.example:444", ""]),
        "X-Forwarded-Port: " + rnd.choice(["8443", "x", "0"]),
        "X-Forwarded-Path: " + rnd.choice(["/pre", "/a%20b", "x"]),
        "X-Scheme: " + rnd.choice(["https", "http"]),
    ]


def normal5(answer: dict[str, Any], base: dict[str, Any], normal: Any) -> dict[str, Any]:
    """``appfuzz.normal``'s (``base``), a few headers and the next answer on the connection."""
    if base.get("status") is None:
        return base
    out = dict(base)
    headers = answer.get("headers", {})
    for name in EXTRA_HEADERS:
        if name in headers:
            out[name] = headers[name].lower() if name == "connection" else headers[name]
    if answer.get("status", 0) >= 400 and headers.get("content-type", "").startswith("text/plain"):
        out["body"] = "\n".join(line for line in answer["body"].splitlines()[:4] if line.strip("= "))
    if "next" in answer:
        out["next"] = normal5(answer["next"], normal(answer["next"]), normal)
    return out
