"""Dotted names, views on blueprints, routes added after a url_for, unquote routes.

/tmp/st-ref/bin/python probe_names2.py; ../../../.venv/bin/python probe_names2.py
"""

from sanic import Blueprint, Sanic
from sanic.response import text
from sanic.views import HTTPMethodView


def h(request, **kw):
    return text("x")


class V(HTTPMethodView):
    async def get(self, request):
        return text("v")


def call(app, name, **kw):
    try:
        r = app.url_for(name, **kw)
    except Exception as e:
        r = f"!{type(e).__name__}: {e}"
    print(name, kw, "->", r)


app = Sanic("M")
call(app, "late")
app.add_route(h, "/late", name="late")
call(app, "late")
app.add_route(h, "/late2", name="late")
call(app, "late")
app.add_route(h, "/ab", name="a.b")
call(app, "a.b")
call(app, "M.a.b")
bp = Blueprint("bp", url_prefix="/bp")
bp.add_route(h, "/dotted", name="bp.dotted")
bp.add_route(V.as_view(), "/view")
bp.add_route(h, "/uq/<v>", name="uq", unquote=True)
call(app, "bp.dotted")
app.blueprint(bp)
for n in ["bp.dotted", "bp.bp.dotted", "dotted", "bp.V", "V", "bp.view"]:
    call(app, n)
call(app, "bp.uq", v="a b/c")
bp2 = Blueprint("bp2", url_prefix="/two")
app.blueprint(bp2)
bp2.add_route(h, "/after", name="after")
call(app, "bp2.after")
app.router.finalize()
try:
    app.add_route(h, "/post-finalize", name="pf")
except Exception as e:
    print("add after finalize:", type(e).__name__)
call(app, "pf")
call(app, "late")
call(app, "late", _method="GET")
