import os

from sanic import Sanic
from sanic.response import empty, file, file_stream, json, raw, redirect, text

app = Sanic("AsgiKinds")
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")

@app.route("/text", methods=["GET", "HEAD", "POST"])
async def t(request): return text("hello")
@app.get("/text-empty")
async def te(request): return text("")
@app.get("/raw-empty")
async def re_(request): return raw(b"")
@app.get("/empty")
async def e(request): return empty()
@app.get("/empty-200")
async def e200(request): return empty(status=200)
@app.get("/304")
async def n(request): return empty(status=304, headers={"etag": '"x"'})
@app.get("/json")
async def j(request): return json({"a": 1})
@app.get("/redirect")
async def r(request): return redirect("/text")
@app.get("/cl-header")
async def cl(request): return text("abc", headers={"content-length": "3"})
@app.get("/file")
async def f(request): return await file(os.path.join(HERE, "hello.txt"))
@app.get("/file-stream")
async def fs(request): return await file_stream(os.path.join(HERE, "hello.txt"), chunk_size=4)
@app.get("/respond")
async def rs(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("a")
    await resp.send("b")
    await resp.eof()
@app.get("/respond-empty")
async def rse(request):
    resp = await request.respond(content_type="text/plain")
    await resp.eof()
@app.get("/raise")
async def boom(request): raise ValueError("x")
@app.get("/s/<code:int>")
async def s(request, code): return text("x", status=code)


@app.route("/respond-head", methods=["GET", "HEAD"])
async def respond_head(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("a")
    await resp.eof()


@app.route("/file-head", methods=["GET", "HEAD"])
async def file_head(request):
    return await file(os.path.join(HERE, "hello.txt"))


@app.post("/upload", stream=True)
async def upload(request):
    total = 0
    async for chunk in request.stream:
        total += len(chunk)
    return text(f"streamed {total}")
