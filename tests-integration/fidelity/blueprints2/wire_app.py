"""Blueprints over raw sockets (sanic-diff): hosts, versions, groups, scoped hooks, statics."""

from pathlib import Path

from sanic import Blueprint, Sanic, response
from sanic.exceptions import NotFound

app = Sanic("wire_bp")
STATIC = Path(__file__).resolve().parent / "static"


async def name(request, **kw):
    return response.json({"route": request.route.name, "path": request.route.path, "kw": kw})


hosted = Blueprint("hosted", host=["a.example", "b.example:8000"], url_prefix="/h")
hosted.add_route(name, "/x", name="hx")
hosted.add_route(name, "/<n:int>", name="hn")
plain = Blueprint("plain", url_prefix="/p", version=2, strict_slashes=True)
plain.add_route(name, "/x", name="px")
plain.add_route(name, "/y/", name="py")
plain.add_route(name, "", name="root")
plain.static("/st", str(STATIC))
loose = Blueprint("loose", url_prefix="/l/", version="1.1", version_prefix="/api/v")
loose.add_route(name, "/x", methods=["GET", "POST"], name="lx")
loose.add_route(name, "/only-get", name="lg")
inner = Blueprint.group(loose, url_prefix="/in", version=5)
outer = Blueprint.group(inner, plain, url_prefix="/out")


@loose.on_response
async def loose_mark(request, resp):
    resp.headers["x-loose"] = request.route.name if request.route else "none"


@plain.exception(NotFound)
async def plain_nf(request, exc):
    return response.text(f"plain nf {exc}", status=404)


@outer.on_request
async def outer_req(request):
    if request.args.get("stop"):
        return response.text("stopped by group", status=202)


@plain.websocket("/ws")
async def ws(request, sock):
    await sock.send("hello")


app.blueprint(hosted)
app.blueprint(outer)
