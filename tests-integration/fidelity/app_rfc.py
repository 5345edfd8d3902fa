"""RFC 9110/9112 semantics of what the framework serves itself: conditional requests on
app.static and file(), HEAD and HTTP/1.0 for every response kind, statuses without
content, request targets, cookies, forms and Content-Disposition (rfc.http)."""

import gzip
from datetime import UTC
from pathlib import Path

from sanic import Sanic
from sanic.response import empty, file, file_stream, json, raw, redirect, text
from sanic.response.types import ResponseStream

HERE = Path(__file__).parent / "static"
HELLO = HERE / "hello.txt"
app = Sanic("FidelityRfc")
app.config.KEEP_ALIVE_TIMEOUT = 1
app.static("/s", HERE)
app.static("/r", HERE, use_content_range=True, name="ranged")
app.static("/big", HERE, stream_large_files=4, name="big")
app.static("/one", HELLO, name="one")


@app.route("/file", methods=["GET", "HEAD", "POST", "PUT", "DELETE"])
async def file_plain(request):
    return await file(HELLO, request_headers=request.headers)


@app.route("/file-etag", methods=["GET", "HEAD", "PUT"])
async def file_etag(request):
    return await file(HELLO, request_headers=request.headers, headers={"ETag": '"v1"'})


@app.route("/file-weak", methods=["GET", "HEAD"])
async def file_weak(request):
    return await file(HELLO, request_headers=request.headers, headers={"ETag": 'W/"v1"'})


@app.route("/file-cache", methods=["GET", "HEAD"])
async def file_cache(request):
    return await file(
        HELLO,
        request_headers=request.headers,
        max_age=60,
        headers={"ETag": '"v1"', "Vary": "Accept-Encoding", "Content-Location": "/x"},
    )


@app.route("/file-name/<kind>", methods=["GET", "HEAD"])
async def file_name(request, kind):
    names = {
        "plain": "report.txt",
        "space": "my report.txt",
        "quote": 'a"b.txt',
        "backslash": "a\\b.txt",
        "utf8": "résumé.txt",
        "cjk": "报告.txt",
        "semicolon": "a;b.txt",
        "percent": "100%.txt",
        "empty": "",
        "slash": "dir/a.txt",
        "comma": "a,b.txt",
        "star": "a*.txt",
        "apos": "it's.txt",
    }
    return await file(HELLO, filename=names[kind])


@app.route("/file-stream-name", methods=["GET", "HEAD"])
async def file_stream_name(request):
    return await file_stream(HELLO, filename="résumé.txt")


@app.route("/fstream", methods=["GET", "HEAD"])
async def fstream(request):
    return await file_stream(HELLO)


@app.route("/text", methods=["GET", "HEAD"])
async def text_h(request):
    return text("hello")


@app.route("/json", methods=["GET", "HEAD"])
async def json_h(request):
    return json({"a": 1})


@app.route("/raw", methods=["GET", "HEAD"])
async def raw_h(request):
    return raw(b"\x00\x01")


@app.route("/html", methods=["GET", "HEAD"])
async def html_h(request):
    from sanic.response import html

    return html("<p>x</p>")


@app.route("/redirect", methods=["GET", "HEAD"])
async def redirect_h(request):
    return redirect("/text")


@app.route("/stream", methods=["GET", "HEAD"])
async def stream_h(request):
    async def fn(response):
        await response.write("ab")
        await response.write("cd")

    return ResponseStream(fn, content_type="text/plain")


@app.route("/respond", methods=["GET", "HEAD"])
async def respond_h(request):
    response = await request.respond(content_type="text/plain")
    await response.send("ab")
    await response.send("cd")
    await response.eof()


@app.route("/respond-empty", methods=["GET", "HEAD"])
async def respond_empty(request):
    response = await request.respond(content_type="text/plain")
    await response.eof()


@app.route("/status/<code:int>", methods=["GET", "HEAD"])
async def status_empty(request, code):
    return empty(status=code)


@app.route("/status-text/<code:int>", methods=["GET", "HEAD"])
async def status_text(request, code):
    return text("body", status=code)


@app.route("/status-headers/<code:int>", methods=["GET", "HEAD"])
async def status_headers(request, code):
    return text(
        "body",
        status=code,
        headers={"content-length": "4", "transfer-encoding": "chunked", "x-a": "1"},
    )


@app.route("/status-stream/<code:int>", methods=["GET", "HEAD"])
async def status_stream(request, code):
    response = await request.respond(status=code, content_type="text/plain")
    await response.send("ab")
    await response.eof()


@app.route("/gzip", methods=["GET", "HEAD"])
async def gzip_h(request):
    return raw(gzip.compress(b"hello", mtime=0), headers={"content-encoding": "gzip"})


@app.route("/gzip-text", methods=["GET", "HEAD"])
async def gzip_text(request):
    return text("hello", headers={"content-encoding": "gzip"})


@app.route("/ctype/<kind>", methods=["GET", "HEAD"])
async def ctype(request, kind):
    types = {"text": "text/plain", "html": "text/html", "csv": "text/csv", "xml": "application/xml"}
    return raw(b"x", content_type=types[kind])


@app.route("/vary", methods=["GET", "HEAD"])
async def vary(request):
    return text("x", headers={"vary": "Accept"})


@app.route("/echo", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
async def echo(request):
    return json(
        {
            "method": request.method,
            "path": request.path,
            "raw_path": request.raw_url.decode("latin-1"),
            "query": request.query_string,
            "args": {k: v for k, v in request.args.items()},
            "host": request.host,
            "url": request.url,
            "body": request.body.decode("latin-1"),
            "version": request.version,
            "headers": {k: v for k, v in request.headers.items() if k not in ("content-length",)},
        }
    )


@app.route("/p/<seg>", methods=["GET"])
async def path_seg(request, seg):
    return json({"seg": seg, "path": request.path, "raw": request.raw_url.decode("latin-1")})


@app.route("/p/<a>/<b>", methods=["GET"])
async def path_two(request, a, b):
    return json({"a": a, "b": b, "path": request.path})


@app.route("/cookies", methods=["GET", "POST"])
async def cookies(request):
    return json(
        {
            "cookies": {k: request.cookies.getlist(k) for k in request.cookies.keys()},
            "get_a": request.cookies.get("a"),
        }
    )


@app.get("/setcookie/<kind>")
async def setcookie(request, kind):
    from datetime import datetime

    response = text("x")
    if kind == "plain":
        response.add_cookie("a", "1")
    elif kind == "expires":
        response.add_cookie("a", "1", expires=datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC))
    elif kind == "expires-naive":
        response.add_cookie("a", "1", expires=datetime(2030, 1, 2, 3, 4, 5))
    elif kind == "maxage":
        response.add_cookie("a", "1", max_age=60)
    elif kind == "maxage0":
        response.add_cookie("a", "1", max_age=0)
    elif kind == "samesite-none":
        response.add_cookie("a", "1", samesite="None")
    elif kind == "samesite-strict":
        response.add_cookie("a", "1", samesite="strict")
    elif kind == "samesite-nosecure":
        response.add_cookie("a", "1", samesite="None", secure=False)
    elif kind == "partitioned":
        response.add_cookie("a", "1", partitioned=True)
    elif kind == "partitioned-nosecure":
        response.add_cookie("a", "1", partitioned=True, secure=False)
    elif kind == "domain":
        response.add_cookie("a", "1", domain="example.com", path="/x")
    elif kind == "quoted":
        response.add_cookie("a", 'va"l;ue')
    elif kind == "space":
        response.add_cookie("a", "v al")
    elif kind == "comma":
        response.add_cookie("a", "v,al")
    elif kind == "utf8":
        response.add_cookie("a", "é")
    elif kind == "host-prefix":
        response.add_cookie("a", "1", host_prefix=True)
    elif kind == "secure-prefix":
        response.add_cookie("a", "1", secure_prefix=True)
    elif kind == "delete":
        response.delete_cookie("a")
    elif kind == "httponly-false":
        response.add_cookie("a", "1", httponly=False, secure=False)
    elif kind == "comment":
        response.add_cookie("a", "1", comment="hi")
    elif kind == "two":
        response.add_cookie("a", "1")
        response.add_cookie("b", "2")
    return response


@app.post("/form")
async def form(request):
    return json(
        {
            "form": {k: request.form.getlist(k) for k in request.form.keys()},
            "files": {
                k: [(f.name, f.type, f.body.decode("latin-1")) for f in request.files.getlist(k)]
                for k in request.files.keys()
            },
        }
    )


@app.post("/body", stream=True)
async def body_stream(request):
    parts = []
    async for chunk in request.stream:
        parts.append(chunk.decode("latin-1"))
    return json({"body": "".join(parts), "headers": dict(request.headers)})


@app.post("/body-plain")
async def body_plain(request):
    return json({"body": request.body.decode("latin-1")})


@app.route("/status-rstream/<code:int>", methods=["GET", "HEAD"])
async def status_rstream(request, code):
    async def fn(response):
        await response.write("ab")

    return ResponseStream(fn, status=code, content_type="text/plain")


@app.route("/status-eof/<code:int>", methods=["GET", "HEAD"])
async def status_eof(request, code):
    response = await request.respond(status=code, content_type="text/plain")
    await response.eof()
