"""A route listing endpoint (pattern origin: tutorials and admin blueprints that print
`app.router.routes` / `routes_all` at start-up or serve them as a "sitemap"; ahopkins-
style `setup_modules` apps listing `app.blueprints`): every route's path, uri, name,
methods, params, labels and strict flag; `app.blueprints` keys; `find_route_by_view_name`;
`app.router.routes_static` / `routes_dynamic` / `routes_regex` sizes."""

from sanic import Blueprint, Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("TutIntrospect")
bp = Blueprint("api", url_prefix="/api", version=2)


@app.get("/")
async def index(request):
    return text("home")


@app.route("/items/<item_id:int>", methods=["GET", "DELETE"], strict_slashes=True)
async def item(request, item_id):
    return text("item")


@app.get(r"/re/<code:[a-z]{3}>")
async def regex(request, code):
    return text(code)


@bp.get("/users/<name>")
async def user(request, name):
    return text(name)


class Things(HTTPMethodView):
    async def get(self, request):
        return text("things")

    async def post(self, request):
        return text("posted")


bp.add_route(Things.as_view(), "/things")
app.blueprint(bp)


@app.get("/sitemap")
async def sitemap(request):
    r = request.app.router
    routes = []
    for route in sorted(r.routes, key=lambda x: x.path):
        routes.append(
            {
                "path": route.path,
                "uri": route.uri,
                "name": route.name,
                "methods": sorted(route.methods),
                "params": sorted(route.params),
                "labels": route.labels,
                "strict": route.strict,
                "static": route.static,
                "regex": route.regex,
                "handler": route.handler.__name__,
                "ident": route.extra.ident,
                "requirements": route.requirements,
            }
        )
    found = r.find_route_by_view_name("api.user")
    return json(
        {
            "routes": routes,
            "all_keys": sorted("/".join(k) for k in r.routes_all),
            "sizes": [len(r.routes_static), len(r.routes_dynamic), len(r.routes_regex)],
            "blueprints": sorted(request.app.blueprints),
            "found": found.path if found else None,
            "not_found": r.find_route_by_view_name("nope"),
            "request_route": request.route.name,
        }
    )
