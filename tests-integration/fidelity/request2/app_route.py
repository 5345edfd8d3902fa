"""What a request knows of its route: name, endpoint, uri_template, match_info (sanic-diff)."""

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import json

app = Sanic("Request2Route")
bp = Blueprint("bp", url_prefix="/bp", version=2)
group = Blueprint.group(Blueprint("inner", url_prefix="/in"), url_prefix="/grp")


def dump(request, **kw):
    route = request.route
    return {
        "name": request.name,
        "endpoint": request.endpoint,
        "uri_template": request.uri_template,
        "match_info": {k: f"{type(v).__name__}:{v}" for k, v in request.match_info.items()},
        "kw": {k: f"{type(v).__name__}:{v}" for k, v in kw.items()},
        "route": None
        if route is None
        else [route.name, route.path, route.uri, sorted(route.methods)],
        "path": request.path,
        "server_path": request.server_path,
        "url": request.url,
        "blueprint": getattr(request, "blueprint", "NOATTR"),
    }


@app.get("/t/<i:int>/<f:float>/<s:str>/<u:uuid>/<sl:slug>/<a:alpha>")
async def typed(request, **kw):
    return json(dump(request, **kw))


@app.get("/e/<file:ext=txt|json>")
async def ext(request, file, ext):
    return json(dump(request, file=file, ext=ext))


@app.get(r"/re/<v:[a-z]{2}\d>")
async def rex(request, v):
    return json(dump(request, v=v))


@app.get("/p/<rest:path>")
async def pathp(request, rest):
    return json(dump(request, rest=rest))


@app.get("/ymd/<d:ymd>")
async def ymd(request, d):
    return json(dump(request, d=d))


@bp.get("/x/<n:int>", name="bpx")
async def bpx(request, n):
    return json(dump(request, n=n))


@group.blueprints[0].get("/y")
async def gy(request):
    return json(dump(request))


app.blueprint(bp)
app.blueprint(group)


@app.exception(NotFound)
async def nf(request, exc):
    return json(dump(request), status=404)
