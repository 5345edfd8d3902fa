"""bool(request.stream) / bool(response.stream) at each step (sanic-diff bool_app.py bool.http)."""

import asyncio

from sanic import Sanic
from sanic.response import json, text

app = Sanic("Bool3")
STEPS: list = []


@app.on_request
async def req_mw(request):
    STEPS.append(("request mw", bool(request.stream)))


@app.on_response
async def resp_mw(request, response):
    STEPS.append(("response mw", bool(request.stream), bool(response.stream)))


@app.get("/steps")
async def steps(request):
    await asyncio.sleep(0.2)
    out = [s for s in STEPS if s[0] != "request mw" or True]
    STEPS.clear()
    return json(out)


@app.get("/plain")
async def plain(request):
    STEPS.append(("handler", bool(request.stream)))
    return text("ok")


@app.get("/streamed")
async def streamed(request):
    STEPS.append(("handler", bool(request.stream)))
    response = await request.respond(content_type="text/plain")
    STEPS.append(("after respond", bool(request.stream), bool(response.stream)))
    await response.send("a")
    STEPS.append(("after send", bool(request.stream), bool(response.stream)))
    await response.eof()
    STEPS.append(("after eof", bool(request.stream), bool(response.stream)))

    async def later():
        await asyncio.sleep(0.05)
        STEPS.append(("task", bool(request.stream), bool(response.stream)))

    request.app.add_task(later())


@app.get("/returned")
async def returned(request):
    response = await request.respond(content_type="text/plain")
    await response.send("a")

    async def later():
        await asyncio.sleep(0.05)
        STEPS.append(("task after return", bool(request.stream), bool(response.stream)))

    request.app.add_task(later())


@app.post("/body", stream=True)
async def body(request):
    STEPS.append(("stream handler", bool(request.stream)))
    n = 0
    async for chunk in request.stream:
        n += len(chunk)
    STEPS.append(("stream read", bool(request.stream)))
    return text(str(n))


class Boom(Exception):
    pass


@app.exception(Boom)
async def on_boom(request, exception):
    STEPS.append(("exception handler", bool(request.stream)))
    return text("boom", status=500)


@app.get("/raise")
async def raise_(request):
    raise Boom()


@app.get("/raise-after-send")
async def raise_after_send(request):
    response = await request.respond(content_type="text/plain")
    await response.send("a")
    raise Boom()
