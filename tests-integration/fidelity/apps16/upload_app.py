"""A file-upload service (written for this round): multipart forms read through
``request.files``/``request.form``, a raw upload streamed in with ``stream=True`` whose
progress is kept per upload id in ``app.ctx`` and polled from another route, a per-route
body limit checked by hand against ``Content-Length``, ``REQUEST_MAX_SIZE`` for the rest, and
the files listed and fetched back with ``file()``."""

import hashlib
import os
import tempfile

from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest, NotFound, PayloadTooLarge
from sanic.response import empty, file, json, text

app = Sanic("uploader")
app.config.REQUEST_MAX_SIZE = 64_000
app.config.FALLBACK_ERROR_FORMAT = "json"
STORE = tempfile.mkdtemp(prefix="uploader-")
uploads = Blueprint("uploads", url_prefix="/files")


@app.before_server_start
async def init_state(app):
    app.ctx.progress = {}
    app.ctx.index = {}


def _safe(name: str) -> str:
    name = os.path.basename(name or "")
    if not name or name.startswith("."):
        raise BadRequest("bad file name")
    return name


@uploads.post("/")
async def form_upload(request):
    if not request.files:
        raise BadRequest("no files in the form")
    saved = []
    for field, items in request.files.items():
        for item in items:
            name = _safe(item.name)
            with open(os.path.join(STORE, name), "wb") as f:
                f.write(item.body)
            digest = hashlib.sha256(item.body).hexdigest()[:16]
            request.app.ctx.index[name] = {"type": item.type, "size": len(item.body)}
            saved.append({"field": field, "name": name, "type": item.type,
                          "size": len(item.body), "sha": digest})
    return json({"saved": saved, "form": {k: request.form.getlist(k) for k in request.form}},
                status=201)


@uploads.put("/raw/<name:str>", stream=True)
async def raw_upload(request, name: str):
    name = _safe(name)
    limit = int(request.args.get("limit", 1 << 20))
    declared = request.headers.get("content-length")
    if declared is not None and int(declared) > limit:
        raise PayloadTooLarge(f"{declared} > {limit}")
    upload_id = request.headers.get("x-upload-id", name)
    progress = request.app.ctx.progress
    progress[upload_id] = {"received": 0, "chunks": 0, "done": False}
    h = hashlib.sha256()
    with open(os.path.join(STORE, name), "wb") as f:
        async for chunk in request.stream:
            if chunk is None:
                break
            h.update(chunk)
            f.write(chunk)
            progress[upload_id]["received"] += len(chunk)
            progress[upload_id]["chunks"] += 1 if chunk else 0
            if progress[upload_id]["received"] > limit:
                raise PayloadTooLarge("too much")
    progress[upload_id]["done"] = True
    request.app.ctx.index[name] = {"type": request.content_type, "size": progress[upload_id]["received"]}
    return json({"name": name, "size": progress[upload_id]["received"], "sha": h.hexdigest()[:16]},
                status=201, headers={"Location": request.app.url_for("uploads.fetch", name=name)})


@uploads.get("/progress/<upload_id>")
async def progress(request, upload_id):
    state = request.app.ctx.progress.get(upload_id)
    if state is None:
        raise NotFound(f"no upload {upload_id}")
    return json({"received": state["received"], "done": state["done"]})


@uploads.get("/")
async def listing(request):
    return json(sorted(request.app.ctx.index.items()))


@uploads.get("/<name>")
async def fetch(request, name):
    name = _safe(name)
    path = os.path.join(STORE, name)
    if not os.path.exists(path):
        raise NotFound("no such file")
    meta = request.app.ctx.index.get(name, {})
    return await file(path, mime_type=meta.get("type") or None,
                      filename=name if "download" in request.args else None)


@uploads.delete("/<name>")
async def remove(request, name):
    name = _safe(name)
    if request.app.ctx.index.pop(name, None) is None:
        raise NotFound("no such file")
    os.remove(os.path.join(STORE, name))
    return empty()


@app.route("/echo-form", methods=["GET", "POST"])
async def echo_form(request):
    files = {k: [(f.name, f.type, f.body.decode(errors="replace")) for f in v]
             for k, v in request.files.items()}
    return json({"form": dict(request.form), "files": files, "ct": request.content_type,
                 "len": len(request.body)})


@app.post("/echo-text")
async def echo_text(request):
    return text(request.body.decode(errors="replace"))


app.blueprint(uploads)
