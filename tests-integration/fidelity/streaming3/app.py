"""Streaming, third round: the app both servers run (python app.py PORT, or uvicorn app:app).

Handlers note what they saw; `GET /seen` returns the notes and clears them.
"""

import asyncio
import os
import sys
from pathlib import Path

from sanic import Sanic
from sanic.handlers import ContentRangeHandler
from sanic.response import ResponseStream, file_stream, json, text

HERE = Path(__file__).parent
DATA = Path(os.environ.get("S3_DATA", "/tmp/streaming3-data.bin"))
if not DATA.exists():
    DATA.write_bytes(bytes(range(65, 91)) * 40)  # 1,040 bytes

TXT = Path("/tmp/streaming3-data.txt")
TXT.write_text("text file\n")
EMPTY = Path("/tmp/streaming3-empty.bin")
EMPTY.write_bytes(b"")

app = Sanic("Streaming3")
app.config.REQUEST_MAX_SIZE = 2000
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


async def read_all(request) -> int:
    n = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            return n
        n += len(chunk)


# -- request side: request_max_size on a stream -----------------------------------


@app.post("/max/<how>", stream=True)
async def max_how(request, how):
    note("max before", request.stream.request_max_size)
    try:
        if how == "raise":
            request.stream.request_max_size = 10_000
        elif how == "lower":
            request.stream.request_max_size = 10
        elif how == "none":
            request.stream.request_max_size = None
        n = await read_all(request)
        note("max read", n)
        return text(f"read {n}")
    except BaseException as e:
        note("max", how, exc_name(e))
        raise


@app.post("/plainmax")
async def plain_max(request):
    note("plain max", request.stream.request_max_size)
    return text(f"{len(request.body)} {request.stream is None}")


@app.post("/attrs", stream=True)
async def attrs(request):
    s = request.stream
    note("attrs", type(s).__name__, request.body == b"", getattr(s, "request_bytes_left", "-"),
         getattr(s, "request_bytes", "-"))
    n = await read_all(request)
    note("attrs after", n, request.body == b"", getattr(s, "request_bytes_left", "-"))
    return text(str(n))


# -- response side ---------------------------------------------------------------


@app.get("/o/props")
async def o_props(request):
    response = await request.respond(status=201, headers={"x-a": "1"}, content_type="text/csv")
    note("props", type(response).__name__, response.status, response.content_type,
         response.headers.get("x-a"), response.headers.get("content-type"))
    await response.send("a,b\n")
    await response.eof()


@app.get("/o/return-other")
async def o_return_other(request):
    response = await request.respond(content_type="text/plain")
    await response.send("streamed ")
    return text("other")


@app.get("/o/return-other-nosend")
async def o_return_other_nosend(request):
    await request.respond(content_type="text/plain", headers={"x-from": "respond"})
    return text("other", headers={"x-from": "return"})


@app.get("/o/respond-from-task")
async def o_respond_from_task(request):
    async def later():
        await asyncio.sleep(0.1)
        try:
            r = await request.respond(content_type="text/plain")
            note("task respond ok", type(r).__name__)
            await r.send("late")
            note("task send ok")
        except BaseException as e:
            note("task", exc_name(e))

    request.app.add_task(later())
    return text("returned")


@app.get("/o/send-from-task")
async def o_send_from_task(request):
    response = await request.respond(content_type="text/plain")
    await response.send("first ")

    async def later():
        await asyncio.sleep(0.1)
        try:
            await response.send("late")
            note("task send ok")
        except BaseException as e:
            note("task", exc_name(e))

    request.app.add_task(later())


@app.get("/o/slow-next")
async def o_slow_next(request):
    response = await request.respond(content_type="text/plain")
    await response.send("s1 ")
    await asyncio.sleep(0.3)
    await response.send("s2")


@app.get("/o/late-sender")
async def o_late_sender(request):
    response = await request.respond(content_type="text/plain")
    await response.send("first ")

    async def later():
        await asyncio.sleep(0.1)
        try:
            await response.send("LATE")
            note("late send ok")
        except BaseException as e:
            note("late", exc_name(e), response.stream is None)

    request.app.add_task(later())


@app.get("/o/late-plain")
async def o_late_plain(request):
    response = text("plain")

    async def later():
        await asyncio.sleep(0.1)
        try:
            await response.send("LATE")
            note("late plain send ok")
        except BaseException as e:
            note("late plain", exc_name(e), response.stream is None)

    request.app.add_task(later())
    return response


@app.get("/o/ticker")
async def o_ticker(request):
    response = await request.respond(content_type="text/plain")
    try:
        for i in range(40):
            await response.send(f"tick {i}\n")
            await asyncio.sleep(0.05)
        note("ticker ended")
    except BaseException as e:
        note("ticker", exc_name(e), bool(response.stream))
        raise


@app.get("/o/end-then-return")
async def o_end_then_return(request):
    response = await request.respond(content_type="text/plain")
    await response.send("only", end_stream=True)
    try:
        await response.send("more")
        note("send after end_stream ok")
    except BaseException as e:
        note("send after end_stream", exc_name(e))
    return response


@app.get("/o/empty-end")
async def o_empty_end(request):
    response = await request.respond(content_type="text/plain")
    await response.send("", end_stream=True)


@app.get("/o/none-first")
async def o_none_first(request):
    response = await request.respond(content_type="text/plain")
    await response.send(None)
    await response.send(b"x")


@app.get("/o/after-eof-status")
async def o_after_eof_status(request):
    response = await request.respond(content_type="text/plain")
    await response.send("x")
    await response.eof()
    note("after eof", response.status, response.stream is None, bool(response.stream))
    try:
        await response.send("y")
    except BaseException as e:
        note("after eof send", exc_name(e))


@app.route("/o/http10", methods=["GET", "HEAD"])
async def o_http10(request):
    response = await request.respond(content_type="text/plain")
    await response.send("one ")
    await response.send("two")


@app.get("/o/cookie")
async def o_cookie(request):
    response = await request.respond(content_type="text/plain")
    response.add_cookie("late", "v")
    await response.send("x")
    response.add_cookie("later", "w")


@app.get("/o/cookie-before")
async def o_cookie_before(request):
    response = await request.respond(content_type="text/plain")
    response.add_cookie("k", "v", max_age=10, httponly=True)
    response.headers["x-set"] = "yes"
    await response.send("x")


@app.on_response
async def resp_mw(request, response):
    if request.path.startswith("/o/mw"):
        note("mw", type(response).__name__, response.status, response.content_type,
             "content-length" in response.headers, getattr(response, "body", "-"))
        response.headers["x-mw"] = "1"


@app.get("/o/mw")
async def o_mw(request):
    response = await request.respond(content_type="text/plain", headers={"content-length": "5"})
    await response.send("hello")


@app.get("/o/mw-rs")
async def o_mw_rs(request):
    async def fn(r):
        await r.write("rs")
    return ResponseStream(fn, content_type="text/plain")


# -- ResponseStream --------------------------------------------------------------


async def rs_plain(r):
    await r.write("a")
    await r.write(b"b")
    await r.write("")


@app.route("/rs/options", methods=["GET", "HEAD"])
async def rs_options(request):
    resp = ResponseStream(rs_plain, status=202, headers={"x-h": "1"}, content_type="text/x-rs")
    resp.add_cookie("rs", "c")
    return resp


async def rs_nothing(r):
    pass


@app.get("/rs/nothing")
async def rs_nothing_h(request):
    return ResponseStream(rs_nothing)


async def rs_send(r):
    note("rs type", type(r).__name__, r.status, r.content_type)
    await r.send("via send")
    await r.eof()
    try:
        await r.write("after")
        note("rs write after eof ok")
    except BaseException as e:
        note("rs write after eof", exc_name(e))


@app.get("/rs/send")
async def rs_send_h(request):
    return ResponseStream(rs_send, content_type="text/plain")


async def rs_cl(r):
    await r.write("12345")


@app.get("/rs/cl")
async def rs_cl_h(request):
    return ResponseStream(rs_cl, headers={"Content-Length": "5"})


@app.get("/rs/returned-twice")
async def rs_twice(request):
    resp = ResponseStream(rs_plain)
    await request.respond(resp)
    return resp


# -- file_stream -------------------------------------------------------------------


@app.route("/fs/<how>", methods=["GET", "HEAD"])
async def fs(request, how):
    if how == "mime":
        return await file_stream(DATA, mime_type="application/x-thing", chunk_size=100)
    if how == "name":
        return await file_stream(DATA, filename="report 2024.bin")
    if how == "uname":
        return await file_stream(DATA, filename="résumé.txt")
    if how == "headers":
        return await file_stream(DATA, headers={"x-f": "1", "Content-Type": "text/x-own"}, status=203)
    if how == "range":
        _range = ContentRangeHandler(request, os.stat(DATA))
        return await file_stream(DATA, _range=_range, chunk_size=7)
    if how == "range-fixed":

        class R:
            start, end, size, total = 10, 29, 20, 1040
            headers = {"Content-Range": "bytes 10-29/1040"}

        return await file_stream(DATA, _range=R(), chunk_size=6)
    if how == "str":
        return await file_stream(str(DATA))
    if how == "missing":
        return await file_stream("/tmp/streaming3-no-such-file")
    if how == "txt":
        return await file_stream(TXT)
    if how == "empty":
        return await file_stream(EMPTY, chunk_size=10)
    if how == "dir":
        return await file_stream("/tmp")
    if how == "big-chunk":
        return await file_stream(DATA, chunk_size=10**6)
    return text("?", status=404)


@app.get("/o/memoryview")
async def o_memoryview(request):
    response = await request.respond(content_type="text/plain")
    try:
        await response.send(memoryview(b"view"))
        note("memoryview ok")
    except BaseException as e:
        note("memoryview", exc_name(e))
        raise


def sync_fn(r):
    note("sync fn called")


@app.get("/rs/sync")
async def rs_sync(request):
    return ResponseStream(sync_fn, content_type="text/plain")


async def rs_raises_first(r):
    raise ValueError("before any write")


@app.get("/rs/raise-first-ka")
async def rs_raise_first_ka(request):
    return ResponseStream(rs_raises_first)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=False, motd=False)
