import uuid
from datetime import date
from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app = Sanic("T33")
@app.get("/<a:int>/<b:float>/<c:uuid>/<d:ymd>/<e:path>")
async def h(request: Request, a: int, b: float, c: uuid.UUID, d: date, e: str) -> HTTPResponse:
    return text(f"{a}{b}{c}{d}{e}")
@app.get("/s/<slug:slug>", ctx_label="x")
async def s(request: Request, slug: str) -> HTTPResponse:
    reveal_type(request.route)
    return text(slug)
