"""Listeners on a Blueprint that create a shared client on app.ctx and close it,
with handlers reading it through request.app.ctx (pattern origin: GitHub
TrulyBright/sc2mafia webServer.py, r3ap3rpy/sanic-web-framework Part_7/ListenersInAction.py).
A tiny in-process client stands in for aiohttp.ClientSession."""

import asyncio

from sanic import Blueprint, Sanic
from sanic.response import json, text

app = Sanic("TutListeners")
listeners = Blueprint("listeners")
EVENTS = []


class FakeClient:
    closed = False

    async def get(self, url):
        await asyncio.sleep(0)
        return {"url": url, "status": 200}

    async def close(self):
        self.closed = True


@listeners.listener("before_server_start")
async def init(app, loop):
    EVENTS.append(("before_server_start", loop is asyncio.get_running_loop()))
    app.ctx.http = FakeClient()


@listeners.listener("after_server_start")
async def started(app, loop):
    EVENTS.append(("after_server_start", app.ctx.http.closed))


@app.listener("before_server_stop")
async def stopping(app, loop):
    await app.ctx.http.close()


@app.main_process_start
async def main_start(app, loop):
    EVENTS.append(("main_process_start", True))


app.blueprint(listeners)


@app.get("/fetch")
async def fetch(request):
    return json(await request.app.ctx.http.get(request.args.get("u", "/")))


@app.get("/events")
async def events(request):
    return json(
        {
            "events": EVENTS,
            "name": request.app.name,
            "same": request.app is Sanic.get_app("TutListeners"),
        }
    )


@app.get("/ctxattrs")
async def ctxattrs(request):
    return text(",".join(sorted(k for k in vars(request.app.ctx) if not k.startswith("_"))))
