"""API-key auth done in request middleware (raise Unauthorized for /api paths, skip
OPTIONS and a public allow-list), a catch-all @app.exception(Exception) that hides
internals and uses request.route (None on a 404), and response middleware that
raises (pattern origin: https://www.codeprj.com/zh/blog/e6b8f91.html ,
GitHub caitinggui/stodo stodo_server.py, EntryDSM/Hermes hermes/presentation/handler.py)."""

from sanic import Sanic
from sanic.exceptions import SanicException, Unauthorized
from sanic.response import json, text

app = Sanic("TutAuthMw")
KEYS = {"k-123": "ann"}
PUBLIC = {"/api/health"}


@app.on_request
async def auth(request):
    if request.method == "OPTIONS" or not request.path.startswith("/api") or request.path in PUBLIC:
        return
    key = request.headers.get("x-api-key") or request.args.get("api_key")
    if key not in KEYS:
        raise Unauthorized("invalid api key", scheme="ApiKey")
    request.ctx.user = KEYS[key]


@app.on_response
async def boom(request, response):
    if request.path == "/api/resp-boom":
        raise ValueError("response middleware failed")


@app.exception(Exception)
async def catch_all(request, exception):
    status = getattr(exception, "status_code", 500)
    route = request.route.name if request.route else None
    return json(
        {
            "error": type(exception).__name__,
            "message": str(exception) if status < 500 else "internal",
            "route": route,
        },
        status=status,
        headers=getattr(exception, "headers", None),
    )


@app.get("/api/health")
async def health(request):
    return text("ok")


@app.get("/api/me")
async def me(request):
    return json({"user": request.ctx.user})


@app.get("/api/crash")
async def crash(request):
    raise KeyError("secret-internal-key")


@app.get("/api/resp-boom")
async def resp_boom(request):
    return text("fine")


@app.get("/api/teapot")
async def teapot(request):
    raise SanicException("short and stout", status_code=418)
