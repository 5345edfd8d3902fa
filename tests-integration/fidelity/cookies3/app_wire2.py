"""Cookies on answers that are not the handler's: websocket upgrades refused by middleware,
error handlers, file() 304s, HTTP/1.0, late add_cookie on a stream.

sanic-diff cookies3/app_wire2.py cookies3/wire2.http --show
"""

from __future__ import annotations

import os

from sanic import Sanic
from sanic.exceptions import Unauthorized
from sanic.response import file, redirect, text

app = Sanic("cookies3_wire2")
HERE = os.path.abspath(__file__)


@app.on_request
async def gate(request):
    if request.path == "/ws_deny":
        r = redirect("/login")
        r.add_cookie("next", "/ws_deny", httponly=True)
        return r
    if request.path == "/ws_raise":
        raise Unauthorized("login first")


@app.exception(Unauthorized)
async def unauth(request, exc):
    r = text("who?", status=401)
    r.add_cookie("auth", "needed", samesite="Strict")
    r.delete_cookie("session")
    return r


@app.websocket("/ws_deny")
async def ws_deny(request, ws):
    await ws.send("in")


@app.websocket("/ws_raise")
async def ws_raise(request, ws):
    await ws.send("in")


@app.websocket("/ws_handler_raise")
async def ws_handler_raise(request, ws):
    raise Unauthorized("late")


@app.get("/file")
async def h_file(request):
    r = await file(HERE, request_headers=request.headers)
    r.add_cookie("f", "1")
    return r


@app.get("/plain")
async def h_plain(request):
    r = text("p")
    r.add_cookie(
        "p", "1", max_age=3, domain="x.org", comment="c", httponly=True, secure_prefix=True
    )
    return r


@app.get("/late")
async def h_late(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("a")
    resp.add_cookie("late", "1")
    await resp.send("b")
    await resp.eof()


@app.get("/raise_after_cookie")
async def h_rac(request):
    raise Unauthorized("x")
