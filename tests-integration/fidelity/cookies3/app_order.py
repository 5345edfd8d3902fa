"""Set-Cookie order and cookies changed after add_cookie, over the wire.

sanic-diff cookies3/app_order.py cookies3/order.http --show
"""

from __future__ import annotations

from sanic import Sanic
from sanic.response import text

app = Sanic("cookies3_order")


@app.get("/order")
async def order(request):
    r = text("o", headers={"X-Before": "1"})
    r.add_cookie("z", "1")
    r.headers["X-Mid"] = "2"
    r.add_cookie("a", "1")
    r.add_cookie("a", "2", path="/a")
    r.delete_cookie("z")
    r.add_cookie("m", "1")
    return r


@app.get("/mutate")
async def mutate(request):
    r = text("m")
    c = r.add_cookie("a", "1")
    c.value = "changed value"
    c.max_age = 7
    c.httponly = True
    c.samesite = "none"
    c.path = "/p"
    return r


@app.get("/mw_mutate")
async def mw_mutate(request):
    r = text("m")
    r.add_cookie("a", "1")
    return r


@app.on_response
async def mw(request, response):
    if request.path == "/mw_mutate":
        c = response.cookies.get_cookie("a")
        c.value = "from-mw"
        response.add_cookie("b", "mw")
        response.delete_cookie("a")
