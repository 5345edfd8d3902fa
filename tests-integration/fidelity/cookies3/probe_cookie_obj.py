"""Cookie objects, CookieJar and delete_cookie beyond cookies2/: run under both, diff.

/tmp/st-ref/bin/python probe_cookie_obj.py > /tmp/s.txt
.venv/bin/python probe_cookie_obj.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from sanic.compat import Header
from sanic.cookies import Cookie, CookieJar
from sanic.response import HTTPResponse, text


def fmt(v):
    if type(v).__name__ == "Cookie":
        return f"Cookie({v})"
    if isinstance(v, list):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", repr(v))


def show(label, fn):
    try:
        out = fn()
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {fmt(out)}")


def sc(resp):
    return [str(v) for k, v in resp.headers.items() if k.lower() == "set-cookie"]


def mk(**kw):
    return Cookie("a", "b", **kw)


def setattr_case(attr, value, **kw):
    def run():
        c = mk(**kw)
        setattr(c, attr, value)
        return (str(c), repr(getattr(c, attr)))

    return run


UTC2 = timezone(timedelta(hours=2))
SET = {
    "max_age_int": ("max_age", 5),
    "max_age_str": ("max_age", "5"),
    "max_age_float": ("max_age", 5.0),
    "max_age_float_frac": ("max_age", 5.5),
    "max_age_neg": ("max_age", -3),
    "max_age_bad": ("max_age", "x"),
    "max_age_none": ("max_age", None),
    "max_age_bool": ("max_age", True),
    "max_age_zero": ("max_age", 0),
    "expires_naive": ("expires", datetime(2031, 5, 6, 7, 8, 9)),
    "expires_micro": ("expires", datetime(2031, 5, 6, 7, 8, 9, 999999)),
    "expires_aware": ("expires", datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC2)),
    "expires_utc": ("expires", datetime(2031, 5, 6, 7, 8, 9, tzinfo=timezone.utc)),
    "expires_str": ("expires", "Wed, 01 Jan 2031 00:00:00 GMT"),
    "expires_none": ("expires", None),
    "expires_int": ("expires", 5),
    "expires_old": ("expires", datetime(1, 1, 1)),
    "samesite_strict": ("samesite", "Strict"),
    "samesite_lower": ("samesite", "strict"),
    "samesite_upper": ("samesite", "NONE"),
    "samesite_bad": ("samesite", "bogus"),
    "samesite_empty": ("samesite", ""),
    "path_none": ("path", None),
    "path_empty": ("path", ""),
    "path_int": ("path", 3),
    "path_semicolon": ("path", "/a;b"),
    "domain_none": ("domain", None),
    "domain_x": ("domain", "x.org"),
    "domain_empty": ("domain", ""),
    "comment_none": ("comment", None),
    "comment_x": ("comment", "hi there"),
    "comment_empty": ("comment", ""),
    "httponly_true": ("httponly", True),
    "httponly_str": ("httponly", "yes"),
    "httponly_zero": ("httponly", 0),
    "secure_false": ("secure", False),
    "secure_none": ("secure", None),
    "secure_str": ("secure", ""),
    "partitioned_true": ("partitioned", True),
    "partitioned_one": ("partitioned", 1),
    "value_space": ("value", "a b"),
    "value_nonascii": ("value", "é"),
    "value_int": ("value", 5),
    "key_x": ("key", "zz"),
    "key_bad": ("key", "a b"),
    "unknown": ("foo", 1),
}
for name, (attr, value) in SET.items():
    show(f"set.{name}", setattr_case(attr, value))
show("set.secure_false_host", setattr_case("secure", False, host_prefix=True))
show("set.path_host", setattr_case("path", "/x", host_prefix=True))
show("set.domain_host", setattr_case("domain", "x.org", host_prefix=True))
show("set.secure_false_secprefix", setattr_case("secure", False, secure_prefix=True))
show(
    "set.partitioned_false_host",
    setattr_case("partitioned", False, host_prefix=True, partitioned=True),
)

# reading every attribute of a default cookie and a full one
FULL = dict(
    path="/p",
    domain="d.org",
    secure=True,
    max_age=9,
    expires=datetime(2031, 1, 1),
    httponly=True,
    samesite="strict",
    partitioned=True,
    comment="c",
    host_prefix=False,
    secure_prefix=True,
)
for label, kw in (("default", {}), ("full", FULL)):
    for attr in (
        "key",
        "value",
        "path",
        "domain",
        "secure",
        "max_age",
        "expires",
        "httponly",
        "samesite",
        "partitioned",
        "comment",
    ):
        show(f"get.{label}.{attr}", lambda kw=kw, attr=attr: getattr(mk(**kw), attr))
    show(f"str.{label}", lambda kw=kw: str(mk(**kw)))
    show(f"encode.{label}", lambda kw=kw: mk(**kw).encode("utf-8"))

show("encode.ascii_nonascii", lambda: Cookie("a", "é").encode("ascii"))
show("encode.latin1", lambda: Cookie("a", "é").encode("latin-1"))
show("encode.noarg", lambda: Cookie("a", "b").encode())
show("encode.badcodec", lambda: Cookie("a", "b").encode("nope"))
show("bytes", lambda: bytes(Cookie("a", "b")))
show("eq", lambda: Cookie("a", "b") == Cookie("a", "b"))
show("hash", lambda: hash(Cookie("a", "b")) == hash(Cookie("a", "b")))
show("bool", lambda: bool(Cookie("a", "")))
show("len", lambda: len(Cookie("a", "b")))
show("getitem", lambda: Cookie("a", "b")["path"])
show("setitem", lambda: Cookie("a", "b").__setitem__("httponly", True))
show("contains", lambda: "path" in Cookie("a", "b"))
show("iter", lambda: list(Cookie("a", "b")))
show("make_key", lambda: Cookie.make_key("a", host_prefix=True))
show("make_key_sec", lambda: Cookie.make_key("a", secure_prefix=True))
show("make_key_both", lambda: Cookie.make_key("a", host_prefix=True, secure_prefix=True))
show("make_key_none", lambda: Cookie.make_key("a"))
show("prefix_consts", lambda: (Cookie.HOST_PREFIX, Cookie.SECURE_PREFIX))
show("positional_path", lambda: Cookie("a", "b", "/x"))
show("no_value", lambda: Cookie("a"))
show("kw_key", lambda: Cookie(key="a", value="b"))

QUOTE = [
    "a b",
    "a,b",
    "a;b",
    'a"b',
    "a\\b",
    "é",
    "日本",
    "\x7f",
    "a\tb",
    "",
    "a=b",
    "(x)",
    "[x]",
    "{x}",
    "<x>",
    "?x",
    "@x",
    "/x",
    ":x",
    "a b;c",
    "~!#$%&'*+-.^_`|",
]
for i, v in enumerate(QUOTE):
    show(f"quote.{i}.{v!r}", lambda v=v: str(Cookie("a", v)))


# the jar
def jar_case(fn):
    def run():
        r = text("x")
        out = fn(r, r.cookies)
        return (out, sc(r))

    return run


show("jar.header_key", lambda: (CookieJar.HEADER_KEY, text("x").cookies.HEADER_KEY))
show("jar.header_key_lower", lambda: getattr(text("x").cookies, "header_key", "<none>"))
show("jar.identity", lambda: text("x").cookies is text("x").cookies)
show("jar.same", jar_case(lambda r, j: r.cookies is j))
show("jar.cookies_empty", jar_case(lambda r, j: j.cookies))
show("jar.len", jar_case(lambda r, j: (j.add_cookie("a", "1"), len(j))[1]))
show("jar.iter", jar_case(lambda r, j: (j.add_cookie("a", "1"), list(j))[1]))
show("jar.contains", jar_case(lambda r, j: (j.add_cookie("a", "1"), "a" in j)[1]))
show("jar.getitem", jar_case(lambda r, j: (j.add_cookie("a", "1"), j["a"])[1]))
show("jar.setitem", jar_case(lambda r, j: j.__setitem__("a", "b")))
show("jar.setattr_legacy", jar_case(lambda r, j: setattr(j, "a", "b")))
show("jar.get", jar_case(lambda r, j: (j.add_cookie("a", "1"), j.get("a"))[1]))
show(
    "jar.get_cookie",
    jar_case(
        lambda r, j: (
            j.add_cookie("a", "1", path="/x"),
            j.get_cookie("a"),
            j.get_cookie("a", path="/x"),
        )[1:]
    ),
)
show(
    "jar.get_cookie_domain",
    jar_case(
        lambda r, j: (
            j.add_cookie("a", "1", domain="d.org"),
            j.get_cookie("a"),
            j.get_cookie("a", domain="d.org"),
        )[1:]
    ),
)
show(
    "jar.has_cookie",
    jar_case(
        lambda r, j: (
            j.add_cookie("a", "1"),
            j.has_cookie("a"),
            j.has_cookie("b"),
            j.has_cookie("a", path="/y"),
        )[1:]
    ),
)
show(
    "jar.has_cookie_prefix",
    jar_case(
        lambda r, j: (
            j.add_cookie("a", "1", host_prefix=True),
            j.has_cookie("a"),
            j.has_cookie("a", host_prefix=True),
            j.has_cookie("__Host-a"),
        )[1:]
    ),
)
show(
    "jar.delete_then_list",
    jar_case(lambda r, j: (j.add_cookie("a", "1"), j.delete_cookie("a"), j.cookies)[2]),
)
show("jar.delete_unknown", jar_case(lambda r, j: (j.delete_cookie("zz"), j.cookies)[1]))
show(
    "jar.delete_path",
    jar_case(lambda r, j: (j.add_cookie("a", "1", path="/x"), j.delete_cookie("a"), j.cookies)[2]),
)
show(
    "jar.delete_path_match",
    jar_case(
        lambda r, j: (
            j.add_cookie("a", "1", path="/x"),
            j.delete_cookie("a", path="/x"),
            j.cookies,
        )[2]
    ),
)
show(
    "jar.delete_domain", jar_case(lambda r, j: (j.delete_cookie("a", domain="d.org"), j.cookies)[1])
)
show(
    "jar.delete_host", jar_case(lambda r, j: (j.delete_cookie("a", host_prefix=True), j.cookies)[1])
)
show(
    "jar.delete_secure_prefix",
    jar_case(lambda r, j: (j.delete_cookie("a", secure_prefix=True), j.cookies)[1]),
)
show(
    "jar.delete_insecure_host",
    jar_case(lambda r, j: j.delete_cookie("a", host_prefix=True, secure=False)),
)
show("jar.delete_bad_name", jar_case(lambda r, j: j.delete_cookie("a b")))
show(
    "jar.delete_twice",
    jar_case(lambda r, j: (j.delete_cookie("a"), j.delete_cookie("a"), len(j.cookies))[2]),
)
show("jar.delete_positional", jar_case(lambda r, j: j.delete_cookie("a", "/x")))
show("jar.add_positional", jar_case(lambda r, j: j.add_cookie("a", "b", "/x")))
show("jar.add_returns", jar_case(lambda r, j: j.add_cookie("a", "b") is j.get_cookie("a")))
show("jar.mutate_after", jar_case(lambda r, j: setattr(j.add_cookie("a", "b"), "value", "c")))
show("jar.mutate_path_after", jar_case(lambda r, j: setattr(j.add_cookie("a", "b"), "path", "/z")))
show(
    "jar.two_same",
    jar_case(
        lambda r, j: (j.add_cookie("a", "1"), j.add_cookie("a", "2"), j.get_cookie("a").value)[2]
    ),
)
show(
    "jar.over_header",
    lambda: (lambda h: (CookieJar(h).add_cookie("a", "b"), list(h.items())))(Header())[1],
)
show(
    "jar.over_header_existing",
    lambda: (lambda h: (CookieJar(h).cookies, CookieJar(h).has_cookie("a")))(
        Header({"Set-Cookie": "a=1"})
    ),
)
show("jar.over_dict", lambda: CookieJar({}).add_cookie("a", "b"))
show("jar.cookie_obj_set", jar_case(lambda r, j: r.headers.add("Set-Cookie", Cookie("q", "w"))))
show("jar.resp_add_cookie_obj", jar_case(lambda r, j: r.add_cookie(Cookie("q", "w"), "x")))
show("resp.delete_cookie_returns", jar_case(lambda r, j: r.delete_cookie("a")))
show(
    "resp.add_cookie_kwargs_all",
    jar_case(
        lambda r, j: r.add_cookie(
            "a",
            "b",
            path="/q",
            domain="d.org",
            secure=True,
            max_age="10",
            expires=datetime(2031, 1, 2, tzinfo=UTC2),
            httponly=True,
            samesite="none",
            partitioned=True,
            comment="hi",
        )
    ),
)
show(
    "resp.delete_cookie_all",
    jar_case(
        lambda r, j: r.delete_cookie(
            "a", path="/q", domain="d.org", secure=True, host_prefix=False, secure_prefix=True
        )
    ),
)
show(
    "resp.new_headers",
    lambda: (lambda r: (r.cookies.add_cookie("a", "b"), sc(r)))(
        HTTPResponse("x", headers={"X": "1"})
    )[1],
)
show(
    "resp.cookies_after_headers_replace",
    lambda: (lambda r: (r.cookies, setattr(r, "headers", Header()), r.add_cookie("a", "b"), sc(r)))(
        text("x")
    )[3],
)
