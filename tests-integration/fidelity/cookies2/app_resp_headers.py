"""sanic-diff app: response headers and cookies as written on the wire.

sanic-diff app_resp_headers.py resp_headers.http
"""

from datetime import datetime
from urllib.parse import unquote

from sanic import Sanic
from sanic.compat import Header
from sanic.response import HTTPResponse, empty, html, json, raw, redirect, text

app = Sanic("Cookies2Resp")

HEADER_CASES = {
    "int": {"x-a": 5},
    "float": {"x-a": 1.5},
    "none": {"x-a": None},
    "bool": {"x-a": True},
    "bytes": {"x-a": b"abc"},
    "latin1": {"x-a": "caf\u00e9"},
    "nonlatin": {"x-a": "\u20ac"},
    "emoji": {"x-a": "\U0001f600"},
    "crlf": {"x-a": "a\r\nSet-Cookie: evil=1"},
    "lf": {"x-a": "a\nb"},
    "cr": {"x-a": "a\rb"},
    "nul": {"x-a": "a\x00b"},
    "tab": {"x-a": "a\tb"},
    "leading space": {"x-a": " a "},
    "empty": {"x-a": ""},
    "name crlf": {"x-a\r\nx-b": "1"},
    "name space": {"x a": "1"},
    "name colon": {"x:a": "1"},
    "name empty": {"": "1"},
    "name nonascii": {"x-\u00e9": "1"},
    "name upper": {"X-UPPER": "1"},
    "content-length": {"content-length": "99"},
    "content-length int": {"content-length": 1},
    "transfer-encoding": {"transfer-encoding": "chunked"},
    "connection close": {"connection": "close"},
    "connection keep": {"connection": "keep-alive"},
    "server": {"server": "mine"},
    "date": {"date": "Thu, 01 Jan 1970 00:00:00 GMT"},
    "content-type": {"content-type": "text/csv"},
    "Content-Type upper": {"CONTENT-TYPE": "text/csv"},
    "two content-types": [("content-type", "a/b"), ("content-type", "c/d")],
    "dup": [("x-a", "1"), ("X-A", "2")],
    "set-cookie str": {"set-cookie": "a=1"},
    "long": {"x-a": "v" * 9000},
    "bytes crlf": {"x-a": b"a\r\nb"},
}


@app.get("/h/<case>")
async def headers(request, case):
    h = HEADER_CASES[unquote(case)]
    kind = request.args.get("kind", "text")
    if kind == "text":
        return text("ok", headers=h)
    if kind == "json":
        return json({"ok": 1}, headers=h)
    if kind == "raw":
        return raw(b"ok", headers=h)
    if kind == "html":
        return html("ok", headers=h)
    if kind == "empty":
        return empty(headers=h)
    if kind == "redirect":
        return redirect("/x", headers=h)
    if kind == "http":
        return HTTPResponse("ok", headers=h)
    if kind == "set":
        r = text("ok")
        for k, v in h.items() if isinstance(h, dict) else h:
            r.headers[k] = v
        return r
    if kind == "add":
        r = text("ok")
        for k, v in h.items() if isinstance(h, dict) else h:
            r.headers.add(k, v)
        return r
    if kind == "stream":
        r = await request.respond(headers=h)
        await r.send("ok")
        await r.eof()
        return None
    raise ValueError(kind)


CT_CASES = {
    "text": lambda: text("x"),
    "text ct": lambda: text("x", content_type="text/csv"),
    "text ct none": lambda: text("x", content_type=None),
    "text ct empty": lambda: text("x", content_type=""),
    "text ct charset": lambda: text("x", content_type="text/plain; charset=latin-1"),
    "text ct upper": lambda: text("x", content_type="TEXT/PLAIN"),
    "text ct crlf": lambda: text("x", content_type="text/plain\r\nx-evil: 1"),
    "text ct nonlatin": lambda: text("x", content_type="text/\u20ac"),
    "text ct int": lambda: text("x", content_type=5),
    "text nonascii": lambda: text("\u00e9\u20ac"),
    "html": lambda: html("x"),
    "html bytes": lambda: html(b"x"),
    "json": lambda: json([1]),
    "json ct": lambda: json([1], content_type="application/problem+json"),
    "json ct none": lambda: json([1], content_type=None),
    "json status": lambda: json([1], status=201),
    "raw": lambda: raw(b"x"),
    "raw ct": lambda: raw(b"x", content_type="image/png"),
    "raw ct none": lambda: raw(b"x", content_type=None),
    "empty": lambda: empty(),
    "empty 200": lambda: empty(status=200),
    "empty 404": lambda: empty(status=404),
    "redirect": lambda: redirect("/y"),
    "redirect ct": lambda: redirect("/y", content_type="text/plain"),
    "redirect 307": lambda: redirect("/y", status=307),
    "redirect nonascii": lambda: redirect("/\u00e9?q=\u20ac"),
    "http": lambda: HTTPResponse("x"),
    "http empty": lambda: HTTPResponse(),
    "http ct": lambda: HTTPResponse("x", content_type="a/b"),
    "http bytes": lambda: HTTPResponse(b"x"),
    "http headers Header": lambda: HTTPResponse("x", headers=Header([("a", "1"), ("a", "2")])),
    "http headers list": lambda: HTTPResponse("x", headers=[("a", "1"), ("A", "2")]),
    "http ct header": lambda: HTTPResponse("x", headers={"Content-Type": "q/r"}),
    "text ct header and arg": lambda: text(
        "x", content_type="a/b", headers={"content-type": "c/d"}
    ),
}


@app.get("/ct/<case>")
async def ct(request, case):
    return CT_CASES[unquote(case)]()


NAIVE = datetime(2030, 1, 2, 3, 4, 5)


def _cookie_none(r):
    r.add_cookie("a", None)


def _cookie_int(r):
    r.add_cookie("a", 5)


def _legacy_set(r):
    r.cookies["a"] = "b"


def _legacy_maxage(r):
    r.cookies["a"] = "b"
    r.cookies["a"]["max-age"] = 5


def _legacy_expires(r):
    r.cookies["a"] = "b"
    r.cookies["a"]["expires"] = NAIVE


def _legacy_del(r):
    r.cookies["a"] = "b"
    del r.cookies["a"]


def _legacy_httponly(r):
    r.cookies["a"] = "b"
    r.cookies["a"]["httponly"] = True
    r.cookies["a"]["secure"] = False


def _value_set_none(r):
    c = r.add_cookie("a", "b")
    c.value = None


def _value_set_int(r):
    c = r.add_cookie("a", "b")
    c.value = 5


def _value_set_bytes(r):
    c = r.add_cookie("a", "b")
    c.value = b"x"


def _value_nonascii(r):
    r.add_cookie("a", "caf\u00e9 \u20ac")


def _comment_nonlatin(r):
    r.add_cookie("a", "b", comment="\u20ac")


def _domain_nonlatin(r):
    r.add_cookie("a", "b", domain="\u20ac.com")


def _path_nonlatin(r):
    r.add_cookie("a", "b", path="/\u20ac")


def _max_age_float(r):
    r.add_cookie("a", "b", max_age=1.5)


def _expires_str(r):
    r.add_cookie("a", "b", expires="tomorrow")


def _many(r):
    for i in range(50):
        r.add_cookie(f"c{i}", str(i))


def _delete_and_add(r):
    r.delete_cookie("a")
    r.add_cookie("a", "new")


def _delete_twice(r):
    r.delete_cookie("a")
    r.delete_cookie("a")


def _cookie_attr_path_int(r):
    c = r.add_cookie("a", "b")
    c.path = 5


def _cookie_key_change(r):
    c = r.add_cookie("a", "b")
    c.key = "z z"


def _header_then_cookie(r):
    r.headers["Set-Cookie"] = "raw=1"
    r.add_cookie("a", "b")


def _cookie_then_header_set(r):
    r.add_cookie("a", "b")
    r.headers["Set-Cookie"] = "raw=1"


COOKIE_CASES = {
    "none value": _cookie_none,
    "int value": _cookie_int,
    "legacy set": _legacy_set,
    "legacy max-age": _legacy_maxage,
    "legacy expires": _legacy_expires,
    "legacy del": _legacy_del,
    "legacy httponly": _legacy_httponly,
    "value set none": _value_set_none,
    "value set int": _value_set_int,
    "value set bytes": _value_set_bytes,
    "value nonascii": _value_nonascii,
    "comment nonlatin": _comment_nonlatin,
    "domain nonlatin": _domain_nonlatin,
    "path nonlatin": _path_nonlatin,
    "max_age float": _max_age_float,
    "expires str": _expires_str,
    "many": _many,
    "delete and add": _delete_and_add,
    "delete twice": _delete_twice,
    "path int": _cookie_attr_path_int,
    "key change": _cookie_key_change,
    "header then cookie": _header_then_cookie,
    "cookie then header set": _cookie_then_header_set,
}


@app.get("/cookie/<case>")
async def cookie(request, case):
    r = text("ok")
    COOKIE_CASES[unquote(case)](r)
    return r


@app.get("/cookie-json/<case>")
async def cookie_json(request, case):
    r = json({"ok": 1})
    COOKIE_CASES[unquote(case)](r)
    return r
