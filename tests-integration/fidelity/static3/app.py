"""app.static over tree.py, plus file()/file_stream() handlers given odd names."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from tree import LONG, build

from sanic import Sanic
from sanic.response import file, file_stream, json

ROOT, OUTSIDE = build()
app = Sanic("Static3")

app.static("/s", ROOT, name="s")
app.static("/dv", ROOT, directory_view=True, name="dv")
app.static("/ix", ROOT, index="index.html", name="ix")
app.static("/ixo", ROOT, index="../outside/index.html", name="ixo")
app.static("/fx", ROOT, follow_external_symlink_files=True, name="fx")
app.static("/fxd", ROOT, follow_external_symlink_dirs=True, directory_view=True, name="fxd")
app.static("/sl", ROOT, stream_large_files=True, use_content_range=True, name="sl")
app.static("/cr", ROOT, use_content_range=True, name="cr")
app.static("/one", ROOT / "hello.txt", name="one")
# The root named other ways: through a link to it, with a "..", relative to the cwd.
app.static("/lr", ROOT.parent / "rootlink", name="lr")
app.static("/lrv", ROOT.parent / "rootlink", directory_view=True, name="lrv")
app.static("/lrone", ROOT.parent / "rootlink" / "hello.txt", name="lrone")
app.static("/dd", ROOT / "sub" / "..", name="dd")
app.static("/rel", os.path.relpath(ROOT), name="rel")
app.static("/onelink", ROOT / "link_out", name="onelink")

NAMES = {
    "hello": "hello.txt",
    "unicode": "ünï.txt",
    "space": "sp ace.txt",
    "quote": 'quo"te.txt',
    "semi": "semi;colon.txt",
    "long": LONG,
    "empty": "empty.txt",
    "big": "big.bin",
    "pct": "%2e",
    "dots": "..foo",
    "missing": "missing.txt",
    "dir": "sub",
    "link_out": "link_out",
    "fifo": "fifo",
}


def options(request, **names):
    """The keyword arguments a query gives (`?fn=` -> filename=, `?mt=` -> mime_type=)."""
    return {kw: request.args.get(q) for q, kw in names.items() if q in request.args}


@app.get("/file/<key>")
async def get_file(request, key):
    return await file(ROOT / NAMES[key], **options(request, fn="filename", mt="mime_type"))


@app.get("/stream/<key>")
async def get_stream(request, key):
    return await file_stream(ROOT / NAMES[key], chunk_size=4096, **options(request, fn="filename"))


@app.get("/filereq/<key>")
async def get_filereq(request, key):
    return await file(ROOT / NAMES[key], request_headers=request.headers)


@app.get("/ok")
async def ok(request):
    return json({"ok": True})
