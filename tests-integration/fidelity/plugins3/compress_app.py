"""sanic-compress 0.1.1 (a response middleware on the whole app) and sanic-gzip 0.4.1
(a decorator per route): gzip and deflate by Accept-Encoding, MIME type, size, status,
views, streams, files, HEAD, errors and an existing Vary."""

import os
from pathlib import Path

from sanic_compress import Compress as WholeApp
from sanic_gzip import Compress as PerRoute

from sanic import Sanic, response
from sanic.exceptions import NotFound
from sanic.views import HTTPMethodView

app = Sanic("compress_app")
app.config.COMPRESS_MIN_SIZE = 100
WholeApp(app)
per_route = PerRoute(compress_min_size=50)
BIG = "hurtle and sanic " * 40
FILE = Path(os.environ.get("TMPDIR", "/tmp")) / "plugins3-compress.txt"
FILE.write_text(BIG)
os.utime(FILE, (1_700_000_000, 1_700_000_000))  # the same Last-Modified in both runs


@app.get("/text")
async def text(request):
    return response.text(BIG)


@app.get("/small")
async def small(request):
    return response.text("tiny")


@app.get("/json")
async def as_json(request):
    return response.json({"items": [BIG[:30]] * 20})


@app.get("/html-vary")
async def html_vary(request):
    return response.html("<p>" + BIG + "</p>", headers={"Vary": "Cookie"})


@app.get("/png")
async def png(request):
    return response.raw(b"\x89PNG" + b"0" * 400, content_type="image/png")


@app.get("/created")
async def created(request):
    return response.text(BIG, status=201)


@app.get("/teapot")
async def teapot(request):
    return response.text(BIG, status=418)


@app.get("/empty")
async def empty(request):
    return response.empty()


@app.get("/redirect")
async def redirect(request):
    return response.redirect("/text")


@app.get("/file")
async def a_file(request):
    return await response.file(FILE)


@app.get("/stream")
async def streamed(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send(BIG)
    await resp.eof()


@app.get("/missing")
async def missing(request):
    raise NotFound("nothing here " * 20)


@app.get("/boom")
async def boom(request):
    raise ValueError("bad")


@app.get("/already")
async def already(request):
    return response.text(BIG, headers={"Content-Encoding": "identity"})


@app.get("/dec/text")
@per_route.compress()
async def dec_text(request):
    return response.text(BIG)


@app.get("/dec/json")
@per_route.compress()
async def dec_json(request):
    return response.json({"k": BIG})


@app.get("/dec/small")
@per_route.compress()
async def dec_small(request):
    return response.text("short")


@app.get("/dec/stream")
@per_route.compress()
async def dec_stream(request):
    async def body(resp):
        await resp.write(BIG)

    return response.ResponseStream(body, content_type="text/plain")


class DecView(HTTPMethodView):
    decorators = []

    @per_route.compress()
    async def get(self, request):
        return response.text(BIG)

    @per_route.compress()
    async def post(self, request):
        return response.json({"got": request.json, "pad": BIG}, status=201)


app.add_route(DecView.as_view(), "/dec/view")
