"""CORS by hand without sanic-ext (pattern origin: the Node SSE handlers' `Access-Control-
Allow-Origin: *`, sanic-cors-free tutorials adding headers in response middleware and
answering preflight with an OPTIONS catch-all route): an allow-list with `Vary: Origin`,
credentials, a catch-all `@app.options("/<path:path>")`, headers added on error responses
(404, 405, 500) by the same middleware, `Access-Control-Expose-Headers`."""

from sanic import Sanic
from sanic.response import empty, json

app = Sanic("TutCors2")
ALLOWED = {"https://app.example.com", "http://localhost:3000"}


def cors_headers(request) -> dict:
    origin = request.headers.get("origin")
    if origin not in ALLOWED:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Expose-Headers": "X-Total-Count",
        "Vary": "Origin",
    }


@app.options("/<path:path>")
async def preflight(request, path):
    headers = cors_headers(request)
    if headers:
        headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
        headers["Access-Control-Allow-Headers"] = request.headers.get(
            "access-control-request-headers", "*"
        )
        headers["Access-Control-Max-Age"] = "600"
    return empty(status=204, headers=headers)


@app.on_response
async def add_cors(request, response):
    if request.method == "OPTIONS":
        return
    for k, v in cors_headers(request).items():
        response.headers.setdefault(k, v)


@app.get("/api/items")
async def items(request):
    return json([1, 2], headers={"X-Total-Count": "2"})


@app.post("/api/items")
async def create(request):
    return json(request.json, status=201)


@app.get("/api/crash")
async def crash(request):
    raise RuntimeError("oops")
