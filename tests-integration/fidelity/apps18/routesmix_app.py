"""Named routes with mixed ``strict_slashes`` (written for this round): an app created with
``strict_slashes=False``; routes overriding it with ``True``; a blueprint with
``strict_slashes=True`` in a group with ``strict_slashes=False``; ``/docs`` and ``/docs/``
registered as two routes with two names; one handler under three paths by stacked
decorators (``name=`` for each); ``add_route`` with ``name=`` and ``version=``; a
``version_prefix`` on a blueprint; ``url_for`` of each name (a missing one, one built with
``_method=``); the routes' ``request.route.name``/``request.route.path`` echoed."""

from sanic import Blueprint, Sanic
from sanic.response import json

app = Sanic("routesmix", strict_slashes=False)


def echo(request, **kw):
    return json({"name": request.route.name, "path": request.route.path, "kw": kw,
                 "url": request.path})


@app.get("/loose")
async def loose(request):
    return echo(request)


@app.get("/tight", strict_slashes=True)
async def tight(request):
    return echo(request)


@app.get("/docs", name="docs_bare", strict_slashes=True)
async def docs_bare(request):
    return echo(request)


@app.get("/docs/", name="docs_slash", strict_slashes=True)
async def docs_slash(request):
    return echo(request)


@app.get("/a", name="multi_a")
@app.get("/b/<x:int>", name="multi_b")
@app.get("/c/", name="multi_c", strict_slashes=True)
async def multi(request, x=None):
    return echo(request, x=x)


async def added(request, item):
    return echo(request, item=item)


app.add_route(added, "/items/<item>", name="added_item", version=2)
app.add_route(added, "/things/<item>/", name="added_thing", strict_slashes=True)

strict_bp = Blueprint("strict_bp", url_prefix="/s", strict_slashes=True)
plain_bp = Blueprint("plain_bp", url_prefix="/p", version=1, version_prefix="/api/v")


@strict_bp.get("/one")
async def s_one(request):
    return echo(request)


@plain_bp.get("/one/")
async def p_one(request):
    return echo(request)


group = Blueprint.group(strict_bp, plain_bp, url_prefix="/g", strict_slashes=False)
app.blueprint(group)


@app.get("/urls")
async def urls(request):
    out = {}
    for name, kw in [("loose", {}), ("tight", {}), ("docs_bare", {}), ("docs_slash", {}),
                     ("multi_a", {}), ("multi_b", {"x": 3}), ("multi_c", {}),
                     ("added_item", {"item": "k"}), ("added_thing", {"item": "k"}),
                     ("strict_bp.s_one", {}), ("plain_bp.p_one", {}), ("multi", {}),
                     ("nope", {})]:
        try:
            out[name] = request.app.url_for(name, **kw)
        except Exception as exc:
            out[name] = f"{type(exc).__name__}: {exc}"
    return json(out)
