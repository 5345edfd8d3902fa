"""sanic-openapi 21.12.0, the documentation plugin from before sanic-ext: its decorators
on routes, views and blueprints load, but its OpenAPI 3 blueprint fails the start under
both (``SANIC_OPENAPI_BLUEPRINT=1``), so ``/routes`` runs the walk it does when building
the document (``app.router.groups``: each group's ``path``, ``raw_path``, ``strict`` and
``params``, each route's name, methods and handler). And fastopenapi 0.7.0's Sanic router
(pydantic 2 models, query, path and body parameters, its error answers, /openapi.json)."""

import os

from fastopenapi.routers import SanicRouter
from pydantic import BaseModel, Field
from sanic_openapi import doc, openapi, openapi3_blueprint
from sanic_openapi.utils import get_all_routes

from sanic import Blueprint, Sanic, response
from sanic.views import HTTPMethodView

app = Sanic("openapi_app")
app.config.API_TITLE = "Plugins3"
app.config.API_VERSION = "3.0.1"
app.config.API_DESCRIPTION = "apps for the third plugin round"
if os.environ.get("SANIC_OPENAPI_BLUEPRINT"):
    # Fails the start under both (Duplicate route names detected: <app>.openapi.static),
    # and its OpenAPI 2 blueprint has the same prefix; its decorators still load.
    app.blueprint(openapi3_blueprint)
bp = Blueprint("shop", url_prefix="/shop", version=1)


class Car:
    make = doc.String("Who made the car")
    year = doc.Integer("Year of make")


@app.get("/cars/<car_id:int>")
@doc.summary("Fetch a car")
@doc.produces(Car)
@openapi.summary("Fetch a car (3)")
@openapi.parameter("verbose", bool, location="query")
async def car(request, car_id):
    return response.json({"id": car_id})


@app.post("/cars", strict_slashes=False)
@doc.consumes(Car, location="body")
@openapi.body({"application/json": {"make": str}})
@openapi.response(201, {"application/json": {"id": int}}, "Created")
async def new_car(request):
    return response.json({"id": 1}, status=201)


@app.route("/things/<name:str>/<kind:alpha>/<when:ymd>", methods=["GET", "DELETE"])
@doc.exclude(False)
@openapi.tag("things")
async def things(request, name, kind, when):
    return response.text(f"{name} {kind} {when}")


@app.get("/hidden")
@doc.exclude(True)
@openapi.exclude()
async def hidden(request):
    return response.text("hidden")


@app.get("/slash/")
async def slash(request):
    return response.text("slash")


@app.get("/re/<code:[A-Z]{3}>")
async def regex(request, code):
    return response.text(code)


class Garage(HTTPMethodView):
    @doc.summary("list the garage")
    async def get(self, request):
        return response.json([])

    @openapi.summary("add to the garage")
    async def put(self, request):
        return response.empty()


app.add_route(Garage.as_view(), "/garage")


@bp.get("/items/<uid:uuid>")
@openapi.description("an item of the shop")
async def item(request, uid):
    return response.text(str(uid))


app.blueprint(bp)

router = SanicRouter(app=app, title="fast", version="0.1", docs_url="/fast/docs",
                     openapi_url="/fast/openapi.json", redoc_url="/fast/redoc")


class Item(BaseModel):
    name: str = Field(min_length=2)
    price: float = Field(gt=0)
    tags: list[str] = []


@router.get("/fast/items/{item_id}")
async def get_item(item_id: int, q: str | None = None):
    return {"item_id": item_id, "q": q}


@router.post("/fast/items", status_code=201)
async def create_item(item: Item) -> Item:
    return item


@router.get("/fast/fail")
def fail():
    raise ValueError("fastopenapi handler failed")


@app.get("/routes")
async def routes(request):
    out = []
    for uri, name, params, handlers in get_all_routes(request.app, "/swagger"):
        out.append([uri, name, [p.name for p in params], sorted(m for m, _ in handlers)])
    return response.json(sorted(out))
