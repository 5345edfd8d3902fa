from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app = Sanic("T10")
@app.middleware("request")
async def stamp(request: Request) -> None:
    request.ctx.started = 1
@app.middleware("response")
async def tag(request: Request, response: HTTPResponse) -> None:
    response.headers["x-tag"] = "1"
@app.on_request
async def guard(request: Request) -> HTTPResponse | None:
    if request.headers.get("x-block"):
        return text("no", status=403)
    return None
@app.on_response(priority=2)
async def after(request: Request, response: HTTPResponse) -> HTTPResponse:
    return response
async def plain(request: Request) -> None:
    pass
app.register_middleware(plain, "request")
reveal_type(stamp)
reveal_type(guard)
reveal_type(after)
