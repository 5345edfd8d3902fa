"""Writes forms.http and keepalive.http (for sanic-diff against app.py) and loads.http (against
app_loads.py) into /tmp/forms2/, or the directory given (3.5 MB in all, so not kept in the
repository): run with any Python."""

import sys
from pathlib import Path

OUT = []


def esc(data: bytes) -> str:
    out = []
    for b in data:
        c = chr(b)
        if c == "\\":
            out.append("\\\\")
        elif c == "\r":
            out.append("\\r")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append(f"\\x{b:02x}")
    return "".join(out)


def raw(name: str, data: bytes) -> None:
    OUT.append(f"### {name}\n#raw\n{esc(data)}")


def req(name, path="/form", body=b"", ctype=None, method="POST", extra=(), cl=True):
    head = [f"{method} {path} HTTP/1.1", "Host: x"]
    if ctype is not None:
        head.append(f"Content-Type: {ctype}")
    head.extend(extra)
    if cl:
        head.append(f"Content-Length: {len(body)}")
    head.append("Connection: close")
    raw(name, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


def chunked(name, path, body, ctype, sizes=(7,), extra=()):
    pieces = []
    pos = 0
    i = 0
    while pos < len(body):
        n = sizes[i % len(sizes)]
        piece = body[pos : pos + n]
        pieces.append(b"%x\r\n" % len(piece) + piece + b"\r\n")
        pos += n
        i += 1
    pieces.append(b"0\r\n\r\n")
    req(name, path, b"".join(pieces), ctype, extra=("Transfer-Encoding: chunked", *extra), cl=False)


MP = "multipart/form-data; boundary=XX"


def part(headers, content=b""):
    return b"--XX\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + content + b"\r\n"


def mp(*parts, end=b"--XX--\r\n"):
    return b"".join(parts) + end


CD = b'Content-Disposition: form-data; name="%s"'
FD = b'Content-Disposition: form-data; name="%s"; filename="%s"'
SIMPLE = mp(part([CD % b"a"], b"1"), part([FD % (b"f", b"x.txt"), b"Content-Type: text/plain"], b"hello"))
URL = b"a=1&b=2&a=3"

# --- urlencoded
for body in [
    b"a=1&a=2&a=3", b"a=x+y&b=%2B&c=%20", b"a=%zz&b=%4&c=%", b"a=&b&c=1", b"a=1;b=2",
    b"a=1&&&b=2", b"=1&a=2", b"a=%E9", b"a=%C3%A9&%C3%A9=b", b"a=\xc3\xa9", b"a=\xff\xfe",
    b"a=1&a=", b"a", b"&", b"a=1\r\n", b"a=1&b=2\n", b" a = 1 ", b"a=%00b", b"a=%2526",
    b"a[]=1&a[]=2", b"a.b=1&a%5Bb%5D=2", b"", b"%61=1", b"a=1%3Bb%3D2", b"a=b=c=d",
]:
    req(f"url {body!r}", body=body, ctype="application/x-www-form-urlencoded")
    req(f"url kbfirst {body!r}", "/kbfirst", body, "application/x-www-form-urlencoded")
for ct in [
    "application/x-www-form-urlencoded; charset=utf-8",
    "APPLICATION/X-WWW-FORM-URLENCODED",
    "application/x-www-form-urlencoded;charset=ISO-8859-1",
    'application/x-www-form-urlencoded; charset="utf-8"',
    "application/x-www-form-urlencoded ; charset=utf-8",
    "application/x-www-form-urlencodedx",
    "application/x-www-form",
    "text/plain",
    "application/json",
    "",
    "application/x-www-form-urlencoded, text/plain",
    "application/x-www-form-urlencoded; charset=nonesuch",
]:
    req(f"url ctype {ct!r}", body=b"a=1&b=%E9", ctype=ct)
req("url no content-type", body=URL)
for method in ["GET", "DELETE", "PUT", "PATCH", "OPTIONS"]:
    req(f"url on {method}", body=URL, ctype="application/x-www-form-urlencoded", method=method)
    req(f"mp on {method}", body=SIMPLE, ctype=MP, method=method)
req("GET without body, form ctype", method="GET", ctype="application/x-www-form-urlencoded", cl=False)
req("GET no body at all", method="GET", cl=False)

# --- multipart: boundaries
LONG = b"b" * 70
req("mp boundary 70", body=SIMPLE.replace(b"XX", LONG), ctype="multipart/form-data; boundary=" + LONG.decode())
L2 = b"c" * 200
req("mp boundary 200", body=SIMPLE.replace(b"XX", L2), ctype="multipart/form-data; boundary=" + L2.decode())
req("mp boundary quoted with specials", body=SIMPLE.replace(b"XX", b"a'()+_,-./:=?"), ctype="multipart/form-data; boundary=\"a'()+_,-./:=?\"")
req("mp boundary unquoted with specials", body=SIMPLE.replace(b"XX", b"a'()+_,-./:=?"), ctype="multipart/form-data; boundary=a'()+_,-./:=?")
req("mp boundary trailing space", body=SIMPLE.replace(b"XX", b"ab "), ctype='multipart/form-data; boundary="ab "')
req("mp boundary ending space, body without", body=SIMPLE.replace(b"XX", b"ab"), ctype='multipart/form-data; boundary="ab "')
req("mp boundary case differs", body=SIMPLE.replace(b"XX", b"xx"), ctype=MP)
req("mp two boundary params", body=SIMPLE, ctype="multipart/form-data; boundary=YY; boundary=XX")
req("mp two boundary params 2", body=SIMPLE, ctype="multipart/form-data; boundary=XX; boundary=YY")
req("mp boundary non-ascii", body=SIMPLE.replace(b"XX", "é".encode()), ctype="multipart/form-data; boundary=é".encode().decode("latin-1"))
req("mp Multipart/Form-Data", body=SIMPLE, ctype="Multipart/Form-Data; Boundary=XX")
req("mp multipart/mixed", body=SIMPLE, ctype="multipart/mixed; boundary=XX")
req("mp multipart/related", body=SIMPLE, ctype="multipart/related; boundary=XX")
req("mp boundary semicolon end", body=SIMPLE, ctype="multipart/form-data; boundary=XX;")
req("mp boundary quoted escaped", body=SIMPLE.replace(b"XX", b'X"X'), ctype='multipart/form-data; boundary="X\\"X"')
# --- multipart: structure
req("mp preamble with fake boundary", body=b"--XXnot\r\n" + SIMPLE, ctype=MP)
req("mp preamble CRLF", body=b"\r\n" + SIMPLE, ctype=MP)
req("mp epilogue with part", body=SIMPLE + part([CD % b"late"], b"L"), ctype=MP)
req("mp no final boundary", body=mp(part([CD % b"a"], b"1"), part([CD % b"b"], b"2"), end=b""), ctype=MP)
req("mp final boundary without CRLF", body=mp(part([CD % b"a"], b"1"), end=b"--XX--"), ctype=MP)
req("mp final delimiter only --XX", body=mp(part([CD % b"a"], b"1"), end=b"--XX"), ctype=MP)
req("mp LF everywhere", body=SIMPLE.replace(b"\r\n", b"\n"), ctype=MP)
req("mp LF in head only", body=b'--XX\r\nContent-Disposition: form-data; name="a"\n\n1\r\n--XX--\r\n', ctype=MP)
req("mp CRLF content", body=mp(part([CD % b"a"], b"l1\r\nl2\r\n")), ctype=MP)
req("mp content with boundary prefix", body=mp(part([FD % (b"f", b"b.bin")], b"\r\n--X\r\n--XY\r\n-XX\r\n--XX-")), ctype=MP)
req("mp content with boundary mid-line", body=mp(part([CD % b"a"], b"x--XX--y")), ctype=MP)
req("mp binary all bytes", body=mp(part([FD % (b"f", b"all.bin"), b"Content-Type: application/octet-stream"], bytes(range(256)) * 2)), ctype=MP)
req("mp empty file", body=mp(part([FD % (b"f", b"e.txt")], b"")), ctype=MP)
req("mp empty filename", body=mp(part([FD % (b"f", b"")], b"")), ctype=MP)
req("mp same file name twice", body=mp(part([FD % (b"f", b"a.txt")], b"1"), part([FD % (b"f", b"a.txt")], b"2")), ctype=MP)
req("mp field and file same name", body=mp(part([CD % b"f"], b"field"), part([FD % (b"f", b"a.txt")], b"file")), ctype=MP)
req("mp part without name", body=mp(part([b"Content-Disposition: form-data"], b"x"), part([CD % b"a"], b"1")), ctype=MP)
req("mp part without headers", body=mp(part([], b"x"), part([CD % b"a"], b"1")), ctype=MP)
req("mp part name empty", body=mp(part([CD % b""], b"x"), part([CD % b"a"], b"1")), ctype=MP)
req("mp file without name", body=mp(part([b'Content-Disposition: form-data; filename="z.txt"'], b"x")), ctype=MP)
req("mp name unquoted with space", body=mp(part([b"Content-Disposition: form-data; name=a b"], b"x")), ctype=MP)
req("mp name with semicolon quoted", body=mp(part([b'Content-Disposition: form-data; name="a;b"'], b"x")), ctype=MP)
req("mp name with =", body=mp(part([b'Content-Disposition: form-data; name="a=b"'], b"x")), ctype=MP)
req("mp filename with semicolon", body=mp(part([b'Content-Disposition: form-data; name="f"; filename="a;b.txt"'], b"x")), ctype=MP)
req("mp filename* only", body=mp(part([b"Content-Disposition: form-data; name=\"f\"; filename*=UTF-8''%E2%82%AC.txt"], b"x")), ctype=MP)
req("mp filename* bad escape", body=mp(part([b"Content-Disposition: form-data; name=\"f\"; filename*=UTF-8''%ZZ.txt"], b"x")), ctype=MP)
req("mp filename and name swapped order", body=mp(part([b'Content-Disposition: form-data; filename="s.txt"; name="f"'], b"x")), ctype=MP)
req("mp CD twice", body=mp(part([CD % b"a", CD % b"b"], b"x")), ctype=MP)
req("mp CT twice", body=mp(part([FD % (b"f", b"t.txt"), b"Content-Type: image/png", b"Content-Type: text/html"], b"x")), ctype=MP)
req("mp CT with charset on file", body=mp(part([FD % (b"f", b"t.txt"), b"Content-Type: text/plain; charset=iso-8859-1"], b"\xe9")), ctype=MP)
req("mp CT charset latin1 field", body=mp(part([CD % b"a", b"Content-Type: text/plain; charset=iso-8859-1"], b"\xe9")), ctype=MP)
req("mp CT application/json field", body=mp(part([CD % b"a", b"Content-Type: application/json"], b'{"x":1}')), ctype=MP)
req("mp CT empty", body=mp(part([FD % (b"f", b"t.txt"), b"Content-Type:"], b"x")), ctype=MP)
req("mp CT no slash", body=mp(part([FD % (b"f", b"t.txt"), b"Content-Type: weird"], b"x")), ctype=MP)
req("mp CTE quoted-printable", body=mp(part([CD % b"a", b"Content-Transfer-Encoding: quoted-printable"], b"a=3Db")), ctype=MP)
req("mp CTE binary file", body=mp(part([FD % (b"f", b"b.bin"), b"Content-Transfer-Encoding: binary"], b"\x00\x01")), ctype=MP)
req("mp head without colon", body=mp(part([CD % b"a", b"garbage"], b"x")), ctype=MP)
req("mp head other field", body=mp(part([CD % b"a", b"X-Thing: 1"], b"x")), ctype=MP)
req("mp CD uppercase", body=mp(part([b'CONTENT-DISPOSITION: FORM-DATA; NAME="a"'], b"x")), ctype=MP)
req("mp CD no space", body=mp(part([b'Content-Disposition:form-data;name="a"'], b"x")), ctype=MP)
req("mp CD name twice", body=mp(part([b'Content-Disposition: form-data; name="a"; name="b"'], b"x")), ctype=MP)
req("mp value with trailing CRLF", body=mp(part([CD % b"a"], b"x\r\n")), ctype=MP)
req("mp value utf8", body=mp(part([CD % b"a"], "é€😀".encode())), ctype=MP)
req("mp value bad utf8", body=mp(part([CD % b"a"], b"\xff\xfe")), ctype=MP)
req("mp non-ascii name raw", body=mp(part([CD % "é".encode()], b"x")), ctype=MP)
req("mp many files one name", body=mp(*[part([FD % (b"f", b"%d.txt" % i)], b"%d" % i) for i in range(7)]), ctype=MP)
req("mp empty body", body=b"", ctype=MP)
req("mp only close delimiter", body=b"--XX--\r\n", ctype=MP)
req("mp no boundary param", body=SIMPLE, ctype="multipart/form-data")
req("mp empty boundary", body=SIMPLE, ctype="multipart/form-data; boundary=")
req("mp boundary then charset", body=mp(part([CD % b"a"], b"\xe9")), ctype="multipart/form-data; boundary=XX; charset=latin-1")
# --- counts
many = mp(*[part([CD % b"k%d" % i], b"v") for i in range(3000)])
req("mp 3000 parts", "/count", many, MP)
manyf = mp(*[part([FD % (b"f", b"x")], b"") for i in range(3000)])
req("mp 3000 files", "/count", manyf, MP)
req("url 20000 fields", "/count", b"&".join(b"k%d=v" % i for i in range(20000)), "application/x-www-form-urlencoded")
req("url 20000 same key", "/count", b"&".join(b"a=%d" % i for i in range(20000)), "application/x-www-form-urlencoded")
req("mp 3000 parts kbfirst", "/kbfirst", mp(*[part([CD % b"a"], b"") for i in range(30)]), MP)
# --- size limit (REQUEST_MAX_SIZE 200000)
big = mp(part([FD % (b"f", b"big.bin")], b"x" * 199_800))
req(f"mp at {len(big)} bytes", "/count", big, MP)
big2 = mp(part([FD % (b"f", b"big.bin")], b"x" * 200_100))
req(f"mp over limit {len(big2)}", "/count", big2, MP)
req("url over limit", "/count", b"a=" + b"x" * 200_001, "application/x-www-form-urlencoded")
req("url over limit with 100-continue", "/count", b"a=" + b"x" * 200_001, "application/x-www-form-urlencoded", extra=("Expect: 100-continue",))
req("mp with 100-continue", "/form", SIMPLE, MP, extra=("Expect: 100-continue",))
req("url with 100-continue", "/form", URL, "application/x-www-form-urlencoded", extra=("Expect: 100-continue",))
req("mp with Expect: bogus", "/form", SIMPLE, MP, extra=("Expect: bogus",))
chunked("mp chunked", "/form", SIMPLE, MP)
chunked("mp chunked 1-byte", "/form", SIMPLE, MP, sizes=(1,))
chunked("url chunked", "/form", URL, "application/x-www-form-urlencoded", sizes=(3,))
chunked("url chunked 100-continue", "/form", URL, "application/x-www-form-urlencoded", extra=("Expect: 100-continue",))
chunked("url chunked over limit", "/count", b"a=" + b"x" * 200_001, "application/x-www-form-urlencoded", sizes=(65536,))
chunked("mp chunked stream", "/stream", SIMPLE, MP)
# --- stream=True routes
req("stream mp", "/stream", SIMPLE, MP)
req("stream url", "/stream", URL, "application/x-www-form-urlencoded")
req("stream url PUT", "/stream", URL, "application/x-www-form-urlencoded", method="PUT")
req("stream_read mp", "/stream_read", SIMPLE, MP)
req("stream_read url", "/stream_read", URL, "application/x-www-form-urlencoded")
req("stream_noread url", "/stream_noread", URL, "application/x-www-form-urlencoded")
req("stream over limit", "/stream", b"a=" + b"x" * 200_001, "application/x-www-form-urlencoded")
req("stream with 100-continue", "/stream", URL, "application/x-www-form-urlencoded", extra=("Expect: 100-continue",))
# --- json
for body in [b"", b"{", b'{"a":1}', b"\xff", b"null", b'{"a": NaN}', b"[1, 2]", b" ", b"\xef\xbb\xbf[]", '{"é":1}'.encode("utf-16")]:
    for path in ["/json", "/load_json", "/json_raw"]:
        req(f"json {path} {body!r}", path, body, "application/json")
req("json with form ctype", "/json", b'{"a":1}', "application/x-www-form-urlencoded")
req("json no ctype", "/json", b'{"a":1}')
req("json on GET", "/json", b'{"a":1}', "application/json", method="GET")
req("json on GET no body", "/json", b"", "application/json", method="GET", cl=False)
req("json chunked", "/json", b'{"a":1}', "application/json", extra=("Transfer-Encoding: chunked",), cl=False)
chunked("json chunked proper", "/json", b'{"a":[1,2,3]}', "application/json", sizes=(2,))
req("form_raw bad multipart", "/form_raw", b"--XX\r\nbroken", MP)
req("form_raw no ctype", "/form_raw", URL)

TARGET = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/forms2")
TARGET.mkdir(parents=True, exist_ok=True)


def flush(name: str) -> None:
    (TARGET / name).write_text("\n".join(OUT) + "\n")
    print(len(OUT), "requests in", TARGET / name)
    OUT.clear()


flush("forms.http")

# --- app_loads.py: Sanic(loads=...) and a loads that raises
for body in [b'{"a":1}', b"boom", b'"boom"', b"", b"{", b"\xff"]:
    for path in ["/json", "/json_raw", "/load_json"]:
        req(f"loads {path} {body!r}", path, body, "application/json")
flush("loads.http")


# --- app.py again: several requests on one connection, odd sizes
def keepalive(name, requests):
    data = b""
    for i, (path, ctype, body) in enumerate(requests):
        last = "Connection: close\r\n" if i == len(requests) - 1 else ""
        data += (
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n{last}\r\n"
        ).encode() + body
    raw(name, data)


UE = "application/x-www-form-urlencoded"
keepalive("ka url then mp", [("/count", UE, b"a=1&b=2"), ("/count", MP, SIMPLE)])
keepalive("ka unread body then form", [("/json", "text/plain", b"x" * 5000), ("/count", UE, b"a=1")])
keepalive("ka stream_noread then form", [("/stream_noread", UE, b"a=1"), ("/count", UE, b"z=9")])
keepalive("ka stream_noread big then form", [("/stream_noread", UE, b"a=" + b"y" * 100000), ("/count", UE, b"z=9")])
keepalive("ka stream then form", [("/stream", UE, b"a=1"), ("/count", UE, b"z=9")])
keepalive("ka over-limit then form", [("/count", UE, b"a=" + b"y" * 200001), ("/count", UE, b"z=9")])
req("stream 100-continue over limit", "/stream", b"a=" + b"x" * 300000, UE, extra=("Expect: 100-continue",))
req("stream_noread with 100-continue", "/stream_noread", b"a=1", UE, extra=("Expect: 100-continue",))
req("mp body shorter than Content-Length", "/form", SIMPLE, MP, cl=False, extra=(f"Content-Length: {len(SIMPLE) + 10}",))
req("url content-length 0", "/form", b"", UE)
req("mp part content-length header", "/form", mp(part([CD % b"a", b"Content-Length: 99"], b"1")), MP)
req("mp filename with CR LF escaped", "/form", mp(part([b'Content-Disposition: form-data; name="f"; filename="a\\\r\\\nb"'], b"1")), MP)
req("mp filename nul", "/form", mp(part([b'Content-Disposition: form-data; name="f"; filename="a\x00b"'], b"1")), MP)
req("mp name nul", "/form", mp(part([b'Content-Disposition: form-data; name="a\x00b"'], b"1")), MP)
req("mp head 10k line", "/form", mp(part([CD % b"a", b"X-Big: " + b"y" * 10000], b"1")), MP)
req("mp head 1000 lines", "/count", mp(part([CD % b"a"] + [b"X-H: 1"] * 1000, b"1")), MP)
req("mp 20000 empty parts", "/count", b"--XX\r\n\r\n\r\n" * 20000 + b"--XX--\r\n", MP)
req("mp delimiter runs", "/count", b"--XX\r\n" * 30000, MP)
req("url 190000 ampersands", "/count", b"&" * 190000, UE)
req("url 60000 percents", "/count", b"a=" + b"%" * 60000, UE)
flush("keepalive.http")
