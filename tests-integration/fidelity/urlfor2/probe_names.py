"""Route names shared by several routes (methods, paths, hosts), _method, and the order.

/tmp/st-ref/bin/python probe_names.py; ../../../.venv/bin/python probe_names.py
"""

from sanic import Blueprint, Sanic
from sanic.response import text


def h(request, **kw):
    return text("x")


app = Sanic("N")


def reg(label, fn):
    try:
        fn()
        print(label, "registered")
    except Exception as e:
        print(label, f"!{type(e).__name__}: {e}")


reg("x get", lambda: app.add_route(h, "/x", methods=["GET"], name="x"))
reg("x post", lambda: app.add_route(h, "/x", methods=["POST"], name="x"))
reg("y get", lambda: app.add_route(h, "/y1", methods=["GET"], name="y"))
reg("y post other path", lambda: app.add_route(h, "/y2", methods=["POST"], name="y"))
reg("z host a", lambda: app.add_route(h, "/z", host="a.example", name="z"))
reg("z host b", lambda: app.add_route(h, "/z", host="b.example", name="z"))
reg("dyn", lambda: app.add_route(h, "/d/<a:int>", methods=["GET"], name="d"))
reg("dyn2", lambda: app.add_route(h, "/d/<a:str>", methods=["POST"], name="d"))
bp = Blueprint("bp")
bp.add_route(h, "/bx", name="x")
app.blueprint(bp)

for name, kw in [
    ("x", {}),
    ("x", {"_method": "POST"}),
    ("x", {"_method": "DELETE"}),
    ("x", {"_method": "post"}),
    ("y", {}),
    ("y", {"_method": "POST"}),
    ("y", {"_method": "GET"}),
    ("z", {}),
    ("z", {"_external": True}),
    ("z", {"_host": "b.example"}),
    ("d", {"a": 1}),
    ("d", {"a": "s"}),
    ("d", {"a": "s", "_method": "POST"}),
    ("bp.x", {}),
    ("h", {}),
]:
    try:
        r = app.url_for(name, **kw)
    except Exception as e:
        r = f"!{type(e).__name__}: {e}"
    print(name, kw, "->", r)
