from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app = Sanic("T23")
@app.route("/both", methods=["GET", "POST"], name="both", strict_slashes=True)
async def both(request: Request) -> HTTPResponse:
    return text(request.method)
def sync_handler(request: Request) -> HTTPResponse:
    return text("sync")
app.add_route(sync_handler, "/sync", methods=["GET"])
@app.post("/p", stream=True)
async def p(request: Request) -> HTTPResponse:
    body = b""
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        body += chunk
    return text(str(len(body)))
@app.put("/put")
@app.patch("/patch")
@app.delete("/del")
@app.head("/head")
@app.options("/opt")
async def multi(request: Request) -> HTTPResponse:
    return text("x")
reveal_type(both)
reveal_type(sync_handler)
