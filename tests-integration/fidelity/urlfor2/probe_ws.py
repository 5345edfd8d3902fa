"""request.url_for inside a websocket handler (scheme ws), via the test client.

/tmp/st-ref/bin/python probe_ws.py; ../../../.venv/bin/python probe_ws.py
"""

import json
import os
import sys

from sanic import Sanic
from sanic.response import text

app = Sanic("WS")
if len(sys.argv) > 1:
    app.config.update(json.loads(sys.argv[1]))


@app.get("/plain", name="plain")
async def plain(request):
    return text("p")


@app.websocket("/ws", name="wsr")
async def wsr(request, ws):
    out = {"scheme": request.scheme, "url": request.url}
    for name, kw in [("plain", {}), ("wsr", {"q": 1}), ("wsr", {"_anchor": "x"})]:
        try:
            out[f"{name} {sorted(kw)}"] = request.url_for(name, **kw)
        except Exception as e:
            out[f"{name} {sorted(kw)}"] = f"!{type(e).__name__}: {e}"
    out["app ws external"] = app.url_for("wsr", _external=True, _server="s")
    await ws.send(json.dumps(out, sort_keys=True))
    await ws.recv()


async def mimic(ws):
    return await ws.recv()


if __name__ == "__main__":
    _, resp = app.test_client.websocket("/ws", mimic=mimic)
    sys.stdout.write(os.environ.get("LABEL", "") + json.dumps(resp.client_received) + "\n")
