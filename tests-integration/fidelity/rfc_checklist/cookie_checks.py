"""RFC 6265 checks (against app_third.py): the request's `Cookie` field as `request.cookies`
reads it (`/cookies`), and the `Set-Cookie` fields that `add_cookie`/`delete_cookie` write
(`/set/<case>`, see CASES in app_third.py; a case the API refuses answers `x-err`).

A Set-Cookie check passes when every field matches the server grammar of RFC 6265 4.1.1
(sane-cookie-date, a non-zero Max-Age, a subdomain Domain, cookie-octets), the prefix
rules of RFC 6265bis 4.1.3 and the Secure that SameSite=None and Partitioned need; or when
the API refused what would break it. usage: python cookie_checks.py PORT [filter]."""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from checklib import FILT, exchange

TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
OCTETS = r"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*"
DATE = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT"
SUBDOMAIN = r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
passed = total = 0


def grammar(field):
    """Why ``field`` breaks RFC 6265 4.1.1 (or 6265bis prefixes), or None."""
    pair, *avs = field.split("; ")
    name, eq, value = pair.partition("=")
    if not eq or not re.fullmatch(TOKEN, name):
        return "cookie-name"
    if not re.fullmatch(OCTETS, value) and not re.fullmatch(f'"{OCTETS}"', value):
        return "cookie-value"
    attrs = {}
    for av in avs:
        k, eq, v = av.partition("=")
        attrs[k.lower()] = v
        if any(c < " " or c == ";" for c in av):
            return "attribute octets"
        if k.lower() == "expires" and not re.fullmatch(DATE, v):
            return "Expires date"
        if k.lower() == "max-age" and not re.fullmatch(r"[1-9][0-9]*", v):
            return "Max-Age"
        if k.lower() == "domain" and not re.fullmatch(SUBDOMAIN, v):
            return "Domain"
    secure = "secure" in attrs
    if name.startswith("__Secure-") and not secure:
        return "__Secure- without Secure"
    if name.startswith("__Host-") and (not secure or attrs.get("path") != "/" or "domain" in attrs):
        return "__Host- needs Secure, Path=/, no Domain"
    if attrs.get("samesite", "").lower() == "none" and not secure:
        return "SameSite=None without Secure"
    if "partitioned" in attrs and not secure:
        return "Partitioned without Secure"
    return None


def get(path, extra=b""):
    out, _ = exchange(
        f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n".encode() + extra + b"\r\n",
        idle=0.5,
        total=4,
    )
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields = [ln.split(": ", 1) for ln in lines[1:] if ": " in ln]
    return lines[0], fields, body


def report(name, ref, ok, shown):
    global passed, total
    total += 1
    passed += ok is True
    print(f"{'PASS' if ok is True else 'FAIL'} [{ref}] {name} :: {shown}")


SET_CASES = re.findall(
    r'^    "([a-z0-9+-]+)": lambda',
    open(os.path.join(os.path.dirname(__file__), "app_third.py")).read(),
    re.M,
)
# Beyond the grammar: what the field must say for the case.
EXPECT = {
    "all": lambda f: (
        "Expires=Wed, 02 Jan 2030 03:04:05 GMT".lower() in f[0].lower()
        and "HttpOnly" in f[0]
        and "SameSite=Strict" in f[0]
    ),
    "expires-naive": lambda f: "02 Jan 2030 03:04:05 GMT" in f[0],
    "expires-aware+2": lambda f: "02 Jan 2030 01:04:05 GMT" in f[0],
    "partitioned-host": lambda f: f[0].endswith("Partitioned") and f[0].startswith("__Host-a="),
    "delete": lambda f: "Max-Age=0" in f[0] or "Expires=" in f[0],
}
for case in SET_CASES:
    name = f"Set-Cookie {case}"
    if FILT and FILT not in name:
        continue
    status, fields, body = get(f"/set/{case}")
    err = [v for k, v in fields if k.lower() == "x-err"]
    sc = [v for k, v in fields if k.lower() == "set-cookie"]
    if err:
        report(name, "6265 4.1.1", True, f"refused: {body.decode('latin-1')[:90]}")
        continue
    why = [grammar(f) for f in sc]
    names = [f.split("=", 1)[0] for f in sc]
    bad = [w for w in why if w]
    if len(set(names)) < len(names):
        bad.append("two Set-Cookie with one name (SHOULD NOT)")
    if case in EXPECT and not EXPECT[case](sc):
        bad.append("not what was asked")
    report(name, "6265 4.1", not bad or f"{bad}", f"{sc} {bad or ''}")


def cookies(raw):
    status, fields, body = get("/cookies", raw)
    try:
        return status, json.loads(body)["items"]
    except ValueError:
        return status, None


# (request Cookie field(s), predicate on request.cookies as {name: getlist(name)})
REQ = [
    (b"Cookie: a=b", lambda c: c == {"a": ["b"]}),
    (b"Cookie: a=b; c=d", lambda c: c == {"a": ["b"], "c": ["d"]}),
    (b"Cookie: a=b;c=d", lambda c: c == {"a": ["b"], "c": ["d"]}),
    (b"Cookie: a=b ;  c=d", lambda c: c == {"a": ["b"], "c": ["d"]}),
    (b'Cookie: a="b"', lambda c: c["a"] in (["b"], ['"b"'])),
    (b'Cookie: a="b c"', lambda c: c["a"] in (["b c"], ['"b c"'])),
    (b'Cookie: a="b;c"', lambda c: "a" in c),
    (b'Cookie: a="b\\"c"', lambda c: "a" in c),
    (b'Cookie: a="b', lambda c: c["a"] == ['"b']),
    (b"Cookie: a=b c", lambda c: "a" in c),
    (b"Cookie: a=b,c", lambda c: c["a"] == ["b,c"]),
    (b"Cookie: a=1; a=2", lambda c: c["a"] == ["1", "2"]),
    (b"Cookie: a=", lambda c: c["a"] == [""]),
    (b'Cookie: a=""', lambda c: c["a"] in ([""], ['""'])),
    (b"Cookie: a", lambda c: "a" not in c or c["a"] == [""]),
    (b"Cookie: a=b; =c; d=e", lambda c: c["a"] == ["b"] and c["d"] == ["e"]),
    (b"Cookie: $Version=1; a=b; $Path=/", lambda c: c["a"] == ["b"]),
    (b"Cookie: a=b;", lambda c: c == {"a": ["b"]}),
    (b"Cookie: ;a=b", lambda c: c == {"a": ["b"]}),
    (b"Cookie: a=b;;c=d", lambda c: c == {"a": ["b"], "c": ["d"]}),
    (b"Cookie: a=b=c", lambda c: c["a"] == ["b=c"]),
    (b"Cookie: a=%41", lambda c: c["a"] == ["%41"]),
    (b"Cookie: a=\xc3\xa9", lambda c: c["a"] == ["é"]),
    (b"Cookie: \xc3\xa9=b", lambda c: True),
    (b"Cookie: a b=c", lambda c: "a" not in c),
    (b"Cookie: A=b; a=c", lambda c: c == {"A": ["b"], "a": ["c"]}),
    (b"Cookie: a=b\r\nCookie: c=d", lambda c: c == {"a": ["b"], "c": ["d"]}),
    (b"Cookie: a=1\r\nCookie: a=2", lambda c: c["a"] == ["1", "2"]),
    (b"Cookie: expires=x; path=y; a=b", lambda c: c["expires"] == ["x"] and c["a"] == ["b"]),
    (b"Cookie: __Host-a=b; __Secure-c=d", lambda c: c["__Host-a"] == ["b"]),
    (b"Cookie:a=b", lambda c: c == {"a": ["b"]}),
    (b"Cookie: a=b \t", lambda c: c == {"a": ["b"]}),
    (b"Cookie: a=b\tc", lambda c: "a" in c),
]
for raw, pred in REQ:
    name = f"request {raw.decode('latin-1')!r}"
    if FILT and FILT not in name:
        continue
    status, got = cookies(raw + b"\r\n")
    try:
        ok = pred(got) is True
    except Exception as e:
        ok = repr(e)
    report(name, "6265 4.2/5.4", ok, f"{status} {json.dumps(got, ensure_ascii=False)}")
# a control character in the field: RFC 9110 5.5 lets a recipient refuse the request
status, got = cookies(b"Cookie: a=b\x01\r\n")
if not FILT or FILT in "request control":
    report("request 'a=b\\x01'", "9110 5.5", status.split()[1] in ("200", "400"), status)
print(f"summary: {passed}/{total} pass")
