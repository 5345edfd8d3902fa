"""Streaming on the wire: request.stream routes, request.respond(), ResponseStream,
file_stream with chunk sizes and ranges."""

import asyncio
from pathlib import Path

from sanic import Sanic
from sanic.compat import Header  # noqa: F401  (kept importable, as in Sanic)
from sanic.handlers import ContentRangeHandler
from sanic.response import ResponseStream, file, file_stream, json, text

HERE = Path(__file__).parent / "static"
BIG = HERE / "data.json"
app = Sanic("FidelityStreaming")
app.config.RESPONSE_TIMEOUT = 1


@app.post("/stream-read", stream=True)
async def stream_read(request):
    parts = []
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        parts.append(chunk)
    return json({"parts": len(parts) > 0, "body": b"".join(parts).decode(), "attr": request.body.decode()})


@app.post("/stream-iter", stream=True)
async def stream_iter(request):
    body = b""
    async for chunk in request.stream:
        body += chunk
    return text(body.decode())


@app.post("/stream-ignore", stream=True)
async def stream_ignore(request):
    return text("ignored")


@app.post("/stream-receive", stream=True)
async def stream_receive(request):
    await request.receive_body()
    return text(request.body.decode())


@app.put("/stream-respond", stream=True)
async def stream_respond(request):
    response = await request.respond(content_type="text/plain")
    async for chunk in request.stream:
        await response.send(chunk.upper())
    await response.eof()


@app.get("/respond")
async def respond(request):
    response = await request.respond(headers={"x-a": "1"}, content_type="text/csv")
    await response.send("a,b\n")
    await response.send("")
    await response.send(b"1,2\n")
    await response.eof()


@app.get("/respond-status")
async def respond_status(request):
    response = await request.respond(status=201, content_type="text/plain")
    await response.send("made")
    await response.eof()


@app.get("/respond-then-raise")
async def respond_then_raise(request):
    response = await request.respond(content_type="text/plain")
    await response.send("partial")
    raise ValueError("after the head")


@app.get("/respond-no-eof")
async def respond_no_eof(request):
    response = await request.respond(content_type="text/plain")
    await response.send("x")


@app.get("/respond-204")
async def respond_204(request):
    response = await request.respond(status=204)
    await response.eof()


async def streaming_fn(response):
    await response.write("foo,")
    await response.write("bar")


@app.get("/response-stream")
async def response_stream(request):
    return ResponseStream(streaming_fn, content_type="text/csv", headers={"x-s": "1"})


@app.get("/response-stream-204")
async def response_stream_204(request):
    return ResponseStream(streaming_fn, status=204)


@app.get("/file-stream/<size:int>")
async def fstream(request, size):
    return await file_stream(BIG, chunk_size=size)


@app.get("/file-stream-mime")
async def fstream_mime(request):
    return await file_stream(BIG, mime_type="text/x-custom", filename="d.json")


@app.route("/file-stream-range", methods=["GET", "HEAD"])
async def fstream_range(request):
    stats = BIG.stat()
    rng = ContentRangeHandler(request, stats)
    return await file_stream(BIG, chunk_size=2, _range=rng)


@app.route("/file-range", methods=["GET", "HEAD"])
async def file_range(request):
    stats = BIG.stat()
    rng = ContentRangeHandler(request, stats)
    return await file(BIG, _range=rng)


@app.get("/file-cl")
async def file_cl(request):
    return await file_stream(BIG, headers={"content-length": str(BIG.stat().st_size)})


@app.get("/respond-204-send")
async def respond_204_send(request):
    response = await request.respond(status=204)
    await response.send("dropped")
    await response.eof()


@app.get("/respond-304-send")
async def respond_304_send(request):
    response = await request.respond(status=304, headers={"etag": '"e"'})
    await response.send("dropped")
    await response.eof()


@app.get("/raise-after-eof")
async def raise_after_eof(request):
    response = await request.respond(content_type="text/plain")
    await response.send("done", end_stream=True)
    raise ValueError("after the end")


@app.get("/respond-return")
async def respond_return(request):
    response = await request.respond(content_type="text/plain")
    await response.send("returned")
    return response


@app.get("/respond-wait")
async def respond_wait(request):
    response = await request.respond(content_type="text/plain")
    await asyncio.sleep(1.5)  # past the app's RESPONSE_TIMEOUT
    await response.send("late")
