from typing import reveal_type

from sanic import Request, Sanic
from sanic.config import Config
from sanic.response import HTTPResponse, text


class MyConfig(Config):
    GREETING = "hi"
class AppCtx:
    name = "app"
class ReqCtx:
    user: str = "anon"
class MyRequest(Request[Sanic[MyConfig, AppCtx], ReqCtx]):
    @staticmethod
    def make_context() -> ReqCtx:
        return ReqCtx()
app = Sanic("T06", config=MyConfig(), ctx=AppCtx(), request_class=MyRequest)
@app.get("/")
async def index(request: MyRequest) -> HTTPResponse:
    reveal_type(request.ctx)
    reveal_type(request.ctx.user)
    reveal_type(request.app)
    reveal_type(request.app.ctx.name)
    reveal_type(request.app.config.GREETING)
    return text(request.ctx.user)
