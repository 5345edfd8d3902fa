"""request.url_for under proxies: config from UF2_CFG (JSON), e.g.
UF2_CFG='{"PROXIES_COUNT": 1}' sanic-diff app_req.py req.http
"""

import json
import os

from sanic import Blueprint, Sanic
from sanic.response import json as jresp
from sanic.response import text

app = Sanic("UF2")
for _k, _v in json.loads(os.environ.get("UF2_CFG") or "{}").items():
    app.config[_k] = _v

bp = Blueprint("bp", url_prefix="/bp", version=2)


@bp.get("/b/<x:int>")
async def bpr(request, x):
    return text("b")


app.blueprint(bp)


@app.get("/plain", name="plain")
async def plain(request):
    return text("p")


@app.get("/hosted", host="h.example", name="hosted")
async def hosted(request):
    return text("h")


@app.websocket("/ws", name="wsr")
async def wsr(request, ws):
    pass


app.static("/st", "/tmp", name="tmpdir")

CALLS = [
    ("plain", {}),
    ("plain", {"q": ["1", "é"], "_anchor": "a"}),
    ("wsr", {}),
    ("bp.bpr", {"x": 3}),
    ("hosted", {}),
    ("static", {"name": "tmpdir", "filename": "f.txt"}),
    ("plain", {"_scheme": "ftp"}),
    ("plain", {"_server": "o.example"}),
    ("plain", {"_external": False}),
    ("nope", {}),
]


@app.get("/u")
async def u(request):
    out = {
        "scheme": request.scheme,
        "host": request.host,
        "server_name": request.server_name,
        "server_port": request.server_port,
        "forwarded": dict(request.forwarded),
        "url": request.url,
    }
    for name, kw in CALLS:
        try:
            r = request.url_for(name, **kw)
        except Exception as e:
            msg = str(e).replace("hurtle_app.app.", "").replace("sanic.app.", "")
            r = f"!{type(e).__name__}: {msg}"
        out[f"{name} {sorted(kw)}"] = r
    return jresp(out)
