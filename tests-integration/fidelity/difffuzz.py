"""Differential fuzzing of request parsing: Hurtle against real Sanic 25.12, black box.

The same echo app (below) is served by both servers, once per proxy configuration, each in its
own subprocess (``single_process=True``, free loopback ports). A seeded generator builds raw
HTTP requests (odd query strings, urlencoded and multipart forms, cookies, JSON bodies,
Authorization schemes, Forwarded / X-Forwarded-* / X-Real-IP, Host forms, odd path segments to
typed routes); each is sent over a
fresh socket to both, and the status code and the echoed JSON are compared. Differences are
bucketed by (generator, differing fields) and one example per bucket is printed. The raw
byte-stream generators (request-target forms, pipelines, Expect, upgrades, split reads...)
live in difffuzz_wire.py, which brings its routes, generators, kept causes and exchange;
difffuzz_fields.py brings `Accept`, `Content-Type`, `Cookie`, `Authorization` and long-query
generators and the `/h` echo of `request.accept`, the content type and the cookie accessors.

This needs real Sanic, so it is a tool, not a test: every difference fixed here became a
regular pytest test in packages/http-core/tests. Run it from the repository root:

    .venv/bin/python tests-integration/fidelity/difffuzz.py --count 1500 --seed 1
    .venv/bin/python tests-integration/fidelity/difffuzz.py --only cookie --count 300 -v

Serving mode (used by the driver): ``python difffuzz.py --serve PORT VARIANT``.
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import difffuzz_fields as fields
import difffuzz_resp as resp
import difffuzz_wire as wire

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REF_PYTHON = "/work/ref-sanic/bin/python"
HURTLE_PYTHON = os.path.join(ROOT, ".venv", "bin", "python")

VARIANTS: dict[str, dict[str, Any]] = {
    "plain": {},
    "proxy": {"PROXIES_COUNT": 1, "REAL_IP_HEADER": "x-real-ip", "FORWARDED_SECRET": "s3cr3t"},
    "count2": {"PROXIES_COUNT": 2},
    "secret": {"FORWARDED_SECRET": "s3cr3t"},
    "realip": {"REAL_IP_HEADER": "x-real-ip"},
    "chain": {"PROXIES_COUNT": 1, "FORWARDED_FOR_HEADER": "x-client-chain"},
}

# ------------------------------------------------------------------------------ the echo app


def _safe(fn: Callable[[], Any]) -> Any:
    try:
        value = fn()
    except Exception as exc:  # the error type is part of the behaviour
        return f"<{type(exc).__name__}>"
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _safe(lambda v=v: v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe(lambda v=v: v) for v in value]
    return repr(value)


def build_app(variant: str) -> Any:
    """The echo app: every parsed part of the request, as JSON."""
    from sanic import Sanic
    from sanic.response import json as json_response

    app = Sanic(f"DiffFuzz{variant.capitalize()}")
    for key, value in VARIANTS[variant].items():
        setattr(app.config, key, value)

    def files(request: Any) -> Any:
        out = {}
        for k in request.files or {}:
            out[k] = [(f.name, f.type, len(f.body)) for f in request.files.getlist(k)]
        return out

    async def echo(request: Any) -> Any:
        r = request
        return json_response(
            {
                "path": _safe(lambda: r.path),
                "query_string": _safe(lambda: r.query_string),
                "args": _safe(lambda: {k: r.args.getlist(k) for k in r.args}),
                "query_args": _safe(lambda: r.query_args),
                "get_args_blank": _safe(lambda: dict(r.get_args(keep_blank_values=True))),
                "get_args_latin1": _safe(
                    lambda: r.get_query_args(keep_blank_values=True, encoding="latin-1")
                ),
                "get_args_strict": _safe(lambda: dict(r.get_args(strict_parsing=True))),
                "get_args_ascii": _safe(
                    lambda: r.get_query_args(encoding="ascii", errors="strict")
                ),
                "form": _safe(lambda: {k: r.form.getlist(k) for k in (r.form or {})}),
                "files": _safe(lambda: files(r)),
                "json": _safe(lambda: r.json),
                "cookies": _safe(lambda: {k: r.cookies.getlist(k) for k in r.cookies}),
                "content_type": _safe(lambda: r.content_type),
                "token": _safe(lambda: r.token),
                "credentials": _safe(
                    lambda: r.credentials
                    and [r.credentials.auth_type, r.credentials.token,
                         r.credentials.username, r.credentials.password]
                ),
                "headers": _safe(
                    lambda: {
                        h: r.headers.getall(h, [])
                        for h in ("host", "cookie", "content-type", "x-forwarded-for",
                                  "forwarded", "authorization")
                    }
                ),
                "url": _safe(lambda: r.url),
                "host": _safe(lambda: r.host),
                "server_name": _safe(lambda: r.server_name),
                "server_port": _safe(lambda: r.server_port),
                "scheme": _safe(lambda: r.scheme),
                "ip": _safe(lambda: r.ip),
                "remote_addr": _safe(lambda: r.remote_addr),
                "client_ip": _safe(lambda: r.client_ip),
                "forwarded": _safe(lambda: dict(r.forwarded)),
                "server_path": _safe(lambda: r.server_path),
            }
        )

    app.add_route(echo, "/e", methods=["GET", "POST", "PUT"])

    async def typed(request: Any, **params: Any) -> Any:
        r = request
        return json_response(
            {
                "route": _safe(lambda: r.route.name.rsplit(".", 1)[-1]),
                "params": _safe(lambda: params),
                "match_info": _safe(lambda: r.match_info),
                "path": _safe(lambda: r.path),
                "raw_url": _safe(lambda: r.raw_url),
                "args": _safe(lambda: r.query_args),
                "query_string": _safe(lambda: r.query_string),
                "url": _safe(lambda: r.url),
                "server_path": _safe(lambda: r.server_path),
                "uri_template": _safe(lambda: r.uri_template),
                "endpoint": _safe(lambda: r.endpoint.rsplit(".", 1)[-1]),
                "url_for": _safe(lambda: r.app.url_for(r.endpoint, **params)),
            }
        )

    for name, uri, kw in TYPED_ROUTES:
        app.add_route(typed, uri, name=name, **kw)

    async def respond(request: Any) -> Any:
        return await make_response(request, json.loads(base64.b64decode(request.args.get("s"))))

    app.add_route(respond, "/r", methods=["GET", "HEAD"])
    wire.add_routes(app)
    fields.add_routes(app)
    resp.add_routes(app)
    return app


async def make_response(request: Any, spec: dict[str, Any]) -> Any:
    """The response a `respond` spec describes, made with the public helpers."""
    from sanic import response
    from sanic.response import HTTPResponse, ResponseStream

    kind, kw = spec["kind"], dict(spec["kw"])
    if kind == "stream":
        pieces = kw.pop("pieces")

        async def fn(stream: Any) -> None:
            for piece in pieces:
                await stream.write(piece)

        return ResponseStream(fn, **kw)
    if kind == "respond":
        pieces = kw.pop("pieces")
        res = await request.respond(**kw)
        for piece in pieces:
            await res.send(piece)
        await res.eof()
        return None
    if kind in ("file", "file_stream"):
        return await getattr(response, kind)(__file__, **kw)
    if kind == "HTTPResponse":
        return HTTPResponse(**kw)
    return getattr(response, kind)(**kw)


# Typed routes for the `path` generator: what a handler sees for odd path segments.
TYPED_ROUTES: list[tuple[str, str, dict[str, Any]]] = [
    ("int", "/t/int/<x:int>", {}),
    ("float", "/t/float/<x:float>", {}),
    ("slug", "/t/slug/<x:slug>", {}),
    ("alpha", "/t/alpha/<x:alpha>", {}),
    ("ext", "/t/ext/<x:ext>", {}),
    ("exts", "/t/exts/<x:ext=txt|json>", {}),
    ("path", "/t/path/<x:path>", {}),
    ("re", "/t/re/<x:[a-z]{2,4}>", {}),
    ("str", "/t/str/<x>", {}),
    ("uuid", "/t/uuid/<x:uuid>", {}),
    ("ymd", "/t/ymd/<x:ymd>", {}),
    ("strict", "/t/strict/<x>", {"strict_slashes": True}),
    ("slash", "/t/slash/<x>/", {}),
    ("two", "/t/two/<x:int>/<y:str>", {}),
    ("literal", "/t/lit/a b/é", {}),
]


def serve(port: int, variant: str) -> None:
    app = build_app(variant)
    app.run(host="127.0.0.1", port=port, single_process=True, access_log=False, motd=False)


# ------------------------------------------------------------------------------ generators

QUERY_ATOMS = [
    "a", "b", "c", "a", "=", "=", "&", "&&", ";", "+", "%", "%2", "%zz", "%20", "%2B", "%26",
    "%3D", "%E9", "%C3%A9", "%FF", "%00", "%0A", "x", "1", "é", "\xff", "[]", "a[]", "?",
    "/", "%25", "~", "*", "'", '"', "%u00e9",
]  # a raw TAB in the target: Hurtle 400 (RFC 9112 3.2), Sanic never answers


def gen_query_text(rnd: random.Random, atoms: list[str] = QUERY_ATOMS) -> str:
    return "".join(rnd.choice(atoms) for _ in range(rnd.randint(0, 10)))


def request(
    method: str = "GET",
    target: str = "/e",
    headers: list[tuple[str, str]] | None = None,
    body: bytes = b"",
    host: str | None = "x",
    version: str = "1.1",
) -> bytes:
    lines = [f"{method} {target} HTTP/{version}"]
    if host is not None:
        lines.append(f"Host: {host}")
    for k, v in headers or []:
        lines.append(f"{k}: {v}")
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("latin-1", "replace") + body


def enc(text: str) -> str:
    """Non-ASCII characters as UTF-8 bytes read as latin-1, i.e. raw bytes on the wire."""
    return text.encode("utf-8", "surrogateescape").decode("latin-1")


def gen_query(rnd: random.Random) -> bytes:
    q = gen_query_text(rnd)
    target = "/e?" + enc(q) if rnd.random() < 0.95 else "/e"
    if rnd.random() < 0.1:
        target += "#frag"
    return request("GET", target)


FORM_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "application/x-www-form-urlencoded; charset=UTF-8",
    "Application/X-WWW-Form-Urlencoded",
    "application/x-www-form-urlencoded;charset=utf-8",
    "application/x-www-form-urlencoded ; charset=\"utf-8\"",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset = utf-8",
]


def gen_urlencoded(rnd: random.Random) -> bytes:
    body = gen_query_text(rnd).encode("utf-8" if rnd.random() < 0.8 else "latin-1", "replace")
    if rnd.random() < 0.2:
        body += b"\r\n"
    return request("POST", "/e", [("Content-Type", rnd.choice(FORM_TYPES))], body)


BOUNDARIES = ["XyZ", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "a b", "b=c", "'q'", "x:y"]
DISPOSITIONS = [
    'form-data; name="a"',
    "form-data; name=a",
    'form-data; name="b"',
    'form-data; name="a b"',
    'form-data; name=""',
    "form-data",
    'form-data; name="f"; filename="x.txt"',
    "form-data; name=f; filename=x.txt",
    'form-data; name="f"; filename=""',
    "form-data; name=\"f\"; filename*=UTF-8''%E2%82%AC%20rates.txt",
    "form-data; name=\"f\"; filename=\"x.txt\"; filename*=UTF-8''y%C3%A9.txt",
    "form-data; name=\"f\"; filename*=utf-8'en'%C3%A9.txt",
    "form-data; name*=UTF-8''%C3%A9",
    'form-data; name="f"; filename="a\\"b.txt"',
    'form-data; name="f"; filename="C:\\dir\\x.txt"',
    'form-data; name="é"',
    'FORM-DATA; NAME="a"',
    'attachment; name="a"',
    'form-data; name="a"; name="b"',
    'form-data;name="a"',
    'form-data ; name = "a"',
]
PART_TYPES = [
    None, "text/plain", "text/plain; charset=utf-8", "text/plain; charset=latin-1",
    "application/octet-stream", "image/png", 'multipart/mixed; boundary="inner"',
]
PART_BODIES = [b"1", b"", b"hello", "é".encode(), "é".encode("latin-1"), b"a\r\nb", b"\r\n",
               b"--XyZ", b"x" * 50]


def gen_multipart(rnd: random.Random) -> bytes:
    boundary = rnd.choice(BOUNDARIES)
    quoted = rnd.random() < 0.5 or " " in boundary or "=" in boundary or ":" in boundary
    if boundary.startswith("'"):
        quoted = False
    ctype = f'multipart/form-data; boundary="{boundary}"' if quoted else (
        f"multipart/form-data; boundary={boundary}"
    )
    if rnd.random() < 0.15:
        ctype += "; charset=utf-8"
    if rnd.random() < 0.1:
        ctype = ctype.replace("multipart/form-data", "Multipart/Form-Data")
    if rnd.random() < 0.05:
        ctype = "multipart/form-data"
    nl = b"\r\n" if rnd.random() < 0.85 else b"\n"
    b = boundary.encode()
    body = b""
    if rnd.random() < 0.1:
        body += b"preamble" + nl
    for _ in range(rnd.randint(0, 3)):
        body += b"--" + b + nl
        if rnd.random() < 0.92:
            body += b"Content-Disposition: " + rnd.choice(DISPOSITIONS).encode("utf-8") + nl
        pt = rnd.choice(PART_TYPES)
        if pt:
            body += b"Content-Type: " + pt.encode() + nl
        body += nl
        if pt and pt.startswith("multipart/mixed"):
            body += (b"--inner" + nl + b'Content-Disposition: file; filename="n.txt"' + nl + nl
                     + b"nested" + nl + b"--inner--")
        else:
            body += rnd.choice(PART_BODIES)
        body += nl
    if rnd.random() < 0.9:
        body += b"--" + b + b"--"
        if rnd.random() < 0.5:
            body += nl
    if rnd.random() < 0.05:
        body += b"epilogue"
    return request("POST", "/e", [("Content-Type", ctype)], body)


COOKIE_ATOMS = [
    "a=1", "a=2", "b=2", 'a="q"', 'a="q\\"x"', 'a="a b"', " a = 1 ", "a=", "=x", "a", "a b=1",
    "a,b=1", "__Host-a=1", "__Secure-s=1", "__host-a=1", "c=%20x%3B", "d=\\012", "e=a=b",
    "é=1", "f=é", "g=\"unterminated", "h=x y", "i=\"\"", "$Version=1", "j=1,k=2", "k=\t2",
    "l=\udcff", "m=\"\udce9\"", "$Path=/", "n=\\", "o=a\\\"b", "p==", "q= \"x\" ",
]  # \udcXX: that byte raw (not UTF-8) on the wire


def gen_cookie(rnd: random.Random) -> bytes:
    seps = ["; ", ";", " ; ", ";;", "; ; ", ", "]
    values = []
    for _ in range(rnd.randint(1, 2)):
        parts = [rnd.choice(COOKIE_ATOMS) for _ in range(rnd.randint(1, 4))]
        text = parts[0]
        for p in parts[1:]:
            text += rnd.choice(seps) + p
        values.append(enc(text))
    headers = [("Cookie", v) for v in values]
    return request("GET", "/e", headers)


JSON_BODIES = [
    b'{"a": 1}', b"[1, 2]", b'"s"', b"1", b"null", b"", b" ", b"{", b"{'a': 1}", b"\xff\xfe",
    '{"a": "é"}'.encode(), '{"a": "é"}'.encode("latin-1"), b"123456789012345678901234567890",
    b"1e400", b"-1e400", b"NaN", b"Infinity", b"1.5e-400", b'{"a": 1} x', b"\xef\xbb\xbf{}",
    b'{"a":1,"a":2}', b"0.1", b"-0", b'"\\ud800"', b"true", b"[]", b"{}\n", b"01",
    '{"a": "\u2028"}'.encode(), b'{"a": 18446744073709551616}', b"-9223372036854775809",
]
JSON_TYPES = [None, "application/json", "application/json; charset=utf-8", "text/plain",
              "application/json; charset=latin-1", "application/vnd.api+json"]


def gen_json(rnd: random.Random) -> bytes:
    ct = rnd.choice(JSON_TYPES)
    headers = [("Content-Type", ct)] if ct else []
    method = rnd.choice(["POST", "POST", "PUT", "GET"])
    return request(method, "/e", headers, rnd.choice(JSON_BODIES))


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


AUTH_VALUES = [
    "Bearer tok", "Token tok", "bearer tok", "Bearer  tok", "Bearer", "tok", "", " ",
    "Basic " + b64("user:pass"), "Basic " + b64("user"), "Basic " + b64("u:p:q"),
    "Basic " + b64(":"), "Basic !!!", "Basic", "basic " + b64("a:b"), "Digest a=b, c=d",
    "Bearer tok extra", "Basic " + b64("é:ü"), "Basic " + b64("a:b")[:-1], "Bearer a=b",
    "Basic " + base64.b64encode(b"\xff:\xfe").decode(), "Custom\ttok",
]


def gen_auth(rnd: random.Random) -> bytes:
    return request("GET", "/e", [("Authorization", rnd.choice(AUTH_VALUES))])


FORWARDED = [
    "for=1.2.3.4", "for=1.2.3.4;secret=s3cr3t", "for=1.2.3.4;by=s3cr3t", 'for="[::1]:80";secret=s3cr3t',
    'for="1.2.3.4:8080";proto=https;host=ex.com;secret=s3cr3t', "for=_hidden;secret=s3cr3t",
    "for=unknown;secret=s3cr3t", "for=1.1.1.1, for=2.2.2.2;secret=s3cr3t",
    "for=2.2.2.2;secret=s3cr3t, for=1.1.1.1", "secret=s3cr3t;proto=HTTPS;host=EX.com:444",
    "secret=s3cr3t;port=8443;path=/a%20b", "secret=wrong;for=9.9.9.9", 'secret="s3cr3t";for=5.5.5.5',
    "for=1.2.3.4;secret=s3cr3t;for=4.3.2.1", "FOR=1.2.3.4;SECRET=s3cr3t", "garbage",
    "for=[::1];secret=s3cr3t", 'by="s3cr3t";for="[2001:db8::1]"', "for=1.2.3.4 ;secret=s3cr3t",
    'secret=s3cr3t;host="a.b:80";proto=wss', "secret=s3cr3t;for=", ";;secret=s3cr3t",
]
XFF = ["1.2.3.4", "1.2.3.4, 5.6.7.8", " 1.2.3.4 ,5.6.7.8 ", "unknown", "", "1.2.3.4,,5.6.7.8",
       "::1", "[::1]", "2001:db8::1, 10.0.0.1", "1.2.3.4:80", "a, b, c", "_x"]
XOTHER = [
    ("X-Client-Chain", "7.7.7.7, 6.6.6.6"),("X-Real-IP", "9.9.9.9"), ("X-Real-IP", "::1"), ("X-Real-IP", " 9.9.9.9 "),
          ("X-Forwarded-Proto", "https"), ("X-Forwarded-Proto", "HTTPS"),
          ("X-Forwarded-Host", "fw.example"), ("X-Forwarded-Host", "fw.example:8080"),
          ("X-Forwarded-Port", "8443"), ("X-Forwarded-Port", "bad"), ("X-Scheme", "wss"),
          ("X-Forwarded-Path", "/p%20q"), ("X-Forwarded-Proto", "https, http")]


def gen_forwarded(rnd: random.Random) -> bytes:
    headers: list[tuple[str, str]] = []
    if rnd.random() < 0.6:
        headers.append(("Forwarded", rnd.choice(FORWARDED)))
        if rnd.random() < 0.2:
            headers.append(("Forwarded", rnd.choice(FORWARDED)))
    if rnd.random() < 0.6:
        headers.append(("X-Forwarded-For", rnd.choice(XFF)))
        if rnd.random() < 0.2:
            headers.append(("X-Forwarded-For", rnd.choice(XFF)))
    for _ in range(rnd.randint(0, 3)):
        headers.append(rnd.choice(XOTHER))
    return request("GET", "/e", headers)


HOSTS = ["x", "example.com", "example.com:8080", "[::1]", "[::1]:8000", "example.com.",
         "EXAMPLE.com", "", "example.com:", "example.com:abc", "1.2.3.4:80", "[2001:db8::1]:443",
         "a_b.example", "exa mple", "example.com:99999", "::1", "[::1", "xn--bcher-kva.example",
         "bücher.example", "example.com:0"]


def gen_host(rnd: random.Random) -> bytes:
    roll = rnd.random()
    target = rnd.choice(["/e", "/e?a=1", "http://abs.example/e", "http://abs.example:81/e?q"])
    if roll < 0.08:
        return request("GET", target, [], host=None)
    if roll < 0.15:
        return request("GET", target, [], host=None, version="1.0")
    if roll < 0.22:
        return request("GET", target, [("Host", rnd.choice(HOSTS))], host=rnd.choice(HOSTS))
    return request("GET", target, [], host=enc(rnd.choice(HOSTS)))


PATH_SEGS = [
    "a", "ab", "1", "-2", "1.5", "1e3", "x.txt", "a.b.c", "ab-cd", "a_b", "é", "%C3%A9",
    "%c3%a9", "%2F", "%2f", "%252F", "%20", "+", "%2B", "%FF", "\xff", "%", "%zz", "%2",
    ".", "..", "%2E", "~", "a;b", "a:b", "@", "a=b", "", "00", "NaN", "A", "2024-01-05",
    "123e4567-e89b-12d3-a456-426614174000", "%00", "%0A", "a b".replace(" ", "%20"), "*",
]


def gen_path(rnd: random.Random) -> bytes:
    """A path to one of the typed routes, its segments from odd bytes and escapes."""
    name = rnd.choice([r[0] for r in TYPED_ROUTES] + ["nope"])
    uri = next((u for n, u, _ in TYPED_ROUTES if n == name), "/t/nope/<x>")
    segs = []
    for seg in uri.strip("/").split("/"):
        if seg.startswith("<") or rnd.random() < 0.1:
            seg = "".join(rnd.choice(PATH_SEGS) for _ in range(rnd.randint(1, 3)))
        elif not seg.isascii() or " " in seg:
            seg = rnd.choice([seg.replace(" ", "%20"), enc(seg).replace(" ", "%20")])
        segs.append(seg)
    target = "/" + "/".join(segs) + rnd.choice(["", "", "/", "//", "%2F", "/."])
    if rnd.random() < 0.2:
        target += "?" + gen_query_text(rnd).replace(" ", "+")
    return request(rnd.choice(["GET", "GET", "GET", "POST", "HEAD"]), enc(target))


RESPONSE_HEADERS = [
    {}, {}, {"x-a": "1"}, {"X-A": "1", "x-b": "a b"}, {"x-n": 5}, {"content-type": "text/y"},
    {"Content-Type": "application/x"}, {"cache-control": "no-store"}, {"x-e": ""},
    {"location": "/else"}, {"set-cookie": "a=1"}, {"x-u": "é"}, {"Content-Disposition": "inline"},
]


def gen_respond(rnd: random.Random) -> bytes:
    """A response built by a helper from random arguments, sent over the server's own
    writer (fast and slow paths): the status line, fields and body are compared."""
    kind = rnd.choice(["text", "json", "html", "raw", "redirect", "empty", "HTTPResponse",
                       "stream", "respond", "file", "file_stream"])
    kw: dict[str, Any] = {}
    body = rnd.choice(["", "x", "hello é", "a" * 300, "<b>h</b>"])
    if kind in ("text", "html", "raw", "HTTPResponse"):
        kw["body"] = body
    elif kind == "json":
        kw["body"] = rnd.choice([{"a": 1}, [1, "é"], "s", None, {"u": "/é<>"}, 1.5])
    elif kind == "redirect":
        kw["to"] = rnd.choice(["/a", "http://x.y/p?q=1", "/a b", "/é", "//h", ""])
    elif kind in ("stream", "respond"):
        kw["pieces"] = [rnd.choice(["a", "", "é", "b" * 50]) for _ in range(rnd.randint(0, 3))]
    elif kind in ("file", "file_stream"):
        if rnd.random() < 0.4:
            kw["filename"] = rnd.choice(["a.txt", "x.tar.gz", "noext", "a b.json"])
        if rnd.random() < 0.3:
            kw["mime_type"] = rnd.choice(["text/x", "application/octet-stream", ""])
        if kind == "file_stream" and rnd.random() < 0.5:
            kw["chunk_size"] = rnd.choice([1, 7, 4096])
        if kind == "file":
            kw["last_modified"] = None  # the checkout's file times differ
    if rnd.random() < 0.4:
        kw["status"] = rnd.choice([200, 201, 202, 203, 206, 299, 301, 400, 404, 418, 500, 599])
    if kind in ("empty",) and rnd.random() < 0.5:
        kw["status"] = rnd.choice([204, 304, 205])
    if rnd.random() < 0.5:
        kw["headers"] = rnd.choice(RESPONSE_HEADERS)
    if kind not in ("redirect", "empty", "file") and rnd.random() < 0.4:
        kw["content_type"] = rnd.choice(
            ["text/x", "application/json", "text/plain; charset=latin-1", "", "x", 5]
        )
    spec = base64.b64encode(json.dumps({"kind": kind, "kw": kw}).encode()).decode()
    method = rnd.choice(["GET", "GET", "GET", "HEAD"])
    version = "1.0" if rnd.random() < 0.1 else "1.1"
    return request(method, "/r?s=" + spec.replace("+", "%2B").replace("=", "%3D"), version=version)


def _header_lines(raw: bytes) -> list[bytes]:
    head = raw.partition(b"\r\n\r\n")[0].split(b"\r\n")[1:]
    return [h for h in head if not h.lower().startswith((b"host:", b"connection:"))]


def gen_mixed(rnd: random.Random) -> bytes:
    """Several kinds at once (cookies, auth, proxies, a query, a body) on one request."""
    base = rnd.choice([gen_urlencoded, gen_multipart, gen_json, gen_query])(rnd)
    head, _, body = base.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    extra: list[bytes] = []
    for gen in rnd.sample([gen_cookie, gen_auth, gen_forwarded], rnd.randint(1, 3)):
        extra += _header_lines(gen(rnd))
    host = enc(rnd.choice(HOSTS)).encode("latin-1")
    lines = [lines[0], b"Host: " + host] + [h for h in lines[1:] if not h.startswith(b"Host:")]
    return b"\r\n".join(lines[:-1] + extra + lines[-1:]) + b"\r\n\r\n" + body


def gen_duplicates(rnd: random.Random) -> bytes:
    """Repeated fields, odd name case and padding: which one does each parser read?"""
    pool = [
        ("Authorization", rnd.choice(AUTH_VALUES)),
        ("aUTHORIZATION", rnd.choice(AUTH_VALUES)),
        ("Content-Type", rnd.choice(JSON_TYPES[1:] + FORM_TYPES)),
        ("content-type", rnd.choice(["text/plain", "application/json", "APPLICATION/JSON"])),
        ("X-Real-IP", rnd.choice(["9.9.9.9", "8.8.8.8", "", "::1"])),
        ("X-Forwarded-For", rnd.choice(XFF)),
        ("cOOKIE", rnd.choice(COOKIE_ATOMS)),
        ("Forwarded", rnd.choice(FORWARDED)),
        ("X-Forwarded-Host", rnd.choice(HOSTS[:8])),
        ("X-Forwarded-Proto", rnd.choice(["https", "http", "HTTPS"])),
    ]
    headers = [rnd.choice(pool) for _ in range(rnd.randint(2, 6))]
    body = rnd.choice([b"", b'{"a": 1}', b"a=1&b=2", b"x"])
    return request(rnd.choice(["POST", "GET"]), "/e?a=1", headers, body, host=rnd.choice(HOSTS[:8]))


GENERATORS: dict[str, Callable[[random.Random], bytes]] = {
    "query": gen_query,
    "urlencoded": gen_urlencoded,
    "multipart": gen_multipart,
    "cookie": gen_cookie,
    "json": gen_json,
    "auth": gen_auth,
    "forwarded": gen_forwarded,
    "host": gen_host,
    "mixed": gen_mixed,
    "duplicates": gen_duplicates,
    "path": gen_path,
    "respond": gen_respond,
    **fields.GENERATORS,  # Accept, Content-Type, long queries (difffuzz_fields.py)
    **wire.GENERATORS,  # raw byte streams, compared response by response (difffuzz_wire.py)
    **resp.GENERATORS,  # handlers' own fields, statuses, cookies on the wire (difffuzz_resp.py)
}

# ------------------------------------------------------------------------------ causes

# Differences kept on purpose (Hurtle is RFC-correct or keeps data Sanic loses; each is pinned
# by a test in packages/http-core/tests). A differing request whose bytes match one of these
# is bucketed under that cause instead of under its differing fields.
def _body(raw: bytes) -> bytes:
    return raw.partition(b"\r\n\r\n")[2]


def _not_utf8(raw: bytes) -> bool:
    try:
        _body(raw).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _boundary_after_head(raw: bytes) -> bool:
    return bool(re.search(rb"\n\r?\n--(XyZ|a b|'q'|x:y|b=c|----WebKit)", _body(raw)))

def _spec(raw: bytes) -> dict[str, Any]:
    """The `respond` generator's spec in a request."""
    from urllib.parse import unquote

    target = raw.split(b" ", 2)[1].decode("latin-1")
    return json.loads(base64.b64decode(unquote(target.partition("s=")[2])))


def _bad_host(raw: bytes) -> bool:
    """Two Host lines, or a Host value that is not host[:port] (Hurtle's 400, RFC 9112 3.2)."""
    hosts = re.findall(rb"\r\nhost:[ \t]*([^\r]*?)[ \t]*(?=\r\n)", raw, re.I)
    if len(hosts) > 1:
        return True
    return bool(hosts) and not re.fullmatch(
        rb"([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*(:[0-9]*)?|\[[0-9A-Fa-f:.]+\](:[0-9]*)?",
        hosts[0],
    )


FORM = frozenset({"form", "files"})
AUTH = frozenset({"credentials", "token"})
STATUS_400 = frozenset({"status 200->400", "<body>"})
FWD = frozenset({"client_ip", "forwarded", "remote_addr", "host", "server_name", "server_port",
                 "url", "scheme"})
# (generator, label, the fields it explains, does the request show it)
KNOWN_CAUSES: list[tuple[str, str, frozenset[str], Callable[[bytes], bool]]] = [
    ("auth", "kept: Basic password holding ':' (RFC 7617 2)", frozenset({"credentials"}),
     lambda r: b"dTpwOnE=" in r),
    ("urlencoded", "kept: charset=latin-1 honoured (Sanic: UTF-8 always)", FORM,
     lambda r: b"charset=latin-1" in r),
    ("urlencoded", "kept: body not valid UTF-8 (Sanic drops the whole form)", FORM, _not_utf8),
    ("cookie", "kept: several Cookie fields joined (RFC 9113 8.2.3)", frozenset({"cookies"}),
     lambda r: r.lower().count(b"\r\ncookie:") > 1),
    ("cookie", 'kept: a="" is the empty value', frozenset({"cookies"}), lambda r: b'i=""' in r),
    ("cookie", "kept: a Latin-1 letter in a cookie name (Sanic drops only those)",
     frozenset({"cookies"}), lambda r: b"\xc3\xa9=1" in r),
    ("forwarded", "kept: unquoted host=h:port dropped (RFC 7239 4)", FWD,
     lambda r: b"host=EX.com:444" in r),
    ("forwarded", "kept: OWS before ';' in Forwarded tolerated", FWD,
     lambda r: b"for=1.2.3.4 ;" in r),
    ("host", "kept: '_' in a host name (RFC 3986 reg-name)", frozenset({"server_name"}),
     lambda r: b"a_b.example" in r),
    ("host", "kept: absolute-form target names the host (RFC 9112 3.2.2)",
     frozenset({"host", "server_name", "server_port", "url"}),
     lambda r: r.split(b" ", 2)[1].startswith(b"http://")),
    ("host", "kept: an empty port in Host is the default port (RFC 3986 3.2.3, 6.2.3)",
     frozenset({"server_name", "server_port"}),
     lambda r: re.search(rb"(?i)\r\nhost: *[^\r:]+:\r\n", r) is not None),
    ("host", "kept: two Host fields or an invalid Host is 400 (RFC 9112 3.2)", STATUS_400,
     _bad_host),
    ("host", wire.MISSING_HOST, wire.EVERYTHING,
     lambda r: wire._no_host(r.partition(b"\r\n\r\n")[0] + b"\r\n")),
    ("path", "kept: url_for percent-encodes '%' and what a segment cannot hold (RFC 3986 2.1)",
     frozenset({"url_for"}), lambda r: re.search(rb"^\S+ \S*[%\x80-\xff\\]", r) is not None),
    ("path", "kept: url_for of an ext route takes the name and ext= (Sanic refuses them)",
     frozenset({"url_for"}), lambda r: re.match(rb"\S+ /t/exts?/", r) is not None),
    ("respond", "kept: a stream to an HTTP/1.0 client is not chunked (RFC 9112 6.1)",
     frozenset({"head", "body"}),
     lambda r: b" HTTP/1.0\r\n" in r and _spec(r)["kind"] in ("stream", "respond", "file_stream")),
    ("respond", "kept: no Content-Type on a 304 (RFC 9110 15.4.5)", frozenset({"head"}),
     lambda r: _spec(r)["kw"].get("status") == 304),
    ("respond", "kept: redirect() writes a space in the path as %20, not + (RFC 3986 3.3)",
     frozenset({"head"}),
     lambda r: _spec(r)["kind"] == "redirect" and " " in _spec(r)["kw"]["to"].partition("?")[0]),
    ("auth", "kept: auth scheme matched in any case (RFC 9110 11.1)", AUTH,
     lambda r: re.search(rb"(?i:authorization): (basic|bearer) ", r) is not None),
    ("multipart", "kept: part not valid in its charset (Sanic drops the whole form)", FORM,
     _not_utf8),
    ("multipart", "kept: boundary right after a part head (RFC 2046 5.1.1; Sanic drops the form)",
     FORM, _boundary_after_head),
    ("multipart", 'kept: name="a b" with boundary "a b" (Sanic drops that field)', FORM,
     lambda r: b'boundary="a b"' in r and b'name="a b"' in r),
    ("multipart", 'kept: filename="a\\"b" is a"b (RFC 9110 5.6.4)', FORM,
     lambda r: b'a\\"b.txt' in r),
    ("multipart", "kept: filename* wins over filename (RFC 6266 4.3)", FORM,
     lambda r: b'filename="x.txt"; filename*' in r),
    *fields.KNOWN_CAUSES,
    *resp.KNOWN_CAUSES,
    *wire.KNOWN_CAUSES,
]


def cause_of(gen: str, raw: bytes, fields: list[str]) -> str | None:
    """The known causes that together explain every differing field, or None."""
    labels: list[str] = []
    unexplained = set(fields)
    for cause_gen, label, explains, matches in KNOWN_CAUSES:
        gens = wire.GENERATORS if cause_gen == "wire" else (cause_gen, "mixed", "duplicates")
        hit = set(unexplained) if explains is wire.EVERYTHING else unexplained & explains
        if gen in gens and hit and matches(raw):
            labels.append(label)
            unexplained -= hit
    return " + ".join(dict.fromkeys(labels)) if labels and not unexplained else None


# ------------------------------------------------------------------------------ driver


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(python: str, variant: str, log: Any) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen(
        [python, os.path.abspath(__file__), "--serve", str(port), variant],
        stdout=log, stderr=log, start_new_session=True, cwd="/tmp",
    )
    return proc, port


def wait_ready(port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def exchange(port: int, raw: bytes, timeout: float) -> tuple[int | None, Any]:
    """Send raw, read until close: (status, parsed JSON body or text)."""
    data = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(raw)
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        pass
    if not data.startswith(b"HTTP/"):
        return None, "<no response>"
    head, _, body = data.partition(b"\r\n\r\n")
    try:
        status = int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None, head[:80].decode("latin-1")
    if raw.split(b" ", 2)[1].startswith(b"/r?"):  # the `respond` generator: the whole answer
        fields = sorted(
            line.decode("latin-1").lower() if b":" not in line else
            line.split(b":", 1)[0].decode("latin-1").lower() + ":" + line.split(b":", 1)[1].decode("latin-1")
            for line in head.split(b"\r\n")[1:]
            # Sanic's `content-type: None` (kept, see the README's first list) is left out.
            if not line.lower().startswith(b"date:") and line != b"content-type: None"
        )
        return status, {"head": fields, "body": body.decode("latin-1")[:400]}
    # The server's own port, not digits that happen to hold it (a UUID in a path).
    text = re.sub(rf"(?<!\d){port}(?!\d)", "PORT", body.decode("utf-8", "replace"))
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text[:200]


def same(a: Any, b: Any) -> bool:
    """Equal as JSON text (so NaN equals NaN)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def diff_fields(a: Any, b: Any) -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        keys = set(a) | set(b)
        return sorted(k for k in keys if not same(a.get(k, "<absent>"), b.get(k, "<absent>")))
    return [] if same(a, b) else ["<body>"]


def main() -> int:
    # (a field Sanic decodes with surrogates, e.g. a cookie of bytes that are no UTF-8, is
    # shown escaped rather than ending the run with UnicodeEncodeError)
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--serve", nargs=2, metavar=("PORT", "VARIANT"), help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, default=800, help="requests per variant (default 800)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--time", type=float, default=300, help="overall time budget, seconds")
    ap.add_argument("--only", action="append", choices=sorted(GENERATORS), help="generators")
    ap.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="app configs")
    ap.add_argument("--timeout", type=float, default=2.0, help="per exchange, seconds")
    ap.add_argument("--ref-python", default=REF_PYTHON)
    ap.add_argument("--hurtle-python", default=HURTLE_PYTHON)
    ap.add_argument("-v", "--verbose", action="store_true", help="full bodies of each example")
    ap.add_argument("--json", metavar="FILE", help="write every difference to FILE")
    ap.add_argument(
        "--no-causes", action="store_true", help="bucket by differing fields only (no known causes)"
    )
    args = ap.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1])
        return 0

    gens = args.only or sorted(GENERATORS)
    variants = args.variant or list(VARIANTS)
    deadline = time.monotonic() + args.time
    log = open(os.path.join("/tmp", "difffuzz-servers.log"), "w")
    procs: list[subprocess.Popen] = []
    ports: dict[tuple[str, str], int] = {}
    try:
        for variant in variants:
            for side, python in (("sanic", args.ref_python), ("hurtle", args.hurtle_python)):
                proc, port = start(python, variant, log)
                procs.append(proc)
                ports[side, variant] = port
        for (side, variant), port in ports.items():
            if not wait_ready(port, time.monotonic() + 30):
                print(f"{side}/{variant} did not start; see /tmp/difffuzz-servers.log")
                return 2

        rnd = random.Random(args.seed)
        cases: list[tuple[str, str, bytes]] = []
        for variant in variants:
            for i in range(args.count):
                gen = gens[i % len(gens)]
                if variant != "plain" and gen not in ("forwarded", "host", "mixed", "duplicates"):
                    if rnd.random() < 0.8:
                        continue  # proxy settings only matter for those two
                cases.append((variant, gen, GENERATORS[gen](rnd)))

        def run(case: tuple[str, str, bytes]) -> tuple[Any, ...]:
            variant, gen, raw = case
            if time.monotonic() > deadline:
                return case, None, None
            ex = (wire.exchange if gen in wire.GENERATORS
                  else resp.exchange if gen in resp.GENERATORS else exchange)
            ref = ex(ports["sanic", variant], raw, args.timeout)
            ours = ex(ports["hurtle", variant], raw, args.timeout)
            return case, ref, ours

        buckets: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        sent = 0
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            for case, ref, ours in pool.map(run, cases):
                if ref is None:
                    continue
                sent += 1
                fields = []
                if ref[0] != ours[0]:
                    fields.append(f"status {ref[0]}->{ours[0]}")
                if ref[0] == ours[0] or not (ref[0] and ours[0] and ref[0] >= 400):
                    fields += diff_fields(ref[1], ours[1])
                if fields:
                    cause = None if args.no_causes else cause_of(case[1], case[2], fields)
                    key = (case[1], cause) if cause else (case[1], *fields)
                    buckets[key].append((case, ref, ours))
    finally:
        for proc in procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in procs:
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()

    total_diff = sum(len(v) for v in buckets.values())
    kept = sum(len(v) for k, v in buckets.items() if k[1].startswith("kept:"))
    for key in sorted(buckets, key=lambda k: (k[1].startswith("kept:"), k)):
        (variant, gen, raw), ref, ours = buckets[key][0]
        print(f"== [{len(buckets[key])}] {gen}: {', '.join(key[1:])}  (variant {variant})")
        print("   request:", repr(raw)[:600])
        fields = diff_fields(ref[1], ours[1]) if key[1].startswith("kept:") else key[1:]
        if ref[0] != ours[0]:
            fields = [f"status {ref[0]}->{ours[0]}"]
        for field in fields:
            if field.startswith("status") or field == "<body>" or args.verbose:
                show_ref, show_ours = ref, ours
            else:
                show_ref = (ref[0], ref[1].get(field, "<absent>"))
                show_ours = (ours[0], ours[1].get(field, "<absent>"))
            print(f"   {field}: sanic  {json.dumps(show_ref, ensure_ascii=False)[:400]}")
            print(f"   {field}: hurtle {json.dumps(show_ours, ensure_ascii=False)[:400]}")
            if field.startswith("status") or args.verbose:
                break
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(
                [{"bucket": list(k), "variant": c[0], "request": c[2].decode("latin-1"),
                  "sanic": r, "hurtle": o} for k, v in buckets.items() for c, r, o in v],
                fh, indent=1,
            )
    print(f"difffuzz: {sent} requests sent ({len(cases) - sent} skipped by the time budget), "
          f"{total_diff} differ ({kept} of them on purpose), {len(buckets)} buckets")
    return 1 if buckets else 0


if __name__ == "__main__":
    sys.exit(main())
