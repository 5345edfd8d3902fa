"""An audit trail driven by signals (written for this round): handlers on the built-in
``http.lifecycle.*`` and ``http.routing.*`` events recording what each request went
through, custom ``audit.<entity>.<action>`` signals with a dynamic part and a
``condition``, dispatched from views with ``context`` (``inline=True`` to get the result,
``fail_not_found=False`` for an unknown event, ``exclusive=False``), a blueprint's own
signal, ``app.event`` waited with a timeout, and a handler that raises (logged, the request
unharmed)."""

import asyncio

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import json

app = Sanic("audit")
TRAIL: list = []


def record(entry):
    TRAIL.append(entry)


@app.signal("http.lifecycle.request")
async def on_request(request, **_):
    request.ctx.steps = ["request"]


@app.signal("http.routing.after")
async def on_routed(request, route, kwargs, handler, **_):
    request.ctx.steps.append(f"routed:{route.name}:{sorted(kwargs)}")


@app.signal("http.lifecycle.handle")
async def on_handle(request, **_):
    request.ctx.steps.append("handle")


@app.signal("http.lifecycle.response")
async def on_response(request, response, **_):
    steps = getattr(request.ctx, "steps", None)
    if steps is not None and request.path.startswith("/items"):
        record({"path": request.path, "status": response.status, "steps": steps + ["response"]})


# ``audit.<entity>.<action>`` (two dynamic parts) is refused alike by both
# ("Invalid signal event"): one dynamic part, the last.
@app.signal("audit.item.<action>")
async def audit_any(action, **context):
    record({"entity": "item", "action": action, "who": context.get("who")})
    return f"item/{action}"


@app.signal("audit.user.<action>")
async def audit_user(action, **context):
    record({"entity": "user", "action": action, "who": context.get("who")})
    return f"user/{action}"


@app.signal("audit.item.delete", condition={"level": "high"})
async def audit_high(**context):
    record({"alert": "high-level delete", "who": context.get("who")})


@app.signal("audit.item.explode")
async def audit_broken(**context):
    raise ValueError("audit sink is down")


ITEMS = {"1": "pen", "2": "ink"}
store = Blueprint("store", url_prefix="/items")


@store.signal("store.item.viewed")
async def viewed(item, **_):
    record({"viewed": item})


@store.get("/<key>")
async def get_item(request, key):
    if key not in ITEMS:
        raise NotFound("no item")
    await request.app.dispatch("store.item.viewed", context={"item": key})
    return json({"key": key, "value": ITEMS[key]})


@store.delete("/<key>")
async def delete_item(request, key):
    level = request.args.get("level", "low")
    who = request.headers.get("x-user", "anon")
    result = await request.app.dispatch("audit.item.delete", context={"who": who},
                                        condition={"level": level} if level == "high" else None,
                                        inline=True)
    ITEMS.pop(key, None)
    return json({"deleted": key, "dispatch": result})


@store.post("/<key>/explode")
async def explode(request, key):
    task = await request.app.dispatch("audit.item.explode", context={"who": "x"})
    await asyncio.sleep(0.02)
    return json({"task": type(task).__name__})


@app.post("/dispatch/<event>")
async def any_event(request, event):
    result = await request.app.dispatch(event, context={"who": "api"}, inline=True,
                                        fail_not_found=False)
    return json({"event": event, "result": result})


@app.post("/dispatch-strict/<event>")
async def strict_event(request, event):
    result = await request.app.dispatch(event, context={"who": "api"}, inline=True)
    return json({"event": event, "result": result})


@app.get("/wait")
async def wait(request):
    try:
        await request.app.event("audit.user.login", timeout=0.05)
    except asyncio.TimeoutError:
        return json({"waited": "timeout"})
    return json({"waited": "got it"})


@app.get("/trail")
async def trail(request):
    await asyncio.sleep(0.02)
    return json(TRAIL)


app.blueprint(store)
