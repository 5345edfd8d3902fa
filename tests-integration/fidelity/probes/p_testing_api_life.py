"""sanic_testing clients, second audit: what listeners and handlers see during a call."""

import asyncio

from _probe import new_app, show

from sanic import response

SEEN: list = []


def make(name):
    app = new_app(name)

    @app.before_server_start
    async def bss(app_, loop=None):
        SEEN.append(("bss", type(loop).__name__ if loop else None, app_.debug))

    @app.after_server_start
    async def ass(app_):
        SEEN.append(("ass", app_.state.stage.name, app_.state.is_running))

    @app.before_server_stop
    def bstop(app_):
        SEEN.append(("bstop", app_.state.stage.name))

    @app.get("/")
    async def root(request):
        info = request.conn_info
        return response.json(
            {
                "debug": request.app.debug,
                "asgi": request.app.asgi,
                "stage": request.app.state.stage.name,
                "server": (info.server or "").split(":")[0] if info else None,
                "client": info.client if info else None,
                "ssl": info.ssl if info else None,
                "test_mode": type(request.app).test_mode,
                "name": request.app.name,
                "workers": request.app.state.workers,
                "mode": str(request.app.state.mode),
                "fast": request.app.state.fast,
                "host": request.app.state.host,
                "port": type(request.app.state.port).__name__,
            }
        )

    @app.websocket("/ws")
    async def ws(request, ws):
        msg = await ws.recv()
        await ws.send(f"got:{msg}")

    return app


def run(label, fn):
    SEEN.clear()
    show(label, fn)
    print(f"{label} listeners: {SEEN}")


sapp = make("life_sock")
run("sock get", lambda: sapp.test_client.get("/")[1].json)
run("sock debug", lambda: sapp.test_client.get("/", debug=True)[1].json["debug"])
run("sock host", lambda: sapp.test_client.get("/", host="127.0.0.1")[1].status)
run(
    "sock server_kwargs",
    lambda: sapp.test_client.get("/", server_kwargs={"backlog": 10})[1].status,
)

aapp = make("life_asgi")
run("asgi get", lambda: asyncio.run(aapp.asgi_client.get("/"))[1].json)

from sanic_testing.reusable import ReusableClient  # noqa: E402

rapp = make("life_reuse")
SEEN.clear()
with ReusableClient(rapp) as client:
    print("reuse entered:", SEEN)
    SEEN.clear()
    show("reuse get", lambda: sorted(client.get("/")[1].json.items()))
    show("reuse second", lambda: client.get("/")[1].status)

    async def mimic(ws):
        await ws.send("x")
        return await ws.recv()

    show(
        "reuse websocket",
        lambda: (
            lambda out: (
                type(out[0]).__name__,
                out[1].client_sent,
                out[1].client_received,
            )
        )(client.websocket("/ws", mimic=mimic)),
    )
    print("reuse during:", SEEN)
    SEEN.clear()
print("reuse exit:", SEEN)

from sanic_testing import TestManager  # noqa: E402

mapp = new_app("life_manager")


@mapp.get("/")
async def mroot(request):
    return response.text("m")


manager = TestManager(mapp)
show(
    "manager clients",
    lambda: (type(manager.test_client).__name__, type(manager.asgi_client).__name__),
)
show(
    "manager same",
    lambda: (mapp.test_client is manager.test_client, mapp.asgi_client is manager.asgi_client),
)
show("manager get", lambda: manager.test_client.get("/")[1].text)
show("manager attrs", lambda: sorted(n for n in vars(manager) if not n.startswith("__")))
