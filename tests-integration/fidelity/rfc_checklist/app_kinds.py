"""One route per kind of response, for kinds_checks.py (HEAD against GET, ranges, 304...)."""

import os
import tempfile

from sanic import Sanic
from sanic.exceptions import ServiceUnavailable, Unauthorized
from sanic.response import empty, file, file_stream, html, json, raw, redirect, text

FILES = tempfile.mkdtemp(prefix="rfc_kinds_")
A_TXT = os.path.join(FILES, "a.txt")
with open(A_TXT, "w") as f:
    f.write("hello world")

app = Sanic("RfcKinds")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.AUTO_EXTEND = False
app.config.REQUEST_MAX_SIZE = 1000
app.static("/s", FILES, use_content_range=True)
app.static("/p", FILES, name="plain")
ALL = ["GET", "HEAD"]


@app.route("/text", methods=ALL)
async def t(request):
    return text("hello", headers={"x-a": "1"})


@app.route("/json", methods=ALL)
async def j(request):
    return json({"a": 1})


@app.route("/html", methods=ALL)
async def h(request):
    return html("<p>x</p>")


@app.route("/raw", methods=ALL)
async def r(request):
    return raw(b"\x00\x01")


@app.route("/redir", methods=ALL)
async def rd(request):
    return redirect("/text")


@app.route("/empty", methods=ALL)
async def e(request):
    return empty()


@app.route("/file", methods=ALL)
async def f(request):
    return await file(A_TXT, request_headers=request.headers)


@app.route("/frange", methods=ALL)
async def fr(request):
    from sanic.handlers import ContentRangeHandler

    _range = ContentRangeHandler(request, os.stat(A_TXT))
    return await file(A_TXT, _range=_range)


@app.route("/fstream", methods=ALL)
async def fs(request):
    return await file_stream(A_TXT)


@app.route("/respond", methods=ALL)
async def rs(request):
    r = await request.respond(content_type="text/plain")
    await r.send("ab")
    await r.eof()


@app.route("/err", methods=ALL)
async def err(request):
    raise ValueError("boom")


@app.route("/unauth", methods=ALL)
async def un(request):
    raise Unauthorized("no")


@app.route("/unauth2", methods=ALL)
async def un2(request):
    raise Unauthorized("no", scheme="Basic", realm="r")


@app.route("/unavail", methods=ALL)
async def ua(request):
    raise ServiceUnavailable("later")


@app.route("/stream-cl", methods=ALL)
async def scl(request):
    r = await request.respond(headers={"content-length": "4"}, content_type="text/plain")
    await r.send("abcd")
    await r.eof()


@app.route("/te", methods=ALL)
async def te(request):
    return text("abcd", headers={"transfer-encoding": "chunked"})


@app.route("/both", methods=["GET", "POST"])
async def both(request):
    return text("b")


@app.post("/post")
async def post(request):
    return text(str(len(request.body)))


@app.options("/opt")
async def opt(request):
    return empty()


@app.route("/code/<c:int>", methods=ALL)
async def code(request, c):
    return text("x", status=c)


@app.route("/sst/<c:int>", methods=ALL)
async def sst(request, c):
    r = await request.respond(status=c, content_type="text/plain")
    await r.send("ab")
    await r.eof()


@app.get("/hclose")
async def hclose(request):
    return text("bye", headers={"connection": "close"})


@app.post("/slow", stream=True)
async def slow(request):
    body = b""
    async for chunk in request.stream:
        body += chunk
    return text(f"got {len(body)}")
