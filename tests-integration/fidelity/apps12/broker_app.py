"""danhojin/algo-trading-korea-equities (win32/broker/main.py, sapp/drive.py,
sapp/routes.py, sapp/api/realtime.py), condensed: the main process makes
`multiprocessing.Queue`s and starts its own consumer `Process` (the trading app, here a
loop printing what it is sent), builds the Sanic app in a function that captures the
queue (`sapp_create(message_queue)`, routes defined in a closure and a blueprint given
`url_prefix='/api'`, the queues kept as `app.ctx.message_queue`: as written `app.message_queue`), and calls
`sapp.run(workers=...)` from inside that function (as written: the app exists only in the
main process's `__main__` block). As written `drive.py` also sets `app.db = Database(...)`,
calls `app.config.from_object(Settings)` and prints `app.router.routes_names`, all three
refused alike (AttributeError); left out here. Stand-ins: click (a plain call), the
databases package and the Kiwoom quote API (left out)."""

import os
from multiprocessing import Process, Queue

from sanic import Blueprint, Sanic
from sanic.response import json, text

bp = Blueprint("bp")


@bp.route("/realtime")
async def get_watching_list(request):
    return json({"get": "list"})


@bp.route("/realtime", methods=["POST"])
async def set_watching_list(request):
    print(request.json["assets"].split(";"))
    request.app.ctx.message_queue["realtime"].put(request.json["assets"])
    return json({"rq": request.json})


@bp.route("/realtime", methods=["DELETE"])
async def remove_watching_list(request):
    request.app.ctx.message_queue["realtime"].put("clear")
    return json({"rq": "all"})


def setup_routes(app, q):
    @app.route("/hello")
    async def hello(request):
        return json({"hello": "world"})

    @app.route("/codes/<code_id>")
    async def codes_handler(request, code_id):
        q["code"].put(code_id)
        return text(f"done: {code_id}")

    app.blueprint(bp, url_prefix="/api")


def sapp_create(q):
    app = Sanic("broker")
    app.ctx.message_queue = q
    setup_routes(app, q)
    return app


def qapp_run(message_queue):
    for _ in range(6):
        item = message_queue["code"].get(timeout=20)
        print("qapp got", item, flush=True)


def init(port, workers):
    message_queue = {"realtime": Queue(), "code": Queue()}
    qapp_process = Process(target=qapp_run, args=(message_queue,), daemon=True)
    qapp_process.start()
    sapp = sapp_create(message_queue)
    sapp.run(host="127.0.0.1", port=port, workers=workers, debug=False)


if __name__ == "__main__":
    init(int(os.environ.get("APP_PORT", 8000)), 2)
