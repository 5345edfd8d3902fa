"""Response helpers on the wire: bodies, content types, cookies, headers, streaming, files."""

from datetime import datetime
from pathlib import Path

from sanic import Sanic
from sanic.response import (
    HTTPResponse,
    ResponseStream,
    empty,
    file,
    file_stream,
    html,
    json,
    raw,
    redirect,
    text,
)

HERE = Path(__file__).parent / "static"
app = Sanic("FidelityResponses")


@app.get("/text")
async def r_text(request):
    return text("plain ü")


@app.get("/text-ctype")
async def r_text_ctype(request):
    return text("custom", content_type="text/csv")


@app.get("/html")
async def r_html(request):
    return html("<h1>hi</h1>")


@app.get("/html-obj")
async def r_html_obj(request):
    class Page:
        def __html__(self):
            return "<b>dunder html</b>"

    return html(Page())


@app.get("/json")
async def r_json(request):
    return json({"a": [1, 2], "u": "ü", "n": None})


@app.get("/json-list")
async def r_json_list(request):
    return json([1, "two", 3.5, True])


@app.get("/json-str")
async def r_json_str(request):
    return json("just a string")


@app.get("/json-status")
async def r_json_status(request):
    return json({"created": True}, status=201, headers={"X-Extra": "1"})


@app.get("/json-dumps")
async def r_json_dumps(request):
    return json({"b": 1, "a": 2}, sort_keys=True, indent=2)


@app.get("/raw")
async def r_raw(request):
    return raw(b"\x00\x01bytes")


@app.get("/raw-ctype")
async def r_raw_ctype(request):
    return raw(b"x", content_type="image/png")


@app.get("/empty")
async def r_empty(request):
    return empty()


@app.get("/empty-200")
async def r_empty_200(request):
    return empty(status=200)


@app.get("/empty-headers")
async def r_empty_headers(request):
    return empty(headers={"X-A": "b"})


@app.get("/httpresponse")
async def r_httpresponse(request):
    return HTTPResponse("bare")


@app.get("/httpresponse-none")
async def r_httpresponse_none(request):
    return HTTPResponse()


@app.get("/httpresponse-ctype-none")
async def r_httpresponse_ctype(request):
    return HTTPResponse("x", content_type=None)


@app.get("/status/<code:int>")
async def r_status(request, code: int):
    return text("status body", status=code)


@app.get("/304-with-headers")
async def r_304(request):
    return text(
        "ignored",
        status=304,
        headers={"ETag": '"abc"', "Content-Type": "text/plain", "Content-Length": "7",
                 "Cache-Control": "max-age=1", "Content-Encoding": "gzip"},
    )


@app.get("/204-with-body")
async def r_204(request):
    return text("ignored", status=204)


@app.get("/redirect")
async def r_redirect(request):
    return redirect("/text")


@app.get("/redirect-301")
async def r_redirect_301(request):
    return redirect("/text", status=301, headers={"X-R": "1"})


@app.get("/redirect-unicode")
async def r_redirect_unicode(request):
    return redirect("/caf\u00e9?q=a b&x=\u00fc")


@app.get("/redirect-absolute")
async def r_redirect_abs(request):
    return redirect("https://example.com/a path")


@app.get("/headers-dup")
async def r_headers_dup(request):
    resp = text("dup")
    resp.headers.add("X-Dup", "1")
    resp.headers.add("X-Dup", "2")
    resp.headers["X-Case-Mixed"] = "v"
    resp.headers["content-TYPE"] = "text/x-custom"
    return resp


@app.get("/header-int")
async def r_header_int(request):
    return text("x", headers={"X-Int": 5, "X-Bool": True})


@app.get("/set-content-length")
async def r_set_cl(request):
    return text("abc", headers={"Content-Length": "3"})


@app.get("/connection-close")
async def r_conn_close(request):
    return text("bye", headers={"Connection": "close"})


COOKIES = {
    "full": dict(
        value="value with space", path="/p", domain="example.com", max_age=60, secure=True,
        httponly=True, samesite="Strict",
    ),
    "comment": dict(value="v", comment="a comment"),
    "plain": dict(value="v"),
    "lax": dict(value="v", samesite="Lax", secure=False),
    "none": dict(value="v", samesite="None"),
    "samesite-bad": dict(value="v", samesite="Sideways"),
    "partitioned": dict(value="v", partitioned=True, secure=True),
    "partitioned-host": dict(value="v", partitioned=True, host_prefix=True),
    "host-prefix": dict(value="v", host_prefix=True),
    "host-prefix-domain": dict(value="v", host_prefix=True, domain="example.com"),
    "secure-prefix": dict(value="v", secure_prefix=True),
    "secure-prefix-insecure": dict(value="v", secure_prefix=True, secure=False),
    "quoted": dict(value='a"b;c\\d'),
    "unicode": dict(value="caf\u00e9"),
    "empty": dict(value=""),
    "expires": dict(value="v", expires=datetime(2030, 1, 2, 3, 4, 5)),
    "max-age-zero": dict(value="v", max_age=0),
    "max-age-str": dict(value="v", max_age="30"),
    "no-httponly": dict(value="v", httponly=False, secure=False),
}


@app.get("/cookie/<kind>")
async def r_cookie(request, kind: str):
    resp = text("cookie " + kind)
    options = dict(COOKIES[kind])
    resp.add_cookie(kind, options.pop("value"), **options)
    return resp


@app.get("/cookie-delete")
async def r_cookie_delete(request):
    resp = text("deleted")
    resp.delete_cookie("gone")
    resp.delete_cookie("gone-path", path="/p", domain="example.com")
    resp.delete_cookie("__Host-gone", host_prefix=True)
    return resp


@app.get("/cookie-legacy")
async def r_cookie_legacy(request):
    resp = text("legacy")
    resp.cookies["old"] = "style"
    resp.cookies["old"]["max-age"] = 10
    resp.cookies["old"]["httponly"] = True
    resp.cookies["old"]["path"] = "/x"
    return resp


@app.get("/cookie-legacy-del")
async def r_cookie_legacy_del(request):
    resp = text("legacy del")
    resp.cookies["tmp"] = "1"
    del resp.cookies["tmp"]
    return resp


@app.get("/cookie-badname")
async def r_cookie_badname(request):
    resp = text("bad name")
    resp.add_cookie("bad name", "v")
    return resp


@app.get("/file")
async def r_file(request):
    return await file(HERE / "hello.txt")


@app.get("/file-html")
async def r_file_html(request):
    return await file(HERE / "page.html")


@app.get("/file-json")
async def r_file_json(request):
    return await file(str(HERE / "data.json"), filename="download.json")


@app.get("/file-mime")
async def r_file_mime(request):
    return await file(HERE / "hello.txt", mime_type="application/x-custom", headers={"X-F": "1"})


@app.get("/file-missing")
async def r_file_missing(request):
    return await file(HERE / "missing.txt")


@app.get("/file-stream")
async def r_file_stream(request):
    return await file_stream(HERE / "hello.txt")


@app.get("/file-stream-chunk")
async def r_file_stream_chunk(request):
    return await file_stream(HERE / "hello.txt", chunk_size=3, filename="h.txt")


@app.get("/stream-obj")
async def r_stream_obj(request):
    async def body(response):
        await response.write("one,")
        await response.write(b"two,")
        await response.write("three")

    return ResponseStream(body, content_type="text/csv")


@app.get("/stream-respond")
async def r_stream_respond(request):
    response = await request.respond(content_type="text/plain", headers={"X-S": "1"})
    await response.send("a")
    await response.send("b")
    await response.eof()


@app.get("/stream-respond-empty")
async def r_stream_respond_empty(request):
    response = await request.respond()
    await response.eof()


@app.get("/stream-respond-cl")
async def r_stream_respond_cl(request):
    response = await request.respond(headers={"Content-Length": "4"})
    await response.send("ab")
    await response.send("cd")
    await response.eof()


@app.get("/stream-then-return")
async def r_stream_then_return(request):
    response = await request.respond()
    await response.send("partial")
    return text("ignored")


@app.get("/text-bytes")
async def r_text_bytes(request):
    return text(b"bytes are not text")


@app.get("/json-unserialisable")
async def r_json_bad(request):
    return json({"s": {1, 2}})


@app.get("/json-default")
async def r_json_default(request):
    return json({"s": {1}}, default=list)


@app.get("/html-none")
async def r_html_none(request):
    return html(None)


@app.get("/header-crlf")
async def r_header_crlf(request):
    return text("x", headers={"X-Injected": "a\r\nSet-Cookie: evil=1"})


@app.get("/header-unicode")
async def r_header_unicode(request):
    return text("x", headers={"X-U": "caf\u00e9 \u2713"})


@app.get("/redirect-307")
async def r_redirect_307(request):
    return redirect("/text", status=307)


@app.get("/redirect-ctype")
async def r_redirect_ctype(request):
    return redirect("/text", content_type="text/plain")


@app.get("/file-cache")
async def r_file_cache(request):
    return await file(HERE / "hello.txt", max_age=60)


@app.get("/file-no-store")
async def r_file_no_store(request):
    return await file(HERE / "hello.txt", no_store=True)


@app.get("/file-lm")
async def r_file_lm(request):
    return await file(HERE / "hello.txt", last_modified=None)


@app.get("/status-text/<code:int>")
async def r_status_text(request, code: int):
    return HTTPResponse(status=code)


@app.get("/cookie-on-error")
async def r_cookie_on_error(request):
    from sanic.exceptions import SanicException

    raise SanicException("with headers", status_code=400, headers={"Set-Cookie": "e=1"})
