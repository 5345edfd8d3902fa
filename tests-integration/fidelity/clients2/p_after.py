"""clients2: the app after test_client calls: routers, registrations between calls."""

import asyncio

from _c import new_app, show

from sanic import Blueprint, response


def make(name):
    app = new_app(name)

    @app.get("/", name="idx")
    async def index(request):
        return response.text("i")

    return app


app = make("c2after")
show("call 1", lambda: app.test_client.get("/")[1].status)
# fixed: Sanic's run (its test client's server) leaves both routers open again
show("finalized", lambda: (app.router.finalized, app.signal_router.finalized))
show("url_for", lambda: app.url_for("idx"))
show("routes", lambda: sorted(r.path for r in app.router.routes))
show("finalize by hand", lambda: app.router.finalize())
show("finalized after by hand", lambda: app.router.finalized)
show("reset by hand", lambda: app.router.reset())


@app.get("/late")
async def late(request):
    await request.app.dispatch("c2.late.seen")
    return response.text("late:" + str(getattr(request.ctx, "mw", None)))


bp = Blueprint("bpx", url_prefix="/bp")


@bp.get("/x")
async def bpx(request):
    return response.text("bp")


app.blueprint(bp)
SEEN = []


@app.on_request
async def mw(request):
    request.ctx.mw = "yes"


@app.signal("c2.late.seen")
async def seen(**kw):
    SEEN.append("sig")


show("call late", lambda: app.test_client.get("/late")[1].text)
show("signal ran", lambda: list(SEEN))
show("call bp", lambda: app.test_client.get("/bp/x")[1].text)
show("finalized 2", lambda: (app.router.finalized, app.signal_router.finalized))
show("routes 2", lambda: sorted(r.path for r in app.router.routes))

# an asgi_client app: Sanic leaves both routers finalized
a = make("c2after_asgi")
show("asgi call", lambda: asyncio.run(a.asgi_client.get("/"))[1].status)
show("asgi finalized", lambda: (a.router.finalized, a.signal_router.finalized))
