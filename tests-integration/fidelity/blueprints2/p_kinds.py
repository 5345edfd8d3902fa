"""Every kind of blueprint registration: static, websocket, add_route, listener, signal."""

import asyncio

from _probe import new_app, req, show

from sanic import Blueprint, response
from sanic.views import HTTPMethodView

LOG: list[str] = []
app = new_app("kinds")
bp = Blueprint("k", url_prefix="/k", version=2)
bp.static("/st", "/tmp/bp2static")
bp.static("/named", "/tmp/bp2static", name="mystatic")
bp.static("/file", "/tmp/bp2static/a.txt", name="onefile")


async def h(request):
    return response.text(request.route.name)


bp.add_route(h, "/ar")
bp.add_route(h, "/ar2", name="custom", methods=["GET", "POST"])


class V(HTTPMethodView):
    async def get(self, request):
        return response.text("view")


bp.add_route(V.as_view(), "/view")


@bp.route("/dec", name="decname")
async def decorated(request):
    return response.text(request.route.name)


@bp.get("/plain")
async def plain(request):
    return response.text(request.route.name)


@bp.websocket("/ws")
async def wsh(request, ws):
    await ws.send("hi")


@bp.websocket("/ws2", name="wsnamed")
async def wsh2(request, ws):
    await ws.send("hi")


async def wsh3(request, ws):
    await ws.send("hi")


bp.add_websocket_route(wsh3, "/ws3")


@bp.listener("before_server_start")
async def bl(app_, loop):
    LOG.append("bp before_server_start")


@bp.before_server_start
async def bl2(app_):
    LOG.append("bp before_server_start shorthand")


@bp.after_server_start
async def bl3(app_):
    LOG.append("bp after_server_start")


@bp.signal("kinds.bp.done")
async def bsig(**kw):
    LOG.append(f"bp signal {sorted(kw)}")


@bp.signal("kinds.dyn.<thing>")
async def bsig2(thing, **kw):
    LOG.append(f"bp signal thing={thing}")


@bp.get("/fire")
async def fire(request):
    await request.app.dispatch("kinds.bp.done")
    await request.app.dispatch("kinds.dyn.go")
    await asyncio.sleep(0.05)
    return response.text("fired")


app.blueprint(bp)
show("route names", lambda: sorted(r.name for r in app.router.routes))
show("route paths", lambda: sorted(r.path for r in app.router.routes))
show("router.name_index", lambda: sorted(app.router.name_index))
show("bp routes", lambda: sorted(r.name for r in bp.routes))
show("bp statics", lambda: sorted(r.name for r in getattr(bp, "statics", []) or []))
show(
    "bp websocket_routes", lambda: sorted(r.name for r in getattr(bp, "websocket_routes", []) or [])
)
show(
    "bp listeners",
    lambda: (
        sorted((k, len(v)) for k, v in bp.listeners.items()) if hasattr(bp, "listeners") else None
    ),
)
show(
    "signal names",
    lambda: sorted(
        s.name
        for s in app.signal_router.routes
        if not s.name.startswith("http.")
        and not s.name.startswith("server.")
        and "__" not in s.name
    ),
)
for name, kw in [
    ("k.static", {"filename": "a.txt"}),
    ("k.mystatic", {"filename": "a.txt"}),
    ("k.onefile", {}),
    ("k.h", {}),
    ("k.custom", {}),
    ("k.V", {}),
    ("k.decname", {}),
    ("k.plain", {}),
    ("k.wsh", {}),
    ("k.wsnamed", {}),
    ("k.wsh3", {}),
    ("kinds.k.plain", {}),
    ("plain", {}),
    ("k.nope", {}),
    ("static", {"name": "k.static", "filename": "a.txt"}),
    ("static", {"name": "k.mystatic", "filename": "a.txt"}),
]:
    show(f"url_for {name} {kw}", lambda n=name, k=kw: app.url_for(n, **k))
for path in [
    "/v2/k/st/a.txt",
    "/v2/k/named/a.txt",
    "/v2/k/file",
    "/v2/k/ar",
    "/v2/k/ar2",
    "/v2/k/view",
    "/v2/k/dec",
    "/v2/k/plain",
    "/k/plain",
    "/v2/k/fire",
]:
    req(app, f"GET {path}", "GET", path)
print("log", LOG)


async def ws_probe():
    _, ws = await app.asgi_client.websocket("/v2/k/ws")
    return getattr(ws, "received", None)


show("ws over asgi", lambda: asyncio.run(ws_probe()))
