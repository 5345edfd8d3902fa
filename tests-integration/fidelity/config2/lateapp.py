"""Settings changed while serving: ``/set/KEY?v=JSON`` sets one from a handler; LATE (JSON,
in the environment) is set in a ``before_server_start`` listener. Which later requests
see the change (sanic-diff with late.http)."""

import asyncio
import json
import os

from sanic import Sanic, response

app = Sanic("LateApp")


@app.before_server_start
async def late(app):
    app.config.update(json.loads(os.environ.get("LATE", "{}")))


def _id(request):
    value = str(request.id)
    return "uuid" if len(value) == 36 and value.count("-") == 4 else value


@app.get("/set/<key>")
async def set_key(request, key):
    app.config[key] = json.loads(request.args.get("v"))
    return response.text(f"{key} set")


@app.route("/", methods=["GET", "POST"])
async def index(request):
    return response.json({"ip": request.ip, "id": _id(request), "len": len(request.body)})


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(1.5)
    return response.text("slow")


@app.get("/err")
async def err(request):
    raise ValueError("boom")
