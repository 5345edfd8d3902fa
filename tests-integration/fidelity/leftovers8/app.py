"""The app ``probe.py`` serves (items 2, 3, 4, 6 of "Leftovers, eighth pass")."""

from sanic import Sanic, text
from sanic.exceptions import MethodNotAllowed, RequestTimeout, SanicException

app = Sanic("L8")


@app.get("/timeout")
async def own_timeout(request):
    raise RequestTimeout("handler's own")


@app.get("/ok")
async def ok(request):
    return text("ok")


@app.get("/boom")
async def boom(request):
    raise SanicException("boom", status_code=500)


@app.get("/405-plain")
async def plain_405(request):
    raise SanicException("no", status_code=405)


@app.get("/405-methods")
async def methods_405(request):
    raise MethodNotAllowed("no", "PUT", ["GET", "HEAD"])


@app.websocket("/ws-raises")
async def ws_raises(request, ws):
    await ws.recv()
    raise RuntimeError("handler fails")
