"""Per-client rate limit in middleware (pattern origin: the token-bucket limiters
found for Express/Next and a `reverse-proxy` README's "return 429 from middleware",
rewritten the way Sanic users do it: request middleware keyed by `request.remote_addr
or request.ip`, a 429 with Retry-After, X-RateLimit-* added by response middleware,
exempt health route)."""

import time

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import json, text

app = Sanic("TutRateLimit")
app.config.RATE_LIMIT = 3
LIMIT_WINDOW = 3600.0
buckets: dict[str, list] = {}


class TooManyRequests(SanicException):
    status_code = 429
    message = "Too many requests"


@app.on_request
async def limit(request):
    if request.path == "/health":
        return
    key = request.headers.get("x-api-key") or request.remote_addr or request.ip
    now = time.monotonic()
    tokens, stamp = buckets.get(key, [app.config.RATE_LIMIT, now])
    request.ctx.limit_key = key
    if tokens <= 0:
        if request.headers.get("x-style") == "raise":
            raise TooManyRequests(headers={"Retry-After": str(int(LIMIT_WINDOW))})
        return json({"error": "Too many requests"}, status=429, headers={"Retry-After": "3600"})
    buckets[key] = [tokens - 1, stamp]
    request.ctx.remaining = tokens - 1


@app.on_response
async def headers(request, response):
    if hasattr(request.ctx, "remaining"):
        response.headers["X-RateLimit-Limit"] = str(app.config.RATE_LIMIT)
        response.headers["X-RateLimit-Remaining"] = str(request.ctx.remaining)


@app.get("/api")
async def api(request):
    return json({"key": request.ctx.limit_key})


@app.get("/health")
async def health(request):
    return text("ok")
