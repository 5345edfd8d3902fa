"""Per-request DB session in request.ctx opened by request middleware and closed
(commit/rollback) by response middleware; engine on app.ctx from a listener
(pattern origin: https://codereview.stackexchange.com/questions/280199/asynchronous-db-session-in-python-used-in-asgi-framework-such-as-sanic
and https://community.sanicframework.org/t/how-to-share-db-pool-session-data-between-multiple-requests/417).
A dict stands in for the database."""

import asyncio

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json

app = Sanic("TutDb")


class FakeSession:
    def __init__(self, store):
        self.store, self.pending, self.closed = store, {}, False

    async def get(self, key):
        await asyncio.sleep(0)
        return self.pending.get(key, self.store.get(key))

    def add(self, key, value):
        self.pending[key] = value

    async def commit(self):
        self.store.update(self.pending)

    async def close(self):
        self.closed = True


@app.before_server_start
async def setup_db(app, loop):
    app.ctx.db = {"1": {"name": "ann"}}
    app.ctx.log = []


@app.after_server_stop
async def close_db(app, loop):
    app.ctx.db.clear()


@app.middleware("request")
async def open_session(request):
    request.ctx.session = FakeSession(request.app.ctx.db)


@app.middleware("response")
async def close_session(request, response):
    if hasattr(request.ctx, "session"):
        if response.status < 400:
            await request.ctx.session.commit()
        await request.ctx.session.close()
        response.headers["x-session-closed"] = str(request.ctx.session.closed)


@app.get("/users/<uid>")
async def get_user(request, uid: str):
    user = await request.ctx.session.get(uid)
    if user is None:
        raise NotFound(f"user {uid} not found")
    return json(user)


@app.post("/users/<uid>")
async def put_user(request, uid: str):
    if not isinstance(request.json, dict) or "name" not in request.json:
        raise SanicException("name is required", status_code=422)
    request.ctx.session.add(uid, {"name": request.json["name"]})
    return json({"created": uid}, status=201)


@app.get("/count")
async def count(request):
    return json({"n": len(request.app.ctx.db)})
