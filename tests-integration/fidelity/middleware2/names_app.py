"""request.name, endpoint, uri_template and route seen by middleware, for route kinds
not in order_app.py: class-based views, add_route with name=, versioned routes, host
routes, strict slashes, typed and regex parameters (sanic-diff app).
Run: python3 diffrun.py names_app.py names.http
"""

from sanic import Blueprint, Request, Sanic
from sanic.response import text
from sanic.views import HTTPMethodView

app = Sanic("MwNames")


def where(request):
    route = request.route
    return " ".join(
        str(x)
        for x in (
            route.name if route else None,
            route.path if route else None,
            request.name,
            request.endpoint,
            request.uri_template,
            sorted(request.match_info.items()),
            Request.get_current() is request,
        )
    )


@app.on_request
async def req(request):
    request.ctx.req = where(request)


@app.on_response
async def resp(request, response):
    response.headers["x-req"] = getattr(request.ctx, "req", "-")
    response.headers["x-resp"] = where(request)


class View(HTTPMethodView):
    async def get(self, request, item):
        return text("view get")

    async def post(self, request, item):
        return text("view post")


app.add_route(View.as_view(), "/view/<item>")


async def plain(request):
    return text("plain")


app.add_route(plain, "/named", name="custom_name")
app.add_route(plain, "/versioned", version=3, name="ver")
app.add_route(plain, "/hosted", host="h.example", name="hosted")
app.add_route(plain, "/slash/", strict_slashes=True, name="slash")
app.add_route(plain, "/typed/<a:int>/<b:float>/<c:uuid>", name="typed")
app.add_route(plain, r"/rx/<code:[a-z]{3}>", name="rx")
app.add_route(plain, "/path/<rest:path>", name="path")

bp = Blueprint("nbp", url_prefix="/nbp", version=2, version_prefix="/api/v")
bp.add_route(plain, "/x", name="bpx")
bp.add_route(View.as_view(), "/view/<item>")
app.blueprint(bp)
