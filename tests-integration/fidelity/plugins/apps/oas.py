from dataclasses import dataclass, field

from sanic_ext import openapi, validate
from sanic_ext.extensions.openapi.definitions import Parameter, RequestBody, Response

from sanic import Blueprint, Sanic
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("OasApp")
app.config.API_TITLE = "My API"
app.config.API_VERSION = "1.2.3"
app.config.API_DESCRIPTION = "An API"
app.ext.openapi.add_security_scheme("token", "http", scheme="bearer", bearer_format="JWT")

@dataclass
class Pet:
    name: str
    age: int = 0
    tags: list[str] = field(default_factory=list)
    owner: str | None = None

@app.get("/")
async def index(request):
    """Index summary

    Longer description of the index.

    openapi:
    ---
    operationId: getIndex
    tags:
      - root
    """
    return text("index")

@app.post("/pets")
@openapi.summary("Create a pet")
@openapi.description("Creates **a** pet")
@openapi.body({"application/json": Pet}, description="The pet", required=True)
@openapi.response(201, {"application/json": Pet}, "Created")
@openapi.response(400, description="Bad")
@openapi.tag("pets")
@openapi.secured("token")
@validate(json=Pet)
async def create_pet(request, body: Pet):
    return json({"name": body.name}, status=201)

@app.get("/pets/<pet_id:int>")
@openapi.parameter("verbose", bool, "query")
@openapi.parameter("X-Trace", str, "header", required=True)
@openapi.operation("getPet")
@openapi.deprecated()
async def get_pet(request, pet_id: int):
    return text(str(pet_id))

@app.get("/hidden")
@openapi.exclude()
async def hidden(request):
    return text("hidden")

@app.route("/float/<x:float>/<u:uuid>/<p:path>", methods=["GET", "PUT"])
async def typed(request, x, u, p):
    return text("t")

@app.get("/definition")
@openapi.definition(
    summary="Defined", description="by definition",
    body=RequestBody({"application/json": Pet}, required=True),
    response=[Response({"application/json": {"ok": bool}}, status=200)],
    parameter=Parameter("limit", int, "query"),
    tag="defs",
)
async def definition(request):
    return text("d")

class PetView(HTTPMethodView):
    @openapi.summary("List pets view")
    async def get(self, request):
        """View get doc"""
        return text("view get")

    @openapi.body(Pet)
    async def put(self, request):
        return text("view put")

app.add_route(PetView.as_view(), "/view/<vid:str>")

bp = Blueprint("petsbp", url_prefix="/bp", version=2)
@bp.get("/list")
async def bp_list(request):
    """Blueprint list"""
    return text("bp")
@bp.websocket("/ws")
async def bp_ws(request, ws):
    pass
app.blueprint(bp)

@app.get("/v", version=3, name="versioned")
async def versioned(request):
    return text("v")
