"""Streaming requests and responses in depth: the app both servers run.

Handlers write what they saw into SEEN; `GET /seen` gives it back and clears it, so a
driver can compare what a handler observed (exceptions, values) after each exchange.
Run: python app.py PORT   (or under uvicorn: uvicorn app:app)
"""

import asyncio
import os
import sys
from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.handlers import ContentRangeHandler
from sanic.response import ResponseStream, file_stream, json, text
from sanic.views import HTTPMethodView, stream

HERE = Path(__file__).parent
DATA = HERE / "data.txt"
if not DATA.exists():
    DATA.write_bytes(bytes(range(48, 58)) * 100)  # 1,000 bytes of digits

app = Sanic("Streaming2")
app.config.REQUEST_MAX_SIZE = int(os.environ.get("S2_MAX", "2000"))
app.config.RESPONSE_TIMEOUT = float(os.environ.get("S2_RESPONSE_TIMEOUT", "60"))
app.config.REQUEST_BUFFER_QUEUE_SIZE = int(os.environ.get("S2_QUEUE", "100"))
SEEN: list = []


def note(*items):
    SEEN.append(" ".join(str(i) for i in items))


def exc_name(e: BaseException) -> str:
    return f"{type(e).__name__}({e})"


@app.get("/seen")
async def seen(request):
    await asyncio.sleep(0.05)
    out = list(SEEN)
    SEEN.clear()
    return json(out)


async def read_all(request, how: str) -> bytes:
    body = b""
    if how == "read":
        while True:
            chunk = await request.stream.read()
            if chunk is None:
                break
            body += chunk
    elif how == "iter":
        async for chunk in request.stream:
            body += chunk
    elif how == "recv":
        await request.receive_body()
        body = request.body
    return body


def summary(request, body: bytes) -> dict:
    return {
        "len": len(body),
        "head": body[:40].decode("latin-1"),
        "tail": body[-10:].decode("latin-1"),
        "request.body": len(request.body),
        "method": request.method,
    }


# -- request streaming --------------------------------------------------------


@app.route("/r/<how:read|iter|recv>", methods=["POST", "PUT", "PATCH", "GET", "DELETE"], stream=True)
async def r_how(request, how):
    try:
        body = await read_all(request, how)
    except BaseException as e:
        note("r", how, "raised", exc_name(e), "closing", request.transport.is_closing())
        raise
    note("r", how, "len", len(body))
    return json(summary(request, body))


@app.post("/r/recv-twice", stream=True)
async def r_recv_twice(request):
    await request.receive_body()
    first = request.body
    await request.receive_body()
    after = await request.stream.read() if request.stream else "no stream"
    return json({"first": len(first), "second": len(request.body), "after": repr(after)})


@app.post("/r/read-after-end", stream=True)
async def r_read_after_end(request):
    body = await read_all(request, "read")
    again = await request.stream.read()
    return json({"len": len(body), "again": repr(again)})


@app.post("/r/recv-then-read", stream=True)
async def r_recv_then_read(request):
    await request.receive_body()
    more = await request.stream.read()
    return json({"len": len(request.body), "more": repr(more)})


@app.post("/r/iter-after-read", stream=True)
async def r_iter_after_read(request):
    first = await request.stream.read()
    rest = b""
    async for chunk in request.stream:
        rest += chunk
    return json({"first": len(first or b""), "rest": len(rest)})


@app.post("/r/json", stream=True)
async def r_json(request):
    await request.receive_body()
    return json({"json": request.json, "form": dict(request.form), "args": dict(request.args)})


@app.post("/r/attrs", stream=True)
async def r_attrs(request):
    before = {
        "body": repr(request.body),
        "stream_none": request.stream is None,
        "stream_type": type(request.stream).__name__ if request.stream else None,
    }
    body = await read_all(request, "read")
    return json({"before": before, "len": len(body), "after": repr(request.body[:10])})


@app.get("/r/get-attrs", stream=True)
async def r_get_attrs(request):
    first = await request.stream.read() if request.stream else "no stream"
    return json({"stream_none": request.stream is None, "first": repr(first), "body": repr(request.body)})


async def r_added(request):
    body = await read_all(request, "iter")
    return json(summary(request, body))


app.add_route(r_added, "/r/added", methods=["POST", "PUT"], stream=True)


class Viewed(HTTPMethodView):
    @stream
    async def post(self, request):
        body = await read_all(request, "read")
        return json(summary(request, body))

    async def put(self, request):
        return json({"plain": len(request.body), "stream_none": request.stream is None})

    async def get(self, request):
        return text("view get")


app.add_route(Viewed.as_view(), "/r/view")

bp = Blueprint("bp", url_prefix="/bp")


@bp.post("/s", stream=True)
async def bp_s(request):
    body = await read_all(request, "iter")
    return json(summary(request, body))


@bp.put("/s2", stream=True)
async def bp_s2(request):
    await request.receive_body()
    return text(f"bp put {len(request.body)}")


@bp.route("/s3", methods=["POST"], stream=True)
async def bp_s3(request):
    body = await read_all(request, "read")
    return text(f"bp route {len(body)}")


@bp.on_request
async def bp_mw(request):
    note("bp mw body", repr(request.body[:5]), "stream_none", request.stream is None)


app.blueprint(bp)


@app.post("/r/ignore", stream=True)
async def r_ignore(request):
    return text("ignored")


@app.post("/r/half", stream=True)
async def r_half(request):
    chunk = await request.stream.read()
    note("half got", chunk is not None and len(chunk) > 0)
    return text("half")


@app.post("/r/slow", stream=True)
async def r_slow(request):
    n = 0
    total = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        n += 1
        total += len(chunk)
        await asyncio.sleep(0.02)
    note("slow total", total)
    return text(f"slow {total}")


@app.post("/r/respond-echo", stream=True)
async def r_respond_echo(request):
    response = await request.respond(content_type="text/plain")
    async for chunk in request.stream:
        await response.send(chunk.upper())
    await response.eof()


@app.post("/r/raise-midway", stream=True)
async def r_raise_midway(request):
    await request.stream.read()
    raise SanicException("teapot mid-body", status_code=418)


@app.post("/r/mw", stream=True)
async def r_mw(request):
    body = await read_all(request, "read")
    return text(f"mw {len(body)}")


@app.post("/plain")
async def plain(request):
    return json({"len": len(request.body), "stream_none": request.stream is None})


@app.on_request
async def record_mw(request):
    if request.path in ("/r/mw", "/plain"):
        note("app mw", request.path, "body", repr(request.body[:5]), "stream_none", request.stream is None)


# -- response streaming -------------------------------------------------------


@app.route("/o/basic", methods=["GET", "HEAD"])
async def o_basic(request):
    response = await request.respond(status=201, headers={"x-a": "1"}, content_type="text/csv")
    await response.send("a,")
    await response.send(b"b\n")
    await response.send("")
    await response.send(b"")
    await response.send(bytearray(b"c"))
    await response.eof()


@app.get("/o/return")
async def o_return(request):
    response = await request.respond(content_type="text/plain")
    await response.send("ret")
    return response


@app.get("/o/no-eof")
async def o_no_eof(request):
    response = await request.respond(content_type="text/plain")
    await response.send("no eof")


@app.get("/o/nothing-sent")
async def o_nothing_sent(request):
    await request.respond(status=202, headers={"x-n": "1"}, content_type="text/plain")


@app.get("/o/twice")
async def o_twice(request):
    response = await request.respond(content_type="text/plain")
    try:
        await request.respond()
    except BaseException as e:
        note("twice", exc_name(e))
        await response.send(type(e).__name__)
    await response.eof()


@app.get("/o/twice-uncaught")
async def o_twice_uncaught(request):
    await request.respond(content_type="text/plain")
    await request.respond()


@app.get("/o/twice-after-send")
async def o_twice_after_send(request):
    response = await request.respond(content_type="text/plain")
    await response.send("first ")
    await request.respond()


@app.get("/o/hdr-after")
async def o_hdr_after(request):
    response = await request.respond(content_type="text/plain")
    response.headers["x-late"] = "1"
    response.add_cookie("late", "1")
    response.status = 203
    response.content_type = "text/html"
    await response.send("after")
    response.headers["x-later"] = "1"
    await response.eof()


@app.get("/o/respond-resp")
async def o_respond_resp(request):
    pre = text("pre-", status=202, headers={"x-pre": "1"})
    pre.add_cookie("pre", "1")
    response = await request.respond(pre)
    await response.send("more")
    await response.eof()


@app.get("/o/cl")
async def o_cl(request):
    response = await request.respond(headers={"content-length": "6"}, content_type="text/plain")
    await response.send("abc")
    await response.send("def")
    await response.eof()


@app.get("/o/cl-short")
async def o_cl_short(request):
    response = await request.respond(headers={"content-length": "10"}, content_type="text/plain")
    await response.send("abc")
    await response.eof()


@app.get("/o/cl-long")
async def o_cl_long(request):
    response = await request.respond(headers={"content-length": "2"}, content_type="text/plain")
    try:
        await response.send("abcdef")
        await response.eof()
    except BaseException as e:
        note("cl-long", exc_name(e))
        raise


@app.get("/o/te")
async def o_te(request):
    response = await request.respond(headers={"transfer-encoding": "chunked"}, content_type="text/plain")
    await response.send("te")
    await response.eof()


@app.get("/o/raise-after-send")
async def o_raise_after_send(request):
    response = await request.respond(content_type="text/plain")
    await response.send("partial")
    raise ValueError("boom after send")


@app.get("/o/raise-before-send")
async def o_raise_before_send(request):
    await request.respond(content_type="text/plain", headers={"x-r": "1"})
    raise ValueError("boom before send")


@app.get("/o/abort-after-send")
async def o_abort_after_send(request):
    response = await request.respond(content_type="text/plain")
    await response.send("partial")
    raise SanicException("gone", status_code=410)


@app.get("/o/send-after-eof")
async def o_send_after_eof(request):
    response = await request.respond(content_type="text/plain")
    await response.send("x")
    await response.eof()
    try:
        await response.send("y")
        note("send-after-eof ok")
    except BaseException as e:
        note("send-after-eof", exc_name(e))
    try:
        await response.eof()
        note("eof-after-eof ok")
    except BaseException as e:
        note("eof-after-eof", exc_name(e))


@app.get("/o/end-stream")
async def o_end_stream(request):
    response = await request.respond(content_type="text/plain")
    await response.send("x", end_stream=True)
    try:
        await response.send("y")
        note("after end_stream ok")
    except BaseException as e:
        note("after end_stream", exc_name(e))


@app.get("/o/slow")
async def o_slow(request):
    response = await request.respond(content_type="text/plain")
    try:
        for i in range(int(request.args.get("n", "5"))):
            await response.send(f"{i};")
            await asyncio.sleep(float(request.args.get("pause", "0.2")))
        await response.eof()
        note("slow done")
    except BaseException as e:
        note("slow", exc_name(e))
        raise


@app.get("/o/big")
async def o_big(request):
    response = await request.respond(content_type="application/octet-stream")
    try:
        for _ in range(int(request.args.get("n", "200"))):
            await response.send(b"x" * 65536)
        await response.eof()
        note("big done")
    except BaseException as e:
        note("big", exc_name(e))
        raise


@app.get("/o/status/<code:int>")
async def o_status(request, code):
    response = await request.respond(status=code, content_type="text/plain")
    await response.send("body")
    await response.eof()


async def rs_fn(response):
    await response.write("rs-")
    await response.write(b"bytes-")
    await response.write("")
    await response.write(b"end")


@app.route("/o/rs", methods=["GET", "HEAD"])
async def o_rs(request):
    return ResponseStream(rs_fn, status=202, headers={"x-rs": "1"}, content_type="text/csv")


async def rs_raise(response):
    await response.write("rs-part")
    raise ValueError("rs boom")


@app.get("/o/rs-raise")
async def o_rs_raise(request):
    return ResponseStream(rs_raise, content_type="text/plain")


async def rs_raise_first(response):
    raise ValueError("rs boom first")


@app.get("/o/rs-raise-first")
async def o_rs_raise_first(request):
    return ResponseStream(rs_raise_first, content_type="text/plain")


async def rs_eof(response):
    await response.write("a")
    await response.eof()
    try:
        await response.write("b")
        note("rs write after eof ok")
    except BaseException as e:
        note("rs write after eof", exc_name(e))


@app.get("/o/rs-eof")
async def o_rs_eof(request):
    return ResponseStream(rs_eof, content_type="text/plain")


async def rs_cl(response):
    await response.write("12345")


@app.get("/o/rs-cl")
async def o_rs_cl(request):
    return ResponseStream(rs_cl, headers={"content-length": "5"}, content_type="text/plain")


@app.route("/o/fs", methods=["GET", "HEAD"])
async def o_fs(request):
    cs = int(request.args.get("cs", "4096"))
    rng = ContentRangeHandler(request, DATA.stat()) if "range" in request.headers else None
    return await file_stream(DATA, chunk_size=cs, _range=rng)


@app.get("/o/fs-cl")
async def o_fs_cl(request):
    return await file_stream(DATA, chunk_size=100, headers={"Content-Length": str(DATA.stat().st_size)})


@app.get("/o/fs-name")
async def o_fs_name(request):
    return await file_stream(DATA, filename="d.txt", mime_type="text/x-d", status=203)


@app.on_response
async def resp_mw(request, response):
    if request.path.startswith("/o/mw"):
        response.headers["x-mw"] = "1"
        note("resp mw", type(response).__name__, response.status)


@app.get("/o/mw")
async def o_mw(request):
    response = await request.respond(content_type="text/plain")
    await response.send("mw")
    await response.eof()


@app.get("/o/mw-rs")
async def o_mw_rs(request):
    return ResponseStream(rs_fn, content_type="text/plain")


@app.get("/o/mw-fs")
async def o_mw_fs(request):
    return await file_stream(DATA, chunk_size=300)


@app.get("/o/mw-late")
async def o_mw_late(request):
    response = await request.respond()
    await response.send("late")
    await response.eof()


@app.get("/o/cl-long2")
async def o_cl_long2(request):
    response = await request.respond(headers={"content-length": "4"}, content_type="text/plain")
    try:
        await response.send("ab")
        await response.send("cdef")
        await response.eof()
    except BaseException as e:
        note("cl-long2", exc_name(e))
        raise


@app.get("/o/send-kinds")
async def o_send_kinds(request):
    response = await request.respond(content_type="text/plain")
    for value in (None, 12, {"a": 1}, memoryview(b"mv")):
        try:
            await response.send(value)
            note("send", type(value).__name__, "ok")
        except BaseException as e:
            note("send", type(value).__name__, exc_name(e))
    await response.send("end")
    await response.eof()


@app.get("/o/send-noargs")
async def o_send_noargs(request):
    response = await request.respond(content_type="text/plain")
    await response.send("a")
    await response.send()
    try:
        await response.send("b")
        note("send after send() ok")
    except BaseException as e:
        note("send after send()", exc_name(e))


@app.get("/o/send-end-only")
async def o_send_end_only(request):
    response = await request.respond(content_type="text/plain")
    await response.send(end_stream=True)
    note("end-only", repr(response.status))


@app.get("/o/headers-list")
async def o_headers_list(request):
    from sanic.compat import Header

    h = Header([("x-m", "1"), ("x-m", "2")])
    response = await request.respond(headers=h, content_type="text/plain")
    await response.send("multi")
    await response.eof()


@app.get("/o/respond-attrs")
async def o_respond_attrs(request):
    response = await request.respond(status=201, content_type="text/plain")
    note("attrs", type(response).__name__, response.status, response.content_type,
         request.responded, response.body)
    await response.send("x")
    note("after send", request.responded, response.body)
    await response.eof()
    note("after eof", request.responded, response.body)


@app.on_response
async def resp_mw_raise(request, response):
    if request.path == "/o/mw-raise":
        raise ValueError("mw raised")
    if request.path == "/o/mw-replace":
        return text("replaced by mw", status=299)


@app.get("/o/mw-raise")
async def o_mw_raise(request):
    response = await request.respond(content_type="text/plain")
    await response.send("after mw raise")
    await response.eof()


@app.get("/o/mw-replace")
async def o_mw_replace(request):
    response = await request.respond(content_type="text/plain")
    note("replace got", type(response).__name__, response.status)
    await response.send("streamed")
    await response.eof()


@app.get("/o/mw-replace-rs")
async def o_mw_replace_rs(request):
    return ResponseStream(rs_fn, content_type="text/plain")


@app.on_request
async def req_mw_answer(request):
    if request.path == "/r/mw-answers":
        return text("answered by mw")
    if request.path == "/r/mw-respond":
        response = await request.respond(content_type="text/plain")
        await response.send("from mw")
        await response.eof()


@app.post("/r/mw-answers", stream=True)
async def r_mw_answers(request):
    return text("handler")


@app.post("/r/mw-respond", stream=True)
async def r_mw_respond(request):
    note("handler after mw respond")


@app.post("/r/json-early", stream=True)
async def r_json_early(request):
    early = {}
    for attr in ("json", "form", "files", "body"):
        try:
            early[attr] = repr(getattr(request, attr))
        except BaseException as e:
            early[attr] = exc_name(e)
    await request.receive_body()
    return json({"early": early, "json": request.json})


@app.get("/o/fs-odd")
async def o_fs_odd(request):
    cs = int(request.args.get("cs"))
    try:
        return await file_stream(DATA, chunk_size=cs)
    except BaseException as e:
        note("fs-odd", exc_name(e))
        raise


@app.exception(KeyError)
async def on_key_error(request, exception):
    note("handler for", exc_name(exception))
    return text("key error page", status=409)


@app.get("/o/keyerror-after-send")
async def o_keyerror_after_send(request):
    response = await request.respond(content_type="text/plain")
    await response.send("partial ")
    raise KeyError("k")


@app.get("/o/keyerror-before-send")
async def o_keyerror_before_send(request):
    await request.respond(content_type="text/plain", headers={"x-before": "1"})
    raise KeyError("k")


@app.post("/r/respond-ignore", stream=True)
async def r_respond_ignore(request):
    response = await request.respond(content_type="text/plain")
    await response.send("answered early")
    await response.eof()


@app.post("/r/raise-first", stream=True)
async def r_raise_first(request):
    raise SanicException("refused before reading", status_code=int(request.args.get("code", "400")))


@app.post("/r/return-then-task", stream=True)
async def r_return_then_task(request):
    first = await request.stream.read()

    async def rest():
        try:
            n = 0
            async for chunk in request.stream:
                n += len(chunk)
            note("task read", n)
        except BaseException as e:
            note("task", exc_name(e))

    request.app.add_task(rest())
    await asyncio.sleep(0.2)
    return text(f"first {first is not None}")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=False, motd=False)
