"""sanic-diff app: CR/LF/NUL reaching a response head by every route a handler has
(headers3 round). Hurtle must never put a split field on the wire."""
import tempfile

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import file, file_stream, json, raw, redirect, text

app = Sanic("Inject3")
EVIL = "a\r\nx-evil: 1"
_tmp = tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False)
_tmp.write(b"file body")
_tmp.close()


@app.get("/stream/<op>")
async def stream(request, op):
    if op == "hdr":
        resp = await request.respond(headers={"x-a": EVIL})
    elif op == "name":
        resp = await request.respond(headers={"x-a\r\nx-evil": "1"})
    elif op == "ct":
        resp = await request.respond(content_type="text/plain\r\nx-evil: 1")
    elif op == "lf":
        resp = await request.respond(headers={"x-a": "a\nx-evil: 1"})
    else:
        resp = await request.respond()
    await resp.send("part")
    await resp.eof()


@app.get("/redirect/<op>")
async def redir(request, op):
    if op == "crlf":
        return redirect("/to\r\nx-evil: 1")
    if op == "lf":
        return redirect("/to\nx-evil: 1")
    return redirect("/to%0d%0ax-evil")


@app.get("/exc/<op>")
async def exc(request, op):
    if op == "hdr":
        raise SanicException("no", status_code=400, headers={"x-a": EVIL})
    raise SanicException("no", status_code=401, headers={"www-authenticate": "Basic\r\nx-evil: 1"})


@app.get("/file/<op>")
async def files(request, op):
    if op == "filename":
        return await file(_tmp.name, filename="a\r\nx-evil: 1.txt")
    if op == "stream_filename":
        return await file_stream(_tmp.name, filename="a\r\nx-evil: 1.txt")
    if op == "mime":
        return await file(_tmp.name, mime_type="text/plain\r\nx-evil: 1")
    return await file(_tmp.name, headers={"x-a": EVIL})


@app.get("/cookie/<op>")
async def cookie(request, op):
    r = text("body")
    if op == "value":
        r.add_cookie("a", "b\r\nx-evil: 1")
    elif op == "path":
        r.add_cookie("a", "b", path="/\r\nx-evil: 1")
    elif op == "domain":
        r.add_cookie("a", "b", domain="x\r\nx-evil: 1")
    elif op == "raw":
        r.headers["Set-Cookie"] = "a=b\r\nx-evil: 1"
    return r


@app.get("/mw/<op>")
async def mw(request, op):
    return text("body")


@app.on_response
async def inject(request, response):
    if request.path == "/mw/hdr":
        response.headers["x-a"] = EVIL


@app.get("/other/<op>")
async def other(request, op):
    if op == "json":
        return json({}, headers={"x-a": EVIL})
    if op == "raw":
        return raw(b"x", content_type="a/b\r\nx-evil: 1")
    if op == "tab":
        return text("body", headers={"x-a": "a\tb"})
    if op == "vt":
        return text("body", headers={"x-a": "a\x0bb\x0cc"})
    if op == "del":
        return text("body", headers={"x-a": "a\x7fb"})
    if op == "u2028":
        return text("body", headers={"x-a": "a\u2028b\x85c"})
    if op == "trail":
        return text("body", headers={"x-a": "  padded  "})
    return text("body", headers={"x-a": "a\r\n b"})  # obs-fold shape
