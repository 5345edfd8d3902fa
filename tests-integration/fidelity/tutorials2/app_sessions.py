"""Cookie sessions kept in request.ctx (pattern origin: ahopkins/sanic-session
example/example.py's `request.ctx.session` with an in-memory store, gabolaev/Sanic-OAuth
examples/sanicsession_ex.py; cookies set the 22.x+ way with `add_cookie`): a session id
cookie made in request middleware, saved in response middleware with `httponly`,
`samesite`, `max_age`, `secure`; logout with `delete_cookie`; a flash message; the
cookie read back through `request.cookies.get`/`getlist`."""

import itertools

from sanic import Sanic
from sanic.response import json, redirect

app = Sanic("TutSessions2")
STORE: dict[str, dict] = {}
COOKIE = "session"
IDS = itertools.count(1)


@app.on_request
async def load_session(request):
    sid = request.cookies.get(COOKIE)
    if sid not in STORE:
        sid = None
    request.ctx.sid = sid or f"sid{next(IDS):04d}"  # uuid4().hex in the sample
    request.ctx.session = STORE.get(sid, {}) if sid else {}
    request.ctx.new = sid is None


@app.on_response
async def save_session(request, response):
    if not hasattr(request.ctx, "session"):
        return
    if request.ctx.session.get("_drop"):
        STORE.pop(request.ctx.sid, None)
        response.delete_cookie(COOKIE, path="/")
        return
    if request.ctx.session or not request.ctx.new:
        STORE[request.ctx.sid] = request.ctx.session
        response.add_cookie(
            COOKIE,
            request.ctx.sid,
            httponly=True,
            samesite="Lax",
            max_age=3600,
            path="/",
            secure=False,
        )


@app.get("/")
async def index(request):
    s = request.ctx.session
    s["visits"] = s.get("visits", 0) + 1
    flash = s.pop("flash", None)
    return json({"visits": s["visits"], "flash": flash, "new": request.ctx.new})


@app.post("/login")
async def login(request):
    request.ctx.session["user"] = request.form.get("user", "anon")
    request.ctx.session["flash"] = "welcome"
    return redirect("/", status=303)


@app.post("/logout")
async def logout(request):
    request.ctx.session["_drop"] = True
    return redirect("/")


@app.get("/cookies")
async def cookies(request):
    return json(
        {
            "get": request.cookies.get("theme"),
            "list": request.cookies.getlist("theme"),
            "keys": sorted(request.cookies.keys()),
            "raw": request.headers.get("cookie"),
        }
    )
