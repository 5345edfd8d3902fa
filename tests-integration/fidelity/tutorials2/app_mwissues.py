"""Middleware cases users reported (pattern origin: sanic-org/sanic#2950 "Middleware Runs
Twice if Route Not Found + Middleware Exception", #1688 `request.ctx = {}` in request
middleware, #587 a blueprint response middleware that replaces the response, #614
response middleware on error answers, sanic-cors#18 per-request flags): a counter of
middleware runs per request, a middleware raising on unknown paths, `request.ctx`
replaced by a dict, a blueprint response middleware returning a new response."""

from sanic import Blueprint, Sanic
from sanic.response import json, text

app = Sanic("TutMwIssues")
bp = Blueprint("mw", url_prefix="/bp")
runs: dict = {}


@app.on_request
async def first(request):
    key = request.headers.get("x-run", "none")
    runs[key] = runs.get(key, 0) + 1
    if request.headers.get("x-raise") and request.route is None:
        raise ValueError("middleware failed on an unrouted path")


@app.on_request
async def replace_ctx(request):
    if request.headers.get("x-dict-ctx"):
        request.ctx = {"user": "dict"}


@app.on_response
async def stamp(request, response):
    response.headers["X-Runs"] = str(runs.get(request.headers.get("x-run", "none"), 0))


@bp.on_response
async def override(request, response):
    return text("replaced by bp middleware", status=response.status)


@bp.get("/hello")
async def hello(request):
    return text("hello")


@app.get("/ctx")
async def ctx(request):
    c = request.ctx
    return json({"type": type(c).__name__, "user": c["user"] if isinstance(c, dict) else None})


@app.get("/runs")
async def show(request):
    return json(runs)


app.blueprint(bp)
