# ruff: noqa: E701, E402  (a throw-away probe, kept as it ran)
from sanic import Sanic
from sanic.response import text


class Base(Exception): pass
class Sub(Base): pass
class Sub2(Sub): pass
app = Sanic("ehp")
@app.get("/sub")
async def s(request): raise Sub("x")
@app.get("/sub2")
async def s2(request): raise Sub2("x")
@app.get("/base")
async def b(request): raise Base("x")
@app.get("/add")
async def add(request):
    app.error_handler.add(Base, lambda r, e: text("base handler", status=418))
    return text("added")
@app.get("/addsub")
async def addsub(request):
    app.error_handler.add(Sub, lambda r, e: text("sub handler", status=419))
    return text("added")
@app.get("/lookup")
async def lk(request):
    h = app.error_handler.lookup(Sub2("x"), None)
    return text(repr(getattr(h, "__name__", h)))
@app.get("/exc")
async def exc(request):
    app.exception(Sub2)(lambda r, e: text("sub2 via app.exception", status=420))
    return text("added")
c = app.test_client
seq = ["/sub", "/sub2", "/lookup", "/add", "/sub", "/sub2", "/base", "/lookup", "/addsub", "/sub", "/sub2", "/base", "/exc", "/sub2"]
import logging

logging.disable(logging.CRITICAL)
async def run():
    pass
# use asgi client to keep one app state
import asyncio


async def main():
    for p in seq:
        req, r = await app.asgi_client.get(p)
        print(p, r.status, r.text[:60].replace("\n"," "))
asyncio.run(main())
