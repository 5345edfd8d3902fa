"""A CORS-enabled API written by hand (written for this round): an allow-list of origins
checked in an ``on_request`` middleware that answers preflights itself (``OPTIONS`` with
``Access-Control-Request-Method``; a 204 with ``Allow-Methods`` taken from the router's
routes for the path, a 403 for a method the path does not serve), an ``on_response``
middleware adding ``Access-Control-Allow-Origin``/``Vary: Origin``/``Expose-Headers`` to
every answer (404s and exceptions too), credentials, a ``null`` origin, an ``OPTIONS`` route
of its own that wins over the middleware, and a route listing the app's routes by
``app.router.routes`` (paths and methods)."""

from sanic import Sanic
from sanic.exceptions import Forbidden
from sanic.response import empty, json, text

app = Sanic("cors")
ORIGINS = {"https://app.example", "http://localhost:3000", "null"}


def _methods_for(request):
    path = request.path
    methods = set()
    for route in request.app.router.routes:
        if "/" + route.path.lstrip("/") == path or (route.path == "" and path == "/"):
            methods |= set(route.methods)
    return methods


@app.on_request
async def preflight(request):
    origin = request.headers.get("origin")
    want = request.headers.get("access-control-request-method")
    if request.method != "OPTIONS" or origin is None or want is None:
        return
    if request.route is not None and request.route.name == "cors.custom_options":
        return
    if origin not in ORIGINS:
        raise Forbidden(f"origin {origin} not allowed")
    methods = _methods_for(request)
    if want.upper() not in methods:
        raise Forbidden(f"{want} not served at {request.path}")
    return empty(headers={
        "Access-Control-Allow-Methods": ", ".join(sorted(methods)),
        "Access-Control-Allow-Headers": request.headers.get(
            "access-control-request-headers", ""),
        "Access-Control-Max-Age": "600",
    })


@app.on_response
async def decorate(request, response):
    origin = request.headers.get("origin")
    if origin in ORIGINS:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["Access-Control-Expose-Headers"] = "X-Request-Cost"
    response.headers.add("Vary", "Origin")


@app.get("/items")
async def items(request):
    return json([1, 2, 3], headers={"X-Request-Cost": "1"})


@app.post("/items")
async def add_item(request):
    return json({"added": request.json}, status=201)


@app.route("/items/<n:int>", methods=["PUT", "DELETE"])
async def item(request, n):
    return empty() if request.method == "DELETE" else json({"n": n, "v": request.json})


@app.route("/special", methods=["OPTIONS"])
async def custom_options(request):
    return text("custom options", headers={"Allow": "OPTIONS, GET"})


@app.get("/special")
async def special(request):
    return text("special")


@app.get("/routes")
async def routes(request):
    return json(sorted((r.path, sorted(r.methods)) for r in request.app.router.routes))


@app.get("/fail")
async def fail(request):
    raise ValueError("nope")
