"""jwoos/base (python/sanic/src/main.py), as written but for the port: one JSON route
and ``app.run(workers=len(os.sched_getaffinity(0)))`` (two on this machine), started
as ``python jwoos_app.py``; ``Sanic(__name__)`` names the app ``__main__`` in the main
process and ``__mp_main__`` in the spawned workers."""

import os

from sanic import Sanic, response

app = Sanic(__name__)


@app.route("/")
async def test(request):
    return response.json({"hello": "world", "app": request.app.name, "pid_is_int": os.getpid() > 0})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 9000)),
            workers=len(os.sched_getaffinity(0)))
