"""An app using the real sanic-ext 25.12 (OpenAPI, @validate, CORS, DI, templates)."""

from dataclasses import dataclass
from pathlib import Path

from sanic_ext import Extend, openapi, validate

from sanic import Sanic
from sanic.models.futures import FutureRegistry
from sanic.response import json, text

app = Sanic("ExtApp")
app.config.CORS_ORIGINS = "http://allowed.example"
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"

# GAP (framework app, hurtle_app/app.py): sanic-ext reads and replaces
# `app._future_commands` (a set of FutureCommand) and compares route handlers with
# `app._websocket_handler`. Until the app defines both, they are provided here.
if not hasattr(app, "_future_commands"):
    object.__setattr__(app, "_future_commands", FutureRegistry())
if not hasattr(app, "_websocket_handler"):
    object.__setattr__(app, "_websocket_handler", object())

Extend(app)


@dataclass
class Person:
    name: str
    age: int


class Service:
    def greet(self) -> str:
        return "injected!"


app.ext.add_dependency(Service)


@app.post("/people")
@validate(json=Person)
async def people(request, body: Person):
    return json({"name": body.name, "age": body.age})


@app.get("/di")
async def di(request, service: Service):
    return text(service.greet())


@app.get("/hello/<name>")
@app.ext.template("hello.html")
async def hello(request, name: str):
    return {"name": name}


@app.get("/plain")
@openapi.summary("A plain route")
async def plain(request):
    return text("plain")
