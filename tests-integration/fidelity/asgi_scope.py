"""ASGI scope probe for the servers section of README.md (events go to $EVENTS_FILE)."""
import asyncio
import os
import tempfile

from sanic import Sanic
from sanic.response import json as js
from sanic.response import redirect, text

app = Sanic("AsgiScope")
EV = os.environ.get("EVENTS_FILE", os.path.join(tempfile.gettempdir(), "asgi_scope_events.txt"))

def ev(x):
    with open(EV, "a") as f:
        f.write(x + "\n")

for name in ("before_server_start", "after_server_start", "before_server_stop", "after_server_stop"):
    def mk(name):
        async def listener(app, *a):
            ev(name)
            if name == "before_server_start" and os.environ.get("FAIL_START"):
                raise RuntimeError("boom at start")
        return listener
    app.register_listener(mk(name), name)

@app.get("/info")
async def info(request):
    return js({
        "path": request.path, "url": request.url, "url_for": request.app.url_for("info"),
        "url_for_ext": request.url_for("info"), "raw_url": request.raw_url.decode("latin-1"),
        "scheme": request.scheme, "host": request.host, "server_name": request.server_name,
        "server_port": request.server_port, "ip": request.ip, "port": request.port,
        "query": request.query_string, "args": request.args,
        "scope_root": request.scope.get("root_path") if hasattr(request, "scope") else "noscope",
        "headers": sorted([k, v] for k, v in request.headers.items()),
        "version": request.version, "ctx": getattr(request.app.ctx, "x", None),
    })

@app.get("/p/<name>")
async def p(request, name):
    return js({"name": name, "path": request.path, "url_for": request.app.url_for("p", name=name)})

@app.get("/hdr")
async def hdr(request):
    v = request.headers.get("x-odd")
    return text(repr(v))

@app.get("/stream")
async def stream(request):
    r = await request.respond(content_type="text/plain")
    for i in range(3):
        await r.send(f"chunk{i}\n")
        await asyncio.sleep(0.05)
    await r.eof()

@app.get("/slow")
async def slow(request):
    r = await request.respond(content_type="text/plain")
    try:
        for i in range(40):
            await r.send(f"chunk{i}\n")
            await asyncio.sleep(0.05)
        ev("slow finished")
    except BaseException as e:
        ev(f"slow {type(e).__name__}")
        raise
    await r.eof()

@app.post("/upload", stream=True)
async def upload(request):
    total, n = 0, 0
    try:
        async for chunk in request.stream:
            total += len(chunk)
            n += 1
    except BaseException as e:
        ev(f"upload {type(e).__name__}")
        raise
    ev(f"upload ok {total}")
    return text(f"streamed {total}")

@app.post("/body")
async def body(request):
    return text(f"body {len(request.body)}")

@app.websocket("/ws", subprotocols=["b", "a"])
async def ws(request, ws):
    ev(f"ws sub {ws.subprotocol}")
    try:
        while True:
            m = await ws.recv()
            ev(f"ws got {type(m).__name__} {m!r}")
            if m == "close":
                await ws.close(4001, "bye")
                break
            await ws.send(m)
    except BaseException as e:
        ev(f"ws {type(e).__name__} {getattr(e, 'code', '')}")
        raise

@app.websocket("/ws-end")
async def ws_end(request, ws):
    await ws.send("hi")



@app.get("/redir")
async def redir(request):
    return redirect("/info")

@app.get("/custom")
async def custom(request):
    return text("c", headers={"X-Custom": "Yes", "Set-Cookie": "a=b"})
