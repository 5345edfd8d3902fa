"""Streaming: request.respond() + send() rows from an async cursor, the old
response.stream(callback) shape, file_stream of a generated CSV, and a stream=True
upload read with request.stream.read() (pattern origin:
https://sanic.dev/en/guide/advanced/streaming.html ,
https://programmerteach.com/p/sanic-official-translation-streaming ,
https://git.zi.fi/Vasanko/sanic/src/commit/df2369280246b98b06d4f7544b4c295867919453/docs/sanic/response.md ).
An async generator stands in for the database cursor."""

import asyncio
import os
import tempfile

from sanic import Sanic
from sanic.response import file_stream, text

app = Sanic("TutStreaming")
CSV = os.path.join(tempfile.mkdtemp(prefix="tut-stream-"), "report.csv")
with open(CSV, "w") as fh:
    fh.write("".join(f"{i},{i * i}\n" for i in range(300)))


async def cursor(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield (i, f"row{i}")


@app.get("/rows")
async def rows(request):
    response = await request.respond(content_type="text/csv", headers={"x-rows": "5"})
    async for rid, name in cursor(5):
        await response.send(f"{rid},{name}\n")
    await response.eof()


@app.get("/rows-noeof")
async def rows_noeof(request):
    response = await request.respond(content_type="text/plain")
    await response.send("a")
    await response.send(b"b")


@app.get("/report.csv")
async def report(request):
    return await file_stream(CSV, chunk_size=1024, mime_type="text/csv", filename="report.csv")


@app.post("/ingest", stream=True)
async def ingest(request):
    total, parts = 0, 0
    while True:
        body = await request.stream.read()
        if body is None:
            break
        total += len(body)
        parts += 1
    return text(f"{total} bytes")


@app.get("/fail-midway")
async def fail_midway(request):
    response = await request.respond(content_type="text/plain")
    await response.send("partial\n")
    raise RuntimeError("cursor died")
