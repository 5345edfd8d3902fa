"""dogest/SDUT_RESTful_API (api.py, exception.py, utils.py), as written but for the
stand-ins: an `exception` blueprint holding the app's handlers for `Unauthorized`,
`ServerError` and `NotFound` (the 404 handler answers 200 with the URL, as written),
`success()`/`error()` JSON helpers, a `before_server_start` listener putting an aiohttp
session on `app.config`, and an `after_server_stop` listener that calls
`loop.run_until_complete(...)` and `loop.close()` on the running loop (as written).
Stand-ins: aiohttp.ClientSession and the campus spider (`energy`, a lookup table that
raises Unauthorized for an unknown floor and fails on a bad room)."""

import os

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, ServerError, Unauthorized
from sanic.response import json


def success(**kwargs):
    return_data = {"error": False}
    return_data.update(kwargs)
    return json(return_data)


def error(**kwargs):
    return_data = {"error": True}
    return_data.update(kwargs)
    return json(return_data)


ex = Blueprint("exception")


@ex.exception(Unauthorized)
async def unauthorized(request, exception):
    """ 用于处理账号错误 """
    return error(message=f"{exception}", status=401)


@ex.exception(ServerError)
async def server_error(request, exception):
    """ 用于处理系统错误 """
    return error(message=f"{exception}", status=500)


@ex.exception(NotFound)
async def not_found(request, exception):
    """ 处理 404 """
    return error(message=f"URL {request.url} Not Found")


class ClientSession:
    def __init__(self, loop=None):
        self.loop = loop
        self.closed = False

    async def close(self):
        self.closed = True
        print("aiohttp session closed")


ROOMS = {"1": {"101": 12.5, "102": 0.0}}


async def energy(session, floor, room):
    if floor not in ROOMS:
        raise Unauthorized("unknown floor")
    if room is None:
        raise ServerError("room is required")
    return {"floor": floor, "room": room, "energy": ROOMS[floor][room]}


app = Sanic(__name__.replace(".", "_"))
app.blueprint(ex)


@app.listener("before_server_start")
async def init(app, loop):
    """ 初始化 """
    app.config.aiohttp_session = ClientSession(loop=loop)


@app.listener("after_server_stop")
async def finish(app, loop):
    """ 关闭 """
    loop.run_until_complete(app.config.aiohttp_session.close())
    loop.close()


@app.route("/")
async def index(request):
    return success(data={"Hello": "World"})


@app.route("/public/energy", methods=["POST"])
async def public_energy(request):
    """ 查询电量 """
    floor = request.form.get("floor")
    room = request.form.get("room")
    data = await energy(app.config.aiohttp_session, floor, room)
    return success(data=data)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 8000)), debug=True)
