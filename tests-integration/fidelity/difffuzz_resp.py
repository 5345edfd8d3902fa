"""Responses' wire bytes for ``difffuzz.py`` (sixteenth round): what each handler kind puts
on the wire when the handler sets its own fields, cookies and status.

``add_routes`` gives the app ``/q`` (GET, HEAD, OPTIONS, POST, DELETE) and ``/qg`` (GET
only): each builds the response a spec in its query describes (``text``, ``json``,
``html``, ``raw``, ``empty``, ``redirect``, ``file``, ``file_stream``, ``HTTPResponse``)
with ``headers=`` a multi-valued ``Header`` (names in odd case, repeated names, a
``Content-Type``, ``Content-Length`` or ``Transfer-Encoding`` the handler chose), cookies
added with every attribute, and statuses from 1xx, 204, 205, 304, two digits, 600 and up.
Generators:

- ``rhead``: one such request per connection, GET, HEAD or OPTIONS, sometimes conditional
  (``If-None-Match``, ``If-Modified-Since``, ``Range``).
- ``rpipe``: two to five of those pipelined on one connection.
- ``rbody``: requests with bodies (with ``Content-Length``, chunked, or bytes after a head
  without either) to GET, HEAD and DELETE routes (``/w``, ``/qg``, ``/q``).

The exchange sends the request and difffuzz_wire.py's closing sentinel and compares what
came back response by response: the status line as sent, the fields as sent (order and
case, ``.order``, only the order of lines of one name kept: the order of different names
means nothing, RFC 9110 5.3) and as a sorted lower-case set (``.head``), the body bytes, and how the
connection ended. ``Date`` is dropped (Hurtle sends one, Sanic none; kept earlier); Sanic's
``content-type: None`` line and its ``expires=Tue, 01-Jan-2030`` cookie dates (both kept
earlier) are taken out of the head and compared as ``.ct_none`` and ``.cookie_date``.

    .venv/bin/python tests-integration/fidelity/difffuzz.py --variant plain \
        --only rhead --only rpipe --only rbody --count 300 --seed 1
"""

from __future__ import annotations

import base64
import json
import os
import random
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import difffuzz_wire as wire

SERVED = os.path.abspath(__file__)  # the file `file` and `file_stream` send (same for both)

# ------------------------------------------------------------------------------ app routes


async def build(request: Any, spec: dict[str, Any]) -> Any:
    """The response a spec describes, made with the public helpers."""
    from datetime import datetime, timezone

    from sanic import response
    from sanic.compat import Header

    kind = spec["k"]
    kw: dict[str, Any] = {}
    if "st" in spec:
        kw["status"] = spec["st"]
    if "h" in spec:
        kw["headers"] = Header([tuple(p) for p in spec["h"]])
    if "ct" in spec:
        kw["content_type"] = spec["ct"]
    if kind in ("text", "html", "raw", "HTTPResponse"):
        res = getattr(response, kind)(spec.get("b", ""), **kw)
    elif kind == "json":
        res = response.json(spec.get("b"), **kw)
    elif kind == "empty":
        res = response.empty(**kw)
    elif kind == "redirect":
        res = response.redirect(spec.get("b", "/"), **kw)
    elif kind == "file":
        kw.pop("content_type", None)
        if spec.get("cond"):
            kw["request_headers"] = request.headers
        res = await response.file(SERVED, last_modified=spec.get("lm"), **kw)
    else:  # file_stream
        kw.pop("content_type", None)
        res = await response.file_stream(SERVED, chunk_size=spec.get("cs", 4096), **kw)
    for c in spec.get("c", []):
        c = dict(c)
        if "expires" in c:
            c["expires"] = datetime.fromtimestamp(c["expires"], timezone.utc)
        if c.pop("del", False):
            res.delete_cookie(c.pop("key"), **{k: v for k, v in c.items() if k in (
                "path", "domain", "host_prefix", "secure_prefix")})
        else:
            res.add_cookie(c.pop("key"), c.pop("value"), **c)
    return res


def add_routes(app: Any) -> None:
    async def q(request: Any) -> Any:
        spec = json.loads(base64.urlsafe_b64decode(request.args.get("s")))
        return await build(request, spec)

    app.add_route(q, "/q", methods=["GET", "HEAD", "OPTIONS", "POST", "DELETE"], name="rq")
    app.add_route(q, "/qg", methods=["GET"], name="rqg")


# ------------------------------------------------------------------------------ generators

NAMES = ["X-Multi", "x-multi", "X-MULTI", "x-Odd-Case", "X-Custom", "cache-control", "Vary",
         "ETag", "Link", "Server", "content-language", "X-Empty", "Allow", "Location",
         "Last-Modified", "Content-Encoding", "Accept-Ranges", "Keep-Alive", "Content-Location"]
VALUES = ["1", "a b", "", " padded ", "é", "W/\"x\"", "\"e1\"", "max-age=0", "Accept",
          "Accept-Encoding", "gzip", "bytes", "timeout=5", "/else", "<http://x/>; rel=next",
          "Thu, 01 Jan 2015 00:00:00 GMT", "a,b", "x" * 200]
SPECIAL = [
    ("Content-Type", ["text/x", "application/json", "TEXT/HTML; Charset=UTF-8", "", "a/b; x=1"]),
    ("content-type", ["text/plain"]),
    ("Content-Length", ["0", "3", "5", "10", "999", "abc", " 4", "-1"]),
    ("content-length", ["2"]),
    ("Transfer-Encoding", ["chunked", "gzip", "identity", "gzip, chunked", "CHUNKED"]),
    ("Set-Cookie", ["raw=1; Path=/", "r2=2"]),
    ("Connection", ["close", "keep-alive", "upgrade", "x-foo"]),
    ("Date", ["Thu, 01 Jan 2015 00:00:00 GMT"]),
]
STATUSES = [200, 200, 200, 201, 202, 203, 206, 299, 204, 205, 304, 100, 101, 102, 103, 199,
            10, 42, 99, 600, 700, 999, 301, 302, 307, 400, 404, 410, 418, 500, 503]
COOKIE_KEYS = ["c", "sid", "A_b", "x-y", "__Host-h", "a.b", "UPPER"]
COOKIE_VALUES = ["v", "", "a b", "a;b", '"q"', "é", "x" * 60, "a,b", "1=2"]


def _cookie(rnd: random.Random) -> dict[str, Any]:
    c: dict[str, Any] = {"key": rnd.choice(COOKIE_KEYS), "value": rnd.choice(COOKIE_VALUES)}
    if rnd.random() < 0.15:
        c["del"] = True
    for name, pool in (("path", ["/", "/p", "/a b", ""]), ("domain", ["d.com", ".d.com", ""]),
                       ("secure", [True, False]), ("max_age", [0, 10, -1, 3600]),
                       ("expires", [0, 1893456000, 1700000000]), ("httponly", [True, False]),
                       ("samesite", ["Lax", "Strict", "None", "none", None, "bogus"]),
                       ("partitioned", [True, False]), ("comment", ["hm", "a b"]),
                       ("host_prefix", [True, False]), ("secure_prefix", [True, False])):
        if rnd.random() < 0.3:
            c[name] = rnd.choice(pool)
    return c


def _headers(rnd: random.Random) -> list[list[str]]:
    out = []
    for _ in range(rnd.randint(0, 4)):
        if rnd.random() < 0.35:
            name, pool = rnd.choice(SPECIAL)
            out.append([name, rnd.choice(pool)])
        else:
            out.append([rnd.choice(NAMES), rnd.choice(VALUES)])
    if rnd.random() < 0.2:  # the same name twice, in two casings
        out += [["X-Twice", "1"], ["x-twice", "2"]]
    return out


KINDS = ["text", "json", "html", "raw", "empty", "redirect", "file", "file_stream", "HTTPResponse"]


def spec_of(rnd: random.Random) -> dict[str, Any]:
    kind = rnd.choice(KINDS)
    spec: dict[str, Any] = {"k": kind}
    if kind in ("text", "html", "raw", "HTTPResponse"):
        spec["b"] = rnd.choice(["", "x", "hello é", "a" * 300, "<b>h</b>"])
    elif kind == "json":
        spec["b"] = rnd.choice([{"a": 1}, [1, "é"], "s", None])
    elif kind == "redirect":
        spec["b"] = rnd.choice(["/a", "http://x.y/p?q=1", "/é"])
    elif kind == "file":
        spec["lm"] = rnd.choice([None, 1700000000])
        spec["cond"] = rnd.random() < 0.5
    elif kind == "file_stream":
        spec["cs"] = rnd.choice([512, 4096])  # smaller: 3,000 writes pass the timeout
    if rnd.random() < 0.5:
        spec["st"] = rnd.choice(STATUSES)
    if rnd.random() < 0.7:
        spec["h"] = _headers(rnd)
    if kind not in ("empty", "redirect", "file", "file_stream") and rnd.random() < 0.25:
        spec["ct"] = rnd.choice(["text/x", "application/json", "", "text/plain; charset=latin-1"])
    if rnd.random() < 0.35:
        spec["c"] = [_cookie(rnd) for _ in range(rnd.randint(1, 2))]
    return spec


def target_of(spec: dict[str, Any], path: str = "/q") -> str:
    return path + "?s=" + base64.urlsafe_b64encode(json.dumps(spec).encode()).decode()


CONDITIONS = [("If-None-Match", '"e1"'), ("If-None-Match", "*"),
              ("If-Modified-Since", "Thu, 01 Jan 2099 00:00:00 GMT"),
              ("If-Modified-Since", "Tue, 14 Nov 2023 22:13:20 GMT"),
              ("If-Unmodified-Since", "Thu, 01 Jan 2015 00:00:00 GMT"),
              ("Range", "bytes=0-4"), ("Range", "bytes=-3"), ("Range", "bytes=9999-"),
              ("If-Range", '"x"')]


def one(rnd: random.Random) -> bytes:
    spec = spec_of(rnd)
    method = rnd.choice(["GET", "GET", "GET", "HEAD", "HEAD", "OPTIONS"])
    path = "/qg" if rnd.random() < 0.15 else "/q"
    headers = [rnd.choice(CONDITIONS) for _ in range(rnd.randint(0, 2)) if rnd.random() < 0.5]
    version = "1.0" if rnd.random() < 0.08 else "1.1"
    if version == "1.0" and rnd.random() < 0.5:
        headers.append(("Connection", "keep-alive"))
    return wire.req(method, target_of(spec, path), headers, version=version)


def gen_rhead(rnd: random.Random) -> bytes:
    """One generated response, asked for with GET, HEAD or OPTIONS."""
    return one(rnd)


def gen_rpipe(rnd: random.Random) -> bytes:
    """Two to five generated responses pipelined on one connection."""
    return b"".join(one(rnd) for _ in range(rnd.randint(2, 5)))


BODY_TARGETS = ["/w", "/w", "/qg", "/q"]


def gen_rbody(rnd: random.Random) -> bytes:
    """Requests with bodies to GET, HEAD and DELETE routes, framed or not, then another."""
    out = b""
    for _ in range(rnd.randint(1, 3)):
        method = rnd.choice(["GET", "HEAD", "DELETE", "GET", "HEAD", "DELETE", "OPTIONS"])
        path = rnd.choice(BODY_TARGETS)
        target = path if path == "/w" else target_of(spec_of(rnd), path)
        body = rnd.choice([b"", b"abc", b"x" * 100, b'{"a":1}', b"GET /w HTTP/1.1\r\n\r\n"])
        framing = rnd.choice(["length", "length", "chunked", "none", "zero"])
        if framing == "chunked":
            data = (f"{len(body):x}\r\n".encode() + body + b"\r\n" if body else b"") + b"0\r\n\r\n"
            out += wire.req(method, target, [("Transfer-Encoding", "chunked")], data, length=False)
        elif framing == "length":
            out += wire.req(method, target, [], body, length=True)
        elif framing == "zero":
            out += wire.req(method, target, [("Content-Length", "0")], b"", length=False)
        else:  # a body with no framing: the bytes are the next request's (RFC 9112 6.3 7)
            out += wire.req(method, target, [], body, length=False)
    return out


GENERATORS: dict[str, Callable[[random.Random], bytes]] = {
    "rhead": gen_rhead,
    "rpipe": gen_rpipe,
    "rbody": gen_rbody,
}

# ------------------------------------------------------------------------------ exchange


def _allow(line: str) -> str:
    """An `Allow` line with its methods sorted (a set; Sanic's order varies by run)."""
    name, _, value = line.partition(":")
    if name.lower() != "allow":
        return line
    return name + ": " + ", ".join(sorted(v.strip() for v in value.split(",")))


_DASHED = re.compile(r"(?i)(?<=expires=)(\w{3}, \d\d)-(\w{3})-(\d{4})")


def _split(data: bytes, methods: list[bytes]) -> tuple[list[dict[str, Any]], bytes]:
    """Responses as sent: status line, fields in order, body bytes; the bytes left over."""
    out: list[dict[str, Any]] = []
    asked = iter(methods)
    method = next(asked, b"GET")
    while data.startswith(b"HTTP/"):
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            break
        lines = head.split(b"\r\n")
        try:
            status = int(lines[0].split(b" ", 2)[1])
        except (IndexError, ValueError):
            break
        fields = [_allow(ln.decode("latin-1")) for ln in lines[1:]
                  if not ln.lower().startswith(b"date:")]
        # Two kept differences are taken out here and counted as fields of their own,
        # so that what else a head holds is still compared line by line.
        ct_none = "content-type: None" in fields
        fields = [f for f in fields if f != "content-type: None"]
        dated = [re.sub(_DASHED, r"\1 \2 \3", f) if f.lower().startswith("set-cookie:") else f
                 for f in fields]
        cookie_date, fields = dated != fields, dated
        get = {f.partition(":")[0].lower(): f.partition(":")[2].strip() for f in fields}
        body = b""
        if status < 200 and status != 101:
            pass  # an interim answer: the request's own answer follows
        elif method == b"HEAD" or status in (204, 304) or rest.startswith(b"HTTP/1."):
            pass
        elif get.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size_line, _, after = rest.partition(b"\r\n")
                try:
                    n = int(size_line.split(b";")[0], 16)
                except ValueError:
                    break
                body += after[:n]
                rest = after[n + 2:]
                if n == 0:
                    break
        elif get.get("content-length", "").isdigit():
            n = int(get["content-length"])
            body, rest = rest[:n], rest[n:]
        else:
            body, rest = rest, b""
        out.append({"status": lines[0].decode("latin-1"), "ct_none": ct_none,
                    "cookie_date": cookie_date,
                    "head": sorted(f.partition(":")[0].lower() + ":" + f.partition(":")[2]
                                   for f in fields),
                    # as sent, but fields of different names in any order (RFC 9110 5.3)
                    "order": sorted(fields, key=lambda f: f.partition(":")[0].lower()),
                    "body": body.decode("latin-1")[:400]})
        data = rest
        if status >= 200 or status == 101:
            method = next(asked, b"GET")
        if status == 101:
            break
    return out, data


def exchange(port: int, raw: bytes, timeout: float) -> tuple[int | None, Any]:
    """Send raw and the sentinel, read until close: (first status, responses by field)."""
    data, end = wire.talk(port, [raw + wire.SENTINEL], timeout)
    methods = [h.split(b" ", 1)[0] for h, _ in requests(raw + wire.SENTINEL)]
    responses, rest = _split(data, methods)
    fields: dict[str, Any] = {"count": len(responses), "end": end}
    if rest:
        fields["rest"] = rest[:200].decode("latin-1")
    for i, resp in enumerate(responses):
        for key, value in resp.items():
            fields[f"{i}.{key}"] = value
    # The first status is compared as `0.status`, so that a cause can explain it.
    return None, fields


# ------------------------------------------------------------------------------ causes


def requests(raw: bytes) -> list[tuple[bytes, dict[str, Any]]]:
    """(head, spec) of each request as a server reads raw: a head, then the body its
    Content-Length or chunked framing says, then the next head (bytes before a method
    included: `abcGET ...` is one request). The spec is {} where the target has none."""
    out = []
    pos = 0
    while pos < len(raw):
        end = raw.find(b"\r\n\r\n", pos)
        if end < 0:
            break
        head, pos = raw[pos:end + 4], end + 4
        length = re.search(rb"(?i)\r\ncontent-length: *([0-9]+)\r\n", head)
        if re.search(rb"(?i)\r\ntransfer-encoding: *chunked\r\n", head):
            while True:
                line_end = raw.find(b"\r\n", pos)
                try:
                    size = int(raw[pos:line_end].split(b";")[0], 16)
                except ValueError:
                    break
                pos = line_end + 2 + size + 2 if size else raw.find(b"\r\n\r\n", pos) + 4
                if not size or pos <= 0:
                    break
        elif length:
            pos += int(length.group(1))
        spec: dict[str, Any] = {}
        target = (head.split(b" ") + [b"", b""])[1].decode("latin-1")
        if "s=" in target:
            try:
                spec = json.loads(base64.urlsafe_b64decode(unquote(target.partition("s=")[2])))
            except ValueError:
                pass
        out.append((head, spec))
    return out


def _given(spec: dict[str, Any], name: str) -> list[str]:
    """The values of field `name` the handler passed in headers=."""
    return [v for k, v in spec.get("h", []) if k.lower() == name]


Pred = Callable[[bytes, dict[str, Any]], bool]
MAX = 8  # requests per case, the sentinel included
KEYS = ("status", "head", "order", "body", "ct_none", "cookie_date")


def _at(i: int, keys: tuple[str, ...], onwards: bool) -> frozenset[str]:
    if not onwards:
        return frozenset(f"{i}.{k}" for k in keys)
    return frozenset(f"{j}.{k}" for j in range(i, MAX) for k in KEYS) | {"count", "end", "rest"}


def _nth(i: int, pred: Pred) -> Callable[[bytes], bool]:
    def matches(raw: bytes) -> bool:
        reqs = requests(raw + wire.SENTINEL)  # as sent: unframed bytes join the sentinel
        return i < len(reqs) and pred(*reqs[i])
    return matches


# (label, what it explains at that request: its fields, or from it on, the predicate)
_KEPT: list[tuple[str, tuple[str, ...], bool, Pred]] = [
    ("kept: delete_cookie() beside a Set-Cookie string in headers= works (Sanic: 500,"
     " AttributeError)", KEYS, False, lambda h, s: any(c.get("del") for c in s.get("c", []))
     and bool(_given(s, "set-cookie"))),
    ("kept: no `content-type: None` line (RFC 9110 8.3; listed first)", ("ct_none",), False,
     lambda h, s: s.get("k") in ("empty", "HTTPResponse") and "ct" not in s
     and not _given(s, "content-type")),
    ("kept: Set-Cookie expires as an IMF-fixdate, `01 Jan 2030` (RFC 6265 4.1.1)",
     ("cookie_date",), False, lambda h, s: any("expires" in c and not c.get("del")
                                                for c in s.get("c", []))),
    ("kept: a handler's Transfer-Encoding on a framed response is dropped (RFC 9112 6.1)",
     KEYS, True, lambda h, s: bool(_given(s, "transfer-encoding"))),
    ("kept: a handler's `Connection: close` closes after the answer (RFC 9112 9.6; Sanic"
     " writes keep-alive)", KEYS, True, lambda h, s: "close" in _given(s, "connection")),
    ("kept: a 304 without Allow, Content-*, Last-Modified (RFC 9110 15.4.5), with the"
     " Cache-Control, ETag, Vary a 304 must keep",
     ("head", "order"), False, lambda h, s: s.get("st") == 304 or s.get("cond", False)
     and re.search(rb"(?i)\r\nif-(none-match|modified-since):", h) is not None),
    ("kept: no Content-Length on a 204 (RFC 9110 8.6 MUST NOT; Sanic keeps a handler's)",
     ("head", "order"), False, lambda h, s: bool(_given(s, "content-length"))
     and s.get("st", 204 if s.get("k") == "empty" else 200) == 204),
    ("kept: file(request_headers=) evaluates If-None-Match and If-Unmodified-Since too"
     " (RFC 9110 13.2.2; Sanic only If-Modified-Since)", KEYS, False,
     lambda h, s: s.get("cond", False) and re.search(
         rb"(?i)\r\nif-(none-match|unmodified-since):", h) is not None),
    ("kept: file(request_headers=) ignores If-Modified-Since but for GET and HEAD (RFC 9110"
     " 13.1.3; Sanic answers an OPTIONS 304)", KEYS, False,
     lambda h, s: s.get("cond", False) and not h.startswith((b"GET ", b"HEAD "))
     and re.search(rb"(?i)\r\nif-modified-since:", h) is not None),
    ("kept: file(request_headers=) with a status other than 2xx ignores the preconditions"
     " (RFC 9110 13.2.1 MUST; Sanic's 304 for any status; listed in 'RFC conformance"
     " checklist, seventh round'): the answer its status gives, a 1xx the 500 page",
     KEYS, False, lambda h, s: s.get("cond", False) and not 200 <= s.get("st", 200) <= 299
     and re.search(rb"(?i)\r\nif-(none-match|modified-since|match|unmodified-since):", h)
     is not None),
    ("kept: HEAD of a streamed answer keeps the connection (Sanic closes)", KEYS, True,
     lambda h, s: h.startswith(b"HEAD ") and s.get("k") == "file_stream"),
    ("kept: a stream to an HTTP/1.0 client is not chunked, the connection closes (RFC 9112"
     " 6.1)", KEYS, True, lambda h, s: b" HTTP/1.0\r\n" in h and s.get("k") == "file_stream"),
    ("kept: a stream longer than its handler's Content-Length is a 500 before the head"
     " (RFC 9112 6.3; Sanic sends the excess)", KEYS, True,
     lambda h, s: s.get("k") == "file_stream" and bool(_given(s, "content-length"))),
    ("kept: HEAD gets the body's Content-Length, as GET, not the handler's (RFC 9110 9.3.2)",
     ("head", "order"), False, lambda h, s: h.startswith(b"HEAD ")
     and bool(_given(s, "content-length"))),
    ("kept: a 205 has no content (RFC 9110 15.3.6)", KEYS, False, lambda h, s: s.get("st") == 205),
]

_METHOD = re.compile(rb"(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH) ")


def _unframed(head: bytes, spec: dict[str, Any]) -> bool:
    """Bytes a head without Content-Length left, read as a request: its method (`abcGET`)
    is no token, or it has no Host."""
    return not _METHOD.match(head) or re.search(rb"(?i)\r\nhost:", head) is None


UNFRAMED = ("kept: a body without Content-Length is the next request (RFC 9112 6.3): `abcGET`"
            " is no method, 400 and close (RFC 9110 9.1; Sanic 405), one without Host 400 (listed)")

KNOWN_CAUSES: list[tuple[str, str, frozenset[str], Callable[[bytes], bool]]] = [
    ("rbody", UNFRAMED, _at(i, KEYS, True), _nth(i, _unframed)) for i in range(MAX)
] + [
    (gen, label, _at(i, keys, onwards), _nth(i, pred))
    for gen in ("rhead", "rpipe", "rbody")
    for label, keys, onwards, pred in _KEPT
    for i in range(MAX)
]
