"""An image gallery (written for this round): multipart uploads checked by magic bytes
(PNG/JPEG/GIF; a renamed text file refused with 415), several files under one field name
(``request.files.getlist``), a caption field beside them, a missing file part, a
filename with a path in it (kept to its base name); images served by ``file()`` with
``mime_type=``, ``max_age=``, ``last_modified=`` (a fixed time) and ``no_store=``, and
conditionally by ``validate_file``; a thumbnail endpoint that answers 304 for a matching
``If-Modified-Since``; deletion; a JSON index."""

import os
from datetime import datetime, timezone
from pathlib import Path

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException
from sanic.response import empty, file, json, validate_file

app = Sanic("gallery")
STORE = Path(__file__).resolve().parent / "gallery_store"
FIXED = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
UPLOADED: dict = {}
MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif"}


def _kind(body):
    for magic, mime in MAGIC.items():
        if body.startswith(magic):
            return mime
    return None


@app.post("/images")
async def upload(request):
    files = request.files.getlist("image") if request.files else None
    if not files:
        raise BadRequest("no image part")
    caption = request.form.get("caption", "") if request.form else ""
    saved = []
    for f in files:
        mime = _kind(f.body)
        if mime is None:
            raise SanicException(f"{f.name!r} is not an image", status_code=415)
        name = os.path.basename(f.name.replace("\\", "/")) or "unnamed"
        UPLOADED[name] = (mime, f.body, caption)
        saved.append({"name": name, "mime": mime, "declared": f.type, "size": len(f.body)})
    return json({"saved": saved, "caption": caption}, status=201)


@app.get("/images")
async def index(request):
    names = sorted(UPLOADED) + sorted(p.name for p in STORE.iterdir())
    return json(names)


@app.get("/images/<name>")
async def show(request, name):
    if name in UPLOADED:
        mime, body, caption = UPLOADED[name]
        from sanic.response import raw
        return raw(body, content_type=mime, headers={"X-Caption": caption})
    path = STORE / name
    if not path.is_file():
        raise NotFound(name)
    return await file(path, mime_type="image/png" if name.endswith(".png") else None,
                      max_age=300, last_modified=FIXED)


@app.get("/private/<name>")
async def private(request, name):
    path = STORE / name
    if not path.is_file():
        raise NotFound(name)
    return await file(path, no_store=True, filename=f"copy-{name}")


@app.get("/thumbs/<name>")
async def thumb(request, name):
    path = STORE / name
    if not path.is_file():
        raise NotFound(name)
    not_modified = await validate_file(request.headers, FIXED)
    if not_modified:
        return not_modified
    return await file(path, last_modified=FIXED, headers={"X-Thumb": "1"})


@app.delete("/images/<name>")
async def delete(request, name):
    if UPLOADED.pop(name, None) is None:
        raise NotFound(name)
    return empty()
