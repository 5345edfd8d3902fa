"""clients2: the app's state a handler and the listeners see under each client."""

import asyncio

from _c import new_app, show

from sanic import response
from sanic_testing.reusable import ReusableClient

SEEN: list = []


def snap(app):
    s = app.state
    out = {
        "stage": str(s.stage),
        "is_running": s.is_running,
        "is_started": s.is_started,
        "is_stopping": s.is_stopping,
        "server_info": [str(i.stage) for i in s.server_info],
        "workers": s.workers,
        "mode": str(s.mode),
        "asgi": s.asgi,
        "debug": app.debug,
    }
    for name in ("loop", "m", "shared_ctx"):
        try:
            v = getattr(app, name)
            out[name] = type(v).__name__
        except BaseException as e:
            out[name] = f"!{type(e).__name__}"
    return out


def make(name):
    app = new_app(name)

    @app.before_server_start
    async def bss(app):
        SEEN.append(("bss", snap(app)))

    @app.after_server_stop
    async def ass(app):
        SEEN.append(("ass", snap(app)))

    @app.get("/")
    async def index(request):
        return response.json(snap(request.app))

    return app


def report(label):
    for ev, s in SEEN:
        print(f"{label} {ev}: {s}")
    SEEN.clear()


# KEPT: under sanic-testing the request is made from its own after_server_start listener,
# so the handler sees `is_running` False; Hurtle's handler sees a real run's True.
# fixed: `app.loop` in after_server_stop (a real `app.run` differed too).
a = make("c2st_sock")
show("sock handler", lambda: a.test_client.get("/")[1].json)
report("sock")
b = make("c2st_asgi")
show("asgi handler", lambda: asyncio.run(b.asgi_client.get("/"))[1].json)
report("asgi")
# KEPT: ReusableClient: `app.loop` given (known, "The test clients"); `is_running` True
# while serving, no `server_info` entry, `workers` 1 from before_server_start (Sanic's
# `create_server` leaves one STOPPED entry and sets `workers` after that listener).
c = make("c2st_reuse")
with ReusableClient(c) as rc:
    report("reuse start")
    show("reuse handler", lambda: rc.get("/")[1].json)
    show("reuse outside", lambda: snap(c))
report("reuse stop")
