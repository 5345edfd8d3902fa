"""A failed url_for, then the route added: Sanic keeps answering not found."""

from sanic import Blueprint, Sanic
from sanic.response import text


def h(request, **kw):
    return text("x")


app = Sanic("M")
app.add_route(h, "/late", name="late")
app.add_route(h, "/late2", name="late")
print(app.url_for("late"))
bp = Blueprint("bp", url_prefix="/bp")
bp.add_route(h, "/dotted", name="bp.dotted")
app.blueprint(bp)
print(sorted(r.name for r in app.router.routes))
for n in ["bp.dotted", "M.bp.dotted", "bp.bp.dotted"]:
    try:
        print(n, app.url_for(n))
    except Exception as e:
        print(n, "!", e)
app2 = Sanic("M2")
try:
    app2.url_for("x")
except Exception as e:
    print("first", e)
app2.add_route(h, "/x", name="x")
try:
    print("after add", app2.url_for("x"))
except Exception as e:
    print("after add", e)
app2.router.finalize()
try:
    print("after finalize", app2.url_for("x"))
except Exception as e:
    print("after finalize", e)
