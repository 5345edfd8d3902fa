"""Feature flags changed at run time (written for this round): flags live in
``app.config`` (``FLAG_*`` keys loaded by ``update_config`` from a dict and from a class),
read by a middleware that hides flagged routes (404) and by handlers; an admin endpoint
changes one with ``app.config.update`` and dispatches ``flags.changed.<flag>`` with
``context=``; handlers subscribe with ``condition={"critical": True}`` and without one, and
``app.dispatch(..., condition=...)`` routes it; ``app.event`` waited with ``timeout=``;
``config.get`` with a default; ``FLAG_`` keys listed by iterating the config."""

import asyncio

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import json, text

app = Sanic("flags")
app.update_config({"FLAG_NEW_CHECKOUT": False, "FLAG_DARK_MODE": True})


class Defaults:
    FLAG_BETA_SEARCH = False
    not_a_setting = "ignored"


app.update_config(Defaults)
AUDIT = []


@app.signal("flags.changed.<flag>")
async def on_any_change(flag=None, **context):
    AUDIT.append(("any", context.get("value")))


@app.signal("flags.changed.<flag>", condition={"critical": True})
async def on_critical(**context):
    AUDIT.append(("critical", context.get("value")))


@app.on_request
async def gate(request):
    route = request.route
    needs = route.ctx.__dict__.get("flag") if route is not None else None
    if needs and not request.app.config.get(needs, False):
        raise NotFound(f"{request.path} is not enabled")


@app.get("/checkout", ctx_flag="FLAG_NEW_CHECKOUT")
async def checkout(request):
    return text("new checkout")


@app.get("/search", ctx_flag="FLAG_BETA_SEARCH")
async def search(request):
    return text("beta search")


@app.get("/flags")
async def flags(request):
    return json({k: v for k, v in request.app.config.items() if k.startswith("FLAG_")})


@app.put("/flags/<name>")
async def set_flag(request, name):
    key = f"FLAG_{name.upper()}"
    if key not in request.app.config:
        raise NotFound(f"no flag {name}")
    value = bool(request.json)
    request.app.config.update({key: value})
    critical = request.args.get("critical") == "1"
    await request.app.dispatch(
        f"flags.changed.{name}", context={"value": value},
        condition={"critical": True} if critical else None,
    )
    await asyncio.sleep(0)
    return json({key: request.app.config[key]})


@app.get("/audit")
async def audit(request):
    return json(AUDIT)


@app.get("/wait")
async def wait(request):
    try:
        await request.app.event("flags.changed.dark_mode", timeout=0.2)
        return text("changed")
    except asyncio.TimeoutError:
        return text("timed out", status=408)


@app.get("/theme")
async def theme(request):
    return text("dark" if request.app.config.get("FLAG_DARK_MODE") else "light",
                headers={"X-Missing": str(request.app.config.get("FLAG_NOPE", "default"))})
