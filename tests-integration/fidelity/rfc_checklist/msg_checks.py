"""RFC 9110 sections 6-9 and 15, RFC 9112 sections 2-3 and 9: message semantics, checked
over raw sockets against app_msg.py (request-target forms, methods, status codes,
connection management, response fields).

usage: python msg_checks.py PORT [filter]      PASS/FAIL per item for the RFC's reading
       python msg_checks.py --http > msg.http  the same requests for sanic-diff"""

import json
import os
import re
import sys

EMIT = len(sys.argv) > 1 and sys.argv[1] == "--http"
if EMIT:
    sys.argv[1:] = ["0"]
sys.path.insert(0, os.path.dirname(__file__))
import checklib  # noqa: E402
from checklib import H, exchange, parse, st  # noqa: E402

ITEMS = []


def req(m, p, v="HTTP/1.1", extra="", host="x", close=True, body=b""):
    head = f"{m} {p} {v}\r\n"
    if host is not None and v == "HTTP/1.1":
        head += f"Host: {host}\r\n"
    if close and v == "HTTP/1.1":
        head += "Connection: close\r\n"
    head += extra
    if body:
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode("latin-1") + b"\r\n" + body


def item(name, ref, data, pred, head=False):
    ITEMS.append((name, ref, data, pred, head))


def seen(rs, i=0):
    try:
        return json.loads(rs[i][2])
    except Exception:
        return {}


def ok(code):
    return lambda rs, c, o: st(rs) == code


def no_body_fields(rs, i=0):
    return not H(rs, "content-length", i) and not H(rs, "transfer-encoding", i) and rs[i][2] == b""


IMF = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d{4} \d\d:\d\d:\d\d GMT$"
)

# ---------------- request-target forms (RFC 9112 3.2, RFC 9110 4, RFC 3986) -------------
for p, want in [
    ("/echo/a!$&'()*+,;=:@b", "a!$&'()*+,;=:@b"),
    ("/echo/~u-._x", "~u-._x"),
    ("/echo/%7Eu", "~u"),
    ("/echo/a%20b", "a b"),
    ("/echo/caf%C3%A9", "caf\u00e9"),
    ("/echo/caf%c3%a9", "caf\u00e9"),
    ("/echo/a+b", "a+b"),
    ("/echo/a%2Fb", "a/b"),
    ("/echo/a%2fb", "a/b"),
    ("/echo/a%3Fb", "a?b"),
    ("/echo/a%23b", "a#b"),
    ("/echo/a%25b", "a%b"),
]:
    # A route parameter may be given decoded or as sent (both servers give it as sent);
    # either way the escape is no delimiter and the route matched.
    item(
        f"origin-form pchar {p} -> rest {want!r} (or as sent)",
        "9112 3.2.1, 3986 3.3",
        req("GET", p),
        lambda rs, c, o, want=want, p=p: st(rs) == 200
        and seen(rs).get("rest") in (want, p[len("/echo/") :]),
    )
item(
    "one-segment route, %2F inside the segment (data, not a delimiter)",
    "3986 2.2",
    req("GET", "/seg/a%2Fb"),
    lambda rs, c, o: st(rs) == 200 and seen(rs).get("one") in ("a/b", "a%2Fb"),
)
item(
    "query with / and ? kept as sent",
    "3986 3.4",
    req("GET", "/echo?q=a/b?c"),
    lambda rs, c, o: st(rs) == 200 and seen(rs).get("query") == "q=a/b?c",
)
item(
    "query percent-decoded in args, raw in query_string",
    "3986 3.4",
    req("GET", "/echo?q=a%26b&r=%2B"),
    lambda rs, c, o: seen(rs).get("query") == "q=a%26b&r=%2B"
    and seen(rs).get("args") == {"q": ["a&b"], "r": ["+"]},
)
item("empty query ?", "3986 3.4", req("GET", "/echo?"), ok(200))
item(
    "%00 in the path (no NUL reaches a route param, or refused)",
    "9110 5.5/3986",
    req("GET", "/echo/a%00b"),
    lambda rs, c, o: st(rs) in (400, 404) or "\x00" not in seen(rs).get("rest", ""),
)
item(
    "%00 in a one-segment param",
    "3986",
    req("GET", "/seg/a%00"),
    lambda rs, c, o: st(rs) in (400, 404) or "\x00" not in seen(rs).get("one", ""),
)
item("%00 in the query is data", "3986 3.4", req("GET", "/echo?a=%00"), ok(200))
# Not a valid URI (RFC 3986 2.1); served with the escape kept as sent is lenient but
# misreads nothing (what both servers do).
item(
    "bad escape %2 at the end: refused or kept as sent",
    "3986 2.1",
    req("GET", "/echo/a%2"),
    lambda rs, c, o: st(rs) in (400, 404) or seen(rs).get("rest") == "a%2",
)
item(
    "bad escape %ZZ: refused or kept as sent",
    "3986 2.1",
    req("GET", "/echo/%ZZ"),
    lambda rs, c, o: st(rs) in (400, 404) or seen(rs).get("rest") == "%ZZ",
)
item(
    "escape of invalid UTF-8 %FF",
    "3986 2.5",
    req("GET", "/echo/%FF"),
    lambda rs, c, o: st(rs) in (200, 400, 404),
)
item("double slash //echo is not /echo", "3986 3.3", req("GET", "//echo"), lambda rs, c, o: st(rs) == 404 or seen(rs).get("path") == "//echo")
item(
    "/echo//x keeps the empty segment",
    "3986 3.3",
    req("GET", "/echo//x"),
    lambda rs, c, o: st(rs) == 404 or seen(rs).get("rest") in ("/x", "x"),
)
item("trailing slash /echo/", "3986 3.3", req("GET", "/echo/"), lambda rs, c, o: st(rs) in (200, 404))
item(
    "dot segment /echo/./x",
    "3986 5.2.4",
    req("GET", "/echo/./x"),
    lambda rs, c, o: st(rs) in (200, 400, 404),
)
item(
    "dot segments /echo/a/../x never climb above the route",
    "3986 5.2.4",
    req("GET", "/echo/a/../x"),
    lambda rs, c, o: st(rs) in (200, 400, 404),
)
item("dot segment /./echo", "3986 5.2.4", req("GET", "/./echo"), lambda rs, c, o: st(rs) in (200, 400, 404))
item("/.. above the root", "3986 5.2.4", req("GET", "/../echo"), lambda rs, c, o: st(rs) in (200, 400, 404))
item(
    "%2E%2E encoded dot segment",
    "3986 6.2.2.3",
    req("GET", "/echo/%2E%2E/x"),
    lambda rs, c, o: st(rs) in (200, 400, 404),
)
item(
    "fragment sent by a client (/echo#f): dropped or 400",
    "9112 3.2.1",
    req("GET", "/echo#frag"),
    lambda rs, c, o: st(rs) == 400 or (st(rs) == 200 and seen(rs).get("path") == "/echo"),
)
item(
    "fragment after a query",
    "9112 3.2.1",
    req("GET", "/echo?a=1#frag"),
    lambda rs, c, o: st(rs) == 400 or seen(rs).get("query") == "a=1",
)
item("query without a path (?a=1) -> 400", "9112 3.2.1", req("GET", "?a=1"), ok(400))
item(
    "request-target missing (GET  HTTP/1.1)",
    "9112 3",
    b"GET  HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 or o == b"",
)
item(
    "4000-octet target served",
    "9112 3 (SHOULD 8000)",
    req("GET", "/echo?q=" + "a" * 4000),
    ok(200),
)
item(
    "7900-octet request-line served",
    "9112 3 (SHOULD 8000)",
    req("GET", "/echo?q=" + "a" * (7900 - len("GET /echo?q= HTTP/1.1"))),
    ok(200),
)
item(
    "9000-octet target: 414",
    "9110 15.5.15",
    req("GET", "/echo?q=" + "a" * 9000),
    lambda rs, c, o: st(rs) == 414 and c,
)
item(
    "absolute-form: host and path from the target",
    "9112 3.2.2",
    req("GET", "http://a.example/echo?x=1", host="other"),
    lambda rs, c, o: seen(rs).get("host") == "a.example"
    and seen(rs).get("path") == "/echo"
    and seen(rs).get("query") == "x=1",
)
item(
    "absolute-form with a port",
    "9112 3.2.2",
    req("GET", "http://a.example:8080/echo", host="other"),
    lambda rs, c, o: seen(rs).get("host") == "a.example:8080",
)
item(
    "absolute-form, scheme and host upper-case",
    "3986 3.1",
    req("GET", "HTTP://A.EXAMPLE/echo"),
    lambda rs, c, o: st(rs) == 200 and seen(rs).get("path") == "/echo",
)
item(
    "absolute-form https",
    "9112 3.2.2",
    req("GET", "https://a.example/echo"),
    lambda rs, c, o: st(rs) == 200 and seen(rs).get("path") == "/echo",
)
item(
    "absolute-form with a non-http scheme (ftp:)",
    "9112 3.2.2",
    req("GET", "ftp://a.example/echo"),
    lambda rs, c, o: st(rs) in (400, 404, 200),
)
item(
    "absolute-form path //echo",
    "3986 3.3",
    req("GET", "http://a.example//echo"),
    lambda rs, c, o: st(rs) == 404 or seen(rs).get("path") == "//echo",
)
item(
    "absolute-form with an encoded slash",
    "3986 2.2",
    req("GET", "http://a.example/echo/a%2Fb"),
    lambda rs, c, o: seen(rs).get("rest") in ("a/b", "a%2Fb"),
)
item(
    "absolute-form on HTTP/1.0",
    "9112 3.2.2",
    req("GET", "http://a.example/echo", v="HTTP/1.0"),
    lambda rs, c, o: seen(rs).get("host") == "a.example",
)
item(
    "absolute-form without a path: /",
    "9110 4.2.3",
    req("GET", "http://a.example"),
    lambda rs, c, o: st(rs) == 200 and o.endswith(b"hello"),
)
item(
    "absolute-form, fragment",
    "9112 3.2.1",
    req("GET", "http://a.example/echo#f"),
    lambda rs, c, o: st(rs) == 400 or seen(rs).get("path") == "/echo",
)
item(
    "authority-form with GET -> 400",
    "9112 3.2.3",
    req("GET", "a.example:443"),
    ok(400),
)
item(
    "authority-form with OPTIONS -> 400",
    "9112 3.2.3",
    req("OPTIONS", "a.example:443"),
    ok(400),
)
item(
    "CONNECT authority-form: not 2xx, closed",
    "9110 9.3.6",
    req("CONNECT", "a.example:443", close=False),
    lambda rs, c, o: st(rs) is not None and not 200 <= st(rs) < 300 and bool(c),
)
item(
    "CONNECT authority-form without a port -> 400",
    "9112 3.2.3",
    req("CONNECT", "a.example", close=False),
    lambda rs, c, o: st(rs) == 400 and bool(c),
)
item(
    "CONNECT with an origin-form target: not a tunnel",
    "9112 3.2.3",
    req("CONNECT", "/echo", close=False),
    lambda rs, c, o: st(rs) is not None and st(rs) >= 400,
)
item(
    "CONNECT then pipelined bytes are not read as a request",
    "9110 9.3.6",
    req("CONNECT", "a.example:443", close=False) + req("GET", "/"),
    lambda rs, c, o: o.count(b"HTTP/1.1 ") == 1,
)
item(
    "OPTIONS * HTTP/1.1: not 5xx",
    "9112 3.2.4",
    req("OPTIONS", "*"),
    lambda rs, c, o: st(rs) is not None and st(rs) < 500,
)
item(
    "OPTIONS * HTTP/1.0",
    "9112 3.2.4",
    req("OPTIONS", "*", v="HTTP/1.0"),
    lambda rs, c, o: st(rs) is not None and st(rs) < 500,
)
item("asterisk-form for DELETE -> 400", "9112 3.2.4", req("DELETE", "*"), ok(400))
item("asterisk with a query (*?a) -> 400", "9112 3.2.4", req("OPTIONS", "*?a"), lambda rs, c, o: st(rs) in (400, 404))
item("/* is origin-form (404)", "9112 3.2.1", req("OPTIONS", "/*"), lambda rs, c, o: st(rs) in (404, 405))

# ---------------- methods (RFC 9110 9) ----------------
item(
    "GET with a body: read, next request not confused",
    "9110 9.3.1",
    req("GET", "/echo", close=False, body=b"abc") + req("GET", "/"),
    lambda rs, c, o: seen(rs).get("body") == "abc" and st(rs, 1) == 200,
)
item(
    "DELETE with a body",
    "9110 9.3.5",
    req("DELETE", "/echo", close=False, body=b"abc") + req("GET", "/"),
    lambda rs, c, o: seen(rs).get("body") == "abc" and st(rs, 1) == 200,
)
item(
    "HEAD with a body: framing kept",
    "9112 6.3",
    req("HEAD", "/", close=False, body=b"abc") + req("GET", "/"),
    lambda rs, c, o: o.count(b"HTTP/1.1 200") == 2,
    head=True,
)
item(
    "OPTIONS with a body",
    "9110 9.3.7",
    req("OPTIONS", "/echo", close=False, body=b"abc") + req("GET", "/"),
    lambda rs, c, o: seen(rs).get("body") == "abc" and st(rs, 1) == 200,
)
item(
    "GET with a chunked body",
    "9112 7.1",
    req("GET", "/echo", close=False, extra="Transfer-Encoding: chunked\r\n")
    + b"3\r\nabc\r\n0\r\n\r\n"
    + req("GET", "/"),
    lambda rs, c, o: seen(rs).get("body") == "abc" and st(rs, 1) == 200,
)
item(
    "405 with a body: body skipped, next request served",
    "9112 6.3",
    req("POST", "/only-get", close=False, body=b"GET /x HTTP/1.1\r\n\r\n") + req("GET", "/"),
    lambda rs, c, o: st(rs) == 405 and st(rs, 1) == 200 and len(rs) == 2,
)
for m, p, allow in [
    ("POST", "/only-get", {"GET"}),
    ("PUT", "/only-get", {"GET"}),
    ("DELETE", "/get-post", {"GET", "POST"}),
    ("GET", "/put-del", {"PUT", "DELETE"}),
    ("PATCH", "/head-get", {"GET", "HEAD"}),
    ("POST", "/opt", {"GET", "OPTIONS"}),
    ("PATCH", "/", {"GET", "HEAD"}),
]:
    item(
        f"405 {m} {p}: Allow lists exactly {sorted(allow)}",
        "9110 15.5.6, 10.2.1",
        req(m, p),
        lambda rs, c, o, allow=allow: st(rs) == 405
        and {x.strip() for x in ",".join(H(rs, "allow")).split(",")} == allow,
    )
item(
    "HEAD to a GET-only route: 405 (no automatic HEAD) or 200",
    "9110 9.1",
    req("HEAD", "/only-get"),
    lambda rs, c, o: st(rs) in (200, 405) and rs[0][2] == b"",
    head=True,
)
item(
    "OPTIONS on a route without an OPTIONS handler: 405 + Allow or 2xx",
    "9110 9.3.7",
    req("OPTIONS", "/only-get"),
    lambda rs, c, o: (st(rs) == 405 and bool(H(rs, "allow"))) or st(rs) in (200, 204),
)
item(
    "OPTIONS handler answers as written",
    "9110 9.3.7",
    req("OPTIONS", "/opt"),
    lambda rs, c, o: st(rs) == 204 and H(rs, "allow") == ["OPTIONS, GET"],
)
item("OPTIONS on a missing path -> 404", "9110 9.3.7", req("OPTIONS", "/nope"), ok(404))
for m in ["BREW", "PURGE", "PROPFIND", "MKCOL", "LINK", "QUERY", "SEARCH", "M-SEARCH", "REPORT", "X-CUSTOM"]:
    item(
        f"extension method {m} on a route: 501 (SHOULD) or 405 + Allow",
        "9110 9.1",
        req(m, "/only-get"),
        lambda rs, c, o: st(rs) == 501 or (st(rs) == 405 and bool(H(rs, "allow"))),
    )
item(
    "extension method on a missing path",
    "9110 9.1",
    req("BREW", "/nope"),
    lambda rs, c, o: st(rs) in (404, 501, 405),
)
for m in ["get", "Get", "gEt", "post", "head"]:
    item(
        f"lower/mixed-case method {m}: not GET (case-sensitive)",
        "9110 9.1",
        req(m, "/only-get"),
        lambda rs, c, o: st(rs) in (400, 405, 501),
    )
item(
    "TRACE: not reflected",
    "9110 9.3.8",
    req("TRACE", "/echo", extra="Cookie: secret=1\r\n"),
    lambda rs, c, o: b"secret" not in o and st(rs) in (405, 501),
)
item(
    "TRACE with Max-Forwards: 0",
    "9110 7.6.2",
    req("TRACE", "/echo", extra="Max-Forwards: 0\r\n"),
    lambda rs, c, o: st(rs) in (405, 501) and b"Max-Forwards" not in o.split(b"\r\n\r\n", 1)[-1],
)
item("TRACE *", "9112 3.2.4", req("TRACE", "*"), lambda rs, c, o: st(rs) == 400)
item(
    "method with a token char (!) e.g. GET! -> not 5xx",
    "9110 9.1",
    req("GET!", "/only-get"),
    lambda rs, c, o: st(rs) in (400, 405, 501),
)
item(
    "a long extension method (64 chars)",
    "9110 9.1",
    req("X" * 64, "/only-get"),
    lambda rs, c, o: st(rs) in (400, 405, 501),
)

# GET/HEAD equivalence: done as pairs below (run mode); the HEAD alone for sanic-diff.
HEAD_PATHS = [
    "/kind/text",
    "/kind/json",
    "/kind/html",
    "/kind/raw",
    "/kind/empty",
    "/kind/redirect",
    "/kind/httpresponse",
    "/kind/httpresponse-bytes",
    "/kind/text-ctype",
    "/kind/etag",
    "/kind/stream",
    "/head-get",
    "/field/dup",
    "/field/vary",
    "/field/cl-right",
    "/field/te",
    "/kind/nope",
]
PAIRS = [(p, req("GET", p), req("HEAD", p)) for p in HEAD_PATHS]

# ---------------- status codes (RFC 9110 15, 8.6; RFC 9112 6.3) ----------------
for p in ["/empty/204", "/status/204", "/field/204-cl", "/field/204-body", "/field/204-te"]:
    item(
        f"204 {p}: no body, no Content-Length or Transfer-Encoding",
        "9110 8.6, 15.3.5; 9112 6.3",
        req("GET", p, close=False) + req("GET", "/"),
        lambda rs, c, o: st(rs) == 204 and no_body_fields(rs) and st(rs, 1) == 200,
    )
for p in ["/empty/304", "/status/304", "/field/304-body"]:
    item(
        f"304 {p}: no body, no Transfer-Encoding",
        "9110 15.4.5; 9112 6.3",
        req("GET", p, close=False) + req("GET", "/"),
        lambda rs, c, o: st(rs) == 304
        and not H(rs, "transfer-encoding")
        and rs[0][2] == b""
        and st(rs, 1) == 200,
    )
item(
    "304 with a handler's Content-Length 5: no body follows",
    "9110 8.6",
    req("GET", "/field/304-cl", close=False) + req("GET", "/"),
    lambda rs, c, o: st(rs) == 304 and st(rs, 1) == 200,
)
item(
    "205: no content",
    "9110 15.3.6",
    req("GET", "/status/205"),
    lambda rs, c, o: st(rs) == 205 and rs[0][2] == b"",
)
for code in [100, 101, 102, 103, 199]:
    item(
        f"handler status {code}: never a final 1xx",
        "9110 15.2",
        req("GET", f"/status/{code}"),
        lambda rs, c, o: st(rs) is not None and st(rs) >= 200,
    )
for code in [600, 999, 1000, 99, 42]:
    item(
        f"handler status {code}: a 3-digit code 100-599 on the wire",
        "9110 15",
        req("GET", f"/status/{code}"),
        lambda rs, c, o: st(rs) is not None and 100 <= st(rs) <= 599 and re.match(rb"HTTP/1\.1 \d{3} ", o) is not None,
    )
item(
    "status=0",
    "9110 15",
    req("GET", "/status0"),
    lambda rs, c, o: st(rs) is not None and 100 <= st(rs) <= 599,
)
for code in [200, 201, 202, 203, 206, 207, 208, 226, 299, 300, 308, 399, 418, 421, 422, 425, 426, 428, 429, 431, 451, 499, 506, 507, 508, 510, 511, 599]:
    item(
        f"reason phrase for {code}",
        "9112 4",
        req("GET", f"/status/{code}"),
        lambda rs, c, o, code=code: re.match(
            rb"HTTP/1\.1 %d [\x09\x20-\x7e\x80-\xff]*\r\n" % code, o
        )
        is not None,
    )
for code in [418, 425, 451, 599, 400, 503]:
    item(
        f"raised SanicException({code}): status and a reason phrase",
        "9112 4",
        req("GET", f"/raise/{code}"),
        lambda rs, c, o, code=code: st(rs) == code,
    )
item(
    "HTTPResponse(status=101) from a handler",
    "9110 15.2.2",
    req("GET", "/httpresponse/101"),
    lambda rs, c, o: st(rs) is not None and st(rs) >= 200,
)

# ---------------- connection management (RFC 9112 9) ----------------
K = lambda p="/": req("GET", p, close=False)  # noqa: E731
item(
    "HTTP/1.1 persists: two requests on one connection",
    "9112 9.3",
    K() + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "Connection: close: answered with close, closed",
    "9112 9.6",
    req("GET", "/"),
    lambda rs, c, o: st(rs) == 200 and bool(c) and "close" in ",".join(H(rs, "connection")).lower(),
)
for v in ["Close", "CLOSE", "cLoSe"]:
    item(
        f"Connection: {v}",
        "9110 7.6.1",
        req("GET", "/", close=False, extra=f"Connection: {v}\r\n") + K(),
        lambda rs, c, o: len(rs) == 1 and bool(c),
    )
item(
    "pipelined requests after a Connection: close one are not answered",
    "9112 9.6",
    req("GET", "/echo?1") + K("/echo?2") + K("/echo?3"),
    lambda rs, c, o: len(rs) == 1 and bool(c),
)
item(
    "Connection: keep-alive, Upgrade with Upgrade: foo: served, persists",
    "9110 7.8, 9112 9.3",
    req("GET", "/", close=False, extra="Connection: keep-alive, Upgrade\r\nUpgrade: foo/1\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "Connection: Upgrade, close with Upgrade: h2c: served and closed",
    "9112 9.6",
    req("GET", "/", close=False, extra="Connection: Upgrade, close\r\nUpgrade: h2c\r\n") + K(),
    lambda rs, c, o: st(rs) == 200 and len(rs) == 1 and bool(c),
)
item(
    "Connection: foo (no close) persists",
    "9112 9.3",
    req("GET", "/", close=False, extra="Connection: foo\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "Connection: close,,  keep-alive (empty list elements)",
    "9110 5.6.1",
    req("GET", "/", close=False, extra="Connection: ,close,, keep-alive\r\n") + K(),
    lambda rs, c, o: len(rs) == 1 and bool(c),
)
item(
    "Connection: closed is not close",
    "9110 7.6.1",
    req("GET", "/", close=False, extra="Connection: closed\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "HTTP/1.0 without keep-alive: closes",
    "9112 9.3",
    req("GET", "/", v="HTTP/1.0") + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: len(rs) == 1 and bool(c),
)
item(
    "HTTP/1.0 with Connection: keep-alive: persists and says keep-alive",
    "9112 9.3, C.2.2",
    req("GET", "/", v="HTTP/1.0", extra="Connection: keep-alive\r\n")
    + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: len(rs) == 2 and "keep-alive" in ",".join(H(rs, "connection")).lower(),
)
item(
    "HTTP/1.0 with Connection: Keep-Alive (case)",
    "9110 7.6.1",
    req("GET", "/", v="HTTP/1.0", extra="Connection: Keep-Alive\r\n")
    + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: len(rs) == 2,
)
item(
    "HTTP/1.0 with keep-alive, close",
    "9112 9.6",
    req("GET", "/", v="HTTP/1.0", extra="Connection: keep-alive, close\r\n")
    + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: len(rs) == 1 and bool(c),
)
item(
    "HTTP/1.0 response framed: Content-Length or close",
    "9112 6.3",
    req("GET", "/", v="HTTP/1.0", extra="Connection: keep-alive\r\n"),
    lambda rs, c, o: H(rs, "content-length") == ["5"] and not H(rs, "transfer-encoding"),
)
item(
    "HTTP/1.0 with Host and absolute target",
    "9112 3.2",
    req("GET", "/echo", v="HTTP/1.0", extra="Host: h.example\r\n"),
    lambda rs, c, o: seen(rs).get("host") == "h.example" and seen(rs).get("version") == "1.0",
)
item(
    "handler Connection: close: the connection closes",
    "9112 9.6",
    K("/field/close") + K(),
    lambda rs, c, o: len(rs) == 1 and bool(c),
)
item(
    "handler Connection: keep-alive to an HTTP/1.0 client without keep-alive",
    "9112 9.3",
    req("GET", "/field/keep", v="HTTP/1.0") + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: st(rs) == 200,
)
item(
    "handler Connection: Upgrade (no 101): the response still framed",
    "9110 7.8",
    K("/field/upgrade") + K(),
    lambda rs, c, o: st(rs) == 200,
)
item(
    "request after a 404 on the same connection",
    "9112 9.3",
    K("/nope") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [404, 200],
)
item(
    "request after a handler's 400 (no close asked)",
    "9112 9.3",
    K("/bad-request-then") + K(),
    lambda rs, c, o: st(rs) == 400,
)
item(
    "request after a parse 400 (answered with close): not read",
    "9112 9.6",
    b"GET / HTTP/1.1\r\nHost: x\r\nBad Field: 1\r\n\r\n" + K(),
    lambda rs, c, o: st(rs) == 400 and len(rs) == 1 and bool(c) and "close" in ",".join(H(rs, "connection")).lower(),
)
item(
    "request after a 414: not read",
    "9112 9.6",
    req("GET", "/" + "a" * 9000, close=False) + K(),
    lambda rs, c, o: st(rs) == 414 and len(rs) == 1 and bool(c),
)
item(
    "request after a 405 with Connection: close: not read",
    "9112 9.6",
    req("POST", "/only-get") + K(),
    lambda rs, c, o: st(rs) == 405 and len(rs) == 1 and bool(c),
)
item(
    "keep-alive response: Connection: keep-alive or none",
    "9112 9.3",
    K(),
    lambda rs, c, o: all(v.lower() == "keep-alive" for v in H(rs, "connection")),
)
item(
    "Keep-Alive field in the request ignored",
    "9112 C.2.2",
    req("GET", "/", close=False, extra="Keep-Alive: timeout=1, max=1\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "Proxy-Connection: close ignored (not a Connection field)",
    "9112 9.6",
    req("GET", "/", close=False, extra="Proxy-Connection: close\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "TE: trailers in Connection persists",
    "9112 9.3",
    req("GET", "/", close=False, extra="TE: trailers\r\nConnection: TE\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)

# ---------------- response fields (RFC 9110 6.6, 8, 10.2; RFC 9112 5, 6) ----------------
for p in ["/", "/nope", "/status/500", "/raise/503", "/kind/stream", "/empty/304", "/status/201"]:
    item(
        f"Date present, one, IMF-fixdate ({p})",
        "9110 6.6.1, 5.6.7",
        req("GET", p),
        lambda rs, c, o: len(H(rs, "date")) == 1 and IMF.match(H(rs, "date")[0]) is not None,
    )
item(
    "Date set by the handler: sent, once",
    "9110 6.6.1",
    req("GET", "/field/date"),
    lambda rs, c, o: H(rs, "date") == ["Sun, 06 Nov 1994 08:49:37 GMT"],
)
item("Server: absent or one (MAY)", "9110 10.2.4", req("GET", "/"), lambda rs, c, o: len(H(rs, "server")) <= 1)
item(
    "Server set by the handler: sent, once",
    "9110 10.2.4",
    req("GET", "/field/server"),
    lambda rs, c, o: H(rs, "server") == ["mine/1.0"],
)
for p, ct in [
    ("/kind/text", "text/plain; charset=utf-8"),
    ("/kind/json", "application/json"),
    ("/kind/html", "text/html; charset=utf-8"),
    ("/kind/raw", "application/octet-stream"),
    ("/kind/httpresponse", None),
    ("/kind/httpresponse-bytes", None),
    ("/kind/text-ctype", "text/csv"),
    ("/kind/redirect", "text/html; charset=utf-8"),
    ("/kind/stream", "text/plain"),
    ("/kind/empty", None),
]:
    item(
        f"Content-Type of {p}: {ct}",
        "9110 8.3",
        req("GET", p),
        lambda rs, c, o, ct=ct: ct is None or H(rs, "content-type") == [ct],
    )
item(
    "Content-Type, when sent, is a media type",
    "9110 8.3",
    req("GET", "/kind/httpresponse"),
    lambda rs, c, o: all("/" in v for v in H(rs, "content-type")),
)
item(
    "duplicate fields set by a handler: both sent",
    "9110 5.3",
    req("GET", "/field/dup"),
    lambda rs, c, o: sorted(H(rs, "x-dup")) == ["1", "2"],
)
item(
    "Vary on two field lines",
    "9110 12.5.5",
    req("GET", "/field/dup-vary"),
    lambda rs, c, o: {x.strip() for x in ",".join(H(rs, "vary")).split(",")} == {"Accept", "Accept-Encoding"},
)
item("Vary sent as set", "9110 12.5.5", req("GET", "/field/vary"), lambda rs, c, o: H(rs, "vary") == ["Accept-Encoding"])
item(
    "handler's field-name casing: one Content-Type, names valid tokens",
    "9110 5.1",
    req("GET", "/field/case"),
    lambda rs, c, o: len(H(rs, "content-type")) == 1 and H(rs, "x-camelcase") == ["1"],
)
item(
    "handler Content-Length right",
    "9110 8.6",
    req("GET", "/field/cl-right"),
    lambda rs, c, o: H(rs, "content-length") == ["5"] and rs[0][2] == b"12345",
)
item(
    "handler Content-Length too small: never more bytes than it says",
    "9112 6.3",
    req("GET", "/field/cl-small", close=False) + K(),
    lambda rs, c, o: st(rs) == 500 or (st(rs) == 200 and len(rs) <= 1 or st(rs, 1) == 200),
)
item(
    "handler Content-Length too large: not a hang with a short body",
    "9112 6.3",
    req("GET", "/field/cl-large"),
    lambda rs, c, o: st(rs) == 500 or H(rs, "content-length") == ["5"],
)
item(
    "handler Content-Length not a number",
    "9110 8.6",
    req("GET", "/field/cl-bad"),
    lambda rs, c, o: st(rs) == 500 or H(rs, "content-length") == ["5"],
)
item(
    "handler Transfer-Encoding: chunked on a full body: never both fields",
    "9112 6.1-6.2",
    req("GET", "/field/te"),
    lambda rs, c, o: not (H(rs, "transfer-encoding") and H(rs, "content-length")),
)
item(
    "handler Transfer-Encoding: gzip: never both fields",
    "9112 6.1",
    req("GET", "/field/te-gzip"),
    lambda rs, c, o: not (H(rs, "transfer-encoding") and H(rs, "content-length")),
)
item(
    "handler Keep-Alive field",
    "9112 C.2.2",
    req("GET", "/field/keep-alive-field"),
    lambda rs, c, o: st(rs) == 200,
)
item("handler Trailer field", "9110 6.6.2", req("GET", "/field/trailer"), ok(200))
item(
    "response field names: tokens, no whitespace before the colon",
    "9112 5.1",
    req("GET", "/"),
    lambda rs, c, o: all(
        re.match(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+:", line) for line in o.split(b"\r\n\r\n")[0].decode().split("\r\n")[1:]
    ),
)
item(
    "status line: HTTP/1.1 SP 3DIGIT SP reason",
    "9112 4",
    req("GET", "/"),
    lambda rs, c, o: re.match(rb"HTTP/1\.1 200 OK\r\n", o) is not None,
)
item(
    "HEAD of / : Content-Length of the GET",
    "9110 8.6, 9.3.2",
    req("HEAD", "/"),
    lambda rs, c, o: H(rs, "content-length") == ["5"] and o.endswith(b"\r\n\r\n"),
    head=True,
)
item(
    "HEAD of a 404: no body",
    "9110 9.3.2",
    req("HEAD", "/nope"),
    lambda rs, c, o: st(rs) == 404 and o.endswith(b"\r\n\r\n"),
    head=True,
)


# ---------------- second batch ----------------
for k in ["spaces", "empty", "utf8", "int", "name-space", "name-colon", "tab"]:
    item(
        f"handler field value/name oddity: {k}",
        "9110 5.1, 5.5",
        req("GET", f"/hdr/{k}"),
        lambda rs, c, o: st(rs) in (200, 500)
        and all(
            re.match(rb"^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[ \t]*[^ \t\r\n]?", line)
            for line in o.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]
        ),
    )
for p in ["/head-cl", "/head-cl-raw", "/head-cl-empty"]:
    item(
        f"HEAD route giving Content-Length 100 itself ({p}): kept, no body",
        "9110 9.3.2, 8.6",
        req("HEAD", p, close=False) + K(),
        lambda rs, c, o: H(rs, "content-length") == ["100"] and st(rs, 1) == 200,
        head=True,
    )
item(
    "route with an extension method BREW",
    "9110 9.1, 16.1",
    req("BREW", "/brew"),
    lambda rs, c, o: st(rs) == 200 and rs[0][2] == b"brewed BREW",
)
item(
    "extension method BREW, pipelined twice",
    "9110 9.1",
    req("BREW", "/brew", close=False) + req("BREW", "/brew"),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item("GET to a BREW route: 405 Allow BREW", "9110 15.5.6", req("GET", "/brew"), lambda rs, c, o: st(rs) == 405 and H(rs, "allow") == ["BREW"])
item("route with TRACE (as sanic-ext allows)", "9110 9.3.8", req("TRACE", "/trace"), lambda rs, c, o: rs[0][2] == b"traced")
item("route with PROPFIND", "9110 9.1", req("PROPFIND", "/propfind"), lambda rs, c, o: rs[0][2] == b"pf PROPFIND")
item("route declared with lower-case methods, GET", "9110 9.1", req("GET", "/lower"), lambda rs, c, o: st(rs) == 200)
item("route declared with lower-case methods, get", "9110 9.1", req("get", "/lower"), lambda rs, c, o: st(rs) in (200, 405, 400))
item(
    "request after a handler exception (500) on the same connection",
    "9112 9.3",
    K("/boom") + K(),
    lambda rs, c, o: st(rs) == 500,
)
item(
    "HTTP/1.0 keep-alive: request after a 404",
    "9112 9.3",
    req("GET", "/nope", v="HTTP/1.0", extra="Connection: keep-alive\r\n") + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [404, 200],
)
item(
    "HTTP/1.0 keep-alive: 204 then next",
    "9112 9.3",
    req("GET", "/empty/204", v="HTTP/1.0", extra="Connection: keep-alive\r\n") + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [204, 200],
)
item(
    "HTTP/1.0 keep-alive: HEAD then next",
    "9112 9.3",
    req("HEAD", "/", v="HTTP/1.0", extra="Connection: keep-alive\r\n") + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: o.count(b"HTTP/1.1 200") == 2,
    head=True,
)
item(
    "HTTP/1.0 Proxy-Connection: keep-alive is no keep-alive; version stays 1.0",
    "9112 9.3, 9.6",
    req("GET", "/echo", v="HTTP/1.0", extra="Proxy-Connection: keep-alive\r\n") + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: len(rs) == 1 and seen(rs).get("version") == "1.0",
)
item(
    "HTTP/1.1 Proxy-Connection: close, Connection: keep-alive",
    "9112 9.6",
    req("GET", "/", close=False, extra="Proxy-Connection: close\r\nConnection: keep-alive\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item("explicit Connection: keep-alive on 1.1", "9112 9.3", req("GET", "/", close=False, extra="Connection: keep-alive\r\n") + K(), lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200])
item(
    "query: repeated names",
    "3986 3.4",
    req("GET", "/echo?a=1&a=2"),
    lambda rs, c, o: seen(rs).get("args") == {"a": ["1", "2"]},
)
item("query: bad escape %zz kept", "3986 2.1", req("GET", "/echo?%zz=1"), lambda rs, c, o: st(rs) in (200, 400))
item("overlong UTF-8 %C0%AF in the path", "3986 2.5", req("GET", "/echo/%C0%AF"), lambda rs, c, o: st(rs) in (200, 400, 404))
item("semicolon in a path segment", "3986 3.3", req("GET", "/echo/a;p=1"), lambda rs, c, o: seen(rs).get("rest") == "a;p=1")
item("DEL in the target -> 400", "9112 3.2", req("GET", "/echo/\x7f"), ok(400))
item(
    "absolute-form with an empty port (http://a.example:/echo)",
    "3986 3.2.3",
    req("GET", "http://a.example:/echo"),
    lambda rs, c, o: st(rs) in (200, 400),
)
item(
    "absolute-form with an IPv6 literal",
    "3986 3.2.2",
    req("GET", "http://[::1]:8000/echo"),
    lambda rs, c, o: seen(rs).get("host") == "[::1]:8000",
)
item("absolute-form without authority (http:/echo)", "3986 3", req("GET", "http:/echo"), lambda rs, c, o: st(rs) in (400, 404, 200))
item(
    "Host in upper case: host as sent",
    "9110 7.2",
    req("GET", "/echo", host="A.EXAMPLE"),
    lambda rs, c, o: seen(rs).get("host", "").lower() == "a.example",
)

item(
    "request after a 413 (Content-Length over REQUEST_MAX_SIZE): not read",
    "9110 15.5.14, 9112 9.6",
    req("POST", "/echo", close=False, extra="Content-Length: 200000000\r\n") + K(),
    lambda rs, c, o: st(rs) == 413 and len(rs) == 1 and bool(c),
)
item(
    "request after a 417 (unknown expectation)",
    "9110 10.1.1",
    req("POST", "/echo", close=False, extra="Expect: foo\r\n", body=b"abc") + K(),
    lambda rs, c, o: st(rs) == 417,
)
item(
    "request after a bad Content-Length: 400, not read",
    "9112 6.3",
    req("POST", "/echo", close=False, extra="Content-Length: 3x\r\n") + K(),
    lambda rs, c, o: st(rs) == 400 and len(rs) == 1 and bool(c),
)
item(
    "request after a head over the limit (431, or 413 over REQUEST_MAX_SIZE): not read",
    "RFC 6585 5, 9112 9.6",
    req("GET", "/", close=False, extra="".join(f"X-F{i}: {'v' * 90}\r\n" for i in range(100))) + K(),
    lambda rs, c, o: st(rs) in (413, 431) and len(rs) == 1 and bool(c),
)
item(
    "HEAD answered 304 by the handler: no body, next served",
    "9110 15.4.5",
    req("HEAD", "/head-304", close=False) + K(),
    lambda rs, c, o: o.count(b"HTTP/1.1 ") == 2 and st(rs, 1) == 200,
    head=True,
)
item(
    "204 to an HTTP/1.0 client: no body",
    "9110 15.3.5",
    req("GET", "/status/204", v="HTTP/1.0"),
    lambda rs, c, o: st(rs) == 204 and o.endswith(b"\r\n\r\n"),
)

item(
    "Connection: close with a body the 405 leaves unread: nothing after it read",
    "9112 9.6",
    req("POST", "/only-get", body=b"abcde") + K(),
    lambda rs, c, o: st(rs) == 405 and len(rs) == 1 and bool(c),
)
item(
    "Connection: close on a chunked request",
    "9112 9.6",
    req("POST", "/echo", extra="Transfer-Encoding: chunked\r\n") + b"3\r\nabc\r\n0\r\n\r\n" + K(),
    lambda rs, c, o: seen(rs).get("body") == "abc" and len(rs) == 1 and bool(c),
)
item(
    "HTTP/1.0 keep-alive with a body, then the next request",
    "9112 9.3",
    req("POST", "/echo", v="HTTP/1.0", extra="Connection: keep-alive\r\n", body=b"abc")
    + req("GET", "/", v="HTTP/1.0"),
    lambda rs, c, o: seen(rs).get("body") == "abc" and st(rs, 1) == 200,
)
for v in ["HTTP/1.0", "HTTP/1.1"]:
    item(
        f"{v} POST without Content-Length or Transfer-Encoding: no body",
        "9112 6.3 (item 7)",
        req("POST", "/echo", v=v) + b"abc",
        lambda rs, c, o: seen(rs).get("body") == "",
    )
item(
    "Connection: keep-alive and Connection: close on two lines (HTTP/1.1)",
    "9112 9.6",
    req("GET", "/", close=False, extra="Connection: keep-alive\r\nConnection: close\r\n") + K(),
    lambda rs, c, o: len(rs) == 1 and bool(c),
)
item(
    "Connection: Upgrade without an Upgrade field persists",
    "9112 9.3, 9110 7.8",
    req("GET", "/", close=False, extra="Connection: Upgrade\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)
item(
    "Upgrade without Connection: Upgrade is ignored",
    "9110 7.8",
    req("GET", "/", close=False, extra="Upgrade: foo\r\n") + K(),
    lambda rs, c, o: [st(rs, 0), st(rs, 1)] == [200, 200],
)


def escape(b):
    out = []
    for ch in b:
        c = chr(ch)
        if c == "\\":
            out.append("\\\\")
        elif c == "\r":
            out.append("\\r")
        elif c == "\n":
            out.append("\\n")
        elif 32 <= ch < 127:
            out.append(c)
        else:
            out.append(f"\\x{ch:02x}")
    return "".join(out)


def emit():
    for name, ref, data, _pred, _head in ITEMS:
        print(f"### {name} [{ref}]\n#raw\n{escape(data)}")
    for p, g, h in PAIRS:
        print(f"### GET {p} [9110 9.3.2 pair]\n#raw\n{escape(g)}")
        print(f"### HEAD {p} [9110 9.3.2 pair]\n#raw\n{escape(h)}")


def run():
    for name, ref, data, pred, head in ITEMS:
        checklib.check(name, ref, data, pred, head=head)
    for p, g, h in PAIRS:
        name = f"HEAD {p} = GET's fields, no body"
        if checklib.FILT and checklib.FILT not in name:
            continue
        go, _ = exchange(g)
        ho, _ = exchange(h)
        checklib.res_is_head[0] = False
        gr = parse(go)
        gh = sorted((k, v) for k, v in gr[0][1] if k != "date")
        hh_raw = ho.split(b"\r\n\r\n", 1)
        hh = sorted(
            (k.strip().lower(), v.strip())
            for k, v in (x.split(":", 1) for x in hh_raw[0].decode("latin-1").split("\r\n")[1:])
            if k.strip().lower() != "date"
        )
        tail = hh_raw[1] if len(hh_raw) > 1 else b""
        # A streamed GET is chunked; its HEAD may state nothing about the length.
        diff = sorted(set(gh) ^ set(hh))
        good = (not diff or diff == [("transfer-encoding", "chunked")]) and tail == b""
        print(f"{'PASS' if good else 'FAIL'} [9110 9.3.2] {name} :: diff={diff} tail={tail[:20]!r}")
        checklib.RESULTS.append((name, good))
    fails = [n for n, r in checklib.RESULTS if r is not True]
    print(f"summary: {len(checklib.RESULTS)} checks, {len(checklib.RESULTS) - len(fails)} pass")


if __name__ == "__main__":
    emit() if EMIT else run()
