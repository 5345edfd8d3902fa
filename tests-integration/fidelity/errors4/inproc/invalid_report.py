import sys

from sanic import Blueprint, Sanic, text
from sanic.exceptions import *

app = Sanic("p8")
seen = []


@app.signal("server.exception.report")
async def sig(exception):
    seen.append(("report", type(exception).__name__, str(exception)[:40]))


@app.signal("http.lifecycle.exception")
async def lsig(request, exception):
    seen.append(("lifecycle.exc", type(exception).__name__, str(exception)[:40]))


class A(Exception):
    pass


@app.exception(A)
def ah(r, e):
    m = r.args.get("m")
    if m == "none":
        return None
    if m == "str":
        return "str"
    return text("ok")


bp = Blueprint("bp", url_prefix="/bp")


@bp.get("/a")
def bpa(r):
    raise A("a")


app.blueprint(bp)


@app.get("/a")
def a(r):
    raise A("a")


@app.get("/rn")
def rn(r):
    return None


@app.get("/rs")
def rs(r):
    return "s"


if "exc" in sys.argv:

    @app.exception(Exception)
    def allh(r, e):
        if isinstance(e, A):
            return None
        return text("all " + type(e).__name__ + " " + str(e)[:30], status=299)


for p in ["/a?m=none", "/a?m=str", "/bp/a?m=none", "/bp/a?m=str", "/rn", "/rs", "/a"]:
    seen.clear()
    _, r = app.test_client.get(p)
    print("==", p, r.status, r.text[:90].replace("\n", "|"))
    for s in seen:
        print("   ", s)
