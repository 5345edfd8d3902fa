"""Misused blueprint and group API: which exception, when, and its message."""

from _probe import new_app, req, show

from sanic import Blueprint, response


async def h(request):
    return response.text(request.route.name)


def reg(label, make, **kw):
    """Build a blueprint with make(), add a route, register it; show what happens."""

    def go():
        app = new_app(f"mis_{abs(hash(label)) % 100000}")
        bp = make()
        if isinstance(bp, Blueprint):
            bp.add_route(h, "/r", name="r")
        app.blueprint(bp, **kw)
        return sorted((r.name.split(".", 1)[1], r.path) for r in app.router.routes)

    show(label, go)


print("-- constructor values")
for kw in [
    {"url_prefix": 5},
    {"url_prefix": b"/b"},
    {"url_prefix": "/a b"},
    {"url_prefix": "/<p>"},
    {"url_prefix": "/<p:int>"},
    {"version": "x"},
    {"version": -1},
    {"version": 0},
    {"version": True},
    {"version": [1]},
    {"host": 5},
    {"host": ""},
    {"host": "h.example:8000"},
    {"strict_slashes": "yes"},
    {"strict_slashes": 0},
    {"version_prefix": 5},
    {"version_prefix": "api"},
    {"version_prefix": "/api/v/"},
]:
    show(f"Blueprint({kw})", lambda k=kw: Blueprint("c", **k))
    reg(f"register Blueprint({kw})", lambda k=kw: Blueprint("c", **k))
print("-- registration values")
for kw in [
    {"url_prefix": 5},
    {"url_prefix": "noslash"},
    {"url_prefix": "/<p:int>"},
    {"version": "x"},
    {"version": 0},
    {"strict_slashes": "yes"},
    {"version_prefix": "api"},
    {"name_prefix": "np"},
    {"name_prefix": "n.p"},
    {"name_prefix": ""},
]:
    reg(f"app.blueprint(bp, {kw})", lambda: Blueprint("c", url_prefix="/c"), **kw)
print("-- group values")
for kw in [
    {"url_prefix": "noslash"},
    {"version": "x"},
    {"version_prefix": None},
    {"version_prefix": "api"},
    {"strict_slashes": "yes"},
    {"name_prefix": "n.p"},
    {"name_prefix": None},
]:

    def make(k=kw):
        bp = Blueprint("c", url_prefix="/c")
        bp.add_route(h, "/r", name="r")
        return Blueprint.group(bp, **k)

    reg(f"group({kw})", make)

print("-- attribute changes before registration")
for attr, value in [
    ("url_prefix", "/new"),
    ("version", 4),
    ("strict_slashes", True),
    ("version_prefix", "/ver"),
    ("host", "h.example"),
    ("name", "renamed"),
]:

    def make(a=attr, v=value):
        bp = Blueprint("c", url_prefix="/c")
        setattr(bp, a, v)
        return bp

    reg(f"bp.{attr} = {value!r}", make)

print("-- hooks")
bp = Blueprint("hk")
show("middleware('bogus')", lambda: bp.middleware("bogus")(lambda r: None))
show("middleware(fn, 'bogus')", lambda: bp.middleware(lambda r: None, "bogus"))
show("listener('bogus')", lambda: bp.listener("bogus")(lambda a: None))
show("signal('bad')", lambda: bp.signal("bad")(lambda: None))
show("signal('a.b.c.d')", lambda: bp.signal("a.b.c.d")(lambda: None))
show("exception()", lambda: bp.exception()(lambda r, e: None))
show("exception(int)", lambda: bp.exception(int)(lambda r, e: None))
show(
    "exception([KeyError, ValueError])",
    lambda: bp.exception([KeyError, ValueError])(lambda r, e: None),
)
show("static missing dir", lambda: bp.static("/s", "/nonexistent/dir/x"))
show("route no path", lambda: bp.route()(h))
show("route(5)", lambda: bp.route(5)(h))
show("add_route(None, '/x')", lambda: bp.add_route(None, "/x"))
show("websocket(5)", lambda: bp.websocket(5)(h))

print("-- duplicates")


def dup_route():
    app = new_app("dupr")
    one = Blueprint("dr")
    one.add_route(h, "/x", name="a")
    one.add_route(h, "/x", name="b")
    app.blueprint(one)


show("same path two names", dup_route)


def dup_name():
    app = new_app("dupn")
    one = Blueprint("dn")
    one.add_route(h, "/x", name="a")
    one.add_route(h, "/y", name="a")
    app.blueprint(one)
    app.router.finalize()


show("same name two paths", dup_name)


def bp_vs_app():
    app = new_app("dupa")
    app.add_route(h, "/x")
    one = Blueprint("da")
    one.add_route(h, "/x")
    app.blueprint(one)


show("bp route on app path", bp_vs_app)


def group_twice(second: dict, tag: str):
    app = new_app(f"dupg{tag}")
    one = Blueprint(f"dg{tag}", url_prefix="/one")
    one.add_route(h, "/x")
    g = Blueprint.group(one, url_prefix="/g")
    app.blueprint(g)
    app.blueprint(g, **second)
    return sorted(r.path for r in app.router.routes)


show("group twice", lambda: group_twice({}, "1"))
show("group twice other prefix", lambda: group_twice({"url_prefix": "/h"}, "2"))


def bp_in_two_groups():
    app = new_app("dupg3")
    one = Blueprint("dg3", url_prefix="/one")
    one.add_route(h, "/x")
    app.blueprint(Blueprint.group(one, url_prefix="/g1"))
    app.blueprint(Blueprint.group(one, url_prefix="/g2"))
    return sorted(r.path for r in app.router.routes), sorted(app.blueprints)


show("bp in two groups", bp_in_two_groups)


def copy_same_name():
    app = new_app("dupc")
    one = Blueprint("dc", url_prefix="/one")
    one.add_route(h, "/x")
    app.blueprint(one)
    app.blueprint(one.copy("dc", url_prefix="/two"))
    return sorted(r.path for r in app.router.routes)


show("copy with the same name", copy_same_name)


def group_same_names():
    app = new_app("dupgn")
    app.blueprint(Blueprint.group(Blueprint("x1"), Blueprint("x1")))


show("group of two same-name bps", group_same_names)


def registered_twice():
    app = new_app("dupu")
    one = Blueprint("du", url_prefix="/one")
    one.add_route(h, "/x", name="x")
    app.blueprint(one)
    app.blueprint(one, url_prefix="/two")
    show("url_for of a bp registered twice", lambda: app.url_for("du.x"))
    req(app, "twice GET /one/x", "GET", "/one/x")
    req(app, "twice GET /two/x", "GET", "/two/x")


registered_twice()
