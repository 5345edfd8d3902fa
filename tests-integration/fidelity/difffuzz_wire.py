"""Raw HTTP/1.x wire generators for ``difffuzz.py``: framing and connections, not parsed parts.

The first rounds' generators send one request per connection and compare what a handler
reads. These send whole byte streams: request-target forms (absolute-form with ports and
userinfo, authority-form, asterisk-form, each with other methods), Host variants, pipelined
sequences (HEAD, bodies, ``Connection: close`` in the middle, HTTP/1.0 keep-alive,
``Expect: 100-continue`` with and without the body), upgrades (h2c, websocket on a plain
route and on a websocket route), obs-text and high bytes, long and empty field values,
methods in odd case and unknown ones, queries of reserved characters and broken escapes,
and bodies framed by ``Transfer-Encoding`` lists.

Each case ends with a sentinel request that closes, so a connection left open is seen
without waiting: ``exchange`` reads until the server closes and splits what came back into
responses (1xx included), compared by status, fields (all but ``date``; ``allow`` as a set),
body (JSON echo, or an HTML page by its visible text) and whether the sentinel was answered.

``difffuzz.py`` imports this module: its app gets ``add_routes``, its ``GENERATORS`` and
``KNOWN_CAUSES`` these, and its runner uses ``exchange`` for them.

    .venv/bin/python tests-integration/fidelity/difffuzz.py --variant plain \
        --only target --only pipeline --count 2000 --seed 1
"""

from __future__ import annotations

import json
import random
import re
import socket
import time
import zlib
from collections.abc import Callable
from typing import Any

from summarize import visible

SENTINEL = b"GET /w?end HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
FRAME = b"\x81\x82\x01\x02\x03\x04"  # gen_upgrade's masked text frame "yo"

# ------------------------------------------------------------------------------ app routes


def add_routes(app: Any) -> None:
    """Routes the wire generators aim at: an echo of the request line and fields, a
    streamed-body route, a websocket route and `/`."""
    from sanic.response import json as json_response

    async def wecho(request: Any) -> Any:
        r = request
        return json_response(
            {
                "method": r.method,
                "version": r.version,
                "path": r.path,
                "query_string": r.query_string,
                "query_args": r.query_args,
                "host": r.host,
                "server_name": r.server_name,
                "server_port": r.server_port,
                "url": r.url,
                "fields": [[k, v] for k, v in r.headers.items()],
                "body": r.body.decode("latin-1")[:300],
                "body_len": len(r.body),
            }
        )

    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]
    app.add_route(wecho, "/w", methods=methods, name="wecho")
    app.add_route(wecho, "/", methods=["GET", "POST", "OPTIONS"], name="wroot")

    async def wstream(request: Any) -> Any:
        n, size = 0, 0
        while True:
            chunk = await request.stream.read()
            if chunk is None:
                break
            n, size = n + 1, size + len(chunk)
        return json_response({"size": size, "expect": request.headers.get("expect")})

    app.add_route(wstream, "/w/s", methods=["POST", "PUT"], stream=True, name="wstream")

    async def wrespond(request: Any) -> None:
        res = await request.respond(content_type="text/plain")
        await res.send("a" * int(request.args.get("n", "3")))
        await res.send("b")
        await res.eof()

    app.add_route(wrespond, "/w/r", methods=["GET", "HEAD", "POST"], name="wrespond")

    async def wraise(request: Any) -> Any:
        raise ValueError("boom")

    app.add_route(wraise, "/w/x", methods=["GET", "HEAD", "POST"], name="wraise")

    async def wsock(request: Any, ws: Any) -> None:
        await ws.send("hi " + await ws.recv())

    app.add_websocket_route(wsock, "/ws", name="wsock")


# ------------------------------------------------------------------------------ generators


def req(
    method: str = "GET",
    target: str = "/w",
    headers: list[tuple[str, str]] | None = None,
    body: bytes = b"",
    host: str | None = "x",
    version: str = "1.1",
    length: bool | None = None,
) -> bytes:
    """One request (no `Connection: close`): Content-Length added for a body or a POST."""
    lines = [f"{method} {target} HTTP/{version}"]
    if host is not None:
        lines.append(f"Host: {host}")
    for k, v in headers or []:
        lines.append(f"{k}: {v}")
    if length or (length is None and (body or method in ("POST", "PUT"))):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


TARGETS = [
    "http://a.example/w", "http://a.example:8080/w?q=1", "http://a.example:/w", "HTTP://A.EXAMPLE/w",
    "https://a.example/w", "http://u:p@a.example/w", "http://u@a.example:81/w", "http://@a.example/w",
    "http://[::1]/w", "http://[::1]:81/w?x", "http://a.example", "http://a.example?x=1",
    "http://a.example/", "ftp://a.example/w", "http:/w", "http://a.example:99999/w",
    "http://1.2.3.4:80/w", "http://a.example/w#f", "//a.example/w", "/w", "/w?a=1", "/",
    "*", "*?a", "a.example:443", "a.example", "[::1]:443", "a.example:x", "u@a.example:443",
    "/w/../w", "w", "?a", "http://a.example/%77", "http://a%2eexample/w", "http://a.example./w",
]
TARGET_METHODS = ["GET", "GET", "HEAD", "POST", "OPTIONS", "OPTIONS", "CONNECT", "CONNECT",
                  "DELETE", "TRACE", "PUT"]


def gen_target(rnd: random.Random) -> bytes:
    """Request-target forms under any method, with Host absent, alike or different."""
    method = rnd.choice(TARGET_METHODS)
    target = rnd.choice(TARGETS)
    host = rnd.choice(["x", "x", "a.example", "b.example:82", None, "[::1]:81"])
    version = "1.0" if rnd.random() < 0.15 else "1.1"
    if rnd.random() < 0.05:
        version = rnd.choice(["1.2", "2.0", "1.9", "0.9"])
    body = b"ab" if method in ("POST", "PUT") and rnd.random() < 0.5 else b""
    return req(method, target, [], body, host=host, version=version)


HOST_VALUES = [
    "x", "[::1]", "[::1]:80", "[::1]:", "[::ffff:127.0.0.1]", "[fe80::1%25eth0]", "[v1.x]",
    "::1", "[::1", "::1]", "[0:0:0:0:0:0:0:1]:8000", "a.example.", "a.example.:81", "A.Example",
    "a.example:0", "a.example:65535", "a.example:65536", "a.example:080", "a.example::80",
    "a.example: 80", "a.example:-1", "", " ", "u@a.example", "a.example:80:80", "1.2.3.4",
    "1.2.3.4:", "256.1.1.1", "a..b", ".", "..", "a.example/x", "a.example?x", "a\\b",
    "a%20b", "xn--bcher-kva.example", "b\xfccher.example", "a.example\t", "\ta.example",
]


def gen_host(rnd: random.Random) -> bytes:
    """Host variants: IPv6 literals, ports, trailing dots, several fields, odd bytes."""
    n = rnd.choice([1, 1, 1, 1, 2, 0])
    headers = [(rnd.choice(["Host", "host", "HOST"]), rnd.choice(HOST_VALUES)) for _ in range(n)]
    target = rnd.choice(["/w", "/w", "http://a.example/w", "http://[::1]:81/w"])
    version = "1.0" if rnd.random() < 0.15 else "1.1"
    raw = req(rnd.choice(["GET", "GET", "HEAD"]), target, headers, host=None, version=version)
    return raw + (gen_simple(rnd) if rnd.random() < 0.3 else b"")


def gen_simple(rnd: random.Random) -> bytes:
    """A plain request to follow another on the connection."""
    method = rnd.choice(["GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
    body = rnd.choice([b"", b"", b"x", b"hello=1"]) if method != "GET" else b""
    return req(method, rnd.choice(["/w", "/w?b=2", "/nope", "/", "/w/r", "/w/x"]), [], body)


def _chunked(body: bytes, rnd: random.Random) -> bytes:
    out = b""
    while body:
        n = rnd.randint(1, max(1, len(body)))
        ext = rnd.choice([b"", b"", b";a=b", b"; x", b";q=\"s\""])
        out += b"%x" % n + ext + b"\r\n" + body[:n] + b"\r\n"
        body = body[n:]
    trailer = rnd.choice([b"", b"", b"X-T: 1\r\n", b"Content-Length: 5\r\n", b"X-T: \xe9\r\n"])
    return out + b"0\r\n" + trailer + b"\r\n"


def gen_pipeline(rnd: random.Random) -> bytes:
    """2-5 requests on one connection: HEAD, bodies (Content-Length or chunked),
    `Connection: close` in the middle, HTTP/1.0 with and without keep-alive, Expect."""
    out = b""
    for _ in range(rnd.randint(2, 5)):
        roll = rnd.random()
        method = rnd.choice(["GET", "HEAD", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
        target = rnd.choice(["/w", "/w?i=1", "/", "/nope", "/w/s", "/ws", "/w/r", "/w/r?n=0",
                             "/w/x"])
        headers: list[tuple[str, str]] = []
        version = "1.1"
        body = rnd.choice([b"", b"abc", b"x" * 40]) if method not in ("GET", "HEAD") else b""
        if roll < 0.15:
            headers.append(("Connection", rnd.choice(["close", "Close", "keep-alive, close"])))
        elif roll < 0.3:
            version = "1.0"
            if rnd.random() < 0.7:
                headers.append(("Connection", rnd.choice(["keep-alive", "Keep-Alive"])))
        elif roll < 0.4:
            headers.append(("Expect", "100-continue"))
            body = body or b"exp"
        if rnd.random() < 0.2 and body and version == "1.1":
            headers.append(("Transfer-Encoding", "chunked"))
            out += req(method, target, headers, _chunked(body, rnd), length=False)
        else:
            out += req(method, target, headers, body, version=version)
    return out


def gen_expect(rnd: random.Random) -> bytes:
    """`Expect: 100-continue` with the body sent, sent late (the sentinel), or none due."""
    value = rnd.choice(["100-continue", "100-Continue", "100-continue ", "100-continue, x",
                        "x-unknown", "", "100", ", 100-continue", "100-continue,"])
    target = rnd.choice(["/w", "/w/s", "/nope", "/ws"])
    method = rnd.choice(["POST", "PUT", "GET", "POST"])
    version = "1.0" if rnd.random() < 0.15 else "1.1"
    body = rnd.choice([b"hello", b"", b"x" * 100])
    headers = [("Expect", value)]
    send = rnd.random()
    if rnd.random() < 0.2 and version == "1.1":
        headers.append(("Transfer-Encoding", "chunked"))
        data = _chunked(body, rnd)
        return req(method, target, headers, data if send < 0.6 else b"", length=False)
    head = req(method, target, headers, body, version=version, length=True)
    if send < 0.6:
        return head
    return head[: len(head) - len(body)]  # the body is not sent: the sentinel comes instead


UPGRADES = [
    [("Connection", "Upgrade, HTTP2-Settings"), ("Upgrade", "h2c"), ("HTTP2-Settings", "AAMAAABkAAQAAP__")],
    [("Connection", "Upgrade"), ("Upgrade", "h2c")],
    [("Upgrade", "h2c")],
    [("Connection", "upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"),
     ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")],
    [("Connection", "keep-alive, Upgrade"), ("Upgrade", "WebSocket"), ("Sec-WebSocket-Version", "13"),
     ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")],
    [("Connection", "Upgrade"), ("Upgrade", "websocket")],
    [("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "8"),
     ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")],
    [("Connection", "Upgrade"), ("Upgrade", "foo/1, websocket"), ("Sec-WebSocket-Version", "13"),
     ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")],
    [("Connection", "Upgrade, close"), ("Upgrade", "h2c")],
    [("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"),
     ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")],
    [("Connection", "Upgrade"), ("Upgrade", "TLS/1.2, HTTP/1.1")],
]


def gen_upgrade(rnd: random.Random) -> bytes:
    """Upgrade requests (h2c, websocket) to a plain route, a websocket route, no route."""
    if rnd.random() < 0.05:  # the HTTP/2 connection preface (prior knowledge)
        return b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"
    headers = list(rnd.choice(UPGRADES))
    target = rnd.choice(["/w", "/w", "/ws", "/nope", "/w/s"])
    method = rnd.choice(["GET", "GET", "POST", "PUT", "HEAD", "OPTIONS"])
    version = "1.0" if rnd.random() < 0.15 else "1.1"
    body = b""
    if method in ("POST", "PUT") and rnd.random() < 0.7:  # h2c from curl --http2 -d
        body = rnd.choice([b"ab", b"x" * 60, b"y" * 700])
    if body and version == "1.1" and rnd.random() < 0.3:
        headers.append(("Transfer-Encoding", "chunked"))
        raw = req(method, target, headers, _chunked(body, rnd), length=False)
    else:
        raw = req(method, target, headers, body, version=version)
    if rnd.random() < 0.5:  # a masked text frame "yo" right after the head
        return raw + FRAME + bytes([ord("y") ^ 1, ord("o") ^ 2])
    return raw + (gen_simple(rnd) if rnd.random() < 0.4 else b"")


HIGH = ["\x80", "\xe9", "\xff", "\xc3\xa9", "\xa0", "\x7f", "\x01", "\x00", "\x1b", "\t"]


def _sprinkle(rnd: random.Random, text: str, pool: list[str]) -> str:
    at = rnd.randint(0, len(text))
    return text[:at] + "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 3))) + text[at:]


def gen_obstext(rnd: random.Random) -> bytes:
    """obs-text (0x80-0xFF) and control bytes in field values, names and the target."""
    where = rnd.choice(["value", "value", "value", "target", "query", "name", "host"])
    target, headers, host = "/w", [("X-V", "abc")], "x"
    pool = HIGH[:6] if rnd.random() < 0.7 else HIGH
    if where == "value":
        headers = [(rnd.choice(["X-V", "User-Agent", "Accept", "Content-Type", "Cookie"]),
                    _sprinkle(rnd, rnd.choice(["abc", "", "a b", "text/plain"]), pool))]
    elif where == "target":
        target = _sprinkle(rnd, "/w", pool)
    elif where == "query":
        target = "/w?" + _sprinkle(rnd, rnd.choice(["a=1", "", "a=b&c"]), pool)
    elif where == "name":
        headers = [(_sprinkle(rnd, "X-N", pool), "1")]
    else:
        host = _sprinkle(rnd, "a.example", pool)
    raw = req(rnd.choice(["GET", "POST"]), target, headers, host=host)
    return raw + (gen_simple(rnd) if rnd.random() < 0.3 else b"")


def gen_values(rnd: random.Random) -> bytes:
    """Very long and empty field values, many fields, whitespace-only values."""
    kind = rnd.choice(["long", "long", "empty", "many", "ws"])
    headers: list[tuple[str, str]] = []
    if kind == "long":
        n = rnd.choice([100, 1000, 4000, 8000, 8100, 8190, 9000, 16000, 70000])
        name = rnd.choice(["X-Long", "Cookie", "User-Agent", "Host"])
        headers.append((name, "a" * n))
    elif kind == "empty":
        for name in rnd.sample(["X-E", "Content-Type", "Cookie", "Accept", "Connection",
                                "Expect", "Upgrade", "Transfer-Encoding", "Content-Length",
                                "Authorization", "Forwarded"], rnd.randint(1, 3)):
            headers.append((name, ""))
    elif kind == "many":
        n = rnd.choice([50, 99, 100, 101, 200, 1000])
        headers += [(f"X-H{i}", "v") for i in range(n)]
    else:
        headers.append((rnd.choice(["X-W", "Content-Type", "Accept"]), rnd.choice([" ", "\t", " \t "])))
    if rnd.random() < 0.3:
        return req("GET", "/w?" + "q" * rnd.choice([4000, 8000, 8190, 9000, 70000]), headers)
    method = rnd.choice(["GET", "POST"])
    return req(method, "/w", headers, b"" if method == "GET" else b"b=1") + (
        gen_simple(rnd) if rnd.random() < 0.3 else b""
    )


METHODS = ["get", "Get", "gET", "post", "head", "Head", "options", "FOO", "BREW", "PURGE",
           "PROPFIND", "M-SEARCH", "X_Y", "G3T", "GET!", "A" * 40, "QUERY", "LINK", "CONNECT",
           "TRACE", "PATCH", "PRI", "SOURCE", "ACL", "MKCOL", "GE", "GETX", "HEADX"]


def gen_methods(rnd: random.Random) -> bytes:
    """Methods in odd case and unknown ones, to a route, to `/` and to no route."""
    method = rnd.choice(METHODS)
    target = rnd.choice(["/w", "/w", "/", "/nope", "/w/s"])
    body = b"zz" if rnd.random() < 0.3 else b""
    raw = req(method, target, [], body, length=bool(body))
    return raw + (gen_simple(rnd) if rnd.random() < 0.5 else b"")


RESERVED = list(":/?#[]@!$&'()*+,;=") + ["%", "%G1", "%%", "%2", "%ZZ", "%u1234", "%%25",
                                          "%2F", "%3F", "%23", "%00", "%7", "%-1", "%+1",
                                          "a", "=", "&", "é", "%C3%A9", "%C3", "\\", "^", "|",
                                          "{", "}", "`", "<", ">", '"']


def gen_reserved(rnd: random.Random) -> bytes:
    """Queries (and paths) made of every reserved character and malformed escapes."""
    q = "".join(rnd.choice(RESERVED) for _ in range(rnd.randint(1, 14)))
    path = "/w" if rnd.random() < 0.8 else "/w" + "".join(
        rnd.choice(RESERVED[:20] + ["%2", "%G1"]) for _ in range(rnd.randint(1, 3)))
    target = path + "?" + q
    return req(rnd.choice(["GET", "GET", "HEAD", "POST"]), target.encode("utf-8").decode("latin-1"))


TE_VALUES = [
    "chunked", "Chunked", "CHUNKED", "gzip, chunked", "identity, chunked", "chunked, chunked",
    "chunked ", " chunked", "x-custom, chunked", ", chunked", "chunked,", "chunked, gzip",
    "deflate", "identity", "", "chunked;q=1", "gzip,chunked", "gzip ,chunked", "\tchunked",
    "chunked\x00", "chunkedx", "chunk",
]


def gen_te(rnd: random.Random) -> bytes:
    """Bodies framed by Transfer-Encoding lists, on one or two lines, with or without
    Content-Length, HTTP/1.1 or 1.0, to the echo and to the streamed route."""
    values = [rnd.choice(TE_VALUES) for _ in range(rnd.choice([1, 1, 1, 2]))]
    headers = [("Transfer-Encoding", v) for v in values]
    body = rnd.choice([b"hello", b"", b"a=1&b=2", b"x" * 70])
    data = _chunked(body, rnd)
    if rnd.random() < 0.1:
        data = data.replace(b"\r\n", b"\n", 1)
    if rnd.random() < 0.15:
        headers.append(("Content-Length", str(len(data))))
    version = "1.0" if rnd.random() < 0.1 else "1.1"
    method = rnd.choice(["POST", "POST", "PUT", "GET"])
    target = rnd.choice(["/w", "/w", "/w/s", "/nope"])
    return req(method, target, headers, data, version=version, length=False) + (
        gen_simple(rnd) if rnd.random() < 0.5 else b""
    )


# A case starting with SPLIT is sent in pieces (cut where the request bytes' CRC says),
# a short pause after each, so heads, chunk lines and bodies arrive over several reads.
SPLIT = b"\x00split\x00"


def gen_split(rnd: random.Random) -> bytes:
    """A pipeline, chunked, Expect or upgrade case sent over several reads."""
    return SPLIT + rnd.choice([gen_pipeline, gen_te, gen_expect, gen_upgrade, gen_values])(rnd)


GENERATORS: dict[str, Callable[[random.Random], bytes]] = {
    "target": gen_target,
    "hostv": gen_host,
    "pipeline": gen_pipeline,
    "expect": gen_expect,
    "upgrade": gen_upgrade,
    "obstext": gen_obstext,
    "values": gen_values,
    "methods": gen_methods,
    "reserved": gen_reserved,
    "te": gen_te,
    "split": gen_split,
}

# ------------------------------------------------------------------------------ causes

# (generator or "wire" for all of them, label, the fields it explains, does the request show
# it). EVERYTHING explains any field: a cause that changes the first answer changes the rest
# of the connection's. Each is listed in the README (kept on purpose, or Sanic's failure).
EVERYTHING = frozenset({"*"})
_METHOD_NAMES = sorted(set(METHODS + TARGET_METHODS + ["GET", "HEAD", "POST", "PUT", "DELETE",
                                                      "PATCH", "OPTIONS"]), key=len, reverse=True)
_HEAD = re.compile(
    rb"(?:" + b"|".join(re.escape(m.encode()) for m in _METHOD_NAMES)
    + rb") [^ \r\n]+ HTTP/[0-9.]+\r\n(?:[^\r\n]*\r\n)*?\r\n", re.S
)
BODIES = frozenset(f"{i}.body" for i in range(16))
HEADS = frozenset(f"{i}.head" for i in range(16))
LATER = frozenset(f"{i}.{k}" for i in range(1, 16) for k in ("status", "head", "body")) | {
    "count", "end", "rest"}
def heads(raw: bytes) -> list[bytes]:
    """The heads of the requests in raw: each request line (a method these generators
    send, then a target and a version) up to the blank line."""
    return [m.group(0) for m in _HEAD.finditer(raw)]


def _targets(raw: bytes) -> list[bytes]:
    return [h.split(b" ", 2)[1] for h in heads(raw)]


def _any_head(pattern: bytes) -> Callable[[bytes], bool]:
    rx = re.compile(pattern, re.I)
    return lambda raw: any(rx.search(h) for h in heads(raw))


def _odd_connection(raw: bytes) -> bool:
    """An HTTP/1.1 head whose Connection holds none of `close`, `keep-alive`, `upgrade`
    (with Upgrade both close, see the first round)."""
    for h in heads(raw):
        for value in re.findall(rb"(?i)\r\nconnection:([^\r]*)", h):
            words = {w.strip().lower() for w in value.split(b",")}
            if b" HTTP/1.1\r\n" in h and not words & {b"close", b"keep-alive", b"upgrade"}:
                return True
    return False


ROUTED = {b"/w": {b"GET", b"POST", b"PUT", b"DELETE", b"PATCH", b"OPTIONS", b"HEAD"},
          b"/": {b"GET", b"POST", b"OPTIONS"}, b"/w/s": {b"POST", b"PUT"},
          b"/w/r": {b"GET", b"HEAD", b"POST"}, b"/w/x": {b"GET", b"HEAD", b"POST"}}


def _refused(head: bytes) -> bool:
    """The app answers this head with a 404, 405 or 426, not with its handler."""
    method, target = head.split(b" ", 2)[:2]
    return method not in ROUTED.get(target.partition(b"?")[0], ())


def _bad_host(head: bytes) -> bool:
    """Two Host lines, or one that is not host[:port] (Hurtle's 400, RFC 9112 3.2)."""
    hosts = re.findall(rb"\r\nhost:[ \t]*([^\r]*?)[ \t]*(?=\r\n)", head, re.I)
    return len(hosts) > 1 or bool(hosts) and not re.fullmatch(
        rb"([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*(:[0-9]*)?|\[[0-9A-Fa-f:.]+\](:[0-9]*)?",
        hosts[0],
    )


def _no_host(head: bytes) -> bool:
    """An HTTP/1.1 head without a Host line (Hurtle's 400, RFC 9112 3.2; Sanic serves it)."""
    line = head.partition(b"\r\n")[0]
    return line.endswith(b" HTTP/1.1") and re.search(rb"(?i)\r\nhost:", head) is None


MISSING_HOST = ("kept: missing_host_400: an HTTP/1.1 request without Host is 400 and the"
                " connection closed (RFC 9112 3.2; Sanic serves it)")

KNOWN_CAUSES: list[tuple[str, str, frozenset[str], Callable[[bytes], bool]]] = [
    ("wire", MISSING_HOST, EVERYTHING, lambda r: any(_no_host(h) for h in heads(r)[:1])),
    ("wire", MISSING_HOST + ", a later request", LATER,
     lambda r: any(_no_host(h) for h in heads(r)[1:])),
    ("wire", "kept: a 100 (Continue) only where the body is wanted: not to HTTP/1.0, for an"
     " empty body or before a 4xx (RFC 9110 10.1.1)", frozenset({"continues"}), _any_head(rb"\r\nexpect: *100-continue")),
    ("wire", "kept: absolute-form target names the host (RFC 9112 3.2.2; Sanic: Host, and a"
     " 500 or no answer without a path or for an authority it cannot read)", EVERYTHING,
     lambda r: any(re.match(rb"(?i)[a-z]+:", t) for t in _targets(r))),
    ("wire", "kept: CONNECT answered, then the connection closed (RFC 9110 9.3.6)", EVERYTHING,
     lambda r: any(h.startswith(b"CONNECT ") for h in heads(r))),
    ("wire", "kept: asterisk-form only for OPTIONS (RFC 9112 3.2.4)", EVERYTHING,
     lambda r: any(h.split(b" ", 2)[1].startswith(b"*") and not h.startswith(b"OPTIONS ")
                   for h in heads(r))),
    ("wire", "kept: a target that is no origin-form is 400 (RFC 9112 3.2; Sanic: no answer)",
     EVERYTHING, lambda r: any(not t.startswith((b"/", b"*")) for t in _targets(r))),
    ("wire", "kept: %-escapes of unreserved characters are normalised (RFC 3986 6.2.2.2)",
     EVERYTHING, lambda r: any(b"%" in t.partition(b"?")[0] for t in _targets(r))),
    ("wire", "kept: two Host fields or an invalid Host is 400 (RFC 9112 3.2)", EVERYTHING,
     lambda r: any(_bad_host(h) for h in heads(r))),
    ("wire", "kept: whitespace around a field value is no part of it (RFC 9110 5.5)",
     EVERYTHING, _any_head(rb"\r\n[^:\r\n]+:[^\r\n]*[^ \t:][ \t]+\r\n|\r\n[^:\r\n]+: ?\t")),
    ("wire", "kept: a target beyond ASCII or with a control byte is 400 (RFC 9112 3.2)",
     EVERYTHING, lambda r: any(re.search(rb"[^\x21-\x7e]", t) for t in _targets(r))),
    ("wire", "kept: a control byte in a field or a name that is no token is 400 (RFC 9110 5)",
     EVERYTHING, _any_head(
        rb"\r\n[^\r\n]*[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
        rb"|\r\n[^:\r\n]*[^!#$%&'*+.^_`|~0-9A-Za-z:\r\n-][^:\r\n]*:"
    )),
    ("wire", "kept: Expect `100-continue ` with whitespace after it (RFC 9110 5.5)",
     EVERYTHING, _any_head(rb"\r\nexpect: *100-continue[ \t]+\r\n")),
    ("wire", "kept: Expect `, 100-continue` or `100-continue,` is 100-continue (RFC 9110 "
     "5.6.1.2: empty list elements are ignored; Sanic 417)",
     EVERYTHING, _any_head(rb"\r\nexpect:[ \t]*,[ \t]*100-continue|\r\nexpect: *100-continue[ \t]*,[ \t]*\r\n")),
    ("wire", "kept: chunk extension with whitespace after ';' is 400 (llhttp)", EVERYTHING,
     lambda r: re.search(rb"\r\n[0-9a-f]+; x\r\n", r) is not None),
    ("wire", "kept: chunked trailer fields read and ignored (RFC 9112 7.1.2; Sanic answers them"
     " as a request)", EVERYTHING, lambda r: re.search(rb"\r\n0\r\n[^\r]", r) is not None),
    ("wire", "kept: Transfer-Encoding other than one bare `chunked` (RFC 9112 6.1: codings in"
     " any case, an unknown one before chunked 501, chunked not last 400)", EVERYTHING,
     _any_head(rb"\r\ntransfer-encoding:(?!(?-i: chunked\r\n))|\r\ntransfer-encoding:.*\r\ntransfer-encoding:")),
    ("wire", "kept: Transfer-Encoding in an HTTP/1.0 request is 400 (RFC 9112 6.1)",
     EVERYTHING, _any_head(rb" HTTP/1\.0\r\n(.*\r\n)*transfer-encoding:")),
    ("wire", "kept: 414 for a long target, 431 for a large head (Sanic: 413)", EVERYTHING,
     lambda r: any(len(h) > 8000 for h in heads(r))),
    ("wire", "kept: a Connection without close or keep-alive persists (RFC 9112 9.3)",
     EVERYTHING, _odd_connection),
    ("wire", "kept: a 426 carries Upgrade (RFC 9110 15.5.22)", HEADS,
     lambda r: any(t.startswith(b"/ws") for t in _targets(r))),
    ("wire", "kept: Upgrade read as a list (RFC 9110 7.8): one holding websocket is a handshake"
     " (101 on a websocket route, scheme ws on another)", EVERYTHING,
     _any_head(rb"\r\nupgrade: [^\r]*, *websocket")),
    ("wire", "kept: a websocket frame after a request that did not upgrade is 400 (Sanic: 500"
     " `An error occurred while handling an error`)", LATER, lambda r: FRAME in r),
    ("wire", "kept: bytes sent with the websocket handshake are read as frames (a frame"
     " answered, an HTTP request a 1002 close); Sanic loses what came in the handshake's read",
     frozenset({"frames"}), lambda r: any(h.startswith(b"GET /ws HTTP/1.1\r\n") for h in heads(r))),
    ("wire", "kept: a streamed answer to HTTP/1.0 is close-delimited, not chunked (RFC 9112"
     " 6.1), so the connection closes", EVERYTHING,
     lambda r: any(re.match(rb"\S+ /w/r\S* HTTP/1\.0\r\n", h) for h in heads(r))),
    ("wire", "kept: HEAD of a streamed answer keeps the connection (Sanic says keep-alive, then"
     " closes)", EVERYTHING, lambda r: any(h.startswith(b"HEAD /w/r") for h in heads(r))),
    ("wire", "kept: a websocket version other than 13 is 426 with Sec-WebSocket-Version"
     " (RFC 6455 4.4)", EVERYTHING, _any_head(rb"\r\nsec-websocket-version:[ \t]*(?![ \t]|13\r\n)")),
    ("wire", "kept: a Content-Length llhttp refuses is 400 before an unknown Expect is seen",
     EVERYTHING, _any_head(rb"\r\ncontent-length:[ \t]*(?![ \t]|[0-9]+\r\n)")),
    ("wire", "kept: a version other than HTTP/1.x: 1.2+ served as 1.1, 2.0 505 (RFC 9110 6.2,"
     " 15.6.6; Sanic 400)", EVERYTHING, lambda r: re.search(rb" HTTP/(?!1\.[01]\r\n)", r) is not None),
    ("wire", "kept: a bare LF in chunked framing is 400 (RFC 9112 7.1)", EVERYTHING,
     lambda r: b"transfer-encoding" in r.lower() and re.search(rb"(?<!\r)\n", r) is not None),
    ("wire", "kept: `head` (lower case) is no HEAD: its content is sent", EVERYTHING,
     lambda r: any(h[:5].lower() == b"head " and not h.startswith(b"HEAD ") for h in heads(r))),
    ("wire", "kept: a websocket handshake in HTTP/1.0 is 426 (RFC 9110 7.8)", EVERYTHING,
     lambda r: any(re.match(rb"\S+ /ws HTTP/1\.0\r\n", h) for h in heads(r))),
    ("wire", "kept: [::ffff:1.2.3.4] is a valid host (RFC 3986)", BODIES | HEADS,
     _any_head(rb"\r\nhost: *\[::ffff:")),
    ("wire", "kept: an empty port is the default one (`Host: a.example:` names a.example;"
     " RFC 3986 3.2.3, 6.2.3)", BODIES | HEADS, _any_head(rb"\r\nhost: *[^\r]*[^\r:]:[ \t]*\r\n")),
    ("wire", "kept: a 100-continue refused by route or method gets no 100; its body unsent,"
     " the connection closes (RFC 9110 10.1.1)", EVERYTHING,
     lambda r: any(re.search(rb"(?i)\r\nexpect: *100-continue", h) and _refused(h)
                   for h in heads(r))),
    ("wire", "kept: PRI, the HTTP/2 preface's method, is 400 (RFC 9113 3.4; llhttp)",
     EVERYTHING, lambda r: any(h.startswith(b"PRI ") for h in heads(r))),
    ("wire", "kept: a bad or repeated Content-Length says `Bad content-length` (the 400 alike)",
     BODIES, _any_head(rb"\r\ncontent-length:(.*\r\n)*content-length:|\r\ncontent-length: *\r\n")),
]

# ------------------------------------------------------------------------------ exchange

SKIP_FIELDS = {"date"}


def _responses(data: bytes, port: int) -> tuple[list[dict[str, Any]], bytes]:
    """Split what a server sent into responses; the bytes left over (after a 101, or
    a head that does not end)."""
    out: list[dict[str, Any]] = []
    while data.startswith(b"HTTP/"):
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            break
        lines = head.split(b"\r\n")
        try:
            status = int(lines[0].split(b" ", 2)[1])
        except (IndexError, ValueError):
            break
        fields: list[tuple[str, str]] = []
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            fields.append((name.decode("latin-1").lower(), value.strip().decode("latin-1")))
        get = dict(fields)
        body = b""
        if status < 200 or status in (204, 304) or rest.startswith(b"HTTP/1."):
            pass  # no content (also a HEAD answer, whatever its framing fields say)
        elif "content-length" in get and get["content-length"].isdigit():
            n = int(get["content-length"])
            body, rest = rest[:n], rest[n:]
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
        else:
            body, rest = rest, b""
        out.append(_normal(status, fields, body, port))
        data = rest
        if status == 101:
            break
    return out, data


def _normal(status: int, fields: list[tuple[str, str]], body: bytes, port: int) -> dict[str, Any]:
    ctype = dict(fields).get("content-type", "")
    text = re.sub(rf"(?<!\d){port}(?!\d)", "PORT", body.decode("utf-8", "replace"))
    shown: Any = text[:300]
    if ctype.startswith("text/html"):
        shown = visible(text)[:300]
    elif ctype.startswith("application/json"):
        try:
            shown = json.loads(text)
        except ValueError:
            pass
    kept = []
    for name, value in fields:
        # A body compared is compared whole; its length only where none was sent (HEAD).
        if name in SKIP_FIELDS or (name == "content-length" and body):
            continue
        if name == "allow":
            value = ", ".join(sorted(value.split(", ")))
        kept.append(name + ": " + re.sub(rf"(?<!\d){port}(?!\d)", "PORT", value))
    return {"status": status, "head": sorted(kept), "body": shown}


def talk(port: int, pieces: list[bytes], timeout: float) -> tuple[bytes, str]:
    """Send the pieces (20 ms apart), read until close: (what came back, how it ended)."""
    data, end = b"", "timeout"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                for i, piece in enumerate(pieces):
                    if i:
                        time.sleep(0.02)
                    s.sendall(piece)
            except OSError:
                pass  # closed early: read what it said
            stop = time.monotonic() + timeout
            while time.monotonic() < stop:
                chunk = s.recv(65536)
                if not chunk:
                    end = "closed"
                    break
                data += chunk
    except TimeoutError:
        pass
    except OSError:
        end = "closed"  # reset: the same to a client as a close
    return data, end


def exchange(port: int, raw: bytes, timeout: float) -> tuple[int | None, Any]:
    """Send raw and the sentinel, read until close: (first status, the responses by field)."""
    # No sentinel after a websocket frame: the handler answers it, then closes.
    sentinel = b"" if FRAME in raw else SENTINEL
    pieces = [raw + sentinel]
    if raw.startswith(SPLIT):
        whole = raw[len(SPLIT):] + sentinel
        cut = random.Random(zlib.crc32(whole))
        count = cut.randint(1, 5) if cut.random() < 0.8 else cut.randint(6, 30)
        points = sorted(cut.sample(range(1, len(whole)), min(len(whole) - 1, count)))
        pieces = [whole[a:b] for a, b in zip([0, *points], [*points, len(whole)], strict=True)]
    data, end = talk(port, pieces, timeout)
    responses, rest = _responses(data, port)
    # 100 (Continue) answers are counted apart, so a missing one is its own field.
    continues = sum(1 for r in responses if r["status"] == 100)
    responses = [r for r in responses if r["status"] != 100]
    fields: dict[str, Any] = {"count": len(responses), "end": end, "continues": continues}
    if responses and responses[-1]["status"] == 101:
        fields["end"] = "upgraded"
        fields["frames"] = rest[:60].hex()  # what the websocket sent
    elif rest:
        fields["rest"] = rest[:120].decode("latin-1")
    for i, resp in enumerate(responses):
        for key, value in resp.items():
            fields[f"{i}.{key}"] = value
    return (responses[0]["status"] if responses else None), fields
