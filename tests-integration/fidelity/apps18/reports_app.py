"""Slow reports under a response timeout (written for this round): ``RESPONSE_TIMEOUT`` of
one second set in the config; a report that takes longer is cut by the server (503), and
its handler sees ``CancelledError`` (recorded, then re-raised) with its cleanup done in
``finally``; a report that guards itself with ``asyncio.wait_for`` and answers 504 by hand
first; a streamed report that starts answering in time and then stalls (the head is out);
a fast report; ``/log`` shows what the handlers recorded; a ``@app.exception`` for
``ServiceUnavailable`` rewording the timeout's page."""

import asyncio

from sanic import Sanic
from sanic.exceptions import ServiceUnavailable
from sanic.response import json, text

app = Sanic("reports")
app.config.RESPONSE_TIMEOUT = 1
LOG = []


@app.exception(ServiceUnavailable)
async def unavailable(request, exc):
    LOG.append(f"exception handler: {exc}")
    return json({"error": "report took too long", "detail": str(exc)}, status=503,
                headers={"Retry-After": "120"})


@app.get("/fast")
async def fast(request):
    return text("fast report")


@app.get("/slow")
async def slow(request):
    try:
        await asyncio.sleep(3)
        return text("never")
    except asyncio.CancelledError as exc:
        LOG.append(f"slow cancelled: {exc.args!r}")
        raise
    finally:
        LOG.append("slow cleanup")


@app.get("/guarded")
async def guarded(request):
    try:
        await asyncio.wait_for(asyncio.sleep(3), timeout=0.3)
    except asyncio.TimeoutError:
        LOG.append("guarded gave up")
        return text("gateway timeout by hand", status=504)
    return text("never")


@app.get("/stalls")
async def stalls(request):
    resp = await request.respond(content_type="text/plain")
    await resp.send("part 1\n")
    try:
        await asyncio.sleep(3)
        await resp.send("part 2\n")
    except asyncio.CancelledError:
        LOG.append("stalls cancelled")
        raise
    await resp.eof()


@app.get("/log")
async def log(request):
    return json(LOG)
