"""Data exports streamed (written for this round): CSV and NDJSON produced row by row by
``ResponseStream`` (its ``content_type=``, ``headers=``, ``status=``), a
``Content-Disposition`` attachment, a generator that fails half-way (the head already out),
an export answered with ``file_stream`` of a file written on the fly (``chunk_size=``,
``mime_type=``, ``filename=``, ``headers=``), ``request.respond()`` used twice (the second
refused), an empty export (no rows: a head and an empty chunked body), the row count
trailer-like last line, HEAD of a stream, and HTTP/1.0 clients."""

import json as stdjson
import os
import tempfile

from sanic import Sanic
from sanic.response import ResponseStream, file_stream, json

app = Sanic("export")
ROWS = [{"id": i, "name": f"item {i}", "price": round(i * 1.25, 2)} for i in range(1, 8)]


@app.get("/export.csv")
async def export_csv(request):
    limit = int(request.args.get("limit", len(ROWS)))

    async def rows(response):
        await response.write("id,name,price\r\n")
        for row in ROWS[:limit]:
            await response.write(f'{row["id"]},"{row["name"]}",{row["price"]}\r\n')

    return ResponseStream(rows, content_type="text/csv; charset=utf-8",
                          headers={"Content-Disposition": 'attachment; filename="items.csv"'})


@app.get("/export.ndjson")
async def export_ndjson(request):
    async def rows(response):
        n = 0
        for row in ROWS:
            await response.write(stdjson.dumps(row) + "\n")
            n += 1
        await response.write(stdjson.dumps({"count": n}) + "\n")

    return ResponseStream(rows, content_type="application/x-ndjson", status=200)


@app.get("/export.broken")
async def export_broken(request):
    async def rows(response):
        await response.write("first\n")
        raise RuntimeError("database went away")

    return ResponseStream(rows, content_type="text/plain")


@app.get("/export.accepted")
async def export_accepted(request):
    async def rows(response):
        await response.write(b"queued")

    return ResponseStream(rows, status=202, headers={"X-Job": "17"})


@app.get("/export.file")
async def export_file(request):
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as f:
        for row in ROWS:
            f.write(f'{row["id"]};{row["name"]}\n')
    request.app.ctx.last_file = path
    return await file_stream(path, chunk_size=16, mime_type="text/csv",
                             filename="items-semicolon.csv", headers={"X-Rows": str(len(ROWS))})


@app.get("/export.twice")
async def export_twice(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("one\n")
    try:
        await request.respond()
    except Exception as exc:
        await resp.send(f"{type(exc).__name__}: {exc}\n")
    await resp.eof()


@app.get("/export.empty")
async def export_empty(request):
    async def rows(response):
        return None

    return ResponseStream(rows, content_type="text/csv")


@app.after_server_stop
async def cleanup(app, _):
    path = getattr(app.ctx, "last_file", None)
    if path:
        os.unlink(path)


@app.get("/status")
async def status(request):
    return json({"rows": len(ROWS)})
