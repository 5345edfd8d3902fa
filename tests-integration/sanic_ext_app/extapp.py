"""An app using the real sanic-ext 25.12 (OpenAPI, @validate, CORS, DI, templates)."""

from dataclasses import dataclass
from pathlib import Path

from sanic_ext import Extend, openapi, render, validate

from sanic import Sanic
from sanic.response import json, text

app = Sanic("ExtApp")
app.config.CORS_ORIGINS = "http://allowed.example"
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"

Extend(app)
# Every app.config key Sanic does not define becomes a constant injected by name.
app.ext.load_constants()


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


@app.get("/port/<port:int>")
async def port(request, port: int):
    return text(str(port))


@app.get("/lazy/<name>")
@app.ext.template("hello.html")
async def lazy(request, name: str):
    return await render(context={"name": name}, status=201, app=app)


@app.websocket("/ws")
async def feed(request, ws):
    await ws.send("hi")


@app.get("/items/<item_id:int>/<slug:slug>")
async def item(request, item_id: int, slug: str):
    return text(f"{item_id} {slug}")
