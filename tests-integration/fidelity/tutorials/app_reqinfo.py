"""Request-logging idioms: request.id with REQUEST_ID_HEADER, connection-level state
in request.conn_info.ctx across keep-alive requests, request.endpoint /
uri_template / route.name for metrics labels, a favicon served with app.static of a
single file (pattern origin: https://www.codeprj.com/zh/blog/e6b8f91.html (ctx),
GitHub JRafiei/presentaion main.py (favicon static))."""

import os
import tempfile
import uuid

from sanic import Sanic
from sanic.response import json

app = Sanic("TutReqInfo")
app.config.REQUEST_ID_HEADER = "X-Correlation-ID"
ICON = os.path.join(tempfile.mkdtemp(prefix="tut-icon-"), "favicon.ico")
with open(ICON, "wb") as fh:
    fh.write(b"\x00\x00\x01\x00icon")
os.utime(ICON, (1700000000, 1700000000))
app.static("/favicon.ico", ICON, name="favicon")


@app.on_request
async def count_on_conn(request):
    ctx = request.conn_info.ctx
    ctx.n = getattr(ctx, "n", 0) + 1


@app.get("/items/<item_id:int>", name="item_detail")
async def item(request, item_id: int):
    rid = request.id
    return json(
        {
            "n_on_conn": request.conn_info.ctx.n,
            "id_type": type(rid).__name__,
            "id": str(rid) if not isinstance(rid, uuid.UUID) else "uuid",
            "endpoint": request.endpoint,
            "uri_template": request.uri_template,
            "route": request.route.name,
            "path": request.path,
            "raw_url": request.raw_url.decode(),
            "query_string": request.query_string,
            "version": request.version,
            "method": request.method,
            "content_type": request.content_type,
            "headers_getall": request.headers.getall("x-multi", []),
            "token": request.token,
            "scheme": request.scheme,
        }
    )
