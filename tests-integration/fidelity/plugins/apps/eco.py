from sanic_limiter import Limiter, get_remote_address
from sanic_session import InMemorySessionInterface, Session
from tortoise import fields
from tortoise.contrib.sanic import register_tortoise
from tortoise.models import Model

from sanic import Sanic
from sanic.response import json, text

app = Sanic("Eco")
session = Session(app, interface=InMemorySessionInterface())
limiter = Limiter(app, global_limits=["100 per minute"], key_func=get_remote_address)

class Thing(Model):
    id = fields.IntField(pk=True)
    name = fields.CharField(50)
    class Meta:
        app = "models"

register_tortoise(app, db_url="sqlite://:memory:", modules={"models": [__name__]}, generate_schemas=True)

@app.get("/session")
async def sess(request):
    request.ctx.session["n"] = request.ctx.session.get("n", 0) + 1
    return text(str(request.ctx.session["n"]))

@app.get("/limited")
@limiter.limit("2 per minute")
async def limited(request):
    return text("ok")

@app.get("/exempt")
@limiter.exempt
async def exempt(request):
    return text("exempt")

@app.post("/things/<name>")
async def make(request, name):
    t = await Thing.create(name=name)
    return json({"id": t.id, "name": t.name})

@app.get("/things")
async def things(request):
    return json([t.name for t in await Thing.all().order_by("id")])


