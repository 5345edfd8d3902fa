"""A log ingestion endpoint (written for this round): ``stream=True`` routes reading the
body piece by piece: NDJSON lines counted across chunk boundaries, a gzip-compressed body
(``Content-Encoding: gzip``) inflated as it streams with ``zlib.decompressobj``, a
``request.receive_body()`` then ``request.body`` on a stream route, ``request.body`` read
by a request middleware before a stream handler (empty there), a blueprint route with
``stream=True`` and a per-request ``request.stream.request_max_size``, an
``HTTPMethodView`` with ``@stream`` on ``post``, and the counts kept in ``app.ctx``."""

import json as stdjson
import zlib

from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest
from sanic.response import json
from sanic.views import HTTPMethodView, stream

app = Sanic("ingest")
app.ctx.lines = 0


@app.on_request
async def peek(request):
    request.ctx.body_at_middleware = len(request.body)


@app.post("/ndjson", stream=True)
async def ndjson(request):
    buffer, count, bad, pieces = b"", 0, 0, 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        pieces += 1
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            if not line.strip():
                continue
            try:
                stdjson.loads(line)
                count += 1
            except ValueError:
                bad += 1
    if buffer.strip():
        try:
            stdjson.loads(buffer)
            count += 1
        except ValueError:
            bad += 1
    request.app.ctx.lines += count
    return json({"lines": count, "bad": bad, "pieces_nonzero": pieces > 0,
                 "at_middleware": request.ctx.body_at_middleware})


@app.post("/gz", stream=True)
async def gz(request):
    if request.headers.get("content-encoding", "").lower() != "gzip":
        raise BadRequest("gzip body expected")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = b""
    try:
        async for chunk in request.stream:
            out += inflater.decompress(chunk)
        out += inflater.flush()
    except zlib.error as exc:
        raise BadRequest(f"bad gzip data: {exc}") from None
    return json({"inflated": len(out), "text": out.decode("utf-8", "replace")[:40]})


@app.post("/whole", stream=True)
async def whole(request):
    await request.receive_body()
    return json({"body": request.body.decode("latin-1"), "again": await request.stream.read()})


bp = Blueprint("limited", url_prefix="/limited")


@bp.post("/small", stream=True)
async def small(request):
    request.stream.request_max_size = 8
    total = 0
    async for chunk in request.stream:
        total += len(chunk)
    return json({"total": total})


class Batch(HTTPMethodView):
    @stream
    async def post(self, request):
        total = 0
        async for chunk in request.stream:
            total += len(chunk)
        return json({"batch_bytes": total})

    async def get(self, request):
        return json({"lines_so_far": request.app.ctx.lines})


bp.add_route(Batch.as_view(), "/batch")
app.blueprint(bp)
