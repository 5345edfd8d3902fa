# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
from snippet_base import *  # noqa: F403
async def attempt(c):
    try: return f"ok {await c!r}"
    except BaseException as e: return f"{type(e).__name__}: {e}"
defs = {
 "other_names": "async def h(req, sock): await sock.send('other_names')",
 "kwonly": "async def h(request, *, ws): await ws.send('kwonly')",
 "varargs": "async def h(*args): await args[1].send('varargs')",
 "default": "async def h(request, ws=None): await ws.send('default')",
 "kwargs_only": "async def h(request, **kw): await kw['ws'].send('kwargs_only')",
 "lambda_like": "h = lambda request, ws: ws.send('lambda')",
}
paths = []
for name, src in defs.items():
    ns = {}
    exec(src, ns)
    try:
        app.add_websocket_route(ns["h"], "/" + name, name=name)
        paths.append("/" + name)
    except Exception as e:
        OUT.append(f"{name} reg {type(e).__name__}: {e}")
@app.websocket("/pingclose")
async def pingclose(request, ws):
    f = await ws.ping(b"x")
    await ws.close()
    OUT.append("ping future after close " + await attempt(asyncio.wait_for(f, 1)))
paths.append("/pingclose")
run(paths)
