"""Uploads of app_upload as test suites send them (httpx-style `files=`, file objects,
tuples with a content type, `data=` next to files), over test_client and asgi_client."""

import io

import app_upload
from clients import summary


def make_app():
    return app_upload.app


def check_files_tuple(app):
    req, r = app.test_client.put("/files", files={"file": ("data.csv", b"a,b\n1,2", "text/csv")})
    return [r.json, sorted(req.files), req.content_type.split(";")[0]]


def check_files_fileobj(app):
    f = io.BytesIO(b"binary\x00data")
    f.name = "blob.bin"
    _, r = app.test_client.post("/files", files={"file": f})
    return r.json


def check_files_plain_bytes(app):
    _, r = app.test_client.post("/files", files={"file": b"just bytes"})
    return r.json


def check_multi_with_data(app):
    req, r = app.test_client.post(
        "/multi",
        data={"title": ["T1", "T2"]},
        files=[
            ("pics", ("a.png", b"PNG1", "image/png")),
            ("pics", ("b.png", b"PNG2", "image/png")),
        ],
    )
    return [r.json, req.form.getlist("title")]


def check_upload_no_file(app):
    _, r = app.test_client.post("/upload", data={"x": "1"})
    return summary(r, "content-type")


def check_upload_saved(app):
    _, r = app.test_client.post("/upload", files={"test": ("../evil.txt", b"hello")})
    return summary(r)


async def check_zz_asgi_files(app):
    req, r = await app.asgi_client.post("/files", files={"file": ("x.txt", b"abc", "text/plain")})
    return [r.json, req.files.get("file").name]


async def check_zz_asgi_multi(app):
    _, r = await app.asgi_client.post(
        "/multi", data={"title": "only"}, files={"doc": ("d.txt", b"D")}
    )
    return r.json
