from dataclasses import dataclass

import attrs
from pydantic import BaseModel
from sanic_ext import validate

from sanic import Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("ValApp")

@dataclass
class DC:
    name: str
    age: int
    nick: str | None = None

@dataclass
class Q:
    q: str
    page: int = 1
    tags: list[str] | None = None

@dataclass
class F:
    user: str
    n: int

class PM(BaseModel):
    name: str
    age: int

@attrs.define
class AT:
    name: str
    age: int

@app.post("/dc")
@validate(json=DC)
async def dc(request, body: DC):
    return json({"body": [body.name, body.age, body.nick], "ctx": type(request.ctx.json).__name__})

@app.get("/q")
@validate(query=Q)
async def q(request, query: Q):
    return json({"q": query.q, "page": query.page, "tags": query.tags})

@app.post("/f")
@validate(form=F)
async def f(request, body: F):
    return json({"user": body.user, "n": body.n})

@app.post("/pm")
@validate(json=PM)
async def pm(request, body: PM):
    return json(body.model_dump())

@app.post("/at")
@validate(json=AT)
async def at(request, body: AT):
    return json({"name": body.name, "age": body.age})

@app.post("/noarg")
@validate(json=DC, body_argument="payload")
async def noarg(request, payload):
    return json({"n": payload.name})

def check(data):
    if data.get("x") != 1:
        raise ValueError("x must be 1")
    return data

@app.post("/fn")
@validate(json=dict)
async def fn(request, body):
    return json(body)

class V(HTTPMethodView):
    @validate(json=DC)
    async def post(self, request, body: DC):
        return text(body.name)
app.add_route(V.as_view(), "/view")
