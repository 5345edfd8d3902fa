"""Third routing probe app for sanic-diff: methods against hosts, websockets, statics and
class views (404 against 405, Allow, HEAD and OPTIONS)."""
from __future__ import annotations

import os

from sanic import Blueprint, Sanic
from sanic.response import text
from sanic.views import HTTPMethodView

app = Sanic("Routing2Methods")
HERE = os.path.dirname(os.path.abspath(__file__))


async def h(request, **kw):
    return text(f"{request.name} {request.method} {sorted(kw.items())}")


async def ws(request, sock, **kw):
    await sock.send("hi")


app.add_route(h, "/hm", name="hm_a", host="a.test", methods=["GET"])
app.add_route(h, "/hm", name="hm_b", host="b.test", methods=["POST"])
app.add_route(h, "/hm2/<v:int>", name="hm2", host="a.test", methods=["PUT"])
app.add_websocket_route(ws, "/ws", name="ws")
app.add_websocket_route(ws, "/wsd/<v:int>", name="wsd")
app.add_route(h, "/mix", name="mix_get", methods=["GET"])
app.add_websocket_route(ws, "/mixws", name="mix_ws")
app.add_route(h, "/mixws", name="mixws_post", methods=["POST"])
app.static("/static", HERE, name="st")
app.add_route(h, "/dyn/<v:int>", name="dyn_get")
app.add_route(h, "/dyn/<v:alpha>", name="dyn_post", methods=["POST"])
app.add_route(h, "/dyn2/<v:int>", name="dyn2_get")
app.add_route(h, "/dyn2/<w:int>", name="dyn2_post", methods=["POST"])


class V(HTTPMethodView):
    async def get(self, request):
        return text("get")

    async def delete(self, request):
        return text("delete")


app.add_route(V.as_view(), "/cv", name="cv")
bp = Blueprint("mb", url_prefix="/mb", host="c.test")
bp.add_route(h, "/x", name="x", methods=["GET", "POST"])
app.blueprint(bp)
