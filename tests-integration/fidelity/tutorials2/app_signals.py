"""Signals as the user guide and projects use them (pattern origin: sanic-org/sanic-guide
src/en/guide/advanced/signals.md: `user.registration.created` dispatched from a handler
with `context=`, `add_signal` with `conditions`, `bp.signal`; built-in
`http.lifecycle.request`/`http.lifecycle.handle`/`http.routing.after` used to stamp
request.ctx): a dynamic event part, `inline=True`, `app.event()` waited on, a signal
handler that raises."""

import asyncio

from sanic import Blueprint, Sanic
from sanic.response import json

app = Sanic("TutSignals2")
bp = Blueprint("notify", url_prefix="/n")
sent: list = []


@app.signal("user.registration.created")
async def send_registration_email(**context):
    sent.append(("email", context.get("email")))


@app.signal("user.registration.<kind>")
async def any_registration(kind, **context):
    sent.append(("kind", kind))


async def vip_only(**context):
    sent.append(("vip", context.get("email")))


# The guide's `conditions=` keyword is a TypeError in 25.12 under both (it is `condition=`).
app.add_signal(vip_only, "user.vip.created", condition={"tier": "gold"})


@bp.signal("notify.bp.ping")
async def bp_ping(**context):
    sent.append(("bp", context.get("n")))


@app.signal("http.lifecycle.request")
async def stamp(request):
    request.ctx.stamped = True


@app.signal("http.routing.after")
async def routed(request, route, kwargs, handler):
    request.ctx.route_name = route.name


@app.signal("broken.signal.handler")
async def broken(**context):
    raise RuntimeError("signal handler failed")


@app.post("/register")
async def register(request):
    sent.clear()
    email = (request.json or {}).get("email")
    await request.app.dispatch("user.registration.created", context={"email": email}, inline=True)
    await request.app.dispatch(
        "user.vip.created",
        context={"email": email},
        condition={"tier": request.args.get("tier", "none")},
        inline=True,
    )
    return json({"sent": sent, "stamped": request.ctx.stamped, "route": request.ctx.route_name})


@bp.get("/ping")
async def ping(request):
    sent.clear()
    await request.app.dispatch("notify.bp.ping", context={"n": 1}, inline=True)
    return json({"sent": sent})


@app.get("/wait")
async def wait(request):
    async def later():
        await asyncio.sleep(0.05)
        await request.app.dispatch("custom.wait.done")

    request.app.add_task(later())
    await asyncio.wait_for(request.app.event("custom.wait.done"), timeout=2)
    return json({"waited": True})


@app.get("/broken")
async def call_broken(request):
    await request.app.dispatch("broken.signal.handler", inline=True)
    return json({"after": True})


@app.get("/broken-bg")
async def call_broken_bg(request):
    await request.app.dispatch("broken.signal.handler")
    await asyncio.sleep(0.05)
    return json({"after": True})


@app.get("/unknown")
async def unknown(request):
    await request.app.dispatch("never.registered.event")
    return json({"after": True})


app.blueprint(bp)
