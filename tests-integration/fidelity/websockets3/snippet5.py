# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
from snippet_base import *  # noqa: F403
import inspect
async def attempt(c):
    try: return f"ok {await c!r}"
    except BaseException as e: return f"{type(e).__name__}: {e}"
@app.websocket("/sig", ctx_foo=7)
async def sig(request, ws):
    for n in ("recv", "send", "ping", "pong", "close", "recv_burst", "recv_streaming", "__aiter__"):
        try: OUT.append(f"sig {n}{inspect.signature(getattr(ws, n))}")
        except Exception as e: OUT.append(f"sig {n} {type(e).__name__}")
    OUT.append(f"route ctx foo={getattr(request.route.ctx, 'foo', '-')} ws={getattr(request.route.ctx, 'websocket', '-')}")
    OUT.append(f"extra {sorted(k for k in vars(request.route.extra)) if hasattr(request.route, 'extra') else '-'}")
    OUT.append(f"methods {sorted(request.route.methods)} protocol {type(request.protocol).__name__} stream {request.stream is None} body {request.body!r}")
    OUT.append("send_kw " + await attempt(ws.send(message="kw")))
    OUT.append("send_surrogate " + await attempt(ws.send("\ud800")))
    OUT.append("send_strsub " + await attempt(ws.send(type("S", (str,), {})("sub"))))
    OUT.append("ping_kw " + await attempt(ws.ping(data=b"x")))
    OUT.append("recv_kw " + await attempt(ws.recv(timeout=0.01)))
    OUT.append("close_bytes " + await attempt(ws.close(code=4000, reason=b"bytes")))
@app.websocket("/h", host="example.com")
async def hh(request, ws): await ws.send("host")
@app.websocket("/vp", version=1, version_prefix="/api/v")
async def vp(request, ws): await ws.send("vp " + request.path)
@app.websocket("/close_kw")
async def close_kw(request, ws):
    OUT.append("close_reason_only " + await attempt(ws.close(reason="r only")))
run(["/sig", "/h", "/api/v1/vp", "/close_kw"])
