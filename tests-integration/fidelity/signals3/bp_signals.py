"""Signals on blueprints: copies, groups, conditions, dispatch from bp and app, served.

    python bp_signals.py
"""

import logging

from sanic import Blueprint, Sanic, response

logging.disable(logging.CRITICAL)
LOG: list[str] = []

bp = Blueprint("orig", url_prefix="/o")


@bp.signal("bp.thing.happened")
async def orig_handler(**kw):
    LOG.append(f"orig_handler {sorted(kw)}")
    return "orig"


@bp.signal("http.lifecycle.request")
async def bp_request(request):
    LOG.append(f"bp http.lifecycle.request {request.path}")


@bp.get("/")
async def orig_route(request):
    r = await request.app.dispatch("bp.thing.happened", inline=True)
    r2 = await bp.dispatch("bp.thing.happened", inline=True)
    return response.text(f"{r!r} {r2!r}")


copy = bp.copy("copied", url_prefix="/c")


@copy.signal("bp.thing.happened")
async def copy_handler(**kw):
    LOG.append(f"copy_handler {sorted(kw)}")
    return "copy"


bp2 = Blueprint("second", url_prefix="/s")


@bp2.signal("bp.thing.happened", condition={"x": "1"})
async def second_handler(**kw):
    LOG.append(f"second_handler {sorted(kw)}")
    return "second"


@bp2.get("/")
async def second_route(request):
    r = await bp2.dispatch("bp.thing.happened", inline=True, condition={"x": "1"})
    r2 = await bp2.dispatch("bp.thing.happened", inline=True, fail_not_found=False)
    return response.text(f"{r!r} {r2!r}")


group = Blueprint.group(bp2, url_prefix="/g")
app = Sanic("bp_signals")
app.blueprint(bp)
app.blueprint(copy)
app.blueprint(group)


@app.get("/app")
async def app_route(request):
    r = await app.dispatch("bp.thing.happened", inline=True)
    r2 = await app.dispatch("bp.thing.happened", inline=True, condition={"blueprint": "copied"})
    r3 = await app.dispatch("bp.thing.happened", inline=True, condition={"blueprint": "second", "x": "1"})
    return response.text(f"{r!r} {r2!r} {r3!r}")


for path in ["/o/", "/c/", "/g/s/", "/app"]:
    LOG.clear()
    _, resp = app.test_client.get(path)
    print(f"== {path} {resp.status} {resp.text}")
    for line in LOG:
        print("  " + line)
print("routes", sorted(s.name if hasattr(s, "name") else repr(s) for s in app.signal_router.routes))
