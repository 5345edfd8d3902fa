"""RFC 9112/9110 checks of request framing and connections (against app_http.py).

usage: python http_checks.py PORT [filter]; see run.sh."""

import re
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from checklib import H, check, st

# ---------------- RFC 9112 -----------------
R = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
check("basic keep-alive 1.1 persists", "9112 9.3", R, lambda rs, c, o: st(rs) == 200 and not c)
check(
    "1.0 closes by default",
    "9112 9.3",
    b"GET / HTTP/1.0\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and c,
)
check(
    "Connection: close -> response has close and closes",
    "9112 9.6",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and c and any("close" in v.lower() for v in H(rs, "connection")),
)
check(
    "Connection: CLOSE case-insensitive",
    "9110 7.6.1",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: CLOSE\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and c,
)
check(
    "Connection: keep-alive, close",
    "9112 9.6",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and c,
)
check(
    "Connection: close in second field line",
    "9112 9.6",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: foo\r\nConnection: close\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and c,
)
check(
    "pipelining in order",
    "9112 9.3.2",
    R.replace(b"/ ", b"/echo?1 ") + R.replace(b"/ ", b"/echo?2 ") + R.replace(b"/ ", b"/echo?3 "),
    lambda rs, c, o: (
        [st(rs, i) for i in range(3)] == [200] * 3 and b'"1"' in rs[0][2] and b'"3"' in rs[2][2]
    ),
)
check(
    "HTTP/2.0 request line -> 505",
    "9110 15.6.6",
    b"GET / HTTP/2.0\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 505,
)
check(
    "HTTP/3.0 request line -> 505",
    "9110 15.6.6",
    b"GET / HTTP/3.0\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 505,
)
check(
    "HTTP/1.2 treated as 1.1 (200)",
    "9110 2.5",
    b"GET / HTTP/1.2\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "HTTP/1.9 treated as 1.1",
    "9110 2.5",
    b"GET / HTTP/1.9\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "response version HTTP/1.1 to 1.0",
    "9110 2.5",
    b"GET / HTTP/1.0\r\n\r\n",
    lambda rs, c, o: o.startswith(b"HTTP/1.1 200"),
)
check(
    "HTTP/0.9 simple request -> 400/close",
    "9112 2.3",
    b"GET /\r\n\r\n",
    lambda rs, c, o: (st(rs) in (400, 505) or o == b"") and c,
)
check(
    "lower-case version http/1.1 -> 400",
    "9112 2.3",
    b"GET / http/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "version HTTP/1.10 -> 400",
    "9112 2.3",
    b"GET / HTTP/1.10\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (400, 505),
)
check(
    "obs-fold -> 400 (or unfolded)",
    "9112 5.2",
    b"GET /echo HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "space before colon -> 400",
    "9112 5.1",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-A : a\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "header without colon -> 400",
    "9112 5",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-A a\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "empty field name -> 400",
    "9110 5.1",
    b"GET / HTTP/1.1\r\nHost: x\r\n: a\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "missing Host on 1.1 -> 400",
    "9112 3.2",
    b"GET / HTTP/1.1\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "two Host -> 400",
    "9112 3.2",
    b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "Host a,b -> 400",
    "9112 3.2",
    b"GET / HTTP/1.1\r\nHost: a, b\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check("1.0 without Host ok", "9112 3.2", b"GET / HTTP/1.0\r\n\r\n", lambda rs, c, o: st(rs) == 200)
check(
    "absolute-form host wins",
    "9112 3.2.2",
    b"GET http://abs.example/echo HTTP/1.1\r\nHost: other\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and b"abs.example" in rs[0][2],
)
check(
    "asterisk-form for GET -> 400",
    "9112 3.2.4",
    b"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "OPTIONS * -> not 5xx",
    "9112 3.2.4",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) is not None and st(rs) < 500,
)
check(
    "CL+TE -> 400 and close",
    "9112 6.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "TE chunked not final (chunked, gzip) -> 400 and close",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "TE gzip only -> 400 (6.3) / 501, close",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc",
    lambda rs, c, o: st(rs) in (400, 501) and c,
)
check(
    "TE gzip, chunked -> 501",
    "9112 6.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 501 and c,
)
check(
    "TE chunked twice -> 400",
    "9112 7",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "TE chunked on two lines, chunked -> 400",
    "9112 7",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "TE on 1.0 -> 400 close",
    "9112 6.1",
    b"POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL invalid -> 400 close",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3a\r\n\r\nabc",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL +3 -> 400",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL -1 -> 400",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\nabc",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL empty -> 400",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\nabc",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL 3,4 -> 400",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\nabcd",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL 3 / 4 two lines -> 400",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "CL 3,3 same -> accept (MAY) or 400",
    "9110 8.6",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc",
    lambda rs, c, o: (st(rs) == 200 and b'"abc"' in rs[0][2]) or (st(rs) == 400 and c),
)
check(
    "CL 3 / 3 two lines",
    "9110 8.6",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
    lambda rs, c, o: (st(rs) == 200 and b'"abc"' in rs[0][2]) or (st(rs) == 400 and c),
)
check(
    "CL leading zeros 003 ok",
    "9110 8.6",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 003\r\n\r\nabc",
    lambda rs, c, o: st(rs) == 200 and b'"abc"' in rs[0][2],
)
check(
    "no CL no TE: body length 0, next req parsed",
    "9112 6.3",
    b"POST /echo HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: (
        st(rs) == 200 and b'"body":""' in rs[0][2].replace(b" ", b"") and st(rs, 1) == 200
    ),
)
check(
    "GET with body CL is read (framing)",
    "9110 9.3.1",
    b"GET /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + R,
    lambda rs, c, o: st(rs) == 200 and st(rs, 1) == 200,
)
check(
    "chunked body decoded",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and b"abcde" in rs[0][2],
)
check(
    "chunk-size upper hex A",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and b"0123456789" in rs[0][2],
)
check(
    "chunk ext ignored",
    "9112 7.1.1",
    b'POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b;c="d"\r\nabc\r\n0;z\r\n\r\n',
    lambda rs, c, o: st(rs) == 200 and b"abc" in rs[0][2],
)
check(
    "trailer fields accepted",
    "9112 7.1.2",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\nX-U: 2\r\n\r\n"
    + R,
    lambda rs, c, o: st(rs) == 200 and st(rs, 1) == 200,
)
check(
    "trailer obs-fold?",
    "9112 7.1.2",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n 2\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "trailer bad name -> 400",
    "9112 7.1.2",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX T: 1\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "trailer Transfer-Encoding -> 400",
    "9110 6.5.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nTransfer-Encoding: chunked\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "trailer Host -> not used",
    "9110 6.5.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nHost: evil\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 400) and b"evil" not in o,
)
check(
    "chunk size 0x3 -> 400",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "chunk size empty -> 400",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "chunk size negative -> 400",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "chunk data too long -> 400",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "chunk LF only after data -> 400",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "chunk size line LF only -> 400",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 and c,
)
check(
    "last-chunk missing final CRLF then new req",
    "9112 7.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 400) and len([r for r in rs if r[0]]) <= 2,
)
check(
    "TE: trailers header ok",
    "9110 10.1.4",
    b"GET / HTTP/1.1\r\nHost: x\r\nTE: trailers\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "request with NUL in target -> 400",
    "9112 3",
    b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "bad request 400 closes connection",
    "9112 9.6/11",
    b"GET / HTTP/1.1\r\nHost: x\r\nX A: 1\r\n\r\n" + R,
    lambda rs, c, o: st(rs) == 400 and c and len(rs) == 1,
)
check(
    "request line with tab separators",
    "9112 3",
    b"GET\t/\tHTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 400),
)
check("leading CRLF ignored", "9112 2.2", b"\r\n" + R, lambda rs, c, o: st(rs) == 200)
check(
    "method case-sensitive: get -> not 200",
    "9110 9.1",
    b"get / HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (400, 405, 501),
)
check(
    "unknown method -> 501 or 405",
    "9110 9.1",
    b"FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (405, 501),
)
check(
    "405 has Allow",
    "9110 15.5.6",
    b"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    lambda rs, c, o: st(rs) == 405 and bool(H(rs, "allow")),
)
check(
    "405 unknown method has Allow",
    "9110 15.5.6",
    b"FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) != 405 or bool(H(rs, "allow")),
)
check(
    "HEAD no body, CL as GET",
    "9110 9.3.2",
    b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: (
        st(rs) == 200 and H(rs, "content-length") == ["5"] and rs[0][2] == b"" and st(rs, 1) == 200
    ),
    head=True,
)
check(
    "HEAD of 404 no body",
    "9110 9.3.2",
    b"HEAD /nope HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: st(rs) == 404 and st(rs, 1) == 200,
    head=True,
)
check(
    "HEAD of 405 no body",
    "9110 9.3.2",
    b"HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: st(rs) == 405 and st(rs, 1) == 200,
    head=True,
)
check(
    "HEAD of stream no body",
    "9110 9.3.2",
    b"HEAD /respond HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 405) and not o.split(b"\r\n\r\n", 1)[1],
    head=True,
)
check(
    "OPTIONS route 2xx has CL 0",
    "9110 9.3.7",
    b"OPTIONS /opt HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 204) and (st(rs) == 204 or H(rs, "content-length") == ["0"]),
)
check(
    "TRACE -> 405 with Allow, not echo",
    "9110 9.3.8",
    b"TRACE / HTTP/1.1\r\nHost: x\r\nCookie: secret\r\n\r\n",
    lambda rs, c, o: st(rs) in (405, 501) and b"secret" not in rs[0][2],
)
check(
    "CONNECT -> closes after",
    "9110 9.3.6",
    b"CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n" + R,
    lambda rs, c, o: st(rs) >= 400 and len([r for r in rs if r[0]]) == 1,
)
check(
    "204 no CL no body",
    "9110 8.6",
    b"GET /status/204 HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: (
        st(rs) == 204
        and not H(rs, "content-length")
        and not H(rs, "transfer-encoding")
        and st(rs, 1) == 200
    ),
)
check(
    "empty 204 no CL",
    "9110 8.6",
    b"GET /empty/204 HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: st(rs) == 204 and not H(rs, "content-length") and st(rs, 1) == 200,
)
check(
    "304 no body",
    "9110 15.4.5",
    b"GET /status/304 HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: st(rs) == 304 and st(rs, 1) == 200,
)
check(
    "1xx status from handler not sent as final",
    "9110 15.2",
    b"GET /status/103 HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: any(r[0] and r[0] >= 200 for r in rs),
)
check(
    "Expect 100-continue -> 100 then final",
    "9110 10.1.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n",
    lambda rs, c, o: st(rs) == 100,
)
check(
    "Expect 100-Continue case-insensitive",
    "9110 10.1.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-Continue\r\n\r\n",
    lambda rs, c, o: st(rs) == 100,
)
check(
    "Expect unknown -> 417",
    "9110 10.1.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: foo\r\n\r\nabc",
    lambda rs, c, o: st(rs) in (417, 200),
)
check(
    "Expect 100 with body already sent",
    "9110 10.1.1",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc" + R,
    lambda rs, c, o: [r[0] for r in rs if r[0] != 100] == [200, 200],
)
check(
    "Expect 100 on GET without body",
    "9110 10.1.1",
    b"GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
    lambda rs, c, o: st(rs) in (100, 200) and 200 in [r[0] for r in rs],
)
check(
    "Max-Forwards on OPTIONS ignored by origin",
    "9110 7.6.2",
    b"OPTIONS /opt HTTP/1.1\r\nHost: x\r\nMax-Forwards: 0\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 204),
)
check(
    "413 on too-large CL",
    "9110 15.5.14",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n",
    lambda rs, c, o: st(rs) == 413 and c,
)
check(
    "status line reason phrase format",
    "9112 4",
    R,
    lambda rs, c, o: re.match(rb"HTTP/1\.1 200 [^\r\n]*\r\n", o) is not None,
)
check(
    "no whitespace in response field names",
    "9112 5",
    R,
    lambda rs, c, o: all(k == k.strip() and " " not in k for k, v in rs[0][1]),
)
check(
    "%-encoded path decoded",
    "3986 2.1",
    b"GET /ech%6F HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "Host with port",
    "9110 7.2",
    b"GET /echo HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and b"example.com:8080" in rs[0][2],
)
check(
    "Host empty on 1.1",
    "9110 7.2",
    b"GET /echo HTTP/1.1\r\nHost:\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "Host IPv6 literal",
    "3986 3.2.2",
    b"GET /echo HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "Content-Length in 1xx? (100 response has no CL)",
    "9110 8.6",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n",
    lambda rs, c, o: st(rs) == 100 and not H(rs, "content-length"),
)
check("responses have Date (6.6.1 MUST)", "9110 6.6.1", R, lambda rs, c, o: bool(H(rs, "date")))
check(
    "1.0 keep-alive honoured",
    "9112 9.3",
    b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and not c,
)
check(
    "request-line too long 414",
    "9112 3",
    b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 414,
)
check(
    "head too large 431",
    "6585",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 20000 + b"\r\n\r\n",
    lambda rs, c, o: st(rs) == 431,
)
check(
    "absolute-form https scheme",
    "9112 3.2.2",
    b"GET https://h.example/echo HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "absolute-form with userinfo",
    "9110 4.2.4",
    b"GET http://u:p@h.example/echo HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400 or st(rs) == 200,
)
check(
    "fragment in target -> 400",
    "9112 3.2",
    b"GET /echo#frag HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) in (400, 200),
)
check(
    "pipelined after Connection: close not processed",
    "9112 9.6",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + R,
    lambda rs, c, o: len(rs) == 1 and c,
)
check(
    "space inside target -> 400",
    "9112 3",
    b"GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "Expect 100 + 404: body not read as request",
    "9110 10.1.1",
    None,
    lambda rs, c, o: b"HTTP/1.1 100" not in o and st(rs) == 404 and all(r[0] != 400 for r in rs),
    chunks=[
        b"POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\nExpect: 100-continue\r\n\r\n",
        b"GET / HTTP/1.1\r\n\r\n",
    ],
)
check(
    "OWS around field value trimmed (Expect)",
    "9110 5.5",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect:   100-continue   \r\n\r\n",
    lambda rs, c, o: st(rs) == 100,
)
check(
    "Content-Length with OWS",
    "9110 5.5",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length:  3 \r\n\r\nabc",
    lambda rs, c, o: st(rs) == 200 and b'"abc"' in rs[0][2],
)
check(
    "stream response to 1.1 chunked well-formed",
    "9112 7.1",
    b"GET /respond HTTP/1.1\r\nHost: x\r\n\r\n" + R,
    lambda rs, c, o: st(rs) == 200 and rs[0][2] == b"abcd" and st(rs, 1) == 200,
)
check(
    "stream response to 1.0: no TE",
    "9112 6.1",
    b"GET /respond HTTP/1.0\r\n\r\n",
    lambda rs, c, o: st(rs) == 200 and not H(rs, "transfer-encoding") and c,
)
check(
    "HTTP/1.1 404 has CL",
    "9110 8.6",
    b"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: bool(H(rs, "content-length")),
)
check(
    "413 closes",
    "9112 9.6",
    b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 200000000\r\n\r\nabc",
    lambda rs, c, o: st(rs) == 413 and c,
)
check(
    "version HTTP/1 -> 400",
    "9112 2.3",
    b"GET / HTTP/1\r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "HTTP/1.1 with space before CRLF in req line",
    "9112 3",
    b"GET / HTTP/1.1 \r\nHost: x\r\n\r\n",
    lambda rs, c, o: st(rs) == 400,
)
check(
    "Upgrade: h2c ignored",
    "9112 9.9",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n",
    lambda rs, c, o: st(rs) == 200,
)
check(
    "HEAD with If-None-Match etc fine",
    "9110 13",
    b"HEAD / HTTP/1.1\r\nHost: x\r\nIf-None-Match: *\r\n\r\n",
    lambda rs, c, o: st(rs) in (200, 304),
    head=True,
)
