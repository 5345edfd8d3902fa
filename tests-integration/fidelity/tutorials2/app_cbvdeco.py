"""Decorators on class-based views (pattern origin: sanic-org/sanic#1209 an
`authorized(methods=[...])` decorator in `HTTPMethodView.decorators` that checks only
some methods, #1094 decorating single methods, #983 decorating `dispatch_request`,
sanic-ext#106 a decorator in `decorators` applied to every method): a views' list of
decorators applied in order, a method-level decorator, a wrapped dispatch_request, a
sync view method, a view with `options` defined."""

from functools import wraps

from sanic import Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("TutCbvDeco")


def authorized(methods=("PATCH", "PUT", "POST", "DELETE")):
    def decorator(f):
        @wraps(f)
        async def decorated(request, *args, **kwargs):
            if request.method not in methods:
                return await f(request, *args, **kwargs)
            if request.token == "ok":
                return await f(request, *args, **kwargs)
            return json({}, 403)

        return decorated

    return decorator


def tag(name):
    def decorator(f):
        @wraps(f)
        async def decorated(request, *args, **kwargs):
            request.ctx.tags = getattr(request.ctx, "tags", []) + [name]
            return await f(request, *args, **kwargs)

        return decorated

    return decorator


class BaseAPI(HTTPMethodView):
    decorators = [authorized(methods="DELETE"), tag("outer"), tag("inner")]

    async def get(self, request):
        return json({"item": {"id": 25}, "tags": request.ctx.tags})

    async def delete(self, request):
        return json({"deleted": True, "tags": request.ctx.tags})

    @tag("method")
    async def put(self, request):
        return json({"tags": request.ctx.tags})

    def post(self, request):
        return text("sync post")

    async def options(self, request):
        return text("", headers={"Allow": "GET, DELETE, PUT, POST, OPTIONS"})


class Dispatched(HTTPMethodView):
    async def dispatch_request(self, request, *args, **kwargs):
        request.ctx.via = "dispatch"
        return await super().dispatch_request(request, *args, **kwargs)

    async def get(self, request, name):
        return text(f"{request.ctx.via} {name}")


app.add_route(BaseAPI.as_view(), "/api")
app.add_route(Dispatched.as_view(), "/d/<name>")
