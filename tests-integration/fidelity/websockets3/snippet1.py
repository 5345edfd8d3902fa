# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
from snippet_base import *  # noqa: F403
class V(HTTPMethodView):
    async def get(self, request, ws):
        await ws.send("cbv get")
try:
    app.add_websocket_route(V.as_view(), "/cbv")
except Exception as e: OUT.append(f"cbv reg {type(e).__name__}: {e}")
try:
    @app.route("/rw", websocket=True)
    async def rw(request, ws): await ws.send("route ws=True")
    OUT.append(f"route deco returns {type(rw).__name__}")
except Exception as e: OUT.append(f"route websocket reg {type(e).__name__}: {e}")
@app.websocket("/d")
async def d(request, ws): await ws.send("d")
OUT.append(f"ws deco returns {type(d).__name__} {getattr(d,'__name__',None)}")
r = app.add_websocket_route(d, "/d2", name="d2")
OUT.append(f"add_websocket_route returns {type(r).__name__}")
try:
    @app.websocket("/noarg")
    async def noarg(request): OUT.append("noarg ran")
except Exception as e: OUT.append(f"noarg reg {type(e).__name__}: {e}")
@app.websocket("/sync")
def syncw(request, ws): OUT.append("sync ran")
@app.websocket("/kw/<a>")
async def kw(request, ws, **kwargs): await ws.send(f"kw {kwargs}")
@app.websocket("/fmt", error_format="json")
async def fmt(request, ws): await ws.send("fmt")
@app.websocket("/sp_order", subprotocols=["b", "a"])
async def spo(request, ws): await ws.send(f"sp {ws.subprotocol}")
run(["/cbv", "/rw", "/d", "/d2", "/noarg", "/sync", "/kw/1", "/fmt"])
