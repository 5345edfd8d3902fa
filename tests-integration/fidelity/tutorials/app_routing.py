"""Routing idioms from tutorials: typed params (path, uuid, ymd, alpha, slug, a regex),
virtual hosts with host=, add_route with a plain function, unquote=True for non-ASCII
paths, sync middleware written with a bare @app.middleware (pattern origin:
https://tessl.io/registry/tessl/pypi-sanic/files/docs/request-response.md ,
GitHub r3ap3rpy/sanic-web-framework, GitHub caitinggui/stodo)."""

from sanic import Sanic
from sanic.response import json, text

app = Sanic("TutRouting")


@app.middleware
def tag(request):
    request.ctx.tag = "mw"


@app.middleware("response")
def after(request, response):
    response.headers["x-tag"] = getattr(request.ctx, "tag", "-")


@app.get("/files/<filepath:path>")
async def files(request, filepath: str):
    return text(filepath)


@app.get("/orders/<oid:uuid>")
async def order(request, oid):
    return json({"oid": str(oid), "type": type(oid).__name__})


@app.get("/archive/<day:ymd>")
async def archive(request, day):
    return json({"day": day.isoformat(), "type": type(day).__name__})


@app.get("/cur/<code:[A-Z]{3}>")
async def currency(request, code: str):
    return text(code)


@app.get("/tag/<name:alpha>")
async def tagname(request, name: str):
    return text(name)


@app.get("/", host="api.example.com")
async def api_home(request):
    return text("api host")


@app.get("/", host="www.example.com")
async def www_home(request):
    return text("www host")


def plain(request):
    return text(f"plain {request.ctx.tag}")


app.add_route(plain, "/plain", methods=["GET", "POST"])


@app.get("/café/<name>", unquote=True)
async def cafe(request, name: str):
    return text(f"café {name}")
