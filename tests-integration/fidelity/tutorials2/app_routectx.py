"""Route context flags read by middleware (pattern origin: the `ctx_` route keywords of
ahopkins-style apps — `@app.get("/", ctx_auth=True)` — read as `request.route.ctx` in an
auth middleware; per-route `error_format=`; `request.route` introspection in templates):
ctx_ flags on app and blueprint routes, a 404 where `request.route` is None, a route
with `error_format="json"`, `request.match_info`, `request.endpoint`, `request.name`."""

from sanic import Blueprint, Sanic
from sanic.exceptions import Unauthorized
from sanic.response import json, text

app = Sanic("TutRouteCtx")
bp = Blueprint("admin", url_prefix="/admin")


@app.on_request
async def check_auth(request):
    route = request.route
    if route is None:
        request.ctx.note = "no route"
        return
    if getattr(route.ctx, "auth", False) and request.headers.get("x-key") != "k":
        raise Unauthorized("key required")
    request.ctx.note = getattr(route.ctx, "label", "none")


@app.on_response
async def note(request, response):
    response.headers["X-Note"] = getattr(request.ctx, "note", "unset")


@app.get("/public", ctx_label="pub")
async def public(request):
    return json(
        {
            "ctx": vars(request.route.ctx),
            "match": request.match_info,
            "endpoint": request.endpoint,
            "name": request.name,
        }
    )


@app.get("/secret/<sid:int>", ctx_auth=True, ctx_label="sec", error_format="json")
async def secret(request, sid):
    return json({"sid": sid, "match": request.match_info, "uri_template": request.uri_template})


@bp.get("/panel", ctx_auth=True)
async def panel(request):
    return text(f"panel {request.route.name}")


@app.get("/text-errors", error_format="text")
async def text_errors(request):
    raise ValueError("plain")


app.blueprint(bp)
