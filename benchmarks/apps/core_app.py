"""The benchmark routes on Hurtle's HTTP core alone (``hurtle_http.serve``), no framework.

Run: ``python core_app.py PORT``. A dict of handlers looked up by path (``/user/<id>`` by its
prefix); ``/mw...`` paths run one request-side and one response-side step inline. Sits between
the floor and the full framework: what the HTTP core costs, without routing and middleware.
"""

from __future__ import annotations

import sys

from hurtle_http import serve
from hurtle_http.response import json, raw, text


async def index(request):
    return text("Hello, world!")


async def as_json(request):
    return json({"hello": "world"})


async def echo(request):
    return raw(request.body)


HANDLERS = {"/": index, "/json": as_json, "/echo": echo}


async def handler(request):
    path = request.path
    middleware = path.startswith("/mw")
    if middleware:
        path = path[3:] or "/"
        request.ctx.seen = True
    found = HANDLERS.get(path)
    if found is not None:
        response = await found(request)
    elif path.startswith("/user/"):
        response = json({"id": int(path[6:])})
    else:
        response = text("Not Found", status=404)
    if middleware:
        response.headers["x-middleware"] = "1"
    return response


if __name__ == "__main__":
    serve(handler, "127.0.0.1", int(sys.argv[1]))
