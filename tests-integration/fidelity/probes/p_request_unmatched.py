"""What a request looks like to error handlers and middleware when no route matched."""

from _probe import new_app, req

from sanic import response
from sanic.exceptions import MethodNotAllowed, NotFound

app = new_app("unm")
SEEN = {}


@app.on_request
async def mw(request):
    SEEN["mw"] = (
        request.route is None,
        request.name,
        request.endpoint,
        request.uri_template,
        dict(request.match_info),
    )


def facts(request, exc):
    return {
        "exc": type(exc).__name__,
        "msg": str(exc),
        "route": request.route is None,
        "name": request.name,
        "endpoint": request.endpoint,
        "uri_template": request.uri_template,
        "match_info": dict(request.match_info),
        "path": request.path,
        "status": getattr(exc, "status_code", None),
        "headers": dict(getattr(exc, "headers", {}) or {}),
        "mw": SEEN.get("mw"),
    }


@app.exception(NotFound, MethodNotAllowed)
async def nf(request, exc):
    return response.json(facts(request, exc), status=getattr(exc, "status_code", 500))


@app.get("/only_get/<x:int>")
async def only_get(request, x):
    return response.text("get")


for method, path in [
    ("GET", "/missing"),
    ("POST", "/only_get/1"),
    ("GET", "/only_get/x"),
    ("GET", "/only_get/1/"),
    ("DELETE", "/missing/deep/path"),
]:
    SEEN.clear()
    req(app, f"{method} {path}", method, path, headers=("content-type", "allow"))
