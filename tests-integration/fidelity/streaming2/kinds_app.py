"""stream=True routes registered every way (sanic-diff): blueprint groups, versions,
add_route on a blueprint, views with @stream on several methods and `decorators`."""

from functools import wraps

from sanic import Blueprint, Sanic
from sanic.response import json
from sanic.views import HTTPMethodView, stream

app = Sanic("Streaming2Kinds")
app.config.REQUEST_MAX_SIZE = 50


async def body_of(request):
    if request.stream is None:
        return None
    out = b""
    async for chunk in request.stream:
        out += chunk
    return out


def tag(handler):
    @wraps(handler)
    async def wrapper(request, *args, **kwargs):
        response = await handler(request, *args, **kwargs)
        response.headers["x-decorated"] = "1"
        return response

    return wrapper


async def echo(request, **kw):
    body = await body_of(request)
    return json({"len": None if body is None else len(body), "path": request.path,
                 "request.body": len(request.body), "kw": kw})


bp1 = Blueprint("b1", url_prefix="/b1", version=2)
bp1.add_route(echo, "/added", methods=["POST", "PUT"], stream=True, name="added")
bp1.add_route(echo, "/plain", methods=["POST"], name="plain")
bp2 = Blueprint("b2", url_prefix="/b2")
bp2.add_route(echo, "/p/<n:int>", methods=["PATCH"], stream=True, name="patchy")
group = Blueprint.group(bp1, bp2, url_prefix="/g", version_prefix="/api/v")
app.blueprint(group)


class View(HTTPMethodView):
    decorators = [tag]

    @stream
    async def post(self, request):
        return await echo(request)

    @stream
    async def put(self, request):
        return await echo(request)

    async def patch(self, request):
        return await echo(request)


app.add_route(View.as_view(), "/view")
app.add_route(echo, "/get-stream", methods=["GET"], stream=True, name="get_stream")
app.add_route(echo, "/unlimited", methods=["POST"], stream=True, name="unlimited")
app.add_route(echo, "/limited", methods=["POST"], name="limited")
