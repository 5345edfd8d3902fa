"""Custom Request class (pattern origin: quyuancheng/sanic-web views/request.py,
prryplatypus/sanic-template sanic_template/request.py, and an app made with
`request_class=` in ONSdigital-style init_app()): a Request subclass with a typed
attribute, a cached property, a custom ctx via make_context, a custom app ctx object."""

from functools import cached_property
from types import SimpleNamespace

from sanic import Request, Sanic
from sanic.response import json


class RequestCtx(SimpleNamespace):
    user: str | None = None


class AppCtx:
    def __init__(self):
        self.hits = 0


class ApiRequest(Request):
    user: str

    @staticmethod
    def make_context() -> RequestCtx:
        return RequestCtx(user=None, tags=[])

    @cached_property
    def client_lang(self) -> str:
        return (self.headers.get("accept-language") or "en").split(",")[0].strip()

    @property
    def wants_json(self) -> bool:
        return "json" in self.headers.get("accept", "")


app = Sanic("TutReqClass", request_class=ApiRequest, ctx=AppCtx())


@app.on_request
async def who(request: ApiRequest):
    request.app.ctx.hits += 1
    request.ctx.user = request.headers.get("x-user")
    request.ctx.tags.append("seen")


@app.get("/")
async def index(request: ApiRequest):
    return json(
        {
            "cls": type(request).__name__,
            "ctx": type(request.ctx).__name__,
            "user": request.ctx.user,
            "tags": request.ctx.tags,
            "lang": request.client_lang,
            "json": request.wants_json,
            "app_ctx": type(request.app.ctx).__name__,
            "hits_positive": request.app.ctx.hits > 0,
            "is_subclass": isinstance(request, Request),
        }
    )


@app.get("/missing-attr")
async def missing(request: ApiRequest):
    return json({"user": request.user})
