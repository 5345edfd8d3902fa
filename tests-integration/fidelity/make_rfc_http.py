"""Write rfc.http, the requests of app_rfc.py: conditional requests and ranges on static
files and file(), HEAD and HTTP/1.0 for every response kind, statuses without content,
request targets, Connection/TE/Upgrade, chunk extensions and trailers, cookies (parsed
and set), forms and Content-Disposition.

    python3 tests-integration/fidelity/make_rfc_http.py   # then run.sh app_rfc
"""

from pathlib import Path

out: list[str] = []

# ---- cond
LM = "Sat, 05 Dec 2026 22:52:33 GMT"
OLD = "Thu, 01 Jan 1970 00:00:00 GMT"
FUT = "Thu, 01 Jan 2099 00:00:00 GMT"
def req(name, target, headers=(), method="GET", body=None):
    lines = [f"### {name}", f"{method} {target} HTTP/1.1", "Host: x"]
    lines += list(headers)
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    if body is not None:
        lines += ["", body]
    out.append("\n".join(lines))
conds = [
    ("INM *", ["If-None-Match: *"]),
    ("INM v1", ['If-None-Match: "v1"']),
    ("INM W/v1", ['If-None-Match: W/"v1"']),
    ("INM list", ['If-None-Match: "a", "v1"']),
    ("INM list nospace", ['If-None-Match: "a","v1"']),
    ("INM other", ['If-None-Match: "other"']),
    ("INM unquoted", ["If-None-Match: v1"]),
    ("INM two fields", ['If-None-Match: "a"', 'If-None-Match: "v1"']),
    ("IM *", ["If-Match: *"]),
    ("IM v1", ['If-Match: "v1"']),
    ("IM W/v1", ['If-Match: W/"v1"']),
    ("IM list", ['If-Match: "a", "v1"']),
    ("IM other", ['If-Match: "other"']),
    ("IMS LM", [f"If-Modified-Since: {LM}"]),
    ("IMS old", [f"If-Modified-Since: {OLD}"]),
    ("IMS future", [f"If-Modified-Since: {FUT}"]),
    ("IMS rfc850", ["If-Modified-Since: Sunday, 06-Nov-94 08:49:37 GMT"]),
    ("IMS asctime", ["If-Modified-Since: Sun Nov  6 08:49:37 2094"]),
    ("IMS list", [f"If-Modified-Since: {FUT}, {FUT}"]),
    ("IUS old", [f"If-Unmodified-Since: {OLD}"]),
    ("IUS future", [f"If-Unmodified-Since: {FUT}"]),
    ("IUS LM", [f"If-Unmodified-Since: {LM}"]),
    ("IUS garbage", ["If-Unmodified-Since: garbage"]),
    ("INM other + IMS future", ['If-None-Match: "other"', f"If-Modified-Since: {FUT}"]),
    ("INM v1 + IMS old", ['If-None-Match: "v1"', f"If-Modified-Since: {OLD}"]),
    ("IM * + IUS old", ["If-Match: *", f"If-Unmodified-Since: {OLD}"]),
    ("IM other + INM *", ['If-Match: "other"', "If-None-Match: *"]),
    ("IUS old + IMS future", [f"If-Unmodified-Since: {OLD}", f"If-Modified-Since: {FUT}"]),
    ("Range + If-Range LM", ["Range: bytes=0-3", f"If-Range: {LM}"]),
    ("Range + If-Range old", ["Range: bytes=0-3", f"If-Range: {OLD}"]),
    ("Range + If-Range v1", ["Range: bytes=0-3", 'If-Range: "v1"']),
    ("Range + If-Range W/v1", ["Range: bytes=0-3", 'If-Range: W/"v1"']),
    ("Range + If-Range other", ["Range: bytes=0-3", 'If-Range: "x"']),
    ("Range + IMS future", ["Range: bytes=0-3", f"If-Modified-Since: {FUT}"]),
    ("Range multi", ["Range: bytes=0-1,4-5"]),
    ("Range suffix", ["Range: bytes=-3"]),
    ("Range open", ["Range: bytes=3-"]),
    ("Range unit", ["Range: lines=0-3"]),
    ("Range 416", ["Range: bytes=50-60"]),
]
for target in ["/s/hello.txt", "/r/hello.txt", "/big/hello.txt", "/file-etag", "/file-cache"]:
    for name, hs in conds:
        req(f"{target} {name}", target, hs)
    for _method in ["HEAD"]:
        req(f"HEAD {target} IMS future", target, [f"If-Modified-Since: {FUT}"], method="HEAD")
        req(f"HEAD {target} INM *", target, ["If-None-Match: *"], method="HEAD")
for m in ["POST", "PUT", "DELETE"]:
    req(f"{m} /file IMS future", "/file", [f"If-Modified-Since: {FUT}"], method=m)
    req(f"{m} /file INM *", "/file", ["If-None-Match: *"], method=m)
req("PUT /file-etag INM v1", "/file-etag", ['If-None-Match: "v1"'], method="PUT")
req("PUT /file-etag IM other", "/file-etag", ['If-Match: "other"'], method="PUT")
req("/s/missing INM *", "/s/missing.txt", ["If-None-Match: *"])
req("/s/missing IM *", "/s/missing.txt", ["If-Match: *"])

# ---- kinds
def raw(name, data):
    out.append(f"### {name}\n#raw\n{data}")
kinds = ["/text", "/json", "/raw", "/html", "/redirect", "/stream", "/respond", "/respond-empty",
         "/fstream", "/file", "/s/hello.txt", "/big/hello.txt", "/r/hello.txt", "/one", "/s/",
         "/nowhere", "/status/204", "/status/304", "/gzip", "/gzip-text", "/file-name/utf8", "/file-stream-name"]
for k in kinds:
    raw(f"HEAD {k}", f"HEAD {k} HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nGET /text HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
    raw(f"1.0 {k}", f"GET {k} HTTP/1.0\\r\\n\\r\\n")
    raw(f"1.0 ka {k}", f"GET {k} HTTP/1.0\\r\\nConnection: keep-alive\\r\\n\\r\\nGET /text HTTP/1.0\\r\\n\\r\\n")
    raw(f"HEAD 1.0 {k}", f"HEAD {k} HTTP/1.0\\r\\nConnection: keep-alive\\r\\n\\r\\nGET /text HTTP/1.0\\r\\n\\r\\n")
    raw(f"1.1 ka {k}", f"GET {k} HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nGET /text HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
for code in [100, 101, 102, 103, 199, 204, 205, 304, 200, 404]:
    for pre in ["/status/", "/status-text/", "/status-headers/", "/status-stream/"]:
        raw(f"{pre}{code}", f"GET {pre}{code} HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nGET /text HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
    raw(f"HEAD /status-text/{code}", f"HEAD /status-text/{code} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
for k in ["text", "html", "csv", "xml"]:
    raw(f"ctype {k}", f"GET /ctype/{k} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
raw("vary", "GET /vary HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")

# ---- proto
C = "Connection: close\\r\\n"
N = "GET /text HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n"
raw("absolute", f"GET http://x/echo?a=1 HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("absolute other host", f"GET http://other.example:8080/echo HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("absolute https", f"GET https://x/echo HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("absolute no host header", f"GET http://x/echo HTTP/1.1\\r\\n{C}\\r\\n")
raw("absolute ftp", f"GET ftp://x/echo HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("absolute userinfo", f"GET http://u:p@x/echo HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("absolute 1.0", "GET http://x/echo HTTP/1.0\\r\\n\\r\\n")
raw("authority GET", f"GET x:80 HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("authority POST", f"POST x:80 HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n{C}\\r\\n")
raw("asterisk GET", f"GET * HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("asterisk OPTIONS", f"OPTIONS * HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("asterisk OPTIONS ka", f"OPTIONS * HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n{N}")
raw("OPTIONS /echo", f"OPTIONS /echo HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("OPTIONS /s/hello.txt", f"OPTIONS /s/hello.txt HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("POST static", f"POST /s/hello.txt HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n{C}\\r\\n")
raw("DELETE static", f"DELETE /s/hello.txt HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
for m in ["BREW", "FOO", "PROPFIND", "MKCOL", "QUERY", "LINK", "SEARCH", "PURGE", "TRACE", "CONNECT"]:
    raw(f"method {m} /echo", f"{m} /echo HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n{N}")
raw("Connection keep-alive, Upgrade", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: keep-alive, Upgrade\\r\\nUpgrade: foo\\r\\n\\r\\n{N}")
raw("Upgrade h2c", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: Upgrade, HTTP2-Settings\\r\\nUpgrade: h2c\\r\\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\\r\\n\\r\\n{N}")
raw("Upgrade h2c POST", f"POST /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: Upgrade, HTTP2-Settings\\r\\nUpgrade: h2c\\r\\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\\r\\nContent-Length: 3\\r\\n\\r\\nabc{N}")
raw("Upgrade websocket on normal route", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: Upgrade\\r\\nUpgrade: websocket\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n\\r\\n{N}")
raw("Upgrade no connection token", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nUpgrade: h2c\\r\\n\\r\\n{N}")
raw("Connection close, Upgrade", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: close, Upgrade\\r\\nUpgrade: h2c\\r\\n\\r\\n{N}")
raw("Connection three tokens", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: foo, keep-alive, bar\\r\\n\\r\\n{N}")
raw("Connection two fields close", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nConnection: foo\\r\\nConnection: close\\r\\n\\r\\n{N}")
raw("Connection 1.0 two fields keep", "GET /text HTTP/1.0\\r\\nConnection: foo\\r\\nConnection: keep-alive\\r\\n\\r\\nGET /text HTTP/1.0\\r\\n\\r\\n")
raw("Connection 1.0 list keep", "GET /text HTTP/1.0\\r\\nConnection: foo, keep-alive\\r\\n\\r\\nGET /text HTTP/1.0\\r\\n\\r\\n")
raw("TE trailers", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nTE: trailers\\r\\nConnection: TE\\r\\n\\r\\n{N}")
raw("TE gzip", f"GET /respond HTTP/1.1\\r\\nHost: x\\r\\nTE: gzip;q=1, chunked\\r\\nConnection: TE\\r\\n\\r\\n{N}")
raw("TE 1.0 stream", "GET /respond HTTP/1.0\\r\\nTE: chunked\\r\\nConnection: TE, keep-alive\\r\\n\\r\\n")
for name, path in [("%2F", "/p/a%2Fb"), ("%2f lower", "/p/a%2fb"), ("%00", "/p/a%00b"), ("%zz", "/p/a%zzb"), ("% end", "/p/a%"), ("%4", "/p/a%4"),
                   ("non-ascii raw", "/p/\\xc3\\xa9"), ("non-ascii invalid utf8", "/p/\\xff"), ("%C3%A9", "/p/%C3%A9"), ("%FF", "/p/%FF"),
                   ("%20", "/p/a%20b"), ("+", "/p/a+b"), ("dot segments", "/p/../p/x"), ("%2E%2E", "/p/%2E%2E/x"), ("double slash", "/p//x"),
                   ("query %zz", "/echo?a=%zz&b=%"), ("query nonascii", "/echo?a=\\xc3\\xa9"), ("query +", "/echo?a=b+c&d=%2B"),
                   ("fragment", "/echo#frag"), ("query empty key", "/echo?=1&&a&b="), ("semicolon", "/p/a;b"), ("%3F", "/p/a%3Fb"), ("%23", "/p/a%23b"),
                   ("echo %2F", "/echo%2F"), ("static %2F", "/s%2Fhello.txt"), ("static %68", "/s/%68ello.txt"), ("static %2e%2e", "/s/%2e%2e/app_rfc.py")]:
    raw(f"target {name}", f"GET {path} HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("long header 7k", f"GET /echo HTTP/1.1\\r\\nHost: x\\r\\nX-Long: {'a'*7000}\\r\\n{C}\\r\\n")
raw("many headers 100", "GET /echo HTTP/1.1\\r\\nHost: x\\r\\n" + "".join(f"X-H{i}: {i}\\r\\n" for i in range(100)) + f"{C}\\r\\n")
raw("pipelined 50", "".join("GET /text HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n" for _ in range(49)) + N)
raw("pipelined mixed", "GET /text HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nPOST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 3\\r\\n\\r\\nabcHEAD /text HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nPOST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nhi\\r\\n0\\r\\n\\r\\n" + N)
raw("trailers", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\nTrailer: X-T\\r\\n\\r\\n3\\r\\nabc\\r\\n0\\r\\nX-T: 1\\r\\n\\r\\n{N}")
raw("trailers stream", f"POST /body HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\nabc\\r\\n0\\r\\nX-T: 1\\r\\nX-U: 2\\r\\n\\r\\n{N}")
raw("chunk ext", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3;foo=bar\\r\\nabc\\r\\n0;x\\r\\n\\r\\n{N}")
raw("chunk ext quoted", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3;foo=\"b;a r\"\\r\\nabc\\r\\n0\\r\\n\\r\\n{N}")
raw("chunk ext ws", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3 ;foo\\r\\nabc\\r\\n0\\r\\n\\r\\n{N}")
raw("chunk ext noval", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3;a;b=c\\r\\nabc\\r\\n0\\r\\n\\r\\n{N}")
raw("chunk hex upper", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nA\\r\\n0123456789\\r\\n0\\r\\n\\r\\n{N}")
raw("chunk leading zeros", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0003\\r\\nabc\\r\\n000\\r\\n\\r\\n{N}")
raw("Date header?", f"GET /text HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("Expect 100 POST", f"POST /body-plain HTTP/1.1\\r\\nHost: x\\r\\nExpect: 100-continue\\r\\nContent-Length: 3\\r\\n\\r\\nabc{N}")
raw("Max-Forwards OPTIONS", f"OPTIONS /echo HTTP/1.1\\r\\nHost: x\\r\\nMax-Forwards: 0\\r\\n{C}\\r\\n")
raw("HTTP/1.2", f"GET /text HTTP/1.2\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("HTTP/2.0", f"GET /text HTTP/2.0\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("HTTP/0.9", "GET /text\\r\\n\\r\\n")
raw("HTTP/1.1 lower", f"GET /text http/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
raw("h2 preface", "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n")

# ---- cookie
C = "Connection: close\\r\\n"
cookies = ['a=1', 'a="1"', 'a="x y"', 'a=b=c', 'a==', '=v', '=', 'a=1; a=2', 'a=1;a=2', 'a = 1', ' a=1 ', 'a=1;  b=2',
           'a=\\xc3\\xa9', '\\xc3\\xa9=1', 'a=1; b', 'b; a=1', 'a', 'a=1,b=2', 'a=1, b=2', 'a="1;2"', 'a="\\\\"x"', 'a=%20x',
           'a=1;;b=2', ';a=1', 'a=1; $Version=1', '$Version=1; a=1', 'a=1; Path=/', 'a=x\\ty', 'a= "q" ', 'A=1; a=2',
           'a.b=1', 'a[b]=1', 'a=1; b=\\xff']
for c in cookies:
    raw(f"cookie {c}", f"GET /cookies HTTP/1.1\\r\\nHost: x\\r\\nCookie: {c}\\r\\n{C}\\r\\n")
raw("cookie two fields", f"GET /cookies HTTP/1.1\\r\\nHost: x\\r\\nCookie: a=1\\r\\nCookie: b=2\\r\\n{C}\\r\\n")
for k in ["plain","expires","expires-naive","maxage","maxage0","samesite-none","samesite-strict","samesite-nosecure","partitioned","partitioned-nosecure","domain","quoted","space","comma","utf8","host-prefix","secure-prefix","delete","httponly-false","comment","two"]:
    raw(f"set {k}", f"GET /setcookie/{k} HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")
def form(name, ctype, body):
    out.append(
        f"### form {name}\nPOST /form HTTP/1.1\nHost: x\nContent-Type: {ctype}\n"
        f"Content-Length: auto\nConnection: close\n\n{body}"
    )


for name, body in [("plus", "a=b+c"), ("pct", "a=%41%zz"), ("pct end", "a=%"), ("empty key", "=1&a=2"), ("no eq", "a&b=1"), ("dup", "a=1&a=2"),
                   ("semicolon", "a=1;b=2"), ("utf8", "a=%C3%A9"), ("bad utf8", "a=%FF"), ("empty val", "a=&b"), ("amp only", "&&&"), ("plus key", "a+b=1"), ("raw space", "a=b c")]:
    form(name, "application/x-www-form-urlencoded", body)
raw_forms = [
    ("mp basic", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp quoted boundary", 'multipart/form-data; boundary="XyZ"', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp quoted boundary special", 'multipart/form-data; boundary="a b:c"', '--a b:c\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--a b:c--\r\n'),
    ("mp preamble epilogue", 'multipart/form-data; boundary=XyZ', 'preamble text\r\n--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\nepilogue\r\n'),
    ("mp no final", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n'),
    ("mp no final at all", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'),
    ("mp filename*", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"; filename*=UTF-8\'\'%C3%A9.txt\r\nContent-Type: text/plain\r\n\r\nhi\r\n--XyZ--\r\n'),
    ("mp filename* only", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="f"; filename*=UTF-8\'\'%C3%A9.txt\r\n\r\nhi\r\n--XyZ--\r\n'),
    ("mp folding", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data;\r\n name="a"\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp dup", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n2\r\n--XyZ--\r\n'),
    ("mp empty part", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n\r\n--XyZ--\r\n'),
    ("mp empty file", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="f"; filename=""\r\n\r\n\r\n--XyZ--\r\n'),
    ("mp LF", 'multipart/form-data; boundary=XyZ', '--XyZ\nContent-Disposition: form-data; name="a"\n\n1\n--XyZ--\n'),
    ("mp no cd", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp name utf8", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="\xc3\xa9"\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp charset part", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: text/plain; charset=latin-1\r\n\r\n\xe9\r\n--XyZ--\r\n'),
    ("mp _charset_", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="_charset_"\r\n\r\niso-8859-1\r\n--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xe9\r\n--XyZ--\r\n'),
    ("mp uppercase header", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nCONTENT-DISPOSITION: FORM-DATA; NAME="a"\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp name unquoted", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp filename path", 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="C:\\\\dir\\\\a.txt"\r\n\r\nhi\r\n--XyZ--\r\n'),
    ("mp boundary case", 'multipart/form-data; BOUNDARY=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'),
    ("mp ctype case", 'Multipart/Form-Data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'),
]
for name, ctype, body in raw_forms:
    data = body.encode("latin-1")
    esc = "".join(chr(b) if 32 <= b < 127 and b != 92 else ("\\\\" if b == 92 else f"\\x{b:02x}") for b in data)
    raw(f"form {name}", f"POST /form HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: {ctype}\\r\\nContent-Length: {len(data)}\\r\\n{C}\\r\\n{esc}")


for p in ["status-stream", "status-rstream", "status-eof"]:
    for c in [100, 103, 204, 205]:
        raw(f"{p} {c}", f"GET /{p}/{c} HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n{N}")
for k in ["plain", "space", "quote", "backslash", "utf8", "cjk", "semicolon", "percent", "empty", "slash", "comma", "star", "apos"]:
    raw(f"filename {k}", f"GET /file-name/{k} HTTP/1.1\\r\\nHost: x\\r\\n{C}\\r\\n")

Path(__file__).with_name("rfc.http").write_text("\n\n".join(out) + "\n")
