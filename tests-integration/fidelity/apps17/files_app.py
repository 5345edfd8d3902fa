"""A small file manager (written for this round): a read-only tree served by ``app.static``
(``use_content_range=True``, ``name=``), uploads by ``multipart/form-data`` (several files
under one field, ``request.files.getlist``, ``File.name``/``type``/``body``) kept in a
temporary folder made in ``before_server_start`` and removed in ``after_server_stop``,
downloads by ``file()`` with ``filename=`` (non-ASCII names: ``Content-Disposition``
``filename*``), ``file(_range=...)`` built from ``Range`` by hand, ``file_stream`` for
big ones, ``file(..., mime_type=..., headers=...)``, a listing in JSON, a rename taking an
unquoted path parameter (``<name:path>``) and a delete, names checked with ``os.path``."""

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote

from sanic import Sanic
from sanic.compat import stat_async
from sanic.exceptions import BadRequest, NotFound, RangeNotSatisfiable
from sanic.response import file, file_stream, json

HERE = Path(__file__).parent
app = Sanic("filemgr")
app.config.REQUEST_MAX_SIZE = 4096
app.static("/pub", HERE / "files_root", name="pub", use_content_range=True, index="index.html")


class Range:
    def __init__(self, start, end, size, total):
        self.start, self.end, self.size, self.total = start, end, size, total


@app.before_server_start
async def make_store(app, _):
    app.ctx.store = Path(tempfile.mkdtemp(prefix="filemgr-"))


@app.after_server_stop
async def drop_store(app, _):
    shutil.rmtree(app.ctx.store, ignore_errors=True)


def safe_name(name):
    name = unquote(name)
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
        raise BadRequest(f"bad file name {name!r}")
    return name


def stored(request, name):
    path = request.app.ctx.store / safe_name(name)
    if not path.is_file():
        raise NotFound(f"no file {path.name}")
    return path


@app.post("/upload")
async def upload(request):
    files = request.files.getlist("file") if request.files else None
    if not files:
        raise BadRequest("send one or more parts named file")
    saved = []
    for f in files:
        name = safe_name(os.path.basename(f.name))
        (request.app.ctx.store / name).write_bytes(f.body)
        saved.append({"name": name, "type": f.type, "size": len(f.body)})
    note = request.form.get("note") if request.form else None
    return json({"saved": saved, "note": note}, status=201)


@app.get("/files")
async def listing(request):
    rows = []
    for p in sorted(request.app.ctx.store.iterdir()):
        st = await stat_async(p)
        rows.append({"name": p.name, "size": st.st_size,
                     "url": request.app.url_for("download", name=p.name)})
    return json(rows, ensure_ascii=False)


@app.get("/files/<name>")
async def download(request, name):
    path = stored(request, name)
    as_attachment = request.args.get("download") is not None
    headers = {"X-Stored-As": path.name.encode("utf-8").decode("latin-1")}
    total = path.stat().st_size
    rng = request.headers.get("range")
    if rng and rng.startswith("bytes=") and "," not in rng:
        first, _, last = rng[6:].partition("-")
        try:
            start = int(first) if first else total - int(last)
            end = int(last) if first and last else total - 1
        except ValueError:
            raise BadRequest("bad range") from None
        if start >= total or start < 0 or end < start:
            raise RangeNotSatisfiable("range not satisfiable",
                                      headers={"Content-Range": f"bytes */{total}"})
        end = min(end, total - 1)
        r = Range(start, end, end - start + 1, total)
        return await file(path, _range=r, headers=headers,
                          filename=path.name if as_attachment else None)
    return await file(path, headers=headers, mime_type=request.args.get("as"),
                      filename=path.name if as_attachment else None)


@app.get("/stream/<name>")
async def stream(request, name):
    path = stored(request, name)
    return await file_stream(path, chunk_size=4, filename=path.name,
                             headers={"Cache-Control": "no-store"})


@app.post("/files/<name>/rename/<new:path>")
async def rename(request, name, new):
    path = stored(request, name)
    target = request.app.ctx.store / safe_name(new)
    if target.exists():
        return json({"error": "exists", "name": target.name}, status=409)
    path.rename(target)
    return json({"from": path.name, "to": target.name})


@app.delete("/files/<name>")
async def remove(request, name):
    stored(request, name).unlink()
    return json({"deleted": unquote(name)}, ensure_ascii=False)


@app.get("/links")
async def links(request):
    return json({
        "readme": request.app.url_for("pub", filename="docs/readme.txt"),
        "resume": request.app.url_for("pub", filename="docs/résumé.txt"),
        "csv": request.app.url_for("pub", filename="docs/data 2024.csv"),
    }, ensure_ascii=False)
