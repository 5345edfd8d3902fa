"""Resumable uploads in the tus style (written for this round): ``POST /files`` with
``Upload-Length`` creates an upload (201 and a ``Location`` from ``url_for``); ``HEAD``
reports ``Upload-Offset``; ``PATCH`` with ``Content-Type: application/offset+octet-stream``
appends from the matching offset, read piece by piece from a ``stream=True`` route
(``await request.stream.read()``), 409 on an offset mismatch, 415 on another type, 413 past
the declared length; ``OPTIONS /files`` lists the capabilities with a 204; ``Tus-Resumable``
on every answer from an ``on_response`` middleware; ``DELETE`` terminates; ``GET`` returns
the bytes once complete (``raw``), else 409."""

import hashlib
import itertools

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import empty, raw

app = Sanic("resumable")
UPLOADS: dict = {}
IDS = itertools.count(1)


class Conflict(SanicException):
    status_code = 409


def _get(uid):
    upload = UPLOADS.get(uid)
    if upload is None:
        raise NotFound(f"no upload {uid}")
    return upload


@app.on_response
async def tus_header(request, response):
    response.headers["Tus-Resumable"] = "1.0.0"


@app.route("/files", methods=["OPTIONS"])
async def caps(request):
    return empty(headers={"Tus-Version": "1.0.0", "Tus-Extension": "creation,termination",
                          "Tus-Max-Size": "1024"})


@app.post("/files")
async def create(request):
    length = request.headers.get("upload-length", "")
    if not length.isdigit():
        raise SanicException("Upload-Length required", status_code=400)
    if int(length) > 1024:
        raise SanicException("too large", status_code=413)
    uid = f"u{next(IDS)}"
    UPLOADS[uid] = {"length": int(length), "data": bytearray()}
    return empty(status=201, headers={"Location": request.app.url_for("resumable.upload", uid=uid)})


@app.route("/files/<uid>", methods=["HEAD"])
async def offset(request, uid):
    up = _get(uid)
    return empty(status=200, headers={"Upload-Offset": str(len(up["data"])),
                                      "Upload-Length": str(up["length"]),
                                      "Cache-Control": "no-store"})


@app.patch("/files/<uid>", stream=True)
async def append(request, uid):
    up = _get(uid)
    if request.headers.get("content-type") != "application/offset+octet-stream":
        raise SanicException("wrong content type", status_code=415)
    if request.headers.get("upload-offset") != str(len(up["data"])):
        raise Conflict(f"offset is {len(up['data'])}")
    pieces = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        pieces += 1
        if len(up["data"]) + len(chunk) > up["length"]:
            raise SanicException("past the declared length", status_code=413)
        up["data"] += chunk
    return empty(headers={"Upload-Offset": str(len(up["data"])), "X-Pieces-Nonzero": str(pieces > 0)})


@app.get("/files/<uid>")
async def upload(request, uid):
    up = _get(uid)
    if len(up["data"]) < up["length"]:
        raise Conflict("incomplete")
    return raw(bytes(up["data"]), headers={"Digest": "sha-256=" + hashlib.sha256(up["data"]).hexdigest()})


@app.delete("/files/<uid>")
async def terminate(request, uid):
    _get(uid)
    del UPLOADS[uid]
    return empty()
