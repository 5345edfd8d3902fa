"""App for the sixth RFC round (framing edge cases, connections, methods, status codes):
an echo of what the app reads of a request body, one route per response kind, OPTIONS
handlers, raised statuses, and a short request timeout so a 408 can be seen."""

from pathlib import Path
from types import SimpleNamespace

from sanic import Sanic
from sanic.exceptions import MethodNotAllowed, RangeNotSatisfiable, SanicException
from sanic.response import HTTPResponse, empty, file, file_stream, html, json, raw, redirect, text

HERE = Path(__file__).resolve().parent
FILE = HERE / "hello.txt"

app = Sanic("RfcRound6")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.REQUEST_TIMEOUT = 1
app.config.AUTO_EXTEND = False
app.config.REQUEST_MAX_SIZE = 1000
app.static("/static", HERE)

ANY = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


@app.route("/echo", methods=ANY)
async def echo(request):
    return json(
        {
            "method": request.method,
            "version": request.version,
            "body": request.body.decode("latin-1"),
            "te": request.headers.getall("transfer-encoding", []),
            "cl": request.headers.getall("content-length", []),
            "x": request.headers.getall("x", []),
            "ct": request.content_type,
            "form": {k: v for k, v in request.form.items()} if request.method == "POST" else None,
        }
    )


@app.route("/kind/<kind>", methods=["GET", "HEAD"])
async def kind(request, kind):
    if kind == "text":
        return text("some text")
    if kind == "html":
        return html("<p>x</p>")
    if kind == "json":
        return json({"a": 1})
    if kind == "raw":
        return raw(b"bytes")
    if kind == "empty":
        return empty()
    if kind == "redirect":
        return redirect("/kind/text")
    if kind == "file":
        return await file(FILE)
    if kind == "file_stream":
        return await file_stream(FILE)
    if kind == "stream":
        resp = await request.respond(content_type="text/plain")
        await resp.send("a")
        await resp.send("b")
        await resp.eof()
        return None
    if kind == "stream-empty":
        resp = await request.respond(content_type="text/plain")
        await resp.send("a")
        await resp.send("")
        await resp.send(b"")
        await resp.send("b")
        await resp.eof()
        return None
    if kind == "plain":
        return HTTPResponse("plain")
    if kind == "none":
        return HTTPResponse()
    if kind == "500":
        raise RuntimeError("boom")
    raise SanicException("nope", status_code=int(kind))


@app.options("/opt/<kind>")
async def opt(request, kind):
    if kind == "empty200":
        return empty(status=200)
    if kind == "none":
        return HTTPResponse()
    if kind == "text":
        return text("")
    return empty(headers={"allow": "GET, OPTIONS"})


@app.get("/opt/<kind>")
async def opt_get(request, kind):
    return text("g")


@app.get("/raise/<what>")
async def raise_(request, what):
    if what == "405":
        raise MethodNotAllowed("not here", "GET", ["POST", "PUT"])
    if what == "405-plain":
        raise SanicException("no", status_code=405)
    if what == "416-range":
        raise RangeNotSatisfiable("no", content_range=SimpleNamespace(total=11))
    if what == "416":
        raise SanicException("no", status_code=416)
    if what == "503":
        raise SanicException("later", status_code=503)
    if what == "408":
        raise SanicException("slow", status_code=408)
    if what.isdigit():
        raise SanicException("raised", status_code=int(what))
    return text(what)


@app.post("/upload")
async def upload(request):
    return text(str(len(request.body)))


@app.post("/stream-in", stream=True)
async def stream_in(request):
    total = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        total += len(chunk)
    return text(str(total))


@app.route("/hdr/<kind>", methods=["GET", "HEAD"])
async def hdr(request, kind):
    if kind == "conn-foo":
        return text("x", headers={"connection": "foo", "foo": "1"})
    if kind == "keep-alive":
        return text("x", headers={"keep-alive": "timeout=99"})
    if kind == "te-trailers":
        return text("x", headers={"te": "trailers", "upgrade": "h2c"})
    return text(kind)
