"""A request-auditing gateway built from middleware (written for this round): app
request/response middleware with ``priority=`` (run order checked by a trace in
``request.ctx``), blueprint middleware (``@bp.on_request``/``@bp.on_response``) and a
group's, a request middleware that answers early (maintenance mode, API-key check) so the
handler never runs but response middleware still do, a response middleware that replaces
the response, one that raises (handled by an ``@app.exception`` handler), a request
middleware raising ``Unauthorized``, ``app.register_middleware(fn, "response")``,
``@app.middleware("request", priority=...)``, middleware on 404s and on exceptions
raised in handlers, and ``X-Trace`` headers showing each step. (Beside the ``<state>`` route of the same path, the
``<flag:bool>`` route answers neither ``true`` nor ``1`` in either server: the ``<state>``
route does.)"""

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException, Unauthorized
from sanic.response import json, text

app = Sanic("audit")
api = Blueprint("api", url_prefix="/api")
admin = Blueprint("admin", url_prefix="/admin")
group = Blueprint.group(api, admin, url_prefix="/v")
STATE = {"maintenance": False}


def trace(request, step):
    if not hasattr(request.ctx, "trace"):
        request.ctx.trace = []
    request.ctx.trace.append(step)


@app.on_request(priority=1)
async def first(request):
    trace(request, "app-req-p1")


@app.on_request
async def plain(request):
    trace(request, "app-req-p0")


@app.middleware("request", priority=5)
async def earliest(request):
    trace(request, "app-req-p5")
    if STATE["maintenance"] and not request.path.startswith("/ops"):
        return text("down for maintenance", status=503, headers={"Retry-After": "30"})


@app.on_response(priority=2)
async def resp_p2(request, response):
    trace(request, "app-resp-p2")


@app.on_response
async def resp_p0(request, response):
    trace(request, "app-resp-p0")
    response.headers["X-Trace"] = ",".join(getattr(request.ctx, "trace", []))


async def resp_registered(request, response):
    trace(request, "app-resp-registered")
    if request.args.get("replace"):
        return json({"replaced": True, "was": response.status}, status=response.status)


app.register_middleware(resp_registered, "response")


@api.on_request
async def api_key(request):
    trace(request, "api-req")
    if request.headers.get("x-api-key") != "k":
        raise Unauthorized("api key required", scheme="ApiKey")


@api.on_response
async def api_resp(request, response):
    trace(request, "api-resp")


@group.middleware("request")
async def group_req(request):
    trace(request, "group-req")


@admin.on_request
async def admin_only(request):
    trace(request, "admin-req")
    if request.headers.get("x-role") != "admin":
        return json({"error": "admins only"}, status=403)


@api.get("/items")
async def items(request):
    trace(request, "handler")
    return json({"items": [1, 2], "trace": request.ctx.trace})


@api.get("/fail")
async def fail(request):
    trace(request, "handler")
    raise SanicException("teapot", status_code=418)


@admin.get("/stats")
async def stats(request):
    trace(request, "handler")
    return json({"trace": request.ctx.trace})


@app.post("/ops/maintenance/<flag:bool>")
async def maintenance_typed(request, flag):
    return json({"typed": flag})


@app.post("/ops/maintenance/<state>")
async def maintenance(request, state):
    STATE["maintenance"] = state == "on"
    return json({"maintenance": STATE["maintenance"]})


@app.get("/plain")
async def plain_route(request):
    trace(request, "handler")
    return text("ok")


@app.get("/resp-raises")
async def resp_raises(request):
    trace(request, "handler")
    return text("fine")


class Boom(Exception):
    pass


@app.on_response(priority=-1)
async def resp_last(request, response):
    if request.path == "/resp-raises":
        raise Boom("response middleware failed")


@app.exception(Boom)
async def on_boom(request, exc):
    return json({"handled": str(exc), "trace": getattr(request.ctx, "trace", [])}, status=500)


app.blueprint(group)
