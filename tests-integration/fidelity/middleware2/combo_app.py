"""Middleware that changes the request, and blueprints or functions registered twice
(sanic-diff app). Response middleware sets x-ran to the middleware that ran.
Run: python3 diffrun.py combo_app.py combo.http
"""

from sanic import Blueprint, Sanic
from sanic.response import json, text

app = Sanic("MwCombo")


def ran(request, tag):
    request.ctx.__dict__.setdefault("ran", []).append(tag)


@app.on_request
async def rewrite(request):
    if "n" in request.match_info and request.args.get("bump"):
        request.match_info["n"] = request.match_info["n"] + 100
    if "slug" in request.match_info and request.args.get("lower"):
        request.match_info["slug"] = request.match_info["slug"].lower()
    if request.args.get("addkw") and request.route:
        request.match_info["extra"] = "added"


async def twice(request):
    ran(request, "twice")


app.on_request(twice)
app.on_request(twice)
app.register_middleware(twice, "request")


@app.on_response(priority=-50)
async def report(request, response):
    response.headers["x-ran"] = ",".join(getattr(request.ctx, "ran", []))


bp = Blueprint("multi", url_prefix="/m")


@bp.on_request
async def bp_mw(request):
    ran(request, f"bp:{request.route.name if request.route else None}")


@bp.get("/x")
async def mx(request):
    return text(request.path)


app.blueprint(bp, url_prefix="/one")
app.blueprint(
    bp.copy("multi_two", url_prefix="/two")
)  # the same bp twice: both refuse to start (duplicate route names)

b1 = Blueprint("b1", url_prefix="/b1")
b2 = Blueprint("b2", url_prefix="/b2")
b1.on_request(lambda request: ran(request, "b1"))


@b1.get("/x")
async def b1x(request):
    return text("b1x")


@b2.get("/x")
async def b2x(request):
    return text("b2x")


inner = Blueprint.group(b1, b2, url_prefix="/in", version=3)
inner.middleware(lambda request: ran(request, "inner"), "request")
outer = Blueprint.group(inner, url_prefix="/out")
outer.middleware(lambda request: ran(request, "outer"), "request", priority=1)
outer.middleware(lambda request, response: ran(request, "outer-resp"), "response")
app.blueprint(outer)


@app.get("/n/<n:int>")
async def one_int(request, n):
    return json({"n": n})


@app.get("/s/<slug>")
async def one_str(request, slug):
    return json({"slug": slug})


@app.get("/two/<slug>/<n:int>")
async def two(request, slug, n):
    return json({"slug": slug, "n": n})


@app.get("/kw/<n:int>")
async def kw(request, n, **rest):
    return json({"n": n, "rest": rest})
