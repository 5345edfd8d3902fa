"""What middleware sees of streamed responses, static files and websocket routes (sanic-diff app).

Every middleware appends to EV (GET /_ev returns and clears it) what it saw: the route's
name and uri_template, and for response middleware the response's type, status, body and
content-type. Response middleware also sets x-mw, to see whether a field it adds goes out.
Run: python3 diffrun.py stream_app.py stream.http
"""

from pathlib import Path

from sanic import Blueprint, Request, Sanic
from sanic.response import ResponseStream, file_stream, text

app = Sanic("MwStream")
app.static("/static", Path(__file__).parent / "static", name="files")
EV: list = []
bp = Blueprint("sbp", url_prefix="/bp")
bp.static("/files", Path(__file__).parent / "static", name="bpfiles")


@bp.on_request
async def bp_req(request):
    if request.args.get("bpdeny"):
        return text("bp denied", status=403)
    EV.append(f"bp req {where(request)}")


@bp.on_response
async def bp_resp(request, response):
    EV.append(f"bp resp {where(request)} {response.status}")
    response.headers["x-bp"] = "seen"


app.blueprint(bp)


def where(request):
    route = request.route
    return (
        f"{route.name if route else None} {request.uri_template}"
        f" {request.name} {request.endpoint} {Request.get_current() is request}"
    )


@app.on_request
async def req(request):
    if request.path.startswith("/_ev"):
        return None
    EV.append(f"req {where(request)}")
    if request.args.get("deny"):
        return text("denied", status=403)
    if request.args.get("qstream"):

        async def early(stream):
            await stream.write("early stream")

        return ResponseStream(early, content_type="text/x-early")
    return None


@app.on_response
def resp(request, response):  # sync
    if request.path.startswith("/_ev"):
        return None
    body = getattr(response, "body", "-")
    EV.append(
        f"resp {where(request)} {type(response).__name__} {getattr(response, 'status', '-')} "
        f"{body[:16] if isinstance(body, bytes) else body!r} {response.headers.get('content-type')}"
    )
    response.headers["x-mw"] = "seen"
    if request.args.get("replace"):
        return text("replaced", status=201)
    if request.args.get("rraise"):
        raise ValueError("from response middleware")
    if request.args.get("rval"):
        return "not a response"
    if request.args.get("rstream"):

        async def other(stream):
            await stream.write("from the middleware's stream")

        return ResponseStream(other, content_type="text/x-mw")
    return None


@app.get("/respond")
async def respond(request):
    try:
        response = await request.respond(content_type="text/csv")
    except Exception as exc:
        EV.append(f"handler: respond raised {type(exc).__name__}: {exc}")
        raise
    EV.append(f"handler after respond {type(response).__name__} {response.headers.get('x-mw')}")
    await response.send("a,b\n")
    await response.send("1,2\n")
    await response.eof()


@app.get("/respond-whole")
async def respond_whole(request):
    await request.respond(text("whole"))


@app.get("/respond-return")
async def respond_return(request):
    response = await request.respond(text("first"))
    return response


@app.get("/stream")
async def stream(request):
    async def body(response):
        await response.write("x")
        await response.write("y")

    return ResponseStream(body, content_type="text/plain", headers={"x-h": "1"})


@app.get("/file")
async def file(request):
    return await file_stream(Path(__file__).parent / "static" / "a.txt")


@app.websocket("/ws")
async def ws(request, ws):
    EV.append(f"ws handler {where(request)}")
    await ws.send("hello")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return text("\n".join(out))
