"""Writes requests.http for app.py: hostile and odd paths on every static route, HEAD,
Range, If-Modified-Since, other methods; file()/file_stream() on odd names.
Run: python make_requests.py > requests.http"""

from urllib.parse import quote

from tree import LONG

IMS = "Tue, 14 Nov 2023 22:13:20 GMT"

# Paths under a static prefix, each tried on /s (and many on other prefixes below).
UNDER = [
    "hello.txt",
    "../x",
    "..",
    "../",
    "%2e%2e/x",
    "%2E%2E/x",
    "%2E%2E%2Fx",
    "%2e%2e%2fx",
    "..%2fx",
    "..%2Fx",
    "..%5cx",
    "..%5Cx",
    "..\\x",
    ".%2e/x",
    "%2e./x",
    "%00",
    "a%00b",
    "hello.txt%00",
    "%252e%252e/x",
    "%252e%252e%252fx",
    "%252e",
    "%25252e",
    "%2e",
    "%2e%2e",
    "%252e%252e",
    "%2e%2e%252fx",
    "%252e%252e%252fx/w.txt",
    "%252e%252e%2fx/w.txt",
    "%252e%252e%252fx%2fw.txt",
    "..foo",
    "..%66oo",
    "foo..",
    "...",
    "..d/z.txt",
    "..d/../hello.txt",
    "..d/%2e%2e/hello.txt",
    "..d/..%2f..%2fx",
    "/hello.txt",
    "//hello.txt",
    "sub//x.txt",
    "./hello.txt",
    "sub/./x.txt",
    "sub/.",
    "sub/..",
    "sub/../hello.txt",
    "sub/%2e%2e/hello.txt",
    "sub/%2e%2e/%2e%2e/x",
    "sub/deeper/../../../x",
    "hello.txt/",
    "hello.txt//",
    "hello.txt/.",
    "hello.txt/..",
    "sub",
    "sub/",
    "sub//",
    "emptydir",
    "emptydir/",
    "semi;colon.txt",
    "semi%3Bcolon.txt",
    "semi",
    "q%3Fmark.txt",
    "q?mark.txt",
    "h%23sh.txt",
    "h#sh.txt",
    "sp%20ace.txt",
    "plus+sign.txt",
    "plus%2Bsign.txt",
    quote("ünï.txt"),
    "%C3%BCn%C3%AF.txt",
    "u%CC%88n%C3%AF.txt",
    "per%2525cent.txt",
    "per%25cent.txt",
    "quo%22te.txt",
    'quo"te.txt',
    "amp%26er.txt",
    "amp&er.txt",
    LONG,
    LONG + "x",
    "a" * 4000,
    "a/" * 300 + "x",
    "empty.txt",
    "link_in",
    "sub/up_in",
    "sub/up_out",
    "dir_in/x.txt",
    "dir_in/../hello.txt",
    "link_out",
    "chain_out",
    "dir_out/secret.txt",
    "dir_out/",
    "dir_out/../x",
    "parent/x",
    "parent/outside/secret.txt",
    "parent/root/hello.txt",
    "fsroot/etc/hostname",
    "fsroot/",
    "%2fetc%2fhostname",
    "%2Fetc/hostname",
    "\\etc\\hostname",
    "%5cetc%5chostname",
    "C:%5c",
    "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fhostname",
    "%c0%ae%c0%ae/x",
    "%e0%80%ae%e0%80%ae/x",
    "%ef%bc%8e%ef%bc%8e/x",
    "..%c0%afx",
    "%2e%2e%00/x",
    "hello.txt%20",
    "hello.txt%0a",
    "hello.txt%0d%0aX-Injected:%201",
    "HELLO.txt",
    "big.bin",
]

PREFIXES = ["/s", "/dv", "/ix", "/fx", "/fxd", "/sl"]
# The subset tried on every prefix (the rest only on /s).
ALL_PREFIX = [
    "../x",
    "%2e%2e/x",
    "%2E%2E%2Fx",
    "..%2fx",
    "..%5cx",
    "%00",
    "a%00b",
    "%252e%252e/x",
    "sub",
    "sub/",
    "",
    "link_out",
    "chain_out",
    "dir_out/",
    "dir_out/secret.txt",
    "parent/x",
    "parent/",
    "fsroot/etc/hostname",
    "fsroot/",
    "sub/up_out",
    "sub/up_in",
    "dir_in/",
    "dir_in",
    "..d/",
    "hello.txt/",
]

ONE = [
    "/one",
    "/one/",
    "/one/..",
    "/one/../x",
    "/one/%2e%2e",
    "/one%2f..",
    "/one/x",
    "/one%00",
    "/one;x",
    "/one?x=1",
    "/onelink",
    "/onelink/",
    "/ixo",
    "/ixo/",
    "/ixo/sub/",
    "/ix",
    "/ix/",
    "/ix/sub",
    "/ix/sub/",
    "/ix/dir_in/",
    "/ix/dir_out/",
    "/ix/..d/",
    "/ix/parent/",
    "//s/hello.txt",
    "/s",
    "/s/",
    "/S/hello.txt",
    "/s%2fhello.txt",
    "/s%2Fhello.txt",
    "/%73/hello.txt",
    "/s/%68ello.txt",
    "/./s/hello.txt",
    "/x/../s/hello.txt",
    "/s/hello.txt?../../x",
    "/s/hello.txt#../../x",
    "/s/hello.txt;/../x",
]

FILES = []
for key in [
    "hello",
    "unicode",
    "space",
    "quote",
    "semi",
    "long",
    "empty",
    "big",
    "pct",
    "dots",
    "missing",
    "dir",
    "link_out",
]:
    FILES.append(f"/file/{key}")
    FILES.append(f"/stream/{key}")
for q in [
    "fn=a%20b.txt",
    "fn=%C3%BC.txt",
    "fn=a%22b.txt",
    "fn=a%0d%0aX:%201.txt",
    "fn=..%2f..%2fetc%2fpasswd",
    "fn=a%3Bb.txt",
    "fn=",
    "mt=text/x%0d%0aX:%201",
]:
    FILES.append(f"/file/hello?{q}")
    FILES.append(f"/stream/hello?{q}")

RANGES = ["bytes=0-4", "bytes=-3", "bytes=100-", "bytes=0-0", "bytes=5-2"]
RANGE_PATHS = [
    "/cr/hello.txt",
    "/cr/..foo",
    "/cr/%252e",
    "/cr/sp%20ace.txt",
    "/cr/link_in",
    "/cr/sub/up_in",
    "/cr/link_out",
    "/cr/../x",
    "/sl/big.bin",
    "/sl/empty.txt",
    "/one",
    "/s/hello.txt",
    "/filereq/hello",
    "/filereq/big",
    "/filereq/empty",
    "/filereq/missing",
]
IMS_PATHS = [
    "/s/hello.txt",
    "/s/..foo",
    "/s/big.bin",
    "/sl/big.bin",
    "/one",
    "/ix/",
    "/s/link_in",
    "/s/link_out",
    "/s/../x",
    "/filereq/hello",
    "/filereq/big",
    "/fx/link_out",
    "/fx/chain_out",
    "/onelink",
    "/file/link_out",
]
METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"]
METHOD_PATHS = ["/s/hello.txt", "/s/../x", "/s/missing", "/one", "/dv/", "/ix/"]


def block(name: str, head: str) -> str:
    return f"### {name}\n{head}\nConnection: close\n"


out = []
for p in UNDER:
    out.append(block(f"GET /s/{p}"[:300], f"GET /s/{p} HTTP/1.1\nHost: x"))
for pre in PREFIXES[1:]:
    for p in ALL_PREFIX:
        out.append(block(f"GET {pre}/{p}", f"GET {pre}/{p} HTTP/1.1\nHost: x"))
for t in ONE + FILES:
    out.append(block(f"GET {t}", f"GET {t} HTTP/1.1\nHost: x"))
for t in [
    "/s/hello.txt",
    "/s/../x",
    "/s/big.bin",
    "/sl/big.bin",
    "/s/empty.txt",
    "/one",
    "/s/link_out",
    "/fx/link_out",
    "/dv/",
    "/dv/sub",
    "/s/..foo",
    "/s/%252e",
    "/file/hello",
    "/stream/hello",
    "/file/big",
    "/stream/empty",
]:
    out.append(block(f"HEAD {t}", f"HEAD {t} HTTP/1.1\nHost: x"))
for t in RANGE_PATHS:
    for r in RANGES:
        out.append(block(f"GET {t} Range {r}", f"GET {t} HTTP/1.1\nHost: x\nRange: {r}"))
    out.append(block(f"HEAD {t} Range bytes=0-4", f"HEAD {t} HTTP/1.1\nHost: x\nRange: bytes=0-4"))
# The 2 MiB file: suffixes past its size, the last byte, one past it, across 1 MiB.
BIG_RANGES = [
    "bytes=-99999999",
    "bytes=2097151-",
    "bytes=2097152-",
    "bytes=0-2097151",
    "bytes=1048570-1048580",
    "bytes=-1",
    "bytes=0-",
    "bytes=1-0",
]
for t in ["/sl/big.bin", "/cr/big.bin", "/filereq/big"]:
    for r in BIG_RANGES:
        out.append(block(f"GET {t} Range {r}", f"GET {t} HTTP/1.1\nHost: x\nRange: {r}"))
for t in IMS_PATHS:
    out.append(block(f"GET {t} IMS", f"GET {t} HTTP/1.1\nHost: x\nIf-Modified-Since: {IMS}"))
    out.append(block(f"HEAD {t} IMS", f"HEAD {t} HTTP/1.1\nHost: x\nIf-Modified-Since: {IMS}"))
for m in METHODS:
    for t in METHOD_PATHS:
        out.append(block(f"{m} {t}", f"{m} {t} HTTP/1.1\nHost: x\nContent-Length: 0"))
for target in [
    "http://x/s/../x",
    "http://x/s/%2e%2e/x",
    "http://x/s/hello.txt",
    "http://x/s/..%2fx",
    "http://evil/s/hello.txt",
    "http://x",
    "http://x/s/..",
    "https://x/one",
    "x/s/hello.txt",
    "s/hello.txt",
    "*",
]:
    out.append(block(f"absolute-form {target}", f"GET {target} HTTP/1.1\nHost: x"))
# Raw bytes in the target (not percent-encoded).
for name, target in [
    ("raw utf-8", "/s/\\xc3\\xbcn\\xc3\\xaf.txt"),
    ("raw space", "/s/sp ace.txt"),
    ("raw tab", "/s/sp\\tace.txt"),
    ("raw latin-1", "/s/\\xfcn\\xef.txt"),
    ("raw backslash dots", "/s/..\\\\x"),
    ("raw DEL", "/s/a\\x7fb"),
]:
    out.append(
        f"### raw {name}\n#raw\nGET {target} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n\n"
    )
# Several requests on one connection: framing after each kind of static answer.
SEQ = [
    ("HEAD /sl/big.bin", ""),
    ("GET /sl/big.bin", "Range: bytes=-5"),
    ("GET /s/../x", ""),
    ("GET /s/hello.txt", "If-Modified-Since: " + IMS),
    ("HEAD /s/big.bin", ""),
    ("GET /dv/sub", ""),
    ("POST /s/hello.txt", "Content-Length: 3"),
    ("GET /s/%00", ""),
    ("GET /sl/empty.txt", "Range: bytes=0-4"),
    ("GET /stream/empty", ""),
]
raw = []
for line, extra in SEQ:
    head = line + " HTTP/1.1\\r\\nHost: x\\r\\n" + (extra + "\\r\\n" if extra else "") + "\\r\\n"
    raw.append(head + ("abc" if line.startswith("POST") else ""))
raw.append("GET /ok HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
out.append("### keep-alive sequence\n#raw\n" + "".join(raw) + "\n")
for pre in ["/lr", "/lrv", "/dd", "/rel"]:
    for p in [
        "hello.txt",
        "sub/x.txt",
        "link_in",
        "link_out",
        "dir_in/x.txt",
        "../x",
        "../root/hello.txt",
        "%2e%2e/rootlink/hello.txt",
        "sub/",
        "sub/up_in",
    ]:
        out.append(block(f"GET {pre}/{p}", f"GET {pre}/{p} HTTP/1.1\nHost: x"))
for t in ["/lrone", "/lrone/", "/lrone/..", "/lrv/", "/lrv/sub"]:
    out.append(block(f"GET {t}", f"GET {t} HTTP/1.1\nHost: x"))
# Last: Sanic stays blocked on the pipe (its later answers would be lost).
for t in ["/s/fifo", "/dv/fifo", "/sl/fifo", "/cr/fifo", "/fx/zero_out", "/fxd/zero_out", "/dv/"]:
    out.append(block(f"GET {t} (special files)", f"GET {t} HTTP/1.1\nHost: x"))
out.append(block("HEAD /s/fifo", "HEAD /s/fifo HTTP/1.1\nHost: x"))
out.append(block("GET /file/fifo", "GET /file/fifo HTTP/1.1\nHost: x"))
out.append(block("GET /stream/fifo", "GET /stream/fifo HTTP/1.1\nHost: x"))
print("\n".join(out))
