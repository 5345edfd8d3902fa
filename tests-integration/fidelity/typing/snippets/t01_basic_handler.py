from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app = Sanic("T01")
@app.get("/")
async def index(request: Request) -> HTTPResponse:
    return text("hi")
reveal_type(app)
reveal_type(index)
reveal_type(app.config)
reveal_type(app.ctx)
