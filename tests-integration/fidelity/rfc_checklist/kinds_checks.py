"""RFC 9110/9112 checks of what is served for each kind of response (against app_kinds.py):
HEAD against GET, OPTIONS, 405/501, 416/206/304, 1xx and HTTP/1.0, Content-Length with
Transfer-Encoding, 401, incomplete bodies.

usage: python kinds_checks.py PORT [filter]; see run.sh."""

import os
import socket
import sys

sys.path.insert(0, os.path.dirname(__file__))
import checklib
from checklib import PORT, H, check, exchange, parse, st


def req(m, p, v="HTTP/1.1", extra=b""):
    host = b"Host: x\r\n" if v == "HTTP/1.1" else b""
    return f"{m} {p} {v}\r\n".encode() + host + extra + b"\r\n"


T = req("GET", "/text")
SKIP = {"date"}
PATHS = [
    "/text",
    "/json",
    "/html",
    "/raw",
    "/redir",
    "/empty",
    "/file",
    "/fstream",
    "/respond",
    "/err",
    "/nope",
    "/s/a.txt",
    "/p/a.txt",
    "/s/",
    "/unauth",
    "/unauth2",
    "/unavail",
    "/code/204",
    "/code/304",
    "/code/404",
    "/stream-cl",
    "/te",
]
for p in PATHS:
    if checklib.FILT and checklib.FILT not in "HEAD " + p:
        continue
    g, gc = exchange(req("GET", p))
    checklib.res_is_head[0] = False
    try:
        gr = parse(g)
    except Exception:
        gr = [(None, [], g)]
    hraw, hc = exchange(req("HEAD", p) + T)
    hh = hraw.split(b"\r\n\r\n", 1)
    hhead = hh[0].decode("latin-1").split("\r\n")
    after = hh[1] if len(hh) > 1 else b""
    hfields = sorted(
        (k.strip().lower(), v.strip()) for k, v in (x.split(":", 1) for x in hhead[1:])
    )
    gfields = sorted(gr[0][1])
    # A Date is the time of each answer (RFC 9110 6.6.1): both must carry one, its value
    # may differ by the second between the two requests.
    diff = sorted(
        {(k, "" if k == "date" else v) for k, v in gfields}
        ^ {(k, "" if k == "date" else v) for k, v in hfields}
    )
    nobody = after.startswith(b"HTTP/1.1 200") or (after == b"")
    print(
        f"{'PASS' if (not diff and nobody and gr[0][0] == int(hhead[0].split()[1])) else 'FAIL'} [9110 9.3.2] HEAD {p} :: GET {gr[0][0]} HEAD {hhead[0]} diff={diff} next={after[:20]!r} closed={hc}"
    )

check(
    "OPTIONS on a path without an options route",
    "9110 9.3.7",
    req("OPTIONS", "/both"),
    lambda rs, c, o: st(rs) in (200, 204) or bool(H(rs, "allow")),
)
check(
    "OPTIONS on a path: Allow listed",
    "9110 9.3.7",
    req("OPTIONS", "/both"),
    lambda rs, c, o: bool(H(rs, "allow")),
)
check("OPTIONS route", "9110 9.3.7", req("OPTIONS", "/opt"), lambda rs, c, o: st(rs) in (200, 204))
check(
    "405 DELETE has Allow",
    "9110 15.5.6",
    req("DELETE", "/both"),
    lambda rs, c, o: st(rs) == 405 and bool(H(rs, "allow")),
)
check(
    "unknown method FOO -> 501 (SHOULD) or 405+Allow",
    "9110 9.1",
    req("FOO", "/both"),
    lambda rs, c, o: st(rs) == 501 or (st(rs) == 405 and bool(H(rs, "allow"))),
)
check(
    "TRACE not reflected",
    "9110 9.3.8",
    req("TRACE", "/both", extra=b"Cookie: secret=1\r\n"),
    lambda rs, c, o: st(rs) in (405, 501) and b"secret" not in o,
)
check(
    "CONNECT authority -> not 2xx, closed",
    "9110 9.3.6",
    req("CONNECT", "x:443") + T,
    lambda rs, c, o: st(rs) >= 400 and c and len(rs) == 1,
)
check(
    "416 static bytes */11",
    "9110 14.4",
    req("GET", "/s/a.txt", extra=b"Range: bytes=50-60\r\n"),
    lambda rs, c, o: st(rs) == 416 and H(rs, "content-range") == ["bytes */11"],
)
check(
    "416 file(_range) bytes */11",
    "9110 14.4",
    req("GET", "/frange", extra=b"Range: bytes=50-60\r\n"),
    lambda rs, c, o: st(rs) == 416 and H(rs, "content-range") == ["bytes */11"],
)
check(
    "206 static has Content-Range",
    "9110 15.3.7",
    req("GET", "/s/a.txt", extra=b"Range: bytes=0-3\r\n"),
    lambda rs, c, o: (
        st(rs) == 206 and H(rs, "content-range") == ["bytes 0-3/11"] and rs[0][2] == b"hell"
    ),
)
check(
    "Range garbage on static -> ignore or 416",
    "9110 14.2",
    req("GET", "/s/a.txt", extra=b"Range: bytes=abc\r\n"),
    lambda rs, c, o: (
        st(rs) in (200, 416) and (st(rs) != 416 or H(rs, "content-range") == ["bytes */11"])
    ),
)
check(
    "Range on file(_range) garbage",
    "9110 14.2",
    req("GET", "/frange", extra=b"Range: bytes=abc\r\n"),
    lambda rs, c, o: (
        st(rs) in (200, 416) and (st(rs) != 416 or H(rs, "content-range") == ["bytes */11"])
    ),
)
check(
    "Range bytes=5-2 (invalid)",
    "9110 14.1.1",
    req("GET", "/s/a.txt", extra=b"Range: bytes=5-2\r\n"),
    lambda rs, c, o: (
        st(rs) in (200, 416) and (st(rs) != 416 or H(rs, "content-range") == ["bytes */11"])
    ),
)
check(
    "304 static: no body, CL absent or 11",
    "9110 8.6/15.4.5",
    req("GET", "/s/a.txt", extra=b"If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n") + T,
    lambda rs, c, o: st(rs) == 304 and H(rs, "content-length") in ([], ["11"]) and st(rs, 1) == 200,
)
check(
    "304 plain static: CL absent or 11",
    "9110 8.6/15.4.5",
    req("GET", "/p/a.txt", extra=b"If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n") + T,
    lambda rs, c, o: st(rs) == 304 and H(rs, "content-length") in ([], ["11"]) and st(rs, 1) == 200,
)
check(
    "304 file(): CL absent or 11",
    "9110 8.6/15.4.5",
    req("GET", "/file", extra=b"If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n") + T,
    lambda rs, c, o: st(rs) == 304 and H(rs, "content-length") in ([], ["11"]) and st(rs, 1) == 200,
)
check(
    "304 from handler: no CL != 0 mismatch, no body",
    "9110 15.4.5",
    req("GET", "/code/304") + T,
    lambda rs, c, o: st(rs) == 304 and st(rs, 1) == 200,
)
check(
    "204 from handler: no CL, no body",
    "9110 15.3.5/8.6",
    req("GET", "/code/204") + T,
    lambda rs, c, o: st(rs) == 204 and not H(rs, "content-length") and st(rs, 1) == 200,
)
check(
    "Expect 100 from HTTP/1.0: no 100",
    "9110 10.1.1",
    req("POST", "/post", "HTTP/1.0", b"Content-Length: 3\r\nExpect: 100-continue\r\n"),
    lambda rs, c, o: b"HTTP/1.1 100" not in o,
)
check(
    "413 closes or Retry-After",
    "9110 15.5.14",
    req("POST", "/post", extra=b"Content-Length: 5000\r\n") + b"x" * 5000,
    lambda rs, c, o: st(rs) == 413 and (c or bool(H(rs, "retry-after"))),
)
check(
    "stream with handler CL: not both CL and TE",
    "9112 6.2",
    req("GET", "/stream-cl") + T,
    lambda rs, c, o: (
        st(rs) == 200
        and not (H(rs, "content-length") and H(rs, "transfer-encoding"))
        and st(rs, 1) == 200
    ),
)
check(
    "handler TE on text(): not both",
    "9112 6.2",
    req("GET", "/te") + T,
    lambda rs, c, o: (
        st(rs) == 200
        and not (H(rs, "content-length") and H(rs, "transfer-encoding"))
        and st(rs, 1) == 200
    ),
)
check(
    "streamed response: TE chunked no CL",
    "9112 6.2",
    req("GET", "/respond") + T,
    lambda rs, c, o: (
        st(rs) == 200
        and not (H(rs, "content-length") and H(rs, "transfer-encoding"))
        and st(rs, 1) == 200
    ),
)
check(
    "file_stream: not both",
    "9112 6.2",
    req("GET", "/fstream") + T,
    lambda rs, c, o: (
        st(rs) == 200
        and not (H(rs, "content-length") and H(rs, "transfer-encoding"))
        and st(rs, 1) == 200
    ),
)
check(
    "401 carries WWW-Authenticate (no scheme given)",
    "9110 15.5.2",
    req("GET", "/unauth"),
    lambda rs, c, o: st(rs) == 401 and bool(H(rs, "www-authenticate")),
)
check(
    "401 carries WWW-Authenticate (scheme given)",
    "9110 15.5.2",
    req("GET", "/unauth2"),
    lambda rs, c, o: st(rs) == 401 and bool(H(rs, "www-authenticate")),
)
check("Date on 200", "9110 6.6.1", T, lambda rs, c, o: bool(H(rs, "date")))
check(
    "absolute-form upper-case scheme",
    "3986 3.1",
    req("GET", "HTTP://A.example/text"),
    lambda rs, c, o: st(rs) == 200,
)
check(
    "dot-segment /x/../text",
    "3986 5.2.4",
    req("GET", "/x/../text"),
    lambda rs, c, o: st(rs) in (200, 404, 400),
)
check(
    "dot-segment /./text",
    "3986 5.2.4",
    req("GET", "/./text"),
    lambda rs, c, o: st(rs) in (200, 404, 400),
)
check(
    "two spaces after method",
    "9112 3",
    b"GET  /text HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 400),
)
check(
    "two spaces before version",
    "9112 3",
    b"GET /text  HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 400),
)
check(
    "Connection: close -> close after response, next not read",
    "9112 9.6",
    req("GET", "/text", extra=b"Connection: close\r\n") + T,
    lambda rs, c, o: len(rs) == 1 and c and any("close" in v for v in H(rs, "connection")),
)
check(
    "HTTP/1.0 request: response closes",
    "9112 9.3",
    req("GET", "/text", "HTTP/1.0") + req("GET", "/text", "HTTP/1.0"),
    lambda rs, c, o: len(rs) == 1 and c,
)
check(
    "TE in HTTP/1.0 -> 400 close",
    "9112 6.1",
    req("POST", "/post", "HTTP/1.0", b"Transfer-Encoding: chunked\r\n") + b"0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "TE chunked not last -> 400 close",
    "9112 6.3",
    req("POST", "/post", extra=b"Transfer-Encoding: chunked, identity\r\n") + b"0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "trailer field not in headers",
    "9112 7.1.2",
    req("POST", "/post", extra=b"Transfer-Encoding: chunked\r\n")
    + b"1\r\na\r\n0\r\nX-T: 1\r\n\r\n"
    + T,
    lambda rs, c, o: st(rs) == 200 and st(rs, 1) == 200,
)
check("missing Host 1.1", "9112 3.2", b"GET /text HTTP/1.1\r\n\r\n", lambda rs, c, o: st(rs) == 400)
check(
    "Host + Host -> 400",
    "9112 3.2",
    b"GET /text HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "Host empty 1.1 -> ok (empty authority allowed)",
    "9110 7.2",
    b"GET /text HTTP/1.1\r\nHost:\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "HEAD with a Range: ignored (range handling is for GET), 200",
    "9110 14.2",
    req("HEAD", "/s/a.txt", extra=b"Range: bytes=50-60\r\n") + T,
    lambda rs, c, o: st(rs) == 200 and o.count(b"HTTP/1.1") == 2,
    head=True,
)

for c in (204, 304, 205, 200):
    check(
        f"streamed {c}: no TE/CL on 204/304, body none",
        "9110 8.6/9112 6.1",
        req("GET", f"/sst/{c}") + T,
        lambda rs, c_, o, c=c: (
            (
                c == 200
                or (not H(rs, "transfer-encoding") and not (c == 204 and H(rs, "content-length")))
            )
            and st(rs, 1) == 200
        ),
    )
check(
    "handler Connection: close honoured",
    "9112 9.6",
    req("GET", "/hclose") + T,
    lambda rs, c, o: len(rs) == 1 and c,
)


def half(data, label, ref):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=4)
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
    except (TimeoutError, OSError) as e:
        out += f"<{e!r}>".encode()
    s.close()
    print(f"INFO [{ref}] {label} :: {out[:120]!r}")


half(
    req("POST", "/post", extra=b"Content-Length: 10\r\n") + b"abc",
    "incomplete CL body then client FIN: not handled as complete",
    "9112 6.3/8",
)
half(
    req("POST", "/slow", extra=b"Content-Length: 10\r\n") + b"abc",
    "incomplete CL body (stream route) then FIN",
    "9112 8",
)
half(
    req("POST", "/post", extra=b"Transfer-Encoding: chunked\r\n") + b"3\r\nabc\r\n",
    "incomplete chunked body then FIN",
    "9112 8",
)
half(
    req("GET", "/text") + b"GET /text HTT", "complete request then partial head then FIN", "9112 8"
)
check(
    "response to 1.0 keep-alive carries Connection: keep-alive",
    "9112 9.3",
    req("GET", "/text", "HTTP/1.0", b"Connection: keep-alive\r\n"),
    lambda rs, c, o: not c and any("keep-alive" in v.lower() for v in H(rs, "connection")),
)
check("status line is HTTP/1.1 3-digit", "9112 4", T, lambda rs, c, o: o[:13] == b"HTTP/1.1 200 ")
check(
    "OPTIONS * -> 2xx",
    "9110 9.3.7",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 204),
)
check(
    "Content-Length on HEAD of stream",
    "9110 9.3.2",
    req("HEAD", "/respond") + T,
    lambda rs, c, o: st(rs) == 200 and o.count(b"HTTP/1.1 200") == 2,
    head=True,
)
