from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app = Sanic("T27")
@app.on_request
async def who(request: Request) -> None:
    request.ctx.user = "bob"
@app.get("/")
async def idx(request: Request) -> HTTPResponse:
    reveal_type(request.ctx)
    reveal_type(request.ctx.user)
    reveal_type(request.app)
    reveal_type(request.app.ctx)
    reveal_type(request.app.config)
    return text(request.ctx.user)
