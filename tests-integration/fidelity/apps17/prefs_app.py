"""User preferences kept in cookies and pages rendered by hand (written for this round):
``add_cookie`` with ``host_prefix=True`` and ``secure_prefix=True``, ``partitioned=True``,
``domain=``, ``expires=``/``max_age=``, ``comment=``, ``samesite=None``;
``response.cookies.add_cookie`` and ``get_cookie``;
``delete_cookie`` with ``host_prefix=``; ``request.cookies.getlist`` and ``get`` with a
default; ``request.cookies.get`` for a ``__Host-`` name; ``html()`` given an object with
``__html__`` and one with ``_repr_html_``; ``HTTPResponse`` built directly; ``raw()``;
``add_cookie`` refusals (prefix with a domain, both prefixes, partitioned without
``host_prefix``, an unknown ``samesite``, a bad name). As first written: a partitioned
cookie without ``host_prefix`` and the old ``response.cookies["k"] = "v"`` item API, each
a 500 alike (``ServerError``; ``TypeError: 'CookieJar' object does not support item
assignment``); both replaced."""

from datetime import datetime, timezone

from sanic import Sanic
from sanic.response import HTTPResponse, html, json, raw, text

app = Sanic("prefs")


class Card:
    def __init__(self, title):
        self.title = title

    def __html__(self):
        return f"<div class=card>{self.title}</div>"


class Table:
    def _repr_html_(self):
        return "<table><tr><td>1</td></tr></table>"


@app.get("/set")
async def set_prefs(request):
    theme = request.args.get("theme", "light")
    resp = text(f"theme set to {theme}")
    resp.add_cookie("theme", theme, max_age=86400, samesite="Lax", secure=False,
                    httponly=False)
    resp.add_cookie("session", "s1", host_prefix=True, httponly=True)
    resp.add_cookie("csrf", "c1", secure_prefix=True, samesite="Strict")
    resp.add_cookie("embed", "e1", partitioned=True, host_prefix=True, samesite="None")
    resp.add_cookie("lang", "sv", domain="example.test", path="/app",
                    expires=datetime(2031, 3, 4, 5, 6, 7, tzinfo=timezone.utc),
                    comment="language", secure=False)
    return resp


@app.get("/get")
async def get_prefs(request):
    return json({
        "theme": request.cookies.get("theme", "default"),
        "themes": request.cookies.getlist("theme"),
        "session": request.cookies.get("__Host-session"),
        "session_plain": request.cookies.get("session"),
        "csrf": request.cookies.get("__Secure-csrf"),
        "count": len(request.cookies),
        "keys": sorted(request.cookies.keys()),
    })


@app.get("/legacy")
async def legacy(request):
    resp = text("legacy cookies")
    resp.cookies.add_cookie("old", "style", path="/legacy", max_age=10, httponly=True)
    cookie = resp.cookies.get_cookie("old", path="/legacy")
    resp.headers["X-Found"] = "yes" if cookie is not None else "no"
    return resp


@app.get("/clear")
async def clear(request):
    resp = text("cleared")
    resp.delete_cookie("theme")
    resp.delete_cookie("session", host_prefix=True)
    resp.delete_cookie("lang", domain="example.test", path="/app")
    return resp


@app.get("/bad-cookie")
async def bad_cookie(request):
    resp = text("x")
    kind = request.args.get("kind")
    try:
        if kind == "host-domain":
            resp.add_cookie("s", "v", host_prefix=True, domain="example.test")
        elif kind == "both":
            resp.add_cookie("s", "v", host_prefix=True, secure_prefix=True)
        elif kind == "partitioned-insecure":
            resp.add_cookie("s", "v", partitioned=True, secure=False)
        elif kind == "samesite":
            resp.add_cookie("s", "v", samesite="sometimes")
        elif kind == "value":
            resp.add_cookie("s", "v;x")
        elif kind == "name":
            resp.add_cookie("s p", "v")
    except Exception as exc:
        return json({"error": type(exc).__name__, "message": str(exc)}, status=400)
    return resp


@app.get("/card")
async def card(request):
    return html(Card("hello"))


@app.get("/table")
async def table(request):
    return html(Table())


@app.get("/direct")
async def direct(request):
    return HTTPResponse("direct body", status=202, headers={"X-Direct": "1"},
                        content_type="text/x-direct")


@app.get("/raw")
async def raw_bytes(request):
    return raw(b"\x00\x01\x02", headers={"X-Len": "3"})
