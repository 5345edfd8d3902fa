import sys

from capture import recs

from sanic import Blueprint, Sanic
from sanic.exceptions import *

app = Sanic("p13")
seen = []
mode = sys.argv[1]
if mode == "sync":

    @app.report_exception
    def rep(app, exc):
        seen.append(("sync report", type(exc).__name__))
elif mode == "raise":

    @app.report_exception
    async def rep(app, exc):
        seen.append(("raising report", type(exc).__name__))
        raise RuntimeError("report failed")
elif mode == "twoargs":

    @app.report_exception
    async def rep(exc):
        seen.append(("one-arg report", type(exc).__name__))
elif mode == "bp":
    bp = Blueprint("bp")

    @bp.catch_exception
    async def rep(app, exc):
        seen.append(("bp catch", type(exc).__name__))

    @bp.get("/bpv")
    def bpv(r):
        raise ValueError("bpv")

    app.blueprint(bp)
elif mode == "catch":

    @app.catch_exception
    async def rep(app, exc):
        seen.append(("catch", type(exc).__name__))


@app.get("/v")
def v(r):
    raise ValueError("v")


for p in ["/v", "/bpv"] if mode == "bp" else ["/v"]:
    seen.clear()
    recs.clear()
    try:
        _, r = app.test_client.get(p)
        st = (r.status,)
    except Exception as ex:
        st = ("EXC", type(ex).__name__, str(ex)[:100])
    print("==", p, st)
    for x in recs:
        print("   log", x)
    for s in seen:
        print("   seen", s)
