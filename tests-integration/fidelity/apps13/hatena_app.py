"""tuna2134/hatenabackend (main.py, blueprints/main.py, help.py, gateway.py; no licence
file in the repository). A Discord bot's web backend: blueprints found by listing a
folder, each given the app by assignment (`module.bp.app = app`) before
`app.blueprint(module.bp)`, handlers reaching the app through `bp.app.ctx`; a
`before_server_start` listener putting a template environment, an async `template()`
helper, a database pool and a websocket list on `app.ctx`; `app.ctx.gateway_send` set at
import; a `/help` page rendering data that a `POST /api/help` stores in a module global
(`print(data)` before any POST is a `NameError`); a `/gateway` websocket that says hello,
then reads JSON messages and keeps logged-in sockets in `app.ctx.wslist`.

As written, `bp.app = app` stops both at import alike (`Setting variables on Blueprint
instances is not allowed. You should change your Blueprint instance to use
instance.ctx.app instead.`; Sanic's traceback also shows the `AttributeError` it came
from); here `bp.ctx.app = app`, as the message advises, and `bp.ctx.app.ctx` in the
handlers.

Stand-ins: jinja2's `Environment` (a small one rendering `name: kwargs`), flask_misaka's
filter, aiomysql's pool (an object), the gateway password (`"secret"`, as written from an
environment variable); the blueprint modules are defined in this file in the order the
folder listing gives (gateway, help, main) instead of imported. Static files live in
`hatena_static` (as written `./static`).
"""

import json as _json
from os import getenv

from sanic import Blueprint, Sanic
from sanic.response import html, json, redirect
from ujson import dumps, loads


class _Template:
    def __init__(self, name):
        self.name = name

    async def render_async(self, kwargs):
        return f"<p>{self.name}: {_json.dumps(kwargs, sort_keys=True, default=str)}</p>"


class Environment:  # stand-in for jinja2's
    def __init__(self, loader=None, enable_async=False):
        self.filters = {}

    def get_template(self, tpl):
        return _Template(tpl)


def FileSystemLoader(path, encoding="utf8"):
    return path


def Misaka(autolink=True):
    return lambda text: text


class aiomysql:  # stand-in: a pool object
    @staticmethod
    async def create_pool(**kwargs):
        return object()


# blueprints/gateway.py
gateway = Blueprint("gateway")


@gateway.websocket("/gateway")
async def gateway_ws(request, ws):
    await ws.send(dumps({
        "t": "hello"
    }))
    while True:
        data = loads(await ws.recv())
        if data["t"] == "LOGIN":
            if data["d"]["token"] == getenv("gateway_password", "secret"):
                gateway.ctx.app.ctx.wslist.append(ws)
                await ws.send(dumps({
                    "t": "LOGIN"
                }))


# blueprints/help.py
helpbp = Blueprint("help")


@helpbp.route("/help")
async def help_show(request):
    print(data)
    return await helpbp.ctx.app.ctx.template("help.html", data = data)


@helpbp.route("/api/help", methods = ["POST"])
async def help_setting(request):
    print(request.json)
    global data
    data = request.json
    return json({
        "status": 400,
        "message": "success"
    })


# blueprints/main.py
mainbp = Blueprint("main")


@mainbp.route("/")
async def main(request):
    return await mainbp.ctx.app.ctx.template("index.html")


@mainbp.route("/favicon.ico")
async def favicon(request):
    return redirect("/static/image/favicon.ico")


# main.py
app = Sanic("hatenabot")
app.static('/static', './hatena_static')


@app.listener("before_server_start")
async def setup(app, loop):
    app.ctx.env = Environment(loader=FileSystemLoader('./templates/', encoding='utf8'), enable_async=True)
    app.ctx.env.filters.setdefault("markdown", Misaka(autolink=True))
    async def template(tpl, **kwargs):
        template = app.ctx.env.get_template(tpl)
        return html(await template.render_async(kwargs))
    app.ctx.template = template
    app.ctx.pool = await aiomysql.create_pool(host="db", user=getenv("db_user"), password=getenv("db_password"), loop=loop, db="b3vad_rtbot", autocommit=True)
    app.ctx.wslist = []

async def gateway_send(data: dict):
    for ws in app.ctx.wslist:
        try:
            await ws.send(dumps(data))
        except:
            app.ctx.wslist.remove(ws)

app.ctx.gateway_send = gateway_send

for bp in (gateway, helpbp, mainbp):
    bp.ctx.app = app
    app.blueprint(bp)


@app.route("/_push", methods=["POST"])  # added: lets the driver call gateway_send
async def push(request):
    await app.ctx.gateway_send(request.json)
    return json({"sockets": len(app.ctx.wslist)})
