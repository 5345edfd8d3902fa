"""Error reporting hooks (pattern origin: sanic-org/sanic examples/exception_monitoring.py
sending exceptions to an external service, rewritten with the hooks 23.6+ offers, as
monitoring tutorials now do: `@app.report_exception`, an `http.lifecycle.exception`
signal handler, and a catch-all `@app.exception(Exception)` that still reports): which
hook sees which error (handler errors, 404, a handled error, a middleware error)."""

import asyncio

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import json

app = Sanic("TutReport")
reported: list = []


@app.report_exception
async def report(app, exception):
    reported.append(["report", type(exception).__name__])


@app.signal("http.lifecycle.exception")
async def on_exception(request, exception):
    reported.append(["signal", type(exception).__name__, request.path if request else None])


@app.exception(KeyError)
async def key_error(request, exception):
    return json({"handled": str(exception)}, status=400)


@app.on_request
async def mw(request):
    if request.args.get("mwfail"):
        raise RuntimeError("middleware failed")


@app.get("/boom")
async def boom(request):
    raise ZeroDivisionError("zero")


@app.get("/key")
async def key(request):
    raise KeyError("k")


@app.get("/nf")
async def nf(request):
    raise NotFound("not here")


@app.get("/reported")
async def show(request):
    await asyncio.sleep(0.05)
    out = list(reported)
    reported.clear()
    return json(out)
