from sanic import HTTPResponse, Sanic, empty, json, text

app = Sanic("p3")
@app.get("/t")
async def t(r): return text("x", status=200.0)
@app.get("/h")
async def h(r): return HTTPResponse("y", status=201.0)
@app.get("/j")
async def j(r): return json({"a": 1}, status=404.0)
@app.get("/f")
async def f(r): return text("x", status=201.5)
@app.get("/e")
async def e(r): return empty(status=204.0)
@app.get("/s")
async def s(r): return text("x", status="201")
@app.get("/b")
async def b(r): return text("x", status=True)
@app.get("/r")
async def rr(r):
    resp = text("x")
    resp.status = 202.0
    return resp
@app.get("/st")
async def st(r):
    resp = await r.respond(status=203.0, content_type="text/plain")
    await resp.send("z")
    await resp.eof()
