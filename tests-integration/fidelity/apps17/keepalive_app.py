"""Per-connection state (written for this round): a request counter and a login kept in
``request.conn_info.ctx`` across keep-alive requests (several requests sent in one go on
one connection), ``request.conn_info`` fields (``client_ip``, ``server``, ``ssl``,
``sockname`` type), ``request.id`` as generated (its type), ``request.ctx`` fresh each
time, ``Connection: close`` from the client mid-way, a handler asking to close with a
``Connection: close`` header, and ``KEEP_ALIVE_TIMEOUT`` read back."""

from sanic import Sanic
from sanic.response import json, text

app = Sanic("keepalive")
app.config.KEEP_ALIVE_TIMEOUT = 7


@app.on_request
async def count(request):
    ctx = request.conn_info.ctx
    ctx.n = getattr(ctx, "n", 0) + 1
    request.ctx.fresh = not hasattr(request.ctx, "seen")
    request.ctx.seen = True


@app.get("/n")
async def n(request):
    ci = request.conn_info
    return json({"n": ci.ctx.n, "user": getattr(ci.ctx, "user", None),
                 "client_ip": ci.client_ip, "server_is_str": isinstance(ci.server, str), "ssl": ci.ssl,
                 "sockname": type(ci.sockname).__name__, "fresh": request.ctx.fresh,
                 "id_type": type(request.id).__name__,
                 "keep_alive_timeout": request.app.config.KEEP_ALIVE_TIMEOUT})


@app.post("/login/<user>")
async def login(request, user):
    request.conn_info.ctx.user = user
    return text(f"logged in {user} on this connection")


@app.get("/bye")
async def bye(request):
    return text("closing", headers={"Connection": "close"})
