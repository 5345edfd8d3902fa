"""Old-style and mistaken uses of response.cookies: run under both interpreters, diff.

/tmp/st-ref/bin/python probe_jar_misuse.py > /tmp/s.txt
.venv/bin/python probe_jar_misuse.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

from __future__ import annotations

import copy
import re

from sanic.cookies import CookieJar
from sanic.response import HTTPResponse, json, text


def show(label, fn):
    try:
        out = fn()
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {re.sub(r' at 0x[0-9a-f]+', '', repr(out))}")


def sc(r):
    return [str(v) for k, v in r.headers.items() if k.lower() == "set-cookie"]


def run(fn, maker=lambda: text("x")):
    def inner():
        r = maker()
        out = fn(r)
        return out, sc(r)

    return inner


show("del_item", run(lambda r: r.cookies.__delitem__("a")))
show("pop", run(lambda r: r.cookies.pop("a")))
show("get", run(lambda r: r.cookies.get("a")))
show("keys", run(lambda r: r.cookies.keys()))
show("items", run(lambda r: r.cookies.items()))
show("update", run(lambda r: r.cookies.update({"a": "b"})))
show("assign_cookies_dict", run(lambda r: (setattr(r, "cookies", {"a": "b"}), r.cookies)[1]))
show(
    "assign_cookies_jar",
    run(lambda r: (setattr(r, "cookies", CookieJar(r.headers)), type(r.cookies).__name__)[1]),
)
show("assign_cookies_none", run(lambda r: (setattr(r, "cookies", None), r.add_cookie("a", "b"))[1]))
show("copy_resp", run(lambda r: (r.add_cookie("a", "b"), sc(copy.copy(r)))[1]))
show("deepcopy_resp", run(lambda r: (r.add_cookie("a", "b"), sc(copy.deepcopy(r)))[1]))
show("json_resp", run(lambda r: r.add_cookie("a", "b").key, lambda: json({"a": 1})))
show(
    "headers_kw_setcookie",
    run(
        lambda r: (len(r.cookies.cookies), r.cookies.has_cookie("x")),
        lambda: HTTPResponse("x", headers={"Set-Cookie": "x=1"}),
    ),
)
show(
    "headers_kw_then_add",
    run(
        lambda r: r.add_cookie("y", "2").key,
        lambda: HTTPResponse("x", headers={"Set-Cookie": "x=1"}),
    ),
)
show("add_cookie_no_value", run(lambda r: r.add_cookie("a")))
show("add_cookie_value_kw", run(lambda r: r.add_cookie(key="a", value="b").key))
show("add_cookie_unknown_kw", run(lambda r: r.add_cookie("a", "b", max_age_seconds=3)))
show(
    "add_cookie_expires_kw_str",
    run(lambda r: r.add_cookie("a", "b", expires="Thu, 01 Jan 2031 00:00:00 GMT")),
)
show("delete_cookie_unknown_kw", run(lambda r: r.delete_cookie("a", samesite="Lax")))
show("delete_cookie_httponly", run(lambda r: r.delete_cookie("a", httponly=True)))
show("delete_cookie_no_key", run(lambda r: r.delete_cookie()))
show("jar_add_cookie_positional_value", run(lambda r: r.cookies.add_cookie("a", "b", "/p")))
show(
    "get_cookie_path_none",
    run(lambda r: (r.add_cookie("a", "b"), r.cookies.get_cookie("a", path=None))[1]),
)
show(
    "get_cookie_prefix_both",
    run(lambda r: r.cookies.get_cookie("a", host_prefix=True, secure_prefix=True)),
)
show(
    "has_cookie_prefix_both",
    run(lambda r: r.cookies.has_cookie("a", host_prefix=True, secure_prefix=True)),
)
show("get_cookie_badname", run(lambda r: r.cookies.get_cookie("a b")))
show("get_cookie_int", run(lambda r: r.cookies.get_cookie(5)))
show(
    "has_cookie_domain",
    run(
        lambda r: (
            r.add_cookie("a", "b", domain="x.org"),
            r.cookies.has_cookie("a"),
            r.cookies.has_cookie("a", domain="x.org"),
        )[1:]
    ),
)
show(
    "cookie_str_header",
    run(
        lambda r: (
            r.add_cookie("a", "b"),
            r.headers.get("set-cookie"),
            r.headers.getall("Set-Cookie"),
        )[1:]
    ),
)
show(
    "processed_headers",
    run(
        lambda r: (
            r.add_cookie("a", "b"),
            [(k, v) for k, v in r.processed_headers if k.lower() == "set-cookie"],
        )[1]
    ),
)
show(
    "headers_del_then_jar",
    run(
        lambda r: (
            r.add_cookie("a", "b"),
            r.headers.pop("Set-Cookie"),
            len(r.cookies.cookies),
            r.cookies.has_cookie("a"),
        )[2:]
    ),
)
show(
    "delete_after_headers_del",
    run(lambda r: (r.add_cookie("a", "b"), r.headers.pop("Set-Cookie"), r.delete_cookie("a"))[2]),
)
