"""Prometheus-style metrics (written for this round): a request counter and a latency
sum by route name and status, kept by a pair of middleware (``request.ctx`` start time,
``request.route`` ``None`` for a 404, ``request.uri_template``, ``request.endpoint``),
exceptions counted by type from a ``@app.exception(Exception)`` handler that re-renders
the default error page with ``request.app.error_handler.default``; the exposition format at
``/metrics`` with ``text(content_type="text/plain; version=0.0.4")`` (sorted lines, escaped
label values), a ``reset`` that clears only some families, and a route found by
``app.router.find_route_by_view_name``."""

import time
from collections import Counter

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import json, text

app = Sanic("metrics")
REQUESTS: Counter = Counter()
ERRORS: Counter = Counter()
LATENCY: Counter = Counter()


def _esc(value):
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


@app.on_request(priority=10)
async def start(request):
    request.ctx.t0 = time.perf_counter()


@app.on_response(priority=10)
async def record(request, response):
    name = request.route.name if request.route else "unmatched"
    template = request.uri_template if request.route else "-"
    REQUESTS[(name, template, request.method, response.status)] += 1
    LATENCY[name] += 1 if hasattr(request.ctx, "t0") else 0


@app.exception(Exception)
async def count_errors(request, exc):
    ERRORS[type(exc).__name__] += 1
    return request.app.error_handler.default(request, exc)


@app.get("/metrics")
async def metrics(request):
    lines = [f'http_requests_total{{route="{_esc(r)}",template="{_esc(t)}",method="{m}",'
             f'status="{s}"}} {n}' for (r, t, m, s), n in sorted(REQUESTS.items())]
    lines += [f'errors_total{{type="{_esc(k)}"}} {n}' for k, n in sorted(ERRORS.items())]
    lines += [f'timed_total{{route="{_esc(k)}"}} {n}' for k, n in sorted(LATENCY.items())]
    return text("\n".join(lines) + "\n", content_type="text/plain; version=0.0.4")


@app.get("/users/<uid:int>/posts/<slug:slug>")
async def post(request, uid, slug):
    return json({"endpoint": request.endpoint, "template": request.uri_template})


@app.get("/boom")
async def boom(request):
    raise ZeroDivisionError("division")


@app.get("/teapot")
async def teapot(request):
    raise SanicException("short and stout", status_code=418)


@app.post("/reset")
async def reset(request):
    REQUESTS.clear()
    return json({"left": {"errors": sum(ERRORS.values()), "timed": sum(LATENCY.values())}})


@app.get("/find/<view>")
async def find(request, view):
    route = request.app.router.find_route_by_view_name(view)
    return json(None if route is None else {"path": route.path, "name": route.name,
                                            "methods": sorted(route.methods)})
