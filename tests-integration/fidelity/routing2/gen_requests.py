"""Write requests_params.http for app_params.py (sanic-diff REQUESTS format)."""
from __future__ import annotations

import sys

U = "12345678-1234-5678-1234-567812345678"
PATHS = {
    "str": ["a", "a%20b", "caf%C3%A9", "café", "a%2Fb", "%", "%zz", "a+b", "-1", "a.b", "..", ".", ""],
    "soe": ["a", "", "%20"],
    "untyped": ["x", "x%2F"],
    "int": ["1", "-1", "+1", "01", "1.0", "1e3", "99999999999999999999999", "a", "%31", "١", " 1"],
    "float": ["1", "1.5", "-1.5", ".5", "1.", "1e3", "nan", "inf", "a", "1.5.5", "+2.0"],
    "alpha": ["abc", "ABC", "ab1", "é", "caf%C3%A9", "a-b"],
    "slug": ["a-b", "a--b", "-a", "a-", "A-b", "a_b", "1-2", "a"],
    "path": ["a", "a/b/c", "a//b", "a/", "a%2Fb", "a/../b", "caf%C3%A9/x"],
    "ymd": ["2024-01-31", "2024-02-30", "2024-1-1", "20240101", "9999-12-31", "0000-01-01"],
    "uuid": [U, U.upper(), U.replace("-", ""), "{" + U + "}", "zz"],
    "ext": ["a.txt", "a.b.c", "a", ".txt", "a.", "a.TXT", "a.t-t", "a.tar.gz"],
    "ext1": ["a.txt", "a.json", "a.b.txt"],
    "ext2": ["a.txt", "a.json", "a.md"],
    "extgz": ["a.tar.gz", "a.tar.xz", "a.gz", "a.b.tar.gz"],
    "extint": ["1.png", "a.png", "1.gif", "-1.jpg"],
    "extalpha": ["abc.png", "a1.png"],
    "re1": ["abc", "ABC", "a1"],
    "re2": ["2024-01", "2024-1", "2024-01x"],
    "regrp": ["abc-x", "abc", "abc-y"],
    "regrp2": ["12.html", "ab.html", "12.htm"],
    "hex": ["ff", "FF", "0", "g"],
    "upper": ["ABC", "abc"],
    "two": ["1/a", "a/1", "1/a/"],
    "mixed": ["1/fixed/x", "1/other/x"],
    "pathmid": ["a/end", "a/b/end", "end", "/end"],
    "soemid": ["a/end", "/end"],
    "unq": ["a%20b", "a%2Fb", "caf%C3%A9"],
    "unqpath": ["a%20b/c", "a%2Fb"],
}
EXTRA = [
    "/prec/1", "/prec/1.5", "/prec/abc", "/prec/a-b", "/prec/a_b", "/prec/lit", "/prec/" + U,
    "/prec/2024-01-01", "/prec/a.txt", "/prec/-1", "/prec/Abc",
    "/sl/plain", "/sl/plain/", "/sl/slash", "/sl/slash/", "/sl/strict", "/sl/strict/",
    "/sl/strict_s", "/sl/strict_s/", "/sl/loose", "/sl/loose/", "/sl/loose_s", "/sl/loose_s/",
    "/sl/dyn/x", "/sl/dyn/x/", "/sl/dyns/x", "/sl/dyns/x/", "/sl/pth/a/b", "/sl/pth/a/b/",
    "/sl//plain", "//sl/plain", "/sl/plain//", "/t/str//a", "/t/two/1//a",
    "/bp1/a", "/bp1/a/", "/bp1/b", "/bp1/b/", "/bp1/c", "/bp1/c/", "/bp1", "/bp1/",
    "/bp2/a", "/bp2/a/", "/bp2", "/bp2/", "/bp2//", "/bp2/1", "/bp2//1",
    "/grp/bp3/a", "/grp/bp3/a/",
    "/v1/ver/i", "/v1.1/ver/f", "/v2/ver/s", "/vv3/ver/sv", "/v3/ver/sv", "/api/v4/ver/p",
    "/v4/ver/p", "/5/ver/pn", "/v5/ver/pn", "/v1.0/ver/f0", "/v1/ver/f0", "/ver/i",
    "/named.with.dots", "/dec/3", "/dec/x", "/view", "/view/4", "/view/x", "/nope",
    "/T/STR/a", "/t/str/a?x=1",
    "/t/str/a#frag", "/t/str/a?", "/t/str/a?#", "http://x/t/str/a", "http://other/t/str/a",
    "/t/str/%2e%2e", "/./t/str/a", "/t/./str/a", "/t/str/a/..", "/t/str/../str/a",
    "/t/int/1?v=2", "/t/path/a?b/c", "/t/str/%00", "/t/str/a%", "/t/path/%2F", "/t/soe/",
    "/t/soe", "/t/soe//", "/t/path/", "/t/path//", "/t/ext/a.txt/", "/t/int/1/", "/bp2",
    "*", "/t/str/" + "a" * 300, "/t/int/" + "9" * 300, "/t/uuid/" + U + "/",
]
METHODS = [
    ("GET", "/m/get"), ("HEAD", "/m/get"), ("POST", "/m/get"), ("OPTIONS", "/m/get"),
    ("DELETE", "/m/get"), ("GET", "/m/post"), ("POST", "/m/post"), ("HEAD", "/m/post"),
    ("GET", "/m/lower"), ("PUT", "/m/lower"), ("HEAD", "/m/lower"), ("POST", "/m/lower"),
    ("HEAD", "/m/head"), ("GET", "/m/head"), ("OPTIONS", "/m/opt"), ("GET", "/m/opt"),
    ("PATCH", "/m/all"), ("OPTIONS", "/m/all"), ("HEAD", "/m/all"), ("GET", "/m/split"),
    ("POST", "/m/split"), ("PUT", "/m/split"), ("PUT", "/m/dyn/1"), ("GET", "/m/dyn/1"),
    ("GET", "/m/dyn/x"), ("POST", "/view"), ("PUT", "/view"), ("DELETE", "/view/3"),
    ("FOO", "/m/get"), ("get", "/m/get"), ("CONNECT", "/m/get"), ("TRACE", "/m/get"),
]
HOSTS = [
    ("/h", "one.test"), ("/h", "ONE.test"), ("/h", "one.test:8000"), ("/h", "one.test."),
    ("/h", "two.test"), ("/h", "three.test"), ("/h", "four.test:8000"), ("/h", "four.test"),
    ("/h", "five.test"), ("/h/3", "one.test"), ("/h/3", "two.test"), ("/h/x", "one.test"),
    ("/hx", "one.test"), ("/hx", "x"), ("/hx", ""),
]


def block(name: str, method: str, target: str, host: str | None = "x") -> str:
    lines = [f"### {name}", f"{method} {target} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines.append("Connection: close")
    return "\n".join(lines) + "\n"


def main() -> None:
    out = []
    for kind, values in PATHS.items():
        for v in values:
            out.append(block(f"{kind} {v!r}", "GET", f"/t/{kind}/{v}"))
    for p in EXTRA:
        out.append(block(p, "GET", p))
    for m, p in METHODS:
        out.append(block(f"{m} {p}", m, p))
    for p, h in HOSTS:
        out.append(block(f"{p} host {h!r}", "GET", p, h))
    sys.stdout.write("\n".join(out))


main()
