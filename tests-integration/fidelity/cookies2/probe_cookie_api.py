"""Cookie/CookieJar object API probe, one call per line: run under real Sanic and under
Hurtle, diff the output.

    /tmp/st-ref/bin/python probe_cookie_api.py > sanic.txt
    .venv/bin/python probe_cookie_api.py > hurtle.txt; diff sanic.txt hurtle.txt
"""

# ruff: noqa: B023  (each lambda is called at once, inside its loop turn)

from __future__ import annotations

import re
from datetime import datetime

from sanic.compat import Header
from sanic.cookies import Cookie, CookieJar
from sanic.response import text


def fmt(v):
    if type(v).__name__ == "Cookie":
        return f"Cookie({v})"
    if isinstance(v, list):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    if isinstance(v, tuple):
        return "(" + ", ".join(fmt(x) for x in v) + ")"
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", repr(v))


def show(label, fn):
    try:
        out = fn()
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {fmt(out)}")


def public(obj):
    return sorted(n for n in dir(obj) if not n.startswith("__"))


NAIVE = datetime(2030, 1, 2, 3, 4, 5)


def jar_with(*cookies):
    r = text("x")
    for args, kw in cookies:
        r.add_cookie(*args, **kw)
    return r, r.cookies


def main():
    show("CookieJar dir", lambda: public(CookieJar))
    show("Cookie dir", lambda: public(Cookie))
    show("Cookie HOST_PREFIX", lambda: (Cookie.HOST_PREFIX, Cookie.SECURE_PREFIX))
    r, j = jar_with(
        (("a", "1"), {"path": "/p", "domain": "d.com"}),
        (("b", "2"), {"host_prefix": True}),
        (("c", "3"), {"secure_prefix": True}),
    )
    show("jar len", lambda: len(j))
    show("jar headers is", lambda: j.headers is r.headers)
    show("jar HEADER_KEY", lambda: getattr(j, "HEADER_KEY", "missing"))
    show("jar header_key", lambda: getattr(j, "header_key", "missing"))
    show("jar cookie_headers", lambda: getattr(j, "cookie_headers", "missing"))
    show("jar cookies", lambda: j.cookies)
    show("jar cookies is list", lambda: type(j.cookies).__name__)
    for args, kw in [
        (("a",), {}),
        (("a",), {"path": "/p"}),
        (("a",), {"path": "/p", "domain": "d.com"}),
        (("a",), {"domain": "d.com"}),
        (("a", "/p", "d.com"), {}),
        (("b",), {}),
        (("b",), {"host_prefix": True}),
        (("__Host-b",), {}),
        (("b",), {"secure_prefix": True}),
        (("c",), {"secure_prefix": True}),
        (("c",), {"host_prefix": True}),
        (("c",), {"host_prefix": True, "secure_prefix": True}),
        (("zz",), {}),
        (("a b",), {}),
        ((5,), {}),
    ]:
        show(f"jar get_cookie {args} {kw}", lambda: j.get_cookie(*args, **kw))
        show(f"jar has_cookie {args} {kw}", lambda: j.has_cookie(*args, **kw))
    # jar.add_cookie and delete_cookie directly
    show("jar.add_cookie", lambda: (j.add_cookie("d", "4"), len(j)))
    show(
        "jar.add_cookie kw all",
        lambda: j.add_cookie(
            "e",
            "5",
            path="/q",
            domain="x.y",
            secure=False,
            max_age=3,
            expires=NAIVE,
            httponly=True,
            samesite="strict",
            partitioned=False,
            comment="cm",
        ),
    )
    show("jar.delete_cookie", lambda: (j.delete_cookie("d"), len(j)))
    show("jar after", lambda: [str(c) for c in j.cookies])
    show("jar headers after", lambda: [(k, str(v)) for k, v in r.headers.items()])
    show("jar bool empty", lambda: bool(text("x").cookies))
    show("jar bool full", lambda: bool(j))
    show("jar iter", lambda: list(iter(j)))
    show("jar repr type", lambda: type(repr(j)).__name__)
    show("jar eq", lambda: j == j)
    show("CookieJar(None)", lambda: CookieJar(None))
    show("CookieJar() noargs", lambda: CookieJar())
    show("CookieJar(dict)", lambda: len(CookieJar({})))
    show("CookieJar(dict).add", lambda: _jar_dict_add())
    show("CookieJar(Header) two", lambda: _two_jars())

    # Cookie attributes
    c = Cookie(
        "a",
        "b",
        path="/p",
        domain="d",
        max_age=3,
        expires=NAIVE,
        secure=True,
        httponly=True,
        samesite="strict",
        partitioned=False,
        comment="cm",
    )
    for attr in (
        "key",
        "value",
        "path",
        "domain",
        "max_age",
        "expires",
        "secure",
        "httponly",
        "samesite",
        "partitioned",
        "comment",
        "host_prefix",
        "secure_prefix",
        "HOST_PREFIX",
        "SECURE_PREFIX",
    ):
        show(f"cookie.{attr}", lambda: getattr(c, attr))
    d = Cookie("a", "b")
    for attr in (
        "path",
        "domain",
        "max_age",
        "expires",
        "secure",
        "httponly",
        "samesite",
        "partitioned",
        "comment",
    ):
        show(f"default cookie.{attr}", lambda: getattr(d, attr))
    for key in (
        "path",
        "domain",
        "max-age",
        "expires",
        "secure",
        "httponly",
        "samesite",
        "partitioned",
        "comment",
        "Path",
        "MAX-AGE",
        "max_age",
        "foo",
        "version",
    ):
        show(f"cookie[{key!r}]", lambda: c[key])
        show(f"default cookie[{key!r}]", lambda: d[key])
        show(f"cookie.get({key!r})", lambda: c.get(key))
    for key, val in (
        ("path", "/z"),
        ("Path", "/z"),
        ("max-age", 9),
        ("max-age", "9"),
        ("max-age", "x"),
        ("max-age", -5),
        ("max-age", 0),
        ("expires", NAIVE),
        ("expires", "x"),
        ("secure", False),
        ("secure", 0),
        ("httponly", 1),
        ("samesite", "NONE"),
        ("samesite", None),
        ("samesite", "x"),
        ("partitioned", True),
        ("comment", "c;d"),
        ("domain", None),
        ("foo", "x"),
        ("version", 1),
        ("max_age", 3),
    ):

        def setit(key=key, val=val):
            e = Cookie("a", "b")
            e[key] = val
            return str(e)

        show(f"cookie[{key!r}] = {val!r}", setit)
    for attr, val in (
        ("path", None),
        ("path", ""),
        ("domain", ""),
        ("max_age", None),
        ("max_age", "7"),
        ("max_age", -1),
        ("max_age", 1.5),
        ("expires", None),
        ("expires", "x"),
        ("samesite", None),
        ("samesite", "LAX"),
        ("secure", None),
        ("httponly", None),
        ("partitioned", None),
        ("comment", None),
        ("key", "new"),
        ("key", "a b"),
        ("value", ""),
        ("value", 'q"'),
        ("foo", 1),
    ):

        def setat(attr=attr, val=val):
            e = Cookie("a", "b")
            setattr(e, attr, val)
            return (str(e), getattr(e, attr))

        show(f"cookie.{attr} = {val!r}", setat)
    show("del cookie[path]", lambda: _del(Cookie("a", "b", domain="x"), "path"))
    show("del cookie[domain]", lambda: _del(Cookie("a", "b", domain="x"), "domain"))
    show("del cookie.domain", lambda: _delattr(Cookie("a", "b", domain="x"), "domain"))
    show("cookie eq", lambda: Cookie("a", "b") == Cookie("a", "b"))
    show("cookie is dict", lambda: isinstance(Cookie("a", "b"), dict))
    show("cookie len", lambda: len(Cookie("a", "b")))
    show("cookie iter", lambda: list(Cookie("a", "b", max_age=3)))
    show("cookie keys", lambda: list(Cookie("a", "b", max_age=3).keys()))
    show("cookie items", lambda: list(Cookie("a", "b", max_age=3).items()))
    show("cookie contains path", lambda: "path" in Cookie("a", "b"))
    show("cookie contains max-age", lambda: "max-age" in Cookie("a", "b", max_age=3))
    show("cookie hash", lambda: type(hash(Cookie("a", "b"))).__name__)
    show("cookie encode", lambda: Cookie("a", "b").encode("utf-8"))
    show("cookie bytes", lambda: bytes(Cookie("a", "b")))
    show("cookie format", lambda: f"{Cookie('a', 'b')}")
    show("cookie positional", lambda: str(Cookie("a", "b", "/p")))
    show("cookie no value", lambda: str(Cookie("a")))
    show("cookie value None", lambda: str(Cookie("a", None)))
    show("cookie value int", lambda: str(Cookie("a", 5)))
    show("cookie key int", lambda: str(Cookie(5, "b")))
    show("cookie make_key", lambda: Cookie.make_key("a", host_prefix=True))
    show("cookie make_key both", lambda: Cookie.make_key("a", True, True))
    show("cookie copy", lambda: str(__import__("copy").copy(Cookie("a", "b", max_age=3))))
    show("cookie deepcopy", lambda: str(__import__("copy").deepcopy(Cookie("a", "b"))))
    show(
        "cookie pickle",
        lambda: str(__import__("pickle").loads(__import__("pickle").dumps(Cookie("a", "b")))),
    )


def _jar_dict_add():
    h = Header()
    j = CookieJar(h)
    j.add_cookie("a", "1")
    j.add_cookie("b", "2")
    j.delete_cookie("a")
    return [(k, str(v)) for k, v in h.items()]


def _two_jars():
    h = Header()
    CookieJar(h).add_cookie("a", "1")
    j2 = CookieJar(h)
    return (len(j2), j2.has_cookie("a"), [str(c) for c in j2.cookies])


def _del(c, k):
    del c[k]
    return str(c)


def _delattr(c, k):
    delattr(c, k)
    return str(c)


if __name__ == "__main__":
    main()
