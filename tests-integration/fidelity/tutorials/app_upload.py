# ruff: noqa: ASYNC230, ASYNC240  (blocking file I/O in a handler, as the tutorial does)
"""File upload handler reading request.files / request.form and saving to a
directory (pattern origin: https://github.lovairy.cn/felciano/sanic/blob/master/docs/request_data.md ;
request.files.get(...).body/.name/.type, request.form.get, request.args)."""

import os
import tempfile

from sanic import Sanic
from sanic.response import json, text

app = Sanic("TutUpload")
UPLOAD_DIR = tempfile.mkdtemp(prefix="tut-upload-")


@app.post("/upload")
async def upload(request):
    f = request.files.get("file")
    if f is None:
        return json({"error": "no file"}, status=400)
    name = os.path.basename(f.name or "unnamed")
    with open(os.path.join(UPLOAD_DIR, name), "wb") as out:
        out.write(f.body)
    return json(
        {
            "name": f.name,
            "type": f.type,
            "size": len(f.body),
            "title": request.form.get("title"),
            "tags": request.form.getlist("tag"),
            "files": sorted(request.files.keys()),
            "all": [x.name for x in request.files.getlist("file")],
        }
    )


@app.post("/form")
async def form(request):
    return json({"form": request.form, "args": request.args, "qs": request.query_string})


@app.get("/uploads/<name>")
async def show(request, name: str):
    path = os.path.join(UPLOAD_DIR, os.path.basename(name))
    if not os.path.exists(path):
        return text("gone", status=404)
    with open(path, "rb") as fh:
        return text(fh.read().decode())
