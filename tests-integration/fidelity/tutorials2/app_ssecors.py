"""An SSE endpoint behind CORS and timing middleware (pattern origin: the Node/Workers
SSE handlers with `Access-Control-Allow-Origin: *` moved to Sanic middleware, as apps
with a dashboard do): response middleware on a `request.respond()` stream (headers
added, a response middleware returning a new response), a blueprint stream, a stream
returned as `ResponseStream` with middleware headers."""

import asyncio

from sanic import Blueprint, Sanic
from sanic.response import ResponseStream, text

app = Sanic("TutSseCors")
bp = Blueprint("live", url_prefix="/live")


@app.on_request
async def start(request):
    request.ctx.mark = "m"


@app.on_response
async def cors(request, response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["X-Mark"] = request.ctx.mark
    if request.args.get("replace"):
        return text("replaced")


@bp.on_response
async def bp_header(request, response):
    response.headers["X-Bp"] = "live"


@app.get("/events")
async def events(request):
    resp = await request.respond(
        content_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )
    for i in range(2):
        await resp.send(f"data: {i}\n\n")
        await asyncio.sleep(0)
    await resp.eof()


@bp.get("/events")
async def bp_events(request):
    resp = await request.respond(content_type="text/event-stream")
    await resp.send("data: bp\n\n")
    await resp.eof()


@app.get("/rs")
async def rs(request):
    async def produce(response):
        await response.write("data: rs\n\n")

    return ResponseStream(produce, content_type="text/event-stream", headers={"X-Own": "1"})


app.blueprint(bp)
