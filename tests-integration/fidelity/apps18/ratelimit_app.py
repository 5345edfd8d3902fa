"""A rate-limited API (written for this round): a fixed-window limiter per client keyed by
an ``X-Api-Key`` header or else ``request.ip``, in an ``on_request`` middleware that raises a
``SanicException`` subclass (429) carrying ``headers=`` (``Retry-After``); an
``on_response`` middleware adding ``X-RateLimit-*`` fields to every answer, errors included;
a ``@app.exception`` handler for the 429 that keeps the headers; an exempt route marked by
``ctx_exempt=True`` route context (``request.route.ctx``); per-blueprint limits read from
``bp.ctx``; a reset endpoint; ``request.ip`` of a direct client."""

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.response import json, text

app = Sanic("ratelimit")
app.config.RATE_LIMIT = 3
WINDOWS: dict = {}


class TooMany(SanicException):
    status_code = 429
    message = "rate limit exceeded"


def _key(request):
    return request.headers.get("x-api-key") or request.ip


def _limit(request):
    route = request.route
    if route is not None and route.ctx.__dict__.get("exempt"):
        return None
    if route is not None and route.name.startswith("ratelimit.bulk."):
        return request.app.blueprints["bulk"].ctx.limit
    return request.app.config.RATE_LIMIT


@app.on_request
async def count(request):
    limit = _limit(request)
    request.ctx.limit = limit
    if limit is None:
        return
    used = WINDOWS.get(_key(request), 0) + 1
    WINDOWS[_key(request)] = used
    request.ctx.remaining = max(limit - used, 0)
    if used > limit:
        raise TooMany(headers={"Retry-After": "30"}, extra={"limit": limit})


@app.on_response
async def stamp(request, response):
    limit = getattr(request.ctx, "limit", None)
    if limit is not None:
        response.headers["X-RateLimit-Limit"] = str(limit)
        response.headers["X-RateLimit-Remaining"] = str(request.ctx.remaining)


@app.exception(TooMany)
async def too_many(request, exc):
    return json({"error": str(exc), "limit": exc.extra["limit"]}, status=429,
                headers=exc.headers)


@app.get("/quote")
async def quote(request):
    return text("the early bird gets the worm")


@app.get("/health", ctx_exempt=True)
async def health(request):
    return text("ok")


@app.post("/reset")
async def reset(request):
    WINDOWS.clear()
    return json({"cleared": True})


@app.get("/whoami")
async def whoami(request):
    return json({"ip": request.ip, "key": _key(request), "remote": request.remote_addr})


bulk = Blueprint("bulk", url_prefix="/bulk")
bulk.ctx.limit = 1


@bulk.get("/export")
async def export(request):
    return text("a,b\n1,2\n")


@bulk.get("/fail")
async def fail(request):
    raise SanicException("bulk failure", status_code=503)


app.blueprint(bulk)
