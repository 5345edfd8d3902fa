"""Versions and version prefixes (with and without slashes): url_for and the routes served."""

from sanic import Blueprint, Sanic
from sanic.response import text


def h(request, **kw):
    return text("x")


app = Sanic("V")
cases = [
    ("/a", {"version": 1, "version_prefix": "api/v"}),
    ("/b", {"version": "v1"}),
    ("/c", {"version": 1, "version_prefix": "/api/v/"}),
    ("d", {"version": 2}),
    ("/e/", {"version": 1.5, "strict_slashes": True}),
    ("/f", {"version": 0}),
    ("/g", {"version": "1", "version_prefix": ""}),
]
for i, (uri, kw) in enumerate(cases):
    try:
        app.add_route(h, uri, name=f"r{i}", **kw)
    except Exception as e:
        print(i, "!", type(e).__name__, e)
bp = Blueprint("bp", url_prefix="/p/", version=3, version_prefix="/x/")
bp.add_route(h, "/", name="root")
bp.add_route(h, "", name="empty2", methods=["POST"])
app.blueprint(bp)
for i in range(len(cases)):
    try:
        print(i, app.url_for(f"r{i}"))
    except Exception as e:
        print(i, "!", type(e).__name__, e)
for n in ["bp.root", "bp.empty2"]:
    print(n, app.url_for(n))
for p in [
    "/api/v1/a",
    "/v1/b",
    "/vv1/b",
    "/api/v/1/c",
    "/v2/d",
    "/v1.5/e/",
    "/v0/f",
    "/1/g",
    "/x3/p",
    "/x/3/p",
]:
    _, r = app.test_client.get(p)
    print(p, r.status)
