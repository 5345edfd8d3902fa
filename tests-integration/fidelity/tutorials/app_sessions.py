"""Cookie session kept in request.ctx.session: request middleware loads it from a
cookie (server-side store in memory), handlers use it like a dict, response
middleware saves it and sets the cookie; also response.cookies[...] item access with
attributes (pattern origin: GitHub ahopkins/sanic-session example/example.py,
gabolaev/Sanic-OAuth examples/sanicsession_ex.py, 0x44d/sanic_tutorial
sanic_zh_code/Cookies.py)."""

import uuid

from sanic import Sanic
from sanic.response import json, text

app = Sanic("TutSessions")
STORE = {}


@app.middleware("request")
async def load_session(request):
    sid = request.cookies.get("sid")
    request.ctx.sid = sid if sid in STORE else None
    request.ctx.session = dict(STORE.get(sid, {}))


@app.middleware("response")
async def save_session(request, response):
    if not hasattr(request.ctx, "session"):
        return
    sid = request.ctx.sid
    if request.ctx.session.get("_logout"):
        STORE.pop(sid, None)
        response.delete_cookie("sid", path="/")
        return
    if sid is None:
        sid = request.ctx.sid = uuid.uuid5(uuid.NAMESPACE_DNS, str(len(STORE))).hex
        response.add_cookie("sid", sid, httponly=True, samesite="Lax", path="/")
    STORE[sid] = request.ctx.session


@app.get("/")
async def index(request):
    request.ctx.session["foo"] = request.ctx.session.get("foo", 0) + 1
    return text(str(request.ctx.session["foo"]))


@app.get("/logout")
async def logout(request):
    request.ctx.session["_logout"] = True
    return json({"bye": True})


@app.get("/cookie")
async def cookie(request):
    response = text("There's a cookie up in this response")
    response.cookies["test"] = "It worked!"
    response.cookies["test"]["domain"] = ".gotta-go-fast.com"
    response.cookies["test"]["httponly"] = True
    return response


@app.get("/cookies")
async def cookies(request):
    return json({k: request.cookies.getlist(k) for k in sorted(request.cookies.keys())})
