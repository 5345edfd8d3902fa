"""A static site with an API beside it (written for this round): ``app.static`` for the
site root with ``index=`` and ``directory_view=True`` on a subfolder, an assets folder with
``use_content_range=True`` and ``stream_large_files=`` (a threshold), a single file served
under another URL with its ``content_type`` forced, a ``name=`` for ``url_for('static',
name=..., filename=...)``, a folder served from a blueprint, and a catch-all 404 page in
HTML."""

from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import html, json

HERE = Path(__file__).resolve().parent / "site"
# Made here rather than kept in the repository: an empty folder, a 200 kB binary file.
(HERE / "empty").mkdir(exist_ok=True)
if not (HERE / "assets" / "video.bin").exists():
    (HERE / "assets" / "video.bin").write_bytes(bytes(range(256)) * 800)
app = Sanic("site")

app.static("/", HERE, index="index.html", name="root")
app.static("/assets", HERE / "assets", use_content_range=True, stream_large_files=10_000,
           name="assets")
app.static("/blog", HERE / "blog", directory_view=True, name="blog")
app.static("/favicon.ico", HERE / "assets" / "notes.txt", content_type="image/x-icon",
           name="favicon")
app.static("/files", HERE / "empty", directory_view=True, name="empty")
legacy = Blueprint("legacy", url_prefix="/legacy")
legacy.static("/", HERE / "assets", name="old")


@app.get("/api/urls")
async def urls(request):
    u = request.app.url_for
    return json({
        "css": u("static", name="assets", filename="style.css"),
        "blog": u("static", name="blog", filename="first.md"),
        "root": u("static", name="root"),
        "fav": u("static", name="favicon"),
        "old": u("static", name="legacy.old", filename="app.js"),
        "weird": u("static", name="assets", filename="weird name #1.txt"),
    })


@app.exception(NotFound)
async def not_found(request, exception):
    return html(f"<h1>Not here</h1><p>{request.path}</p>", status=404)


app.blueprint(legacy)
