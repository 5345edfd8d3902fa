# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
from sanic import Sanic
app = Sanic("R")
sigs = ["", "request", "*args", "**kw", "*args, **kw", "*, request", "request, *, ws", "request, **kw", "request, ws", "request, /, ws", "*, request, ws", "request, *args", "r, w, x", "r, w, x=1"]
for kind in ("get", "websocket"):
    for i, s in enumerate(sigs):
        ns = {}
        exec(f"async def h({s}): pass", ns)
        try:
            getattr(app, kind)(f"/{kind}{i}", name=f"{kind}{i}")(ns["h"])
            r = "ok"
        except Exception as e:
            r = f"{type(e).__name__}"
        print(f"{kind:9} ({s}) -> {r}")
    # add_websocket_route too
for i, s in enumerate(sigs):
    ns = {}
    exec(f"async def h({s}): pass", ns)
    try:
        app.add_websocket_route(ns["h"], f"/a{i}", name=f"a{i}"); r = "ok"
    except Exception as e: r = type(e).__name__
    print(f"add_ws    ({s}) -> {r}")
