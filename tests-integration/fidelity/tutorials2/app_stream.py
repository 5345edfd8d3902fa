"""Streaming request bodies (pattern origin: the upload handlers that write
`request.stream` chunks to a file, Ayon-style `async for chunk in request.stream()`
rewritten for Sanic, sanic-guide streaming page's `stream=True` route): a body hashed
chunk by chunk with `await request.stream.read()`, `async for` over `request.stream`,
a route that reads nothing, `request.body` on a streaming route, a size cap."""

import hashlib

from sanic import Sanic
from sanic.exceptions import PayloadTooLarge
from sanic.response import json, text

app = Sanic("TutStream2")


@app.put("/upload", stream=True)
async def upload(request):
    h = hashlib.sha256()
    size = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        size += len(chunk)
        h.update(chunk)
    return json({"size": size, "sha256": h.hexdigest()[:16]})


@app.post("/iter", stream=True)
async def iterate(request):
    size = 0
    async for chunk in request.stream:
        size += len(chunk)
        if size > 20:
            raise PayloadTooLarge("over 20 bytes")
    return text(f"got {size}")


@app.post("/ignore", stream=True)
async def ignore(request):
    return text("not reading")


@app.post("/body", stream=True)
async def body(request):
    return json({"body": repr(request.body), "stream": request.stream is not None})


@app.post("/receive", stream=True)
async def receive(request):
    await request.receive_body()
    return json({"body": request.body.decode()})
