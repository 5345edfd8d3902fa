"""The app of `asgi5_ws.py` ("ASGI mode, fifth check" in README.md): three websocket
routes whose handlers append what they see to $EVENTS (one JSON line each)."""
import json
import os

from sanic import Sanic

EV = os.environ["EVENTS"]
app = Sanic("A5")
app.config.FORWARDED_SECRET = "s3"
app.config.REAL_IP_HEADER = "x-real-ip"


def note(**kw):
    with open(EV, "a") as fh:
        fh.write(json.dumps(kw, sort_keys=True, default=repr) + "\n")


def probe(thing):
    try:
        return repr(thing())[:200]
    except BaseException as e:
        return f"EXC {type(e).__name__}: {e}"[:160]


def view(request):
    return {name: probe(lambda n=name: getattr(request, n))
            for name in ("url", "forwarded", "remote_addr", "scheme", "host", "server_name", "ip", "client_ip")}


@app.websocket("/ws/rewrite")
async def rewrite(request, ws):
    before = view(request)
    request.headers["forwarded"] = "for=9.9.9.9;proto=https;host=rewritten.example;secret=s3"
    request.headers["x-real-ip"] = "8.8.8.8"
    request.headers["host"] = "rewritten-host.example"
    note(where="rewrite", before=before, after=view(request))
    await ws.send("done")


@app.websocket("/ws/rewrite_first")
async def rewrite_first(request, ws):
    request.headers["forwarded"] = "for=9.9.9.9;proto=https;host=rewritten.example;secret=s3"
    request.headers["x-real-ip"] = "8.8.8.8"
    request.headers["host"] = "rewritten-host.example"
    note(where="rewrite_first", after=view(request))
    await ws.send("done")


@app.websocket("/ws/body")
async def body(request, ws):
    note(where="body", body=probe(lambda: request.body))
    await ws.send("body:" + repr(request.body))


@app.websocket("/ws/pong")
async def pong(request, ws):
    await ws.close()
    try:
        await ws.pong(5)
        note(where="pong awaited", result="ok")
    except BaseException as e:
        note(where="pong awaited", result=f"EXC {type(e).__name__}: {e}")
    await ws.send("after close")  # ends the handler with WebsocketClosed


@app.signal("websocket.handler.before")
async def ws_before(**kw):
    note(where="signal before")


@app.signal("websocket.handler.after")
async def ws_after(**kw):
    note(where="signal after")


@app.signal("websocket.handler.exception")
async def ws_exception(**kw):
    exc = kw.get("exception")
    note(where="signal exception", exception=f"{type(exc).__name__}: {exc}", keys=sorted(kw))
