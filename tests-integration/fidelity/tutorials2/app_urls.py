"""Finding the app and building URLs (pattern origin: an app factory module warning that
blueprint modules call `Sanic.get_app()` at import time, ahopkins-style
`setup_modules(app, *module_names)` importing modules that register a `bp`, templates
calling `request.app.url_for`): Sanic.get_app() with one app, by name, a missing name,
url_for with query args, `_anchor`, `_external` with SERVER_NAME, `_scheme`,
`_server`, blueprint route names, a static name."""

from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.response import json, redirect

app = Sanic("TutUrls")
app.config.SERVER_NAME = "api.example.com"
HERE = Path(__file__).parent
app.static("/assets", HERE / "static2", name="assets")

bp = Blueprint("shop", url_prefix="/shop")


@bp.get("/product/<pid:int>", name="product")
async def product(request, pid):
    return json({"pid": pid})


app.blueprint(bp)


@app.get("/")
async def index(request):
    found = Sanic.get_app()
    byname = Sanic.get_app("TutUrls")
    try:
        Sanic.get_app("Nope")
        missing = None
    except SanicException as e:
        missing = [type(e).__name__, str(e)]
    u = request.app.url_for
    return json(
        {
            "same": found is byname is request.app,
            "missing": missing,
            "product": u("shop.product", pid=3),
            "query": u("shop.product", pid=3, sort=["asc", "desc"], q="a b"),
            "anchor": u("shop.product", pid=3, _anchor="reviews"),
            "external": u("shop.product", pid=3, _external=True),
            "scheme": u("shop.product", pid=3, _external=True, _scheme="https"),
            "server": u("shop.product", pid=3, _external=True, _server="cdn.example.com:8443"),
            "static": u("static", name="assets", filename="css/site.css"),
            "static_ext": u("static", name="assets", filename="hello.txt", _external=True),
            "req_url_for": request.url_for("shop.product", pid=4),
        }
    )


@app.get("/bad-name")
async def bad_name(request):
    return json({"u": request.app.url_for("shop.nothing")})


@app.get("/missing-param")
async def missing_param(request):
    return json({"u": request.app.url_for("shop.product")})


@app.get("/go")
async def go(request):
    return redirect(request.app.url_for("shop.product", pid=9, ref="go"))
