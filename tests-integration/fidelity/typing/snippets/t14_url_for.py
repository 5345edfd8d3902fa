from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, redirect, text

app = Sanic("T14")
@app.get("/item/<n:int>", name="item")
async def item(request: Request, n: int) -> HTTPResponse:
    return text(str(n))
@app.get("/")
async def root(request: Request) -> HTTPResponse:
    url = request.app.url_for("item", n=3, _external=False)
    reveal_type(url)
    reveal_type(request.url_for("item", n=4))
    return redirect(url)
