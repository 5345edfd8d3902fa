"""request.cookies when request middleware changes the Cookie field before or after the
first read (both parse on first access and keep the result).

sanic-diff cookies3/app_mw_cookie_header.py -r "GET /fresh" -r "GET /read_first" -r "GET /del"
"""

from __future__ import annotations

from sanic import Sanic
from sanic.response import json

app = Sanic("cookies3_mw")


@app.on_request
async def mw(request):
    if request.path == "/read_first":
        _ = request.cookies
    if request.path == "/del":
        request.headers.pop("cookie", None)
        return None
    request.headers["cookie"] = "injected=1"


@app.get("/<name>")
async def h(request, name: str):
    return json({"cookies": request.cookies, "get": request.cookies.get("injected")})
