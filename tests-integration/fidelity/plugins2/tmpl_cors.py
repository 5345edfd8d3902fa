"""sanic-ext templating (`@app.ext.template`, `app.ext.environment` globals and filters,
the request in the context, async rendering) and CORS with CORS_* settings: preflights
with allowed and refused origins, headers, methods, credentials, max-age, exposed
headers, vary, automatic OPTIONS, 404/405 targets, errors and the `@cors` decorator."""
import re
from pathlib import Path

from sanic_ext import cors, render

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import json, text

app = Sanic("TmplCors")
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"
app.config.TEMPLATING_ENABLE_ASYNC = True
app.config.CORS_ORIGINS = ["http://a.example", re.compile(r"https://.*\.b\.example")]
app.config.CORS_ALLOW_HEADERS = ["x-one", "content-type"]
app.config.CORS_EXPOSE_HEADERS = "x-exp,x-two"
app.config.CORS_MAX_AGE = 600
app.config.CORS_METHODS = ["GET", "POST", "delete"]
app.config.CORS_SUPPORTS_CREDENTIALS = True
app.config.CORS_VARY_HEADER = True
app.ext.environment.globals["site"] = "SITE"
app.ext.environment.filters["shout"] = lambda s: str(s).upper() + "!"


async def slow():
    return "async-global"


app.ext.environment.globals["slow"] = slow


@app.on_request
async def mark(request):
    request.ctx.mark = "marked"


@app.get("/tpl/<who>", name="tpl")
@app.ext.template("req.html")
async def tpl(request, who):
    return {"title": who, "items": [1, 2], "raw": "<b>&</b>"}


@app.get("/tpl-resp")
@app.ext.template("req.html", status=203, headers={"x-h": "1"}, content_type="text/x-html")
async def tpl_resp(request):
    return text("short-circuit", status=201)


@app.get("/async")
async def async_(request):
    return await render("async.html", context={"name": "N"})


@app.get("/bad-tpl")
@app.ext.template("req.html")
async def bad_tpl(request):
    return ["not", "a", "dict"]


@app.get("/missing")
async def missing(request):
    return await render("missing.html")


@app.route("/api/<x:int>", methods=["GET", "POST", "PUT"])
async def api(request, x):
    return json({"x": x}, headers={"x-exp": "1"})


@app.get("/deco")
@cors(origin="http://deco.example", expose_headers=["x-d"], max_age=5, allow_headers="*",
      supports_credentials=False, allow_methods=["GET"])
async def deco(request):
    return text("deco")


@app.get("/err")
async def err(request):
    raise NotFound("gone")
