"""sanic-sessions 0.9.0 (the maintained fork of sanic-session) with its in-memory store:
the session opened from the cookie (``request.cookies.get_cookie``, then ``.get``), saved
and its cookie set through ``response.cookies.add_cookie`` with the expiry, SameSite,
Secure, HttpOnly and domain settings, emptied and deleted, on errors and redirects.
Session ids are given by the client (a new one is random).

Kept (see "Plugins, third round" in ../README.md): the deleting cookie's ``expires`` is an
rfc1123-date here (``Mon, 07 Dec 2026 12:00:00 GMT``); Sanic writes ``07-Dec-2026``."""

import os

from sanic_sessions import InMemorySessionInterface, Session

from sanic import Sanic, response
from sanic.exceptions import NotFound

app = Sanic("sessions_app")
interface = InMemorySessionInterface(
    cookie_name="sid", samesite="Strict", secure=True, domain=os.environ.get("SESSION_DOMAIN"),
    sessioncookie=True,
)
Session(app, interface=interface)


@app.get("/visit")
async def visit(request):
    s = request.ctx.session
    s["visits"] = s.get("visits", 0) + 1
    return response.json({"sid": s.sid, "visits": s["visits"]})


@app.get("/peek")
async def peek(request):
    return response.json({"data": dict(request.ctx.session), "sid": request.ctx.session.sid})


@app.get("/clear")
async def clear(request):
    request.ctx.session.clear()
    return response.text("cleared")


@app.get("/fail")
async def fail(request):
    request.ctx.session["failed"] = True
    raise NotFound("no")


@app.get("/go")
async def go(request):
    request.ctx.session["went"] = "yes"
    return response.redirect("/peek")
