"""Common hand-written middleware: request id and timing headers, an in-memory
rate limiter answering 429 from request middleware, a maintenance switch from
app.config, middleware priority, and a response middleware replacing the response
(pattern origin: https://www.codeprj.com/zh/blog/e6b8f91.html (request.ctx in
middleware), https://community.sanicframework.org/t/how-to-share-db-pool-session-data-between-multiple-requests/417 ).
"""

import itertools
import time

from sanic import Sanic
from sanic.response import json, text

app = Sanic("TutMiddleware")
app.config.MAINTENANCE = False
app.config.RATE_LIMIT = 3
_ids = itertools.count(1)
_hits = {}


@app.on_request(priority=10)
async def request_id(request):
    request.ctx.rid = request.headers.get("x-request-id") or f"r{next(_ids)}"
    request.ctx.t0 = time.monotonic()


@app.on_request
async def limiter(request):
    key = request.headers.get("x-api-key", "anon")
    _hits[key] = _hits.get(key, 0) + 1
    if _hits[key] > request.app.config.RATE_LIMIT:
        return json({"error": "rate limited"}, status=429, headers={"retry-after": "60"})


@app.on_request(priority=5)
async def maintenance(request):
    if request.app.config.MAINTENANCE and request.path != "/admin/maintenance":
        return text("down for maintenance", status=503)


@app.on_response
async def stamp(request, response):
    response.headers["x-request-id"] = getattr(request.ctx, "rid", "none")
    response.headers["x-elapsed-ok"] = str(time.monotonic() >= getattr(request.ctx, "t0", 0))


@app.on_response(priority=1)
async def wrap_errors(request, response):
    if response.status == 404:
        return json({"error": "no such page", "path": request.path}, status=404)


@app.get("/hello")
async def hello(request):
    return text(f"hello {request.ctx.rid}")


@app.post("/admin/maintenance")
async def toggle(request):
    request.app.config.MAINTENANCE = not request.app.config.MAINTENANCE
    return json({"maintenance": request.app.config.MAINTENANCE})
