"""Timeouts and size limits tutorials set in config (pattern origin: the fpx-style
`_defaults()` dict with KEEP_ALIVE False passed to Config, sanic configuration pages'
RESPONSE_TIMEOUT / REQUEST_MAX_SIZE / KEEP_ALIVE_TIMEOUT examples): a slow handler past
RESPONSE_TIMEOUT, a body over REQUEST_MAX_SIZE, KEEP_ALIVE off, a handler catching
CancelledError on timeout, a custom handler for ServiceUnavailable."""

import asyncio

from sanic import Sanic
from sanic.exceptions import ServiceUnavailable
from sanic.response import json, text

app = Sanic("TutTimeouts")
app.config.update({"RESPONSE_TIMEOUT": 1, "REQUEST_MAX_SIZE": 64, "KEEP_ALIVE": False})
log: list = []


@app.exception(ServiceUnavailable)
async def unavailable(request, exception):
    return json(
        {"error": "timeout", "status": exception.status_code, "msg": str(exception)}, status=503
    )


@app.get("/slow")
async def slow(request):
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    return text("too late")


@app.get("/log")
async def show(request):
    return json(log)


@app.post("/echo")
async def echo(request):
    return text(f"{len(request.body)}")


@app.get("/fast")
async def fast(request):
    return text("fast")
