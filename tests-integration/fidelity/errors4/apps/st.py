from sanic import Sanic, text
from sanic.exceptions import *

app = Sanic("st")


@app.post("/s", stream=True)
async def s(r):
    m = r.args.get("m")
    if m == "before":
        raise BadRequest("before read")
    n = 0
    while True:
        b = await r.stream.read()
        if b is None:
            break
        n += len(b)
        if m == "mid":
            raise ValueError("mid read")
    if m == "after":
        raise NotFound("after read")
    return text(str(n))


@app.post("/r", stream=True)
async def rr(r):
    resp = await r.respond(content_type="text/plain")
    await resp.send("head sent")
    body = b""
    async for chunk in r.stream:
        body += chunk
    raise ServerError("after respond")


@app.exception(NotFound)
def nf(r, e):
    return text("nf handled", status=404)
