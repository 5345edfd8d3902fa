"""tortoise-orm's `register_tortoise` (a fresh sqlite file per server, schemas generated
at start, closed at stop) and sanic-session's in-memory interface, in one app."""
import os
import tempfile

from sanic_session import InMemorySessionInterface, Session
from tortoise import fields
from tortoise.contrib.sanic import register_tortoise
from tortoise.models import Model

from sanic import Sanic
from sanic.response import json

app = Sanic("OrmSession")
app.config.AUTO_EXTEND = False
# One file per server (compare.py gives each its own port), the same in every process:
# the schemas are made in main_process_start, before the workers.
DB = os.path.join(tempfile.gettempdir(), f"plugins2-orm-{os.environ.get('APP_PORT', 0)}.sqlite3")
Session(app, interface=InMemorySessionInterface(cookie_name="sid"))


class Note(Model):
    id = fields.IntField(primary_key=True)
    text = fields.CharField(max_length=50)

    class Meta:
        app = "models"


register_tortoise(app, db_url=f"sqlite://{DB}", modules={"models": [__name__]},
                  generate_schemas=True)


@app.post("/notes/<text>")
async def add(request, text):
    note = await Note.create(text=text)
    return json({"id": note.id, "text": note.text}, status=201)


@app.get("/notes")
async def notes(request):
    return json([[n.id, n.text] for n in await Note.all().order_by("id")])


@app.get("/notes/<i:int>")
async def one(request, i):
    note = await Note.get_or_none(id=i)
    return json({"text": note.text} if note else None, status=200 if note else 404)


@app.get("/visit")
async def visit(request):
    session = request.ctx.session
    session["n"] = session.get("n", 0) + 1
    return json({"n": session["n"], "keys": sorted(session)})
