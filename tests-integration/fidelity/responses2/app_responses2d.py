"""Fourth socket app: file()/file_stream() with a real ContentRangeHandler, odd names."""

import os
import tempfile
from pathlib import Path

from sanic import Sanic, response
from sanic.exceptions import RangeNotSatisfiable
from sanic.handlers import ContentRangeHandler

app = Sanic("responses2d")

TMP = tempfile.mkdtemp()
FILE = os.path.join(TMP, "f.txt")
with open(FILE, "w") as f:
    f.write("0123456789abcdefghij")
os.utime(FILE, (1700000000, 1700000000))


def _range(request):
    try:
        return ContentRangeHandler(request, os.stat(FILE))
    except RangeNotSatisfiable:
        raise


@app.get("/range/file")
async def range_file(request):
    return await response.file(FILE, _range=_range(request))


@app.get("/range/stream")
async def range_stream(request):
    return await response.file_stream(FILE, _range=_range(request), chunk_size=3)


@app.get("/range/file_req")
async def range_file_req(request):
    return await response.file(FILE, _range=_range(request), request_headers=request.headers)


@app.get("/name/<n:int>")
async def name(request, n):
    names = ["a;b.txt", "a,b.txt", "a b.txt", "", "x" * 300, "a/b.txt", "a\\b.txt", "%41.txt", "a'b.txt", "a\tb.txt"]
    return await response.file(FILE, filename=names[n])


@app.get("/path")
async def path(request):
    return await response.file(Path(FILE), mime_type="text/plain; charset=latin-1")


@app.get("/cd")
async def cd(request):
    return await response.file_stream(FILE, filename="n.txt", headers={"Content-Disposition": "inline"})


@app.get("/cd2")
async def cd2(request):
    return await response.file(FILE, filename="n.txt", headers={"content-disposition": "inline"})


@app.get("/mime/<n:int>")
async def mime(request, n):
    m = ["text/html", "application/json", "text/plain; charset=latin-1", "", "image/png", "TEXT/PLAIN"][n]
    return await response.file(FILE, mime_type=m)


EXTENSIONS = "json js mjs css svg wasm md csv xml txt unknownext gz ico webp woff2".split()
for _ext in EXTENSIONS:
    with open(os.path.join(TMP, "g." + _ext), "w") as f:
        f.write("g")
    os.utime(os.path.join(TMP, "g." + _ext), (1700000000, 1700000000))


@app.get("/guess/<ext>")
async def guess(request, ext):
    return await response.file(os.path.join(TMP, "g." + ext))
