import asyncio

from capture import recs

from sanic import Sanic, text
from sanic.exceptions import *

app = Sanic("p16")
seen = []


@app.signal("server.exception.report")
async def rep(exception):
    seen.append(("report", type(exception).__name__))


@app.signal("http.lifecycle.exception")
async def lex(request, exception):
    seen.append(("lex", type(exception).__name__))


class A(Exception):
    pass


@app.exception(A)
async def ah(r, e):
    m = r.args.get("m")
    if m == "none":
        return None
    if m == "raise":
        raise ValueError("h")
    if m == "br":
        raise BadRequest("hb")
    return text("A", headers={"x-a": "1"})


@app.get("/a")
def a(r):
    raise A("a")


@app.get("/v")
def v(r):
    raise ValueError("v")


@app.get("/u")
def u(r):
    raise Unauthorized("u", scheme="Basic", realm="r")


@app.get("/j", error_format="json")
def j(r):
    raise BadRequest("j", context={"c": 1})


@app.get("/s")
async def s(r):
    resp = await r.respond(content_type="text/plain")
    await resp.send("part")
    raise ValueError("after")


@app.on_request
def mw(r):
    if r.args.get("mw"):
        raise KeyError("mw")


@app.on_response
def rmw(r, resp):
    if r.args.get("rmw"):
        raise KeyError("rmw")
    resp.headers["x-rmw"] = "1"


@app.post("/p")
def p(r):
    return text(str(r.json))


@app.websocket("/ws")
async def ws(r, w):
    pass


async def main():
    out = []
    for method, path, kw in [
        ("get", "/a", {}),
        ("get", "/a?m=none", {}),
        ("get", "/a?m=raise", {}),
        ("get", "/a?m=br", {}),
        ("get", "/v", {}),
        ("get", "/u", {}),
        ("get", "/j", {}),
        ("get", "/s", {}),
        ("get", "/v?mw=1", {}),
        ("get", "/v?rmw=1", {}),
        ("get", "/a?rmw=1", {}),
        ("get", "/nope", {}),
        ("post", "/v", {}),
        ("post", "/p", {"content": b"{bad", "headers": {"content-type": "application/json"}}),
        ("get", "/v", {"headers": {"accept": "application/json"}}),
        ("head", "/v", {}),
        ("get", "/ws", {}),
        ("options", "/v", {}),
    ]:
        seen.clear()
        recs.clear()
        try:
            _, r = await getattr(app.asgi_client, method)(path, **kw)
            hd = sorted((k, v) for k, v in r.headers.items() if k not in ("date", "content-length"))
            st = (r.status, hd, r.text[:120].replace("\n", "|"))
        except Exception as ex:
            st = ("EXC", type(ex).__name__, str(ex)[:100])
        await asyncio.sleep(0.05)
        print("==", method, path, st)
        for x in recs:
            print("   log", x)
        for s_ in seen:
            print("   seen", s_)


asyncio.run(main())
