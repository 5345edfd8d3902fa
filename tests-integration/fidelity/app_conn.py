"""Connection management on the wire: keep-alive, HTTP/1.0, Connection: close, limits
with Expect: 100-continue (variants: app_conn_nokeepalive, app_conn_limits)."""

from sanic import Sanic
from sanic.response import text

app = Sanic("FidelityConn")
app.config.KEEP_ALIVE_TIMEOUT = 2


@app.route("/", methods=["GET", "POST", "PUT"])
async def index(request):
    return text(f"{request.method} {len(request.body)} {request.headers.get('connection')}")


@app.get("/close")
async def close(request):
    return text("bye", headers={"connection": "close"})


@app.get("/keep")
async def keep(request):
    return text("keep", headers={"connection": "keep-alive"})


@app.post("/stream", stream=True)
async def stream(request):
    total = 0
    async for chunk in request.stream:
        total += len(chunk)
    return text(f"streamed {total}")
