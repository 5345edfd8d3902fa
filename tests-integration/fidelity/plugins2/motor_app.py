"""sanic-motor 0.7's listeners (`BaseModel.init_app`: open in `before_server_start` with
the loop argument, close in `before_server_stop`) and its model API, on mongomock-motor's
in-memory client (put in place of motor's before sanic-motor imports it)."""
import motor.motor_asyncio
from mongomock_motor import AsyncMongoMockClient


class MockClient(AsyncMongoMockClient):
    def __init__(self, uri, io_loop=None, **kwargs):
        super().__init__(uri, **kwargs)


motor.motor_asyncio.AsyncIOMotorClient = MockClient

from sanic_motor import BaseModel  # noqa: E402

from sanic import Sanic  # noqa: E402
from sanic.response import json  # noqa: E402

app = Sanic("MotorApp")
app.config.AUTO_EXTEND = False
app.config.MOTOR_URI = "mongodb://127.0.0.1:1/testdb"
BaseModel.init_app(app)
EVENTS = []


class Item(BaseModel):
    __coll__ = "items"
    __unique_fields__ = ["name"]


@app.after_server_start
async def seen(app):
    EVENTS.append(["clients", sorted(app.ctx.motor_clients), type(app.ctx.motor_client).__name__])


@app.post("/items/<name>")
async def add(request, name):
    res = await Item.insert_one({"name": name, "n": len(name)})
    return json({"ok": res is not None}, status=201)


@app.get("/items")
async def items(request):
    found = await Item.find(sort="name", as_raw=True)
    return json({"items": [[d["name"], d["n"]] for d in found.objects], "total": await Item.count_documents({})})


@app.get("/items/<name>")
async def one(request, name):
    doc = await Item.find_one({"name": name}, as_raw=True)
    return json(doc and {"name": doc["name"]}, status=200 if doc else 404)


@app.get("/events")
async def events(request):
    return json(EVENTS)
