"""Response compression by middleware (written for this round): an ``on_response``
middleware gzips bodies over 64 bytes when ``Accept-Encoding`` allows it (q-values, ``*``,
``identity;q=0``, upper case), sets ``Content-Encoding`` and ``Vary``, and replaces
``response.body`` (the ``content-length`` must follow); answers already encoded, 204/304,
HEAD and streamed responses are left alone; a handler asking for ``no-transform``; a
``raw()`` body; a JSON list; an HTML error page compressed too. ``mtime=0`` keeps gzip's
bytes stable, so both servers send the same ones."""

import gzip

from sanic import Sanic
from sanic.response import empty, html, json, raw, text

app = Sanic("gzipper")
BIG = "All work and no play makes Jack a dull boy. " * 20


def _accepts_gzip(header):
    best = None
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        name = name.strip().lower()
        if name in ("gzip", "x-gzip"):
            return q > 0
        if name == "*":
            best = q > 0
    return bool(best)


@app.on_response
async def compress(request, response):
    if request.method == "HEAD" or response.status in (204, 304) or not response.body:
        return
    if "content-encoding" in response.headers or len(response.body) <= 64:
        return
    if "no-transform" in response.headers.get("cache-control", ""):
        return
    response.headers.add("vary", "Accept-Encoding")
    if not _accepts_gzip(request.headers.get("accept-encoding", "")):
        return
    response.body = gzip.compress(response.body, mtime=0)
    response.headers["content-encoding"] = "gzip"


@app.get("/big")
async def big(request):
    return text(BIG)


@app.get("/small")
async def small(request):
    return text("tiny")


@app.get("/json")
async def as_json(request):
    return json([{"i": i, "word": "lorem ipsum"} for i in range(20)])


@app.get("/raw")
async def as_raw(request):
    return raw(BIG.encode(), content_type="application/octet-stream")


@app.get("/pre")
async def pre(request):
    return raw(gzip.compress(b"already", mtime=0), headers={"content-encoding": "gzip"})


@app.get("/notransform")
async def notransform(request):
    return text(BIG, headers={"cache-control": "no-transform"})


@app.get("/nothing")
async def nothing(request):
    return empty()


@app.get("/page")
async def page(request):
    return html("<html><body>" + "<p>hello</p>" * 30 + "</body></html>",
                headers={"vary": "Cookie"})


@app.get("/stream")
async def stream(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send(BIG)
    await resp.eof()


@app.get("/fail")
async def fail(request):
    raise ValueError("x" * 200)
