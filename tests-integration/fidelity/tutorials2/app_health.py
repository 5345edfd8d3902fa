"""Health and readiness endpoints (pattern origin: crazytruth/insanic monitor.py,
cristianojmiranda/x123 hello-world/sanic/server.py, azimjohn/musicspider app.py,
edaniszewski/sanic-healthcheck README): a sync health handler in a blueprint with a
route without a leading slash, a readiness check against a pool made in a listener,
HEAD to the health route."""

import asyncio

from sanic import Blueprint, Sanic
from sanic.response import empty, json, text

app = Sanic("TutHealth")
monitor = Blueprint("monitor")


class FakePool:
    def __init__(self):
        self.ok = True

    async def fetchval(self, sql):
        await asyncio.sleep(0)
        if not self.ok:
            raise ConnectionError("db down")
        return 1


@app.before_server_start
async def open_pool(app, loop):
    app.ctx.pool = FakePool()


@app.after_server_stop
async def close_pool(app):
    app.ctx.pool = None


@monitor.route("health")
def health_check(request):
    return json({"service": request.app.name, "status": "OK"}, status=200)


@monitor.get("/ready")
async def ready(request):
    try:
        await request.app.ctx.pool.fetchval("SELECT 1")
    except ConnectionError as e:
        return json({"status": "not_ready", "db": str(e)}, status=503)
    return json({"status": "ready", "db": "connected"})


@monitor.post("/db/<state>")
async def flip(request, state):
    request.app.ctx.pool.ok = state == "up"
    return empty()


@app.route("/")
async def alive(request):
    return text("OK")


@app.route("/ping", methods=["GET", "HEAD"])
async def ping(request):
    return text("pong")


app.blueprint(monitor)
