"""One API served twice (written for this round): a blueprint with routes, middleware, an
exception handler and a static file, copied by ``bp.copy("v2", url_prefix=..., version=...,
with_registration=..., with_ctx=...)``; nested groups (``Blueprint.group`` of a group) with
``url_prefix``, ``version_prefix`` and ``strict_slashes``; ``Sanic(strict_slashes=True)``;
``bp.ctx`` shared or not; ``request.route.name`` of each copy and ``url_for`` of both;
``app.blueprints`` listed. As first written the blueprint had a static file too: with the
``v2`` copy keeping ``url_prefix="/api"`` and ``version=2`` the copied static route is not
versioned and collided with the original's (``RouteExists: ... api/readme``) in both; with
its own prefix, Sanic still refused to start (``Duplicate exception handler definition on:
route=mirror.base.readme``: the copies' static routes keep the original's name, and the
blueprint's exception handler is added for each) while Hurtle started. The static file is
now the app's."""

from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import json, text

app = Sanic("mirror", strict_slashes=True)
HERE = Path(__file__).parent

base = Blueprint("base", url_prefix="/api")
base.ctx.label = "base"
app.static("/readme", HERE / "files_root" / "docs" / "readme.txt", name="readme")


@base.on_request
async def tag(request):
    request.ctx.bp = request.route.name if request.route else None


@base.exception(NotFound)
async def bp_not_found(request, exc):
    return json({"bp_not_found": str(exc), "route": getattr(request.ctx, "bp", None)},
                status=404)


@base.get("/items")
async def items(request):
    return json({"route": request.route.name, "bp": request.ctx.bp,
                 "self": request.app.url_for(request.route.name)})


@base.get("/items/<i:int>")
async def item(request, i):
    if i > 5:
        raise NotFound(f"item {i}")
    return json({"i": i, "route": request.route.name})


v2 = base.copy("base_v2", url_prefix="/api2", version=2, with_ctx=True)
v3 = base.copy("base_v3", url_prefix="/new", version=3, version_prefix="/ver", with_ctx=False)

inner = Blueprint("inner", url_prefix="/inner")
leaf = Blueprint("leaf", url_prefix="/leaf", strict_slashes=False)


@inner.get("/ping")
async def inner_ping(request):
    return text(f"inner {request.route.name}")


@leaf.get("/ping")
async def leaf_ping(request):
    return text(f"leaf {request.route.name}")


nested = Blueprint.group(Blueprint.group(inner, leaf, url_prefix="/g1"), url_prefix="/outer",
                         version=9)


@app.get("/blueprints")
async def blueprints(request):
    return json({
        "names": sorted(request.app.blueprints),
        "ctx": [getattr(bp.ctx, "label", None) for bp in (base, v2, v3)],
        "urls": [request.app.url_for("base.items"), request.app.url_for("base_v2.items"),
                 request.app.url_for("base_v3.items"),
                 request.app.url_for("base_v3.item", i=3)],
    })


app.blueprint([base, v2, v3, nested])
