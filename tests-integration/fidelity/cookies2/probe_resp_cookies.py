"""Response cookie API probe: run under real Sanic and under Hurtle, diff the output.

/tmp/st-ref/bin/python probe_resp_cookies.py > sanic.txt
.venv/bin/python probe_resp_cookies.py > hurtle.txt; diff sanic.txt hurtle.txt
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta, timezone

from sanic.cookies import Cookie, CookieJar
from sanic.response import text


def fmt(v):
    if type(v).__name__ == "Cookie":
        return f"Cookie({v})"
    r = repr(v)
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", r)


def show(label, fn):
    try:
        out = fn()
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {fmt(out)}")


def sc(resp):
    return [str(v) for k, v in resp.headers.items() if k.lower() == "set-cookie"]


def add(*args, **kw):
    def run():
        r = text("x")
        c = r.add_cookie(*args, **kw)
        return (type(c).__name__, sc(r))

    return run


AWARE = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
NAIVE = datetime(2030, 1, 2, 3, 4, 5)

CASES = {
    "plain": (("a", "b"), {}),
    "path": (("a", "b"), {"path": "/x/y"}),
    "path_empty": (("a", "b"), {"path": ""}),
    "path_none": (("a", "b"), {"path": None}),
    "domain": (("a", "b"), {"domain": "example.com"}),
    "domain_empty": (("a", "b"), {"domain": ""}),
    "max_age_int": (("a", "b"), {"max_age": 60}),
    "max_age_str": (("a", "b"), {"max_age": "60"}),
    "max_age_0": (("a", "b"), {"max_age": 0}),
    "max_age_str0": (("a", "b"), {"max_age": "0"}),
    "max_age_neg": (("a", "b"), {"max_age": -1}),
    "max_age_negstr": (("a", "b"), {"max_age": "-1"}),
    "max_age_float": (("a", "b"), {"max_age": 1.5}),
    "max_age_float_int": (("a", "b"), {"max_age": 2.0}),
    "max_age_bool": (("a", "b"), {"max_age": True}),
    "max_age_strx": (("a", "b"), {"max_age": "abc"}),
    "max_age_str_space": (("a", "b"), {"max_age": " 5"}),
    "max_age_big": (("a", "b"), {"max_age": 10**20}),
    "max_age_none": (("a", "b"), {"max_age": None}),
    "expires_naive": (("a", "b"), {"expires": NAIVE}),
    "expires_aware": (("a", "b"), {"expires": AWARE}),
    "expires_utc": (("a", "b"), {"expires": datetime(2030, 1, 2, tzinfo=timezone.utc)}),
    "expires_str": (("a", "b"), {"expires": "Wed, 02 Jan 2030 03:04:05 GMT"}),
    "expires_int": (("a", "b"), {"expires": 5}),
    "expires_none": (("a", "b"), {"expires": None}),
    "expires_and_maxage": (("a", "b"), {"expires": NAIVE, "max_age": 9}),
    "secure_false": (("a", "b"), {"secure": False}),
    "secure_none": (("a", "b"), {"secure": None}),
    "httponly": (("a", "b"), {"httponly": True}),
    "httponly_false": (("a", "b"), {"httponly": False}),
    "samesite_lax": (("a", "b"), {"samesite": "lax"}),
    "samesite_Strict": (("a", "b"), {"samesite": "Strict"}),
    "samesite_STRICT": (("a", "b"), {"samesite": "STRICT"}),
    "samesite_none": (("a", "b"), {"samesite": "none"}),
    "samesite_none_insecure": (("a", "b"), {"samesite": "none", "secure": False}),
    "samesite_None": (("a", "b"), {"samesite": None}),
    "samesite_empty": (("a", "b"), {"samesite": ""}),
    "samesite_bad": (("a", "b"), {"samesite": "bogus"}),
    "samesite_int": (("a", "b"), {"samesite": 1}),
    "partitioned": (("a", "b"), {"partitioned": True}),
    "partitioned_host": (("a", "b"), {"partitioned": True, "host_prefix": True}),
    "partitioned_insecure": (("a", "b"), {"partitioned": True, "secure": False}),
    "partitioned_secure_prefix": (("a", "b"), {"partitioned": True, "secure_prefix": True}),
    "partitioned_host_insecure": (
        ("a", "b"),
        {"partitioned": True, "host_prefix": True, "secure": False},
    ),
    "comment": (("a", "b"), {"comment": "hello world"}),
    "comment_semicolon": (("a", "b"), {"comment": "a;b"}),
    "comment_nonascii": (("a", "b"), {"comment": "é"}),
    "host_prefix": (("a", "b"), {"host_prefix": True}),
    "host_prefix_domain": (("a", "b"), {"host_prefix": True, "domain": "x.com"}),
    "host_prefix_path": (("a", "b"), {"host_prefix": True, "path": "/x"}),
    "host_prefix_insecure": (("a", "b"), {"host_prefix": True, "secure": False}),
    "secure_prefix": (("a", "b"), {"secure_prefix": True}),
    "secure_prefix_insecure": (("a", "b"), {"secure_prefix": True, "secure": False}),
    "secure_prefix_domain": (("a", "b"), {"secure_prefix": True, "domain": "x.com"}),
    "both_prefix": (("a", "b"), {"secure_prefix": True, "host_prefix": True}),
    "name_prefixed_host": (("__Host-a", "b"), {}),
    "name_prefixed_host_and_flag": (("__Host-a", "b"), {"host_prefix": True}),
    "all": (
        ("a", "b"),
        {
            "path": "/p",
            "domain": "d.com",
            "max_age": 5,
            "expires": NAIVE,
            "secure": True,
            "httponly": True,
            "samesite": "Strict",
            "partitioned": False,
            "comment": "c",
        },
    ),
    "value_space": (("a", "b c"), {}),
    "value_quote": (("a", 'b"c'), {}),
    "value_comma": (("a", "b,c"), {}),
    "value_semicolon": (("a", "b;c"), {}),
    "value_backslash": (("a", "b\\c"), {}),
    "value_eq": (("a", "b=c"), {}),
    "value_nonascii": (("a", "é"), {}),
    "value_emoji": (("a", "😀"), {}),
    "value_empty": (("a", ""), {}),
    "value_crlf": (("a", "b\r\nX: y"), {}),
    "value_tab": (("a", "b\tc"), {}),
    "value_del": (("a", "b\x7fc"), {}),
    "value_brackets": (("a", "()<>@[]{}/?"), {}),
    "value_colon": (("a", "b:c"), {}),
    "value_int": (("a", 5), {}),
    "value_bytes": (("a", b"x"), {}),
    "value_none": (("a", None), {}),
    "name_empty": (("", "b"), {}),
    "name_space": (("a b", "b"), {}),
    "name_semicolon": (("a;b", "b"), {}),
    "name_eq": (("a=b", "b"), {}),
    "name_nonascii": (("é", "b"), {}),
    "name_expires": (("expires", "b"), {}),
    "name_Expires": (("Expires", "b"), {}),
    "name_path": (("path", "b"), {}),
    "name_max-age": (("max-age", "b"), {}),
    "name_samesite": (("samesite", "b"), {}),
    "name_partitioned": (("partitioned", "b"), {}),
    "name_version": (("version", "b"), {}),
    "name_dollar": (("$a", "b"), {}),
    "name_colon": (("a:b", "b"), {}),
    "name_int": ((5, "b"), {}),
    "name_bytes": ((b"a", "b"), {}),
    "path_semicolon": (("a", "b"), {"path": "/a;b"}),
    "path_crlf": (("a", "b"), {"path": "/a\r\nb"}),
    "path_nonascii": (("a", "b"), {"path": "/é"}),
    "path_space": (("a", "b"), {"path": "/a b"}),
    "domain_semicolon": (("a", "b"), {"domain": "a;b"}),
    "domain_crlf": (("a", "b"), {"domain": "a\nb"}),
    "domain_nonascii": (("a", "b"), {"domain": "é.com"}),
    "path_int": (("a", "b"), {"path": 5}),
    "domain_int": (("a", "b"), {"domain": 5}),
    "comment_int": (("a", "b"), {"comment": 5}),
}


def main():
    for label, (args, kw) in CASES.items():
        show(f"add_cookie {label}", add(*args, **kw))

    # positional arguments beyond key/value
    show("add_cookie positional path", add("a", "b", "/p"))
    show("add_cookie positional path domain", add("a", "b", "/p", "d.com"))
    show("add_cookie positional 3", add("a", "b", "/p", "d.com", True))
    show("add_cookie positional 4", add("a", "b", "/p", "d.com", True, 5))

    # delete_cookie
    def dele(*args, **kw):
        def run():
            r = text("x")
            res = r.delete_cookie(*args, **kw)
            return (fmt(res), sc(r))

        return run

    show("delete plain", dele("a"))
    show("delete path", dele("a", path="/p"))
    show("delete domain", dele("a", domain="d.com"))
    show("delete host_prefix", dele("a", host_prefix=True))
    show("delete secure_prefix", dele("a", secure_prefix=True))
    show("delete host_prefix path", dele("a", host_prefix=True, path="/p"))
    show("delete host_prefix domain", dele("a", host_prefix=True, domain="d"))
    show("delete both", dele("a", host_prefix=True, secure_prefix=True))
    show("delete insecure", dele("a", secure=False))
    show("delete positional", dele("a", "/p", "d.com"))
    show("delete bad name", dele("a b"))
    show("delete empty name", dele(""))
    show("delete expires name", dele("expires"))

    def after_add(add_kw, del_args, del_kw):
        def run():
            r = text("x")
            r.add_cookie("a", "1", **add_kw)
            r.add_cookie("b", "2")
            r.delete_cookie(*del_args, **del_kw)
            return sc(r), len(r.cookies), [str(c) for c in r.cookies.cookies]

        return run

    show("delete after add same", after_add({}, ("a",), {}))
    show("delete after add other path", after_add({}, ("a",), {"path": "/x"}))
    show("delete after add path match", after_add({"path": "/x"}, ("a",), {"path": "/x"}))
    show("delete after add domain", after_add({"domain": "d"}, ("a",), {}))
    show("delete after add domain match", after_add({"domain": "d"}, ("a",), {"domain": "d"}))
    show("delete after add host", after_add({"host_prefix": True}, ("a",), {"host_prefix": True}))
    show("delete after add host, plain", after_add({"host_prefix": True}, ("a",), {}))
    show(
        "delete after add secure",
        after_add({"secure_prefix": True}, ("a",), {"secure_prefix": True}),
    )
    show("delete after add insecure", after_add({"secure": False}, ("a",), {"secure": False}))

    def twice():
        r = text("x")
        r.add_cookie("a", "1")
        r.add_cookie("a", "2")
        r.add_cookie("a", "3", path="/x")
        r.delete_cookie("a")
        return sc(r)

    show("delete twice added", twice)

    # CookieJar API
    def jar():
        r = text("x")
        j = r.cookies
        out = [type(j).__name__, type(j).__mro__[1].__name__, len(j), fmt(j.header_key)]
        c = r.add_cookie("a", "1", path="/p", domain="d.com")
        out.append(len(j))
        out.append(fmt(j.get_cookie("a")))
        out.append(fmt(j.get_cookie("a", path="/p")))
        out.append(fmt(j.get_cookie("a", path="/p", domain="d.com")))
        out.append(fmt(j.get_cookie("a", domain="d.com")))
        out.append(fmt(j.get_cookie("b")))
        out.append(j.has_cookie("a"))
        out.append(j.has_cookie("a", path="/p", domain="d.com"))
        out.append(j.has_cookie("a", path="/p"))
        out.append(c is j.get_cookie("a", path="/p", domain="d.com"))
        out.append([str(x) for x in j.cookies])
        out.append(fmt(type(j.cookies)))
        return out

    show("jar api", jar)

    def jar_prefix():
        r = text("x")
        j = r.cookies
        r.add_cookie("a", "1", host_prefix=True)
        r.add_cookie("b", "2", secure_prefix=True)
        return [
            j.has_cookie("a"),
            j.has_cookie("a", host_prefix=True),
            j.has_cookie("__Host-a"),
            j.has_cookie("b", secure_prefix=True),
            j.has_cookie("b"),
            fmt(j.get_cookie("a", host_prefix=True)),
            fmt(j.get_cookie("__Host-a")),
            fmt(j.get_cookie("b", secure_prefix=True, path="/")),
            fmt(j.get_cookie("a", host_prefix=True, secure_prefix=True)),
        ]

    show("jar prefixes", jar_prefix)

    def jar_standalone():
        from sanic.compat import Header

        h = Header()
        j = CookieJar(h)
        c = j.add_cookie("a", "1")
        return [
            type(c).__name__,
            [(k, str(v)) for k, v in h.items()],
            len(j),
            str(j.get_cookie("a")),
        ]

    show("jar standalone", jar_standalone)

    def jar_dict_api():
        r = text("x")
        j = r.cookies
        out = []
        for attr in (
            "keys",
            "values",
            "items",
            "__getitem__",
            "__setitem__",
            "__delitem__",
            "__contains__",
            "__iter__",
            "get",
            "pop",
            "clear",
            "update",
            "__len__",
            "__bool__",
        ):
            out.append((attr, hasattr(j, attr)))
        return out

    show("jar dict attrs", jar_dict_api)

    def legacy(fn):
        def run():
            r = text("x")
            fn(r)
            return sc(r), len(r.cookies)

        return run

    show("legacy set", legacy(lambda r: r.cookies.__setitem__("a", "b")))

    def legacy_maxage(r):
        r.cookies["a"] = "b"
        r.cookies["a"]["max-age"] = 5

    show("legacy max-age", legacy(legacy_maxage))

    def legacy_expires(r):
        r.cookies["a"] = "b"
        r.cookies["a"]["expires"] = NAIVE

    show("legacy expires", legacy(legacy_expires))

    def legacy_del(r):
        r.cookies["a"] = "b"
        del r.cookies["a"]

    show("legacy del", legacy(legacy_del))
    show("legacy get", legacy(lambda r: r.cookies["a"]))
    show("legacy contains", lambda: "a" in text("x").cookies)

    def legacy_getitem_after_add(r):
        r.add_cookie("a", "b")
        return r.cookies["a"]

    show("legacy getitem after add", legacy(legacy_getitem_after_add))

    # Cookie object
    def cookie_obj():
        c = Cookie("a", "b")
        out = []
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
        ):
            try:
                out.append((attr, fmt(getattr(c, attr))))
            except Exception as e:
                out.append((attr, f"EXC {type(e).__name__}: {e}"))
        out.append(("str", str(c)))
        out.append(("encode", c.encode("utf-8")))
        out.append(("encode latin", c.encode("latin-1")))
        return out

    show("cookie obj", cookie_obj)
    show(
        "cookie obj kw",
        lambda: str(
            Cookie(
                "a",
                "b",
                path="/p",
                domain="d",
                max_age=3,
                secure=False,
                httponly=True,
                samesite="none",
                partitioned=False,
                comment="c",
            )
        ),
    )
    show(
        "cookie host_prefix key",
        lambda: (Cookie("a", "b", host_prefix=True).key, str(Cookie("a", "b", host_prefix=True))),
    )
    show("cookie secure_prefix key", lambda: (Cookie("a", "b", secure_prefix=True).key,))
    show("cookie encode nonascii", lambda: Cookie("a", "é").encode("utf-8"))
    show("cookie encode nonascii ascii", lambda: Cookie("a", "é").encode("ascii"))
    show("cookie encode noarg", lambda: Cookie("a", "b").encode())
    show("cookie setitem max-age", lambda: _mut(Cookie("a", "b"), "max-age", 5))
    show("cookie setitem expires", lambda: _mut(Cookie("a", "b"), "expires", NAIVE))
    show("cookie setitem expires str", lambda: _mut(Cookie("a", "b"), "expires", "x"))
    show("cookie setitem path", lambda: _mut(Cookie("a", "b"), "path", "/z"))
    show("cookie setitem secure", lambda: _mut(Cookie("a", "b"), "secure", False))
    show("cookie setitem httponly", lambda: _mut(Cookie("a", "b"), "httponly", True))
    show("cookie setitem samesite", lambda: _mut(Cookie("a", "b"), "samesite", "strict"))
    show("cookie setitem samesite bad", lambda: _mut(Cookie("a", "b"), "samesite", "zz"))
    show("cookie setitem unknown", lambda: _mut(Cookie("a", "b"), "foo", 1))
    show("cookie setitem max-age bad", lambda: _mut(Cookie("a", "b"), "max-age", "x"))
    show("cookie setitem comment", lambda: _mut(Cookie("a", "b"), "comment", "zz"))
    show("cookie setitem domain", lambda: _mut(Cookie("a", "b"), "domain", "zz"))
    show("cookie setitem partitioned", lambda: _mut(Cookie("a", "b"), "partitioned", True))
    show("cookie getitem path", lambda: Cookie("a", "b")["path"])
    show("cookie getitem max-age", lambda: Cookie("a", "b", max_age=3)["max-age"])
    show("cookie getitem missing", lambda: Cookie("a", "b")["domain"])
    show("cookie getitem foo", lambda: Cookie("a", "b")["foo"])
    show("cookie setattr max_age", lambda: _setattr(Cookie("a", "b"), "max_age", 7))
    show("cookie setattr expires", lambda: _setattr(Cookie("a", "b"), "expires", NAIVE))
    show("cookie setattr samesite", lambda: _setattr(Cookie("a", "b"), "samesite", "strict"))
    show("cookie setattr samesite bad", lambda: _setattr(Cookie("a", "b"), "samesite", "x"))
    show("cookie setattr secure", lambda: _setattr(Cookie("a", "b"), "secure", False))
    show("cookie setattr value", lambda: _setattr(Cookie("a", "b"), "value", "z z"))
    show("cookie setattr key", lambda: _setattr(Cookie("a", "b"), "key", "zz"))
    show("cookie setattr max_age bad", lambda: _setattr(Cookie("a", "b"), "max_age", "x"))
    show("cookie setattr path semicolon", lambda: _setattr(Cookie("a", "b"), "path", "/a;b"))
    show("cookie eq", lambda: Cookie("a", "b") == Cookie("a", "b"))
    show("cookie isinstance dict", lambda: isinstance(Cookie("a", "b"), dict))
    show(
        "cookie keys",
        lambda: sorted(Cookie("a", "b").keys()) if hasattr(Cookie("a", "b"), "keys") else "no keys",
    )
    show("cookie len", lambda: len(Cookie("a", "b")))
    show("cookie iter", lambda: list(Cookie("a", "b", max_age=3)))
    show("cookie contains", lambda: "path" in Cookie("a", "b"))
    show("cookie hash", lambda: type(hash(Cookie("a", "b"))).__name__)
    show("cookie bad name", lambda: Cookie("a b", "c"))
    show("cookie bad max_age", lambda: Cookie("a", "c", max_age="z"))
    show("cookie bad expires", lambda: Cookie("a", "c", expires="z"))
    show("cookie bad samesite", lambda: Cookie("a", "c", samesite="z"))
    show("cookie partitioned no host", lambda: Cookie("a", "c", partitioned=True))
    show("cookie both prefixes", lambda: Cookie("a", "c", host_prefix=True, secure_prefix=True))
    show("cookie host domain", lambda: Cookie("a", "c", host_prefix=True, domain="x"))
    show("cookie host path", lambda: Cookie("a", "c", host_prefix=True, path="/x"))
    show("cookie host insecure", lambda: Cookie("a", "c", host_prefix=True, secure=False))
    show("cookie secure insecure", lambda: Cookie("a", "c", secure_prefix=True, secure=False))
    show("cookie positional", lambda: str(Cookie("a", "c", "/p", "d", True, 5)))


def _mut(c, k, v):
    c[k] = v
    return str(c)


def _setattr(c, k, v):
    setattr(c, k, v)
    return str(c)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
