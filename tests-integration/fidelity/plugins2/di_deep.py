"""sanic-ext injection beyond round one: constructors reading the request (headers,
args, match_info, ctx set by middleware, route name), nested dependencies, injection
into views, blueprints, websockets, error handlers and signals; constants from config."""
import asyncio
from dataclasses import dataclass

from sanic_ext import serializer

from sanic import Blueprint, Request, Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("DiDeep")
app.config.INJECTION_LOAD_CUSTOM_CONSTANTS = True
app.config.GREETING = "hello"
app.config.LIMIT = 7


class ReqInfo:
    def __init__(self, data):
        self.data = data


async def make_info(request: Request):
    await asyncio.sleep(0)
    return ReqInfo({
        "path": request.path, "name": request.name, "endpoint": request.endpoint,
        "uri_template": request.uri_template, "match_info": sorted(request.match_info),
        "args": dict(request.args), "route_name": request.route.name if request.route else None,
        "ctx_user": getattr(request.ctx, "user", None), "method": request.method,
        "host": request.host, "content_type": request.content_type,
        "id_type": type(request.id).__name__, "stream": request.stream is None,
    })


@dataclass
class Pager:
    page: int
    limit: int

    @classmethod
    def from_request(cls, request: Request):
        return cls(int(request.args.get("page", 1)), int(request.args.get("limit", 10)))


class Repo:
    def __init__(self, pager: Pager, info: ReqInfo):
        self.pager = pager
        self.info = info


class Item:
    def __init__(self, item_id: int):
        self.item_id = item_id


class Shared:
    created = 0

    def __init__(self):
        Shared.created += 1


app.ext.add_dependency(ReqInfo, make_info)
app.ext.add_dependency(Pager, Pager.from_request)
app.ext.add_dependency(Repo)
app.ext.add_dependency(Item)
app.ext.add_constant("VERSION", "1.0")


@app.before_server_start
async def shared(app):
    app.ext.dependency(Shared())


@app.on_request
async def who(request):
    request.ctx.user = request.headers.get("x-user")


@app.get("/info/<slug>")
async def info(request, slug: str, info: ReqInfo):
    return json(info.data)


@app.get("/repo")
async def repo(request, repo: Repo):
    return json({"page": repo.pager.page, "limit": repo.pager.limit, "path": repo.info.data["path"]})


@app.get("/item/<item_id:int>")
async def item(request, item_id: int, item: Item):
    return json({"item": item.item_id, "same": item_id == item.item_id})


@app.get("/shared")
async def shared_h(request, s: Shared):
    return json({"created": Shared.created, "type": type(s).__name__})


@app.get("/const")
async def const(request, greeting: str, limit: int, version: str):
    return json({"greeting": greeting, "limit": limit, "version": version})


@app.get("/ser")
@serializer(json, status=201)
async def ser(request, p: Pager):
    return {"page": p.page}


@app.get("/ser-text")
@serializer(text)
async def ser_text(request):
    return "plain"


class View(HTTPMethodView):
    async def get(self, request, x, info: ReqInfo):
        return json({"view": info.data["name"], "uri": info.data["uri_template"]})

    async def post(self, request, x, p: Pager):
        return json({"post": p.page})


app.add_route(View.as_view(), "/view/<x>")
bp = Blueprint("dbp", url_prefix="/bp", version=1)


@bp.get("/i")
async def bpi(request, info: ReqInfo):
    return json({"name": info.data["name"], "route": info.data["route_name"]})


app.blueprint(bp)


@app.websocket("/ws")
async def ws(request, ws, info: ReqInfo):
    await ws.send(info.data["name"])


@app.get("/raise")
async def boom(request, p: Pager):
    raise ValueError("x")


@app.exception(ValueError)
async def on_value(request, exc):
    return json({"handled": str(exc), "name": request.name}, status=409)
