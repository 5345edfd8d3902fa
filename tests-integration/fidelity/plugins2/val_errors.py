"""sanic-ext @validate: the error answers (status, body in each error format) for bad
JSON, missing and mistyped fields, query lists, forms, and pydantic models."""
from dataclasses import dataclass

from pydantic import BaseModel, Field
from sanic_ext import validate

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.response import json

app = Sanic("ValErr")


@dataclass
class Inner:
    n: int


@dataclass
class Body:
    name: str
    age: int
    inner: Inner
    tags: list[str] | None = None


@dataclass
class Query:
    q: str
    page: int = 1
    ids: list[int] | None = None
    flag: bool = False


class PBody(BaseModel):
    name: str = Field(min_length=3)
    age: int = Field(gt=0)


@app.post("/dc")
@validate(json=Body)
async def dc(request, body: Body):
    return json({"name": body.name, "inner": body.inner.n, "tags": body.tags})


@app.get("/q")
@validate(query=Query)
async def q(request, query: Query):
    return json({"q": query.q, "page": query.page, "ids": query.ids, "flag": query.flag})


@app.post("/pd")
@validate(json=PBody)
async def pd(request, body: PBody):
    return json(body.model_dump())


@app.post("/pdq")
@validate(json=PBody, query=Query, body_argument="b", query_argument="qq")
async def pdq(request, b: PBody, qq: Query):
    return json({"b": b.model_dump(), "q": qq.q})


@app.post("/form")
@validate(form=Query)
async def form(request, body: Query):
    return json({"q": body.q, "page": body.page, "ids": body.ids})


def checker(data):
    if data.get("ok") != 1:
        raise ValueError("not ok")


@app.post("/fn")
@validate(json=checker)
async def fn(request, body):
    return json({"body": body})


bp = Blueprint("vbp", url_prefix="/bp")


@bp.post("/dc")
@validate(json=Body)
async def bpdc(request, body: Body):
    return json({"name": body.name})


app.blueprint(bp)


@app.exception(SanicException)
async def on_err(request, exc):
    if request.path.startswith("/bp"):
        return json({"custom": str(exc), "status": exc.status_code,
                     "type": type(exc).__name__, "extra": getattr(exc, "extra", None),
                     "ctx": getattr(exc, "context", None)}, status=exc.status_code)
    raise exc
