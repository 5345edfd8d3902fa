"""Sanic(loads=...) with a custom function, and one that raises (sanic-diff)."""

import json as _json

from sanic import Sanic
from sanic.response import json


def loads(s):
    if s == "boom":
        raise RuntimeError("custom loads failed")
    return {"custom": _json.loads(s), "type": type(s).__name__}


app = Sanic("Forms2Loads", loads=loads)


def safe(fn):
    try:
        return fn()
    except Exception as exc:
        return f"<{type(exc).__name__}: {exc}>"


@app.post("/json")
async def jsonr(request):
    return json({"json": safe(lambda: request.json)})


@app.post("/json_raw")
async def json_raw(request):
    return json({"json": request.json})


@app.post("/load_json")
async def load_json(request):
    return json({"lj": safe(lambda: request.load_json()), "json": safe(lambda: request.json)})
