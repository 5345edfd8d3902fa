"""File uploads as tutorials write them (pattern origin: bronfo/dx app.py writing
`request.files['test'][0]` to disk under its client name, yuanjie-ai/tql-Python
examples/sanic/upload.py reading `request.files.get('file')` .body/.name/.type, a
FastAPI-style "keep only the base name" guard rewritten for Sanic)."""

import hashlib
import os
import tempfile
from pathlib import PurePosixPath, PureWindowsPath

from sanic import Sanic
from sanic.response import json, text

app = Sanic("TutUpload2")
UPLOAD_DIR = tempfile.mkdtemp(prefix="tut2-up-")


@app.post("/upload")
async def upload(request):
    f = request.files["test"][0]
    safe = PureWindowsPath(PurePosixPath(f.name).name).name
    with open(os.path.join(UPLOAD_DIR, safe or "unnamed"), "wb") as out:  # noqa: ASYNC230 - as the sample
        out.write(f.body)
    return text(f"ok {safe} {len(f.body)}")


@app.route("/files", methods=["POST", "PUT"])
async def files(request):
    test_file = request.files.get("file")
    params = {
        "body": test_file.body.decode(errors="replace"),
        "name": test_file.name,
        "type": test_file.type,
    }
    return json({"received": True, "file_names": list(request.files.keys()), "file": params})


@app.post("/multi")
async def multi(request):
    out = []
    for field, items in request.files.items():
        for f in items:
            out.append([field, f.name, f.type, hashlib.md5(f.body).hexdigest()[:8]])
    return json(
        {
            "files": out,
            "form": {k: v for k, v in request.form.items()},
            "title": request.form.get("title"),
        }
    )
