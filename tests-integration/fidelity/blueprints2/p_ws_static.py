"""A blueprint's hooks around its websocket and static routes."""

import asyncio

from _probe import new_app, req, show

from sanic import Blueprint, response

LOG: list[str] = []
app = new_app("wsst")
bp = Blueprint("w", url_prefix="/w", version=1)
bp.static("/st", "/tmp/bp2static")


@bp.websocket("/ws")
async def ws(request, sock):
    LOG.append(f"ws {request.route.name}")
    await sock.send("hello")


@bp.websocket("/bad")
async def bad(request, sock):
    raise KeyError("ws")


@bp.on_request
async def m_req(request):
    LOG.append(f"req {request.route.name}")


@bp.on_response
async def m_resp(request, resp):
    LOG.append(f"resp {request.route.name} {getattr(resp, 'status', None)}")
    if resp is not None:
        resp.headers["x-bp"] = "1"


@bp.exception(KeyError)
async def on_key(request, exc):
    LOG.append(f"exc {request.route.name}")
    return response.text("key", status=409)


app.blueprint(bp)
for path in ["/w/st/a.txt", "/w/st/missing.txt", "/v1/w/st/a.txt"]:
    LOG.clear()
    req(app, f"GET {path}", "GET", path, headers=("content-type", "x-bp"))
    print(f"GET {path} log: {LOG}")


async def wsgo(path):
    _, ws = await app.asgi_client.websocket(path)
    return getattr(ws, "received", None) if ws is not None else None


for path in ["/v1/w/ws", "/v1/w/bad"]:
    LOG.clear()
    show(f"WS {path}", lambda p=path: asyncio.run(wsgo(p)))
    print(f"WS {path} log: {LOG}")
LOG.clear()
req(app, "GET ws without upgrade", "GET", "/v1/w/ws", headers=("content-type", "x-bp"))
print(f"GET ws log: {LOG}")
