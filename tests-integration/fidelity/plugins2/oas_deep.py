"""sanic-ext OpenAPI: the generated /docs/openapi.json for routes of every parameter
type, hosts, slashes, static files, versions, views, blueprint groups and models."""
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Literal, Union
from uuid import UUID

from pydantic import BaseModel, Field
from sanic_ext import openapi
from sanic_ext.extensions.openapi.definitions import Parameter, Response

from sanic import Blueprint, Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("OasDeep")
app.config.API_TITLE = "Deep"
app.config.API_LICENSE_NAME = "MIT"
app.config.API_CONTACT_EMAIL = "a@b.example"
app.config.API_SECURITY = [{"BearerAuth": []}]
app.config.API_SECURITY_DEFINITIONS = {"BearerAuth": {"type": "http", "scheme": "bearer"}}
app.config.OAS_IGNORE_HEAD = False


class Color(Enum):
    RED = "red"
    BLUE = "blue"


@dataclass
class Address:
    street: str
    zip: int | None = None


@dataclass
class Person:
    name: str
    born: date
    seen: datetime
    color: Color
    kind: Literal["a", "b"]
    addresses: list[Address] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)
    either: Union[int, str] = 0


class PModel(BaseModel):
    id: UUID
    title: str = Field(..., min_length=2, max_length=9, description="a title")
    score: float = Field(0.5, ge=0, le=1)
    tags: list[str] = []


@app.get("/p/<i:int>/<f:float>/<s:str>/<u:uuid>/<a:alpha>/<sl:slug>/<d:ymd>")
async def typed(request, i, f, s, u, a, sl, d):
    return text("ok")


@app.get("/ext/<file:ext=txt|md>")
async def ext(request, file, ext):
    return text("ok")


@app.get(r"/re/<code:[A-Z]{3}>/<rest:path>")
async def regex(request, code, rest):
    return text("ok")


@app.get("/slash/", strict_slashes=True)
async def strict(request):
    return text("ok")


@app.get("/loose", strict_slashes=False)
async def loose(request):
    return text("ok")


@app.get("/hosted", host="api.example")
async def hosted(request):
    return text("ok")


@app.get("/hosts", host=["h1.example", "h2.example"])
async def hosts(request):
    return text("ok")


@app.route("/multi", methods=["GET", "POST", "PUT"], name="multi_named")
async def multi(request):
    return text("ok")


@app.get("/v", version=3, version_prefix="/api/v")
async def versioned(request):
    return text("ok")


@app.post("/person")
@openapi.body({"application/json": Person}, required=True)
@openapi.response(200, {"application/json": PModel}, "good")
@openapi.response(422, {"application/json": {"detail": str}}, "bad")
async def person(request):
    return json({})


@app.get("/pm")
@openapi.definition(
    summary="pm",
    description="the pm",
    tag=["models", "pydantic"],
    operation="getPm",
    deprecated=True,
    parameter=[Parameter("x-token", str, "header", required=True), Parameter("page", int)],
    response=[Response({"application/json": PModel}, status=200), Response("nope", status=404)],
    secured={"BearerAuth": []},
)
async def pm(request):
    return json({})


@app.get("/hidden")
@openapi.exclude()
async def hidden(request):
    return text("h")


@app.get("/noauto")
@openapi.no_autodoc
async def noauto(request):
    """Not read: autodoc is off for this one"""
    return text("n")


@app.get("/doc")
async def doc(request):
    """Docstring summary

    Body paragraph.

    openapi:
    ---
    parameters:
      - name: limit
        in: query
        schema:
          type: integer
    responses:
      '200':
        description: fine
    """
    return text("d")


class Things(HTTPMethodView):
    @openapi.summary("list things")
    async def get(self, request):
        return text("g")

    @openapi.body({"application/json": Address})
    async def post(self, request):
        """Make a thing"""
        return text("p")


app.add_route(Things.as_view(), "/things")
bp1 = Blueprint("b1", url_prefix="/one")
bp2 = Blueprint("b2", url_prefix="/two", version=2)


@bp1.get("/x")
@openapi.tag("one")
async def b1x(request):
    return text("x")


@bp2.delete("/<k:int>")
async def b2del(request, k):
    return text("y")


group = Blueprint.group(bp1, bp2, url_prefix="/grp")
app.blueprint(group)
app.static("/static", Path(__file__).parent, name="files")


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("x")
