"""A Sanic-API app with 1,000 routes, for the start-up benchmark; served by Hurtle and Sanic.

Run: ``python many_routes.py PORT``. Half the routes are static (``/r0``, ``/r2``, ...), half
have a typed parameter (``/r1/<id:int>``, ...), each with its own handler name. The harness
times process start to the first response from the last route, ``GET /r999/1``.
"""

from __future__ import annotations

import sys

from sanic import Sanic
from sanic.response import text

ROUTES = 1000

app = Sanic("many_routes")


async def static_handler(request):
    return text("static")


async def dynamic_handler(request, id: int):
    return text(str(id))


for i in range(ROUTES):
    if i % 2:
        app.add_route(dynamic_handler, f"/r{i}/<id:int>", name=f"r{i}")
    else:
        app.add_route(static_handler, f"/r{i}", name=f"r{i}")

if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(sys.argv[1]),
        single_process=True,
        access_log=False,
        debug=False,
        motd=False,
    )
