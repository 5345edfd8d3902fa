"""Routing attributes seen by middleware and error handlers on hits, 404s and 405s."""
from sanic import Sanic
from sanic.exceptions import MethodNotAllowed, NotFound
from sanic.response import json

app = Sanic("R3miss")


def attrs(request):
    r = request.route
    out = {"path": request.path}
    for name in ("name", "endpoint", "uri_template", "match_info"):
        try:
            out[name] = getattr(request, name)
        except Exception as e:
            out[name] = [type(e).__name__, str(e)]
    out["route"] = None if r is None else [r.name, r.path, sorted(r.methods)]
    return out


@app.on_request
async def mw(request):
    request.ctx.seen = attrs(request)


@app.get("/u/<id:int>")
async def user(request, id):
    return json({"h": attrs(request), "mw": request.ctx.seen})


@app.post("/only-post/<x>")
async def only_post(request, x):
    return json({"h": attrs(request)})


@app.exception(NotFound)
async def nf(request, exc):
    return json({"nf": attrs(request), "mw": getattr(request.ctx, "seen", None),
                 "exc": [type(exc).__name__, str(exc), exc.status_code]}, status=404)


@app.exception(MethodNotAllowed)
async def mna(request, exc):
    return json({"mna": attrs(request), "mw": getattr(request.ctx, "seen", None),
                 "exc": [type(exc).__name__, str(exc), exc.status_code],
                 "headers": dict(exc.headers) if getattr(exc, "headers", None) else None},
                status=405, headers=getattr(exc, "headers", None))
