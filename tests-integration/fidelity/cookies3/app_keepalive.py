"""request.cookies on keep-alive and pipelined requests (nothing carried over), and a
cookie set by one response never reaching the next.

sanic-diff cookies3/app_keepalive.py cookies3/keepalive.http --show
"""

from __future__ import annotations

from sanic import Sanic
from sanic.response import text

app = Sanic("cookies3_keepalive")


@app.route("/c", methods=["GET", "POST"])
async def c(request):
    r = text(repr(sorted(request.cookies.items())) + f" body={request.body!r}")
    if request.args.get("set"):
        r.add_cookie("s", request.args.get("set"))
    return r
