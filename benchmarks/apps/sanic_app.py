"""The benchmark app, written against Sanic's public API; served by Hurtle and by Sanic.

Run: ``python sanic_app.py PORT [WORKERS]``. Serves on 127.0.0.1 in one process
(``single_process``), or with WORKERS worker processes under the worker manager.
Routes: ``GET /`` text, ``GET /json``, ``GET /user/<id:int>``, ``POST /echo``; the same under
``/mw`` in a blueprint with one request and one response middleware.
"""

from __future__ import annotations

import sys

from sanic import Blueprint, Sanic
from sanic.response import json, raw, text

app = Sanic("bench")
mw = Blueprint("mw", url_prefix="/mw")


async def index(request):
    return text("Hello, world!")


async def as_json(request):
    return json({"hello": "world"})


async def user(request, id: int):
    return json({"id": id})


async def echo(request):
    return raw(request.body)


for target in (app, mw):
    target.add_route(index, "/", name="index")
    target.add_route(as_json, "/json", name="json")
    target.add_route(user, "/user/<id:int>", name="user")
    target.add_route(echo, "/echo", methods=["POST"], name="echo")


@mw.on_request
async def stamp_request(request):
    request.ctx.seen = True


@mw.on_response
async def stamp_response(request, response):
    response.headers["x-middleware"] = "1"


app.blueprint(mw)

if __name__ == "__main__":
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    mode = {"workers": workers} if workers else {"single_process": True}
    app.run(
        host="127.0.0.1",
        port=int(sys.argv[1]),
        access_log=False,
        debug=False,
        motd=False,
        **mode,
    )
