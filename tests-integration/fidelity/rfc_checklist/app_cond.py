"""Files with validators, for cond_checks.py (RFC 9110 sections 13 and 14: preconditions,
304/412, If-Range, byte ranges) served by ``app.static``, ``file()`` and ``file_stream()``."""

import os
import tempfile

from sanic import Sanic
from sanic.handlers import ContentRangeHandler
from sanic.response import file, file_stream

FILES = tempfile.mkdtemp(prefix="rfc_cond_")
A_TXT = os.path.join(FILES, "a.txt")
with open(A_TXT, "w") as f:
    f.write("hello world")
# A fixed modification time: Wed, 01 Jan 2020 00:00:00 GMT.
os.utime(A_TXT, (1577836800, 1577836800))

app = Sanic("RfcCond")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.static("/s", FILES, use_content_range=True)
app.static("/p", FILES, name="plain")
# Streamed from the first byte (a threshold of 1 byte).
app.static("/l", FILES, name="streamed", use_content_range=True, stream_large_files=1)
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE"]


@app.route("/strong", methods=METHODS)
async def strong(request):
    return await file(A_TXT, request_headers=request.headers, headers={"ETag": '"v1"'}, max_age=60)


@app.route("/weak", methods=METHODS)
async def weak(request):
    return await file(A_TXT, request_headers=request.headers, headers={"ETag": 'W/"v1"'})


@app.route("/fields", methods=["GET", "HEAD"])
async def fields(request):
    return await file(
        A_TXT,
        request_headers=request.headers,
        headers={"ETag": '"v1"', "Vary": "Accept-Encoding", "Content-Location": "/fields"},
    )


@app.route("/file", methods=METHODS)
async def plain_file(request):
    return await file(A_TXT, request_headers=request.headers)


def _range(request):
    # A ContentRangeHandler refuses a request without Range: build one only with it.
    if "range" in request.headers:
        return ContentRangeHandler(request, os.stat(A_TXT))
    return None


@app.route("/frange", methods=METHODS)
async def frange(request):
    return await file(A_TXT, _range=_range(request))


@app.route("/fsrange", methods=["GET", "HEAD"])
async def fsrange(request):
    return await file_stream(A_TXT, _range=_range(request))


@app.route("/etrange", methods=["GET", "HEAD"])
async def etrange(request):
    return await file(A_TXT, headers={"ETag": '"v1"'}, _range=_range(request))
