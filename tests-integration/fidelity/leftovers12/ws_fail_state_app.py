import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("WsFail")
seen = {}


def snap(ws):
    p = ws.ws_proto
    return {
        "state": str(p.state),
        "close_sent": repr(p.close_sent),
        "close_rcvd": repr(p.close_rcvd),
        "close_code": getattr(p, "close_code", "n/a"),
        "close_reason": getattr(p, "close_reason", "n/a"),
        "ws_state": str(getattr(ws, "state", None)) if hasattr(ws, "state") else "n/a",
        "handshake_exc": repr(getattr(p, "handshake_exc", None)),
        "eof_sent": getattr(p, "eof_sent", "n/a"),
    }


@app.websocket("/ws/<mode>")
async def w(request, ws, mode):
    await ws.send("hi")
    if mode == "fail":
        r = ws.fail_connection(1011, "flood")
    elif mode == "fail0":
        r = ws.fail_connection()
    elif mode == "close1006":
        r = await ws.close(1006)
    elif mode == "endfail":
        ws.end_connection(1000, "bye")
        r = ws.fail_connection(1011, "x")
    elif mode == "end":
        r = ws.end_connection(1000, "bye")
    seen[mode + "_ret"] = r
    seen[mode + "_now"] = snap(ws)
    await asyncio.sleep(0.5)
    seen[mode + "_later"] = snap(ws)
    try:
        await ws.send("late")
        seen[mode + "_send"] = "ok"
    except Exception as e:
        seen[mode + "_send"] = f"{type(e).__name__}: {e}"
    try:
        seen[mode + "_recv"] = repr(await asyncio.wait_for(ws.recv(), 0.5))
    except Exception as e:
        seen[mode + "_recv"] = f"{type(e).__name__}: {e}"


@app.get("/seen")
async def s(request):
    return json(seen)
