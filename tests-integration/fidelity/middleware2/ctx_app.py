"""app.ctx, bp.ctx, request.ctx and request.conn_info.ctx as middleware use them (sanic-diff app).

GET /_ka?paths=/a,/b,... opens two connections to this server itself and sends the paths
one after another on each (keep-alive, each answer read before the next request), so
what conn_info.ctx keeps across requests and connections is seen.
Run: python3 diffrun.py ctx_app.py ctx.http
"""

import asyncio

from sanic import Blueprint, Request, Sanic
from sanic.response import json, text

app = Sanic("MwCtx")
app.ctx.hits = 0
bp = Blueprint("bp", url_prefix="/bp")
bp.ctx.label = "bp-label"


def types(request):
    return {
        "req_ctx": type(request.ctx).__name__,
        "conn_ctx": type(request.conn_info.ctx).__name__,
        "app_ctx": type(app.ctx).__name__,
        "bp_ctx": type(bp.ctx).__name__,
        "route_ctx": type(request.route.ctx).__name__ if request.route else None,
        "req_ctx_vars": sorted(vars(request.ctx)),
    }


@app.on_request
async def count(request):
    if request.path.startswith("/_ka"):
        return
    app.ctx.hits += 1
    request.ctx.trail = ["app-req"]
    conn = request.conn_info.ctx
    conn.n = getattr(conn, "n", 0) + 1
    conn.paths = getattr(conn, "paths", []) + [request.path]
    request.ctx.conn_n = conn.n


@bp.on_request
def bp_req(request):  # a sync one
    request.ctx.trail.append("bp-req")
    request.ctx.bp_label = request.app.blueprints["bp"].ctx.label


@app.on_response
async def stamp(request, response):
    if request.path.startswith("/_ka"):
        return
    trail = getattr(request.ctx, "trail", None)
    response.headers["x-trail"] = ",".join(trail) if trail is not None else "none"
    response.headers["x-conn-n"] = str(request.conn_info.ctx.n)
    response.headers["x-conn-paths"] = ",".join(request.conn_info.ctx.paths)
    response.headers["x-same-current"] = str(Request.get_current() is request)


@app.get("/a")
async def a(request):
    request.ctx.trail.append("handler")
    return json({"hits": app.ctx.hits, "conn_n": request.ctx.conn_n, **types(request)})


@app.post("/a")
async def a_post(request):
    request.ctx.trail.append("post")
    return text(f"posted {len(request.body)}")


@bp.get("/x")
async def bpx(request):
    request.ctx.trail.append("handler")
    return json({"label": request.ctx.bp_label, "trail": request.ctx.trail, **types(request)})


@app.get("/raise")
async def boom(request):
    request.ctx.trail.append("handler")
    raise ValueError("boom")


app.blueprint(bp)


async def roundtrip(port, paths):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = []
    try:
        for path in paths:
            method, _, target = path.partition(" ") if " " in path else ("GET", "", path)
            body = b"xyz" if method == "POST" else b""
            writer.write(
                f"{method} {target} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            lines = head.decode().split("\r\n")
            fields = dict(line.lower().split(": ", 1) for line in lines[1:] if line)
            await asyncio.wait_for(reader.readexactly(int(fields.get("content-length", 0))), 5)
            out.append(
                [
                    lines[0],
                    fields.get("x-trail"),
                    fields.get("x-conn-n"),
                    fields.get("x-conn-paths"),
                ]
            )
    finally:
        writer.close()
    return out


@app.get("/_ka")
async def keepalive(request):
    paths = request.args.get("paths", "/a,/a").split(",")
    port = request.conn_info.server_port
    first = await roundtrip(port, paths)
    second = await roundtrip(port, paths)
    return json({"first": first, "second": second})
