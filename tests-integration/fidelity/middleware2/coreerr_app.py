"""Middleware on requests the HTTP layer fails (body over the limit, bad framing, a bad
body encoding): what runs and what it sees (sanic-diff app).
Run: python3 diffrun.py coreerr_app.py coreerr.http
"""

from sanic import Request, Sanic
from sanic.response import json, text

app = Sanic("MwCoreErr")
app.config.REQUEST_MAX_SIZE = 10
EV: list = []


def seen(request):
    route = request.route
    return (
        f"{route.name if route else None} {request.name} {request.endpoint} "
        f"{request.uri_template} {Request.get_current() is request} "
        f"{type(request.conn_info.ctx).__name__ if request.conn_info else None}"
    )


@app.on_request
async def req(request):
    if request.path != "/_ev":
        request.ctx.mark = "set"
        EV.append(f"req {seen(request)}")


@app.on_response
async def resp(request, response):
    if request.path != "/_ev":
        EV.append(f"resp {response.status} {seen(request)} {getattr(request.ctx, 'mark', '-')}")
        response.headers["x-mw"] = getattr(request.ctx, "mark", "-")


@app.post("/up")
async def up(request):
    return text(f"got {len(request.body)}")


@app.post("/stream", stream=True)
async def streamed(request):
    total = 0
    while (chunk := await request.stream.read()) is not None:
        total += len(chunk)
    return text(f"streamed {total}")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
