"""Several apps in one module (written for this round): ``app`` (served) and ``admin``
(never served) share a blueprint registered on both; handlers look apps up with
``Sanic.get_app(name)``, ``Sanic.get_app()`` (refused with several apps), an unknown name
(``SanicException``), and ``get_app(name, force_create=True)``; a second ``Sanic("main")``
refused at import is caught; ``request.app`` is the serving one whatever blueprint;
``url_for`` on the app that does not serve; the apps' ``config`` kept apart;
``app.blueprints`` and ``bp.apps``."""

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.response import json

app = Sanic("main")
admin = Sanic("admin")
admin.config.THEME = "dark"
app.config.THEME = "light"
try:
    Sanic("main")
    DUPLICATE = "accepted"
except SanicException as exc:
    DUPLICATE = f"{type(exc).__name__}: {exc}"

shared = Blueprint("shared", url_prefix="/shared")


@shared.get("/who")
async def who(request):
    return json({"app": request.app.name, "theme": request.app.config.THEME,
                 "route": request.route.name})


app.blueprint(shared)
admin.blueprint(shared)


@app.get("/lookup/<name>")
async def lookup(request, name):
    try:
        found = Sanic.get_app(name)
    except SanicException as exc:
        return json({"error": str(exc), "type": type(exc).__name__}, status=404)
    return json({"name": found.name, "theme": found.config.get("THEME"),
                 "same": found is request.app})


@app.get("/default")
async def default(request):
    try:
        return json({"name": Sanic.get_app().name})
    except SanicException as exc:
        return json({"error": str(exc)}, status=409)


@app.get("/force/<name>")
async def force(request, name):
    made = Sanic.get_app(name, force_create=True)
    return json({"name": made.name, "again": Sanic.get_app(name) is made})


@app.get("/duplicate")
async def duplicate(request):
    return json({"result": DUPLICATE})


@app.get("/urls")
async def urls(request):
    out = {"main": request.app.url_for("shared.who")}
    try:
        out["admin"] = admin.url_for("shared.who")
    except Exception as exc:
        out["admin"] = f"{type(exc).__name__}: {exc}"
    return json(out)


@app.get("/blueprints")
async def blueprints(request):
    return json({"main": sorted(app.blueprints), "admin": sorted(admin.blueprints),
                 "bp_apps": sorted(a.name for a in shared.apps)})
