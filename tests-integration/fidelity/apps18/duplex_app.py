"""A streaming transformer (written for this round): ``stream=True`` routes that answer
while the body is still coming: each piece read is upper-cased and sent at once on a
``request.respond()`` response (full duplex), a line counter that sends a running total per
piece, an echo that stops reading half-way and ends its answer (the rest of the body left
unread, then the next request on the connection), and a piece count sent as a trailer-like
last line. Bad chunks after the head is out cut the answer."""

from sanic import Sanic
from sanic.response import json

app = Sanic("duplex")


@app.post("/upper", stream=True)
async def upper(request):
    resp = await request.respond(content_type="text/plain")
    async for chunk in request.stream:
        await resp.send(chunk.upper())
    await resp.eof()


@app.post("/count", stream=True)
async def count(request):
    resp = await request.respond(content_type="text/plain", headers={"X-Mode": "running"})
    total = 0
    while (chunk := await request.stream.read()) is not None:
        total += chunk.count(b"\n")
        await resp.send(f"{total}\n")
    await resp.send(f"done {total}\n", end_stream=True)


@app.post("/first", stream=True)
async def first(request):
    chunk = await request.stream.read()
    resp = await request.respond(content_type="text/plain")
    await resp.send(b"first piece: " + (chunk or b"<none>"))
    await resp.eof()


@app.get("/ping")
async def ping(request):
    return json({"pong": True})
