"""In-process probe (headers3): run under Sanic's and Hurtle's interpreters, diff outputs.

One line per call: what it returned, or the exception's type and message."""
from __future__ import annotations

import sys

from sanic import Sanic
from sanic.compat import Header
from sanic.headers import (
    Matched,
    MediaType,
    format_http1_response,
    parse_accept,
    parse_content_header,
    parse_forwarded,
    parse_host,
    parse_xforwarded,
)
from sanic.response import HTTPResponse, json, text

n = 0


def show(label, fn):
    global n
    n += 1
    try:
        out = repr(fn())
    except Exception as e:
        out = f"!{type(e).__name__}: {e}"
    print(f"{label}: {out}")


# ---- Header (request side API)
h = Header([("X-Dup", "1"), ("Host", "x"), ("x-dup", "2"), ("X-DUP", "3")])
for label, fn in {
    "len": lambda: len(h),
    "keys": lambda: list(h.keys()),
    "values": lambda: list(h.values()),
    "items": lambda: list(h.items()),
    "iter": lambda: list(h),
    "get": lambda: h.get("x-dup"),
    "get_default": lambda: h.get("x-no", "d"),
    "getone": lambda: h.getone("X-Dup"),
    "getone_missing": lambda: h.getone("x-no"),
    "getone_default": lambda: h.getone("x-no", None),
    "getall": lambda: h.getall("x-dup"),
    "getall_missing": lambda: h.getall("x-no"),
    "getall_default": lambda: h.getall("x-no", ()),
    "get_all": lambda: h.get_all("X-DUP"),
    "get_all_missing": lambda: h.get_all("x-no"),
    "in_upper": lambda: "HOST" in h,
    "in_bytes": lambda: b"host" in h,
    "in_int": lambda: 1 in h,
    "item_int": lambda: h[1],
    "get_int": lambda: h.get(1),
    "repr": lambda: repr(Header({"A": "1"})),
    "str": lambda: str(Header({"A": "1"})),
    "eq_dict": lambda: Header({"A": "1"}) == {"a": "1"},
    "eq_dict_case": lambda: Header({"A": "1"}) == {"A": "1"},
    "copy_type": lambda: type(h.copy()).__name__,
    "copy_items": lambda: list(h.copy().items()),
    "dict": lambda: dict(h),
    "bool_empty": lambda: bool(Header()),
    "ctor_str": lambda: Header("ab"),
    "ctor_int": lambda: Header(5),
    "ctor_kwargs": lambda: list(Header(a="1", B="2").items()),
    "ctor_bytes_pairs": lambda: list(Header([(b"a", b"1")]).items()),
    "set_int": lambda: (h2 := Header(), h2.__setitem__("a", 1), list(h2.items()))[2],
    "add_int_key": lambda: (h2 := Header(), h2.add(1, "a"), list(h2.items()))[2],
    "popone": lambda: Header([("a", "1"), ("a", "2")]).popone("A"),
    "popall": lambda: Header([("a", "1"), ("a", "2")]).popall("A"),
    "popall_missing": lambda: Header().popall("a"),
    "popall_default": lambda: Header().popall("a", []),
    "pop_missing": lambda: Header().pop("a"),
    "popitem": lambda: Header([("a", "1"), ("b", "2")]).popitem(),
    "setdefault": lambda: (h2 := Header({"a": "1"}), h2.setdefault("A", "2"), h2.setdefault("b", "3"), list(h2.items()))[3],
    "update_dup": lambda: (h2 := Header([("a", "1"), ("a", "2"), ("b", "0")]), h2.update(a="3"), list(h2.items()))[2],
    "update_pairs": lambda: (h2 := Header([("a", "1")]), h2.update([("a", "2"), ("a", "3")]), list(h2.items()))[2],
    "extend": lambda: (h2 := Header([("a", "1")]), h2.extend([("A", "2")]), list(h2.items()))[2],
    "merge": lambda: (h2 := Header([("a", "1")]), h2.merge({"a": "2", "b": "3"}), list(h2.items()))[2],
    "del_all": lambda: (h2 := Header([("a", "1"), ("A", "2"), ("b", "3")]), h2.__delitem__("a"), list(h2.items()))[2],
    "del_missing": lambda: Header().__delitem__("a"),
    "istr_key_type": lambda: [type(k).__name__ for k in Header({"A": "1"})],
    "clear": lambda: (h2 := Header({"a": "1"}), h2.clear(), len(h2))[2],
}.items():
    show(f"Header.{label}", fn)

# ---- sanic.headers helpers
for v in ["text/html; charset=utf-8", 'form-data; name="a\\"b"; filename="x.txt"', "", ";;",
          "a/b; c", "a/b; C=D; c=e", "text/plain;charset=UTF-8 ", 'x; a="', "x; filename*=UTF-8''%C3%A9"]:
    show(f"parse_content_header {v!r}", lambda v=v: parse_content_header(v))
app = Sanic("Probe3")
cfg = app.config
cfg.FORWARDED_SECRET = "s"
for fwd in ["for=1.2.3.4;secret=s;proto=https;host=h.example", "for=1.2.3.4", "secret=s, for=5.6.7.8",
            'for="[::1]:8080";secret=s;by=x', "for=a;secret=s;port=99", "secret=s;for=_hidden;path=/a%20b", ""]:
    show(f"parse_forwarded {fwd!r}", lambda fwd=fwd: parse_forwarded(Header({"forwarded": fwd}), cfg))
cfg.REAL_IP_HEADER = None
cfg.PROXIES_COUNT = 1
for hd in [{"x-forwarded-for": "1.1.1.1, 2.2.2.2"}, {"x-forwarded-for": "1.1.1.1", "x-forwarded-proto": "https",
           "x-forwarded-host": "h", "x-forwarded-port": "8443", "x-forwarded-path": "/p"},
           {"x-forwarded-for": "unknown"}, {"x-forwarded-for": "[::1]"}, {}]:
    show(f"parse_xforwarded {hd!r}", lambda hd=hd: parse_xforwarded(Header(hd), cfg))
for host in ["example.com", "example.com:8080", "[::1]:80", "[::1]", "EXAMPLE.com", "bad host", ":80", "a:b", ""]:
    show(f"parse_host {host!r}", lambda host=host: parse_host(host))
for hdrs in [[], [(b"x-a", b"1")], [(b"x-a", b"1"), (b"x-a", b"2")]]:
    for st in [200, 404, 599, 299, 999]:
        show(f"format_http1_response {st} {hdrs!r}", lambda st=st, hdrs=hdrs: format_http1_response(st, hdrs))
for acc in ["text/html, application/json;q=0.9, */*;q=0.1", "", "*/*", "text/*;q=0.5, text/html",
            "application/json;q=0", "a/b;q=2", "bad", "text/html;level=1;q=0.7", None]:
    show(f"parse_accept {acc!r}", lambda acc=acc: [str(m) for m in parse_accept(acc)])
    show(f"parse_accept match {acc!r}", lambda acc=acc: repr(parse_accept(acc).match("application/json", "text/html")))
acc = parse_accept("text/html;q=0.9;level=1, application/*;q=0.5, */*;q=0.1")
m0 = acc[0]
for label, fn in {
    "mt.type": lambda: (m0.type, m0.subtype, m0.q, m0.params, m0.mime, m0.key, str(m0)),
    "mt.has_wildcard": lambda: (m0.has_wildcard, acc[1].has_wildcard, acc[2].has_wildcard),
    "mt.is_wildcard": lambda: [m.is_wildcard for m in acc],
    "mt.match str": lambda: repr(m0.match("text/html")),
    "mt.match other": lambda: repr(m0.match("text/plain")),
    "mt.match wildcard": lambda: repr(acc[1].match("application/json")),
    "mt.match mt": lambda: repr(acc[1].match(MediaType("application", "xml"))),
    "mt.eq str": lambda: (m0 == "text/html", m0 == "text/html;level=1", m0 == "text/*"),
    "mt.ne": lambda: m0 != "text/plain",
    "mt.repr": lambda: repr(m0),
    "mt.ctor": lambda: repr(MediaType("a", "b", q="0.5", x="1")),
    "matched attrs": lambda: (lambda m: (bool(m), str(m), m.mime, m.header and str(m.header)))(acc.match("application/json")),
    "matched none": lambda: (lambda m: (bool(m), str(m), m.mime, m.header))(parse_accept("text/html").match("image/png")),
    "matched eq": lambda: acc.match("application/json") == "application/json",
    "matched match": lambda: repr(acc.match("application/json").match("application/*")),
    "matched repr": lambda: repr(acc.match("text/html")),
    "matched ctor": lambda: repr(Matched("a/b", None)),
    "acc match wild off": lambda: repr(acc.match("image/png", accept_wildcards=False)),
    "acc match none": lambda: repr(acc.match()),
    "acc repr": lambda: repr(acc),
}.items():
    show(label, fn)

# ---- response headers
from multidict import CIMultiDict, MultiDict  # noqa: E402

containers = {
    "dict": {"X-A": "1", "x-b": "2"},
    "pairs": [("X-A", "1"), ("X-A", "2")],
    "Header": Header([("X-A", "1"), ("x-a", "2")]),
    "CIMultiDict": CIMultiDict([("X-A", "1"), ("x-a", "2")]),
    "MultiDict": MultiDict([("X-A", "1"), ("x-a", "2")]),
    "None": None,
    "intval": {"x-a": 1},
}
for name, c in containers.items():
    for helper in ("HTTPResponse", "text", "json"):
        def build(c=c, helper=helper):
            if helper == "HTTPResponse":
                r = HTTPResponse("b", headers=c)
            elif helper == "text":
                r = text("b", headers=c)
            else:
                r = json({}, headers=c)
            return (type(r.headers).__name__, list(r.headers.items()), list(r.processed_headers),
                    r.headers is c)
        show(f"resp {helper} {name}", build)

r = text("b")
for label, fn in {
    "set int": lambda: r.headers.__setitem__("x-int", 1),
    "set float": lambda: r.headers.__setitem__("x-float", 1.5),
    "set none": lambda: r.headers.__setitem__("x-none", None),
    "set bytes": lambda: r.headers.__setitem__("x-bytes", b"ab"),
    "set latin": lambda: r.headers.__setitem__("x-latin", "caf\u00e9"),
    "set euro": lambda: r.headers.__setitem__("x-euro", "\u20ac"),
    "items": lambda: list(r.headers.items()),
    "processed": lambda: list(r.processed_headers),
    "ct both": lambda: (setattr(r, "content_type", "a/b"), r.headers.get("content-type"), r.content_type),
    "ct hdr": lambda: (r.headers.__setitem__("Content-Type", "c/d"), r.content_type, list(r.processed_headers)),
    "set-cookie dup": lambda: (r.headers.add("Set-Cookie", "a=1"), r.headers.add("set-cookie", "b=2"),
                               r.add_cookie("c", "3"), list(r.processed_headers))[3],
    "cookies": lambda: [str(c) for c in r.cookies.cookies],
    "cookies get": lambda: (str(r.cookies.get_cookie("c")), r.cookies.has_cookie("a")),
    "headers assign dict": lambda: (setattr(r, "headers", {"x": "1"}), type(r.headers).__name__, list(r.processed_headers)),
}.items():
    show(f"mut {label}", fn)
for cl in ["3", "100", "abc", 5, "-1"]:
    show(f"processed content-length {cl!r}", lambda cl=cl: list(text("hello", headers={"content-length": cl}).processed_headers))
show("processed te", lambda: list(text("hello", headers={"transfer-encoding": "chunked"}).processed_headers))
show("processed date/server", lambda: list(text("hello", headers={"date": "x", "server": "y"}).processed_headers))
for st in (204, 304, 101, 103):
    show(f"processed {st} with fields", lambda st=st: list(HTTPResponse(b"", status=st, headers={"content-length": "5", "content-type": "a/b", "x-a": "1"}).processed_headers))
print("calls", n, file=sys.stderr)
