"""sanic-ext's automatic HEAD/OPTIONS and CORS on static files, folders with an index
and listings, ranges and conditional requests, a file response from a handler and a
streamed one; the automatic routes next to a blueprint's static folder."""
from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.response import file, file_stream

HERE = Path(__file__).parent
app = Sanic("StaticExt")
app.config.CORS_ORIGINS = "http://a.example"
app.config.CORS_EXPOSE_HEADERS = "content-range"
app.static("/tpl", HERE / "templates", directory_view=True, name="tpl")
app.static("/one.html", HERE / "templates" / "layout.html", name="one")
app.static("/idx", HERE / "templates", index="layout.html", name="idx")
bp = Blueprint("sbp", url_prefix="/bp")
bp.static("/files", HERE / "templates", name="bpfiles")
app.blueprint(bp)


@app.get("/f")
async def f(request):
    return await file(HERE / "templates" / "req.html", mime_type="text/plain")


@app.get("/fs")
async def fs(request):
    return await file_stream(HERE / "templates" / "req.html", chunk_size=50)
