"""One blueprint registered on two apps (pattern origin: multi-tenant projects and
test suites that build an "admin" and a "public" app from shared blueprints; the
user guide's note that a blueprint may be registered on several apps): routes,
middleware, listeners and exception handlers of the shared blueprint in each app,
`bp.apps`, `request.app`, url_for on each, a signal on the blueprint."""

import itertools

from clients import summary

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import json, text

ISOLATE = True
_n = itertools.count()


def make_app():
    return None


def build():
    n = next(_n)
    shared = Blueprint(f"shared{n}", url_prefix="/s")
    seen: list = []

    @shared.on_request
    async def mark(request):
        request.ctx.app_name = request.app.name

    @shared.on_response
    async def stamp(request, response):
        response.headers["X-App"] = request.app.name

    @shared.before_server_start
    async def start(app):
        seen.append(app.name)

    @shared.exception(NotFound)
    async def nf(request, exception):
        return text(f"shared 404 in {request.app.name}", status=404)

    @shared.get("/who")
    async def who(request):
        return json(
            {
                "app": request.ctx.app_name,
                "url": request.app.url_for(f"{shared.name}.who"),
                "seen": seen,
            }
        )

    @shared.get("/missing")
    async def missing(request):
        raise NotFound("x")

    a, b = Sanic(f"Admin{n}"), Sanic(f"Public{n}")
    a.blueprint(shared)
    b.blueprint(shared, url_prefix="/pub")

    @b.get("/")
    async def root(request):
        return text("public root")

    return shared, a, b, seen


def check_routes_in_each(_):
    shared, a, b, _seen = build()
    _, r1 = a.test_client.get("/s/who")
    _, r2 = b.test_client.get("/pub/who")
    _, r3 = b.test_client.get("/s/who")
    return [
        summary(r1, "x-app"),
        summary(r2, "x-app"),
        r3.status,
        sorted(x.name.rstrip("0123456789") for x in shared.apps),
    ]


def check_handlers_in_each(_):
    shared, a, b, _seen = build()
    _, r1 = a.test_client.get("/s/missing")
    _, r2 = b.test_client.get("/pub/missing")
    return [summary(r1, "x-app"), summary(r2, "x-app")]


def check_listeners_per_app(_):
    shared, a, b, seen = build()
    a.test_client.get("/s/who")
    b.test_client.get("/pub/who")
    return [s.rstrip("0123456789") for s in seen]


def check_url_for_each(_):
    shared, a, b, _seen = build()
    a.router.finalize() if not a.router.finalized else None
    b.router.finalize() if not b.router.finalized else None
    return [a.url_for(f"{shared.name}.who"), b.url_for(f"{shared.name}.who")]


def check_get_app_two(_):
    build()
    try:
        Sanic.get_app()
    except Exception as e:
        return [type(e).__name__, str(e)]
