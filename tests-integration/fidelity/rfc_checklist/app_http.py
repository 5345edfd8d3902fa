"""Small app for the RFC conformance checklist (raw-socket checks under Sanic and Hurtle)."""

from sanic import Sanic
from sanic.response import empty, json, text

app = Sanic("RfcChecklist")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.REQUEST_TIMEOUT = 3
app.config.AUTO_EXTEND = False


@app.route("/", methods=["GET", "HEAD"])
async def index(request):
    return text("hello")


@app.route("/echo", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
async def echo(request):
    return json(
        {
            "method": request.method,
            "body": request.body.decode("latin-1"),
            "host": request.host,
            "path": request.path,
            "version": request.version,
            "query": request.query_string,
        }
    )


@app.post("/stream-in", stream=True)
async def stream_in(request):
    body = b""
    async for chunk in request.stream:
        body += chunk
    return json({"body": body.decode("latin-1")})


@app.get("/status/<code:int>")
async def status(request, code):
    return text("content", status=code)


@app.get("/empty/<code:int>")
async def empty_status(request, code):
    return empty(status=code)


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain")
    await r.send("ab")
    await r.send("cd")
    await r.eof()


@app.options("/opt")
async def opt(request):
    return empty()


@app.websocket("/ws")
async def ws(request, ws):
    async for msg in ws:
        await ws.send(msg)


@app.websocket("/wsp", subprotocols=["chat", "superchat"])
async def wsp(request, ws):
    await ws.send(ws.subprotocol or "none")
    async for msg in ws:
        await ws.send(msg)
