"""Sixth probe batch: a route's error_format for errors raised around its handler."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import probe_views as P
from probe_views import CASES, HTTPMethodView

from sanic import text
from sanic.exceptions import Forbidden, NotFound

del CASES[:]
case = P.case


@case
def middleware_raises(app):
    @app.on_request
    async def mw(request):
        if request.args.get("req"):
            raise Forbidden("from request mw")

    @app.on_response
    async def rmw(request, response):
        if request.args.get("resp"):
            raise NotFound("from response mw")

    @app.get("/j", error_format="json")
    async def j(request): return text("j")

    @app.get("/h", error_format="html")
    async def h(request): return text("h")
    return [("GET", "/j?req=1"), ("GET", "/j?resp=1"), ("GET", "/h?req=1")]


@case
def view_init_error_format(app):
    class V(HTTPMethodView):
        def __init__(self):
            raise Forbidden("init")
        async def get(self, request): return text("x")
    app.add_route(V.as_view(), "/v", error_format="json")
    return [("GET", "/v")]


@case
def custom_error_handler_default(app):
    from sanic.handlers import ErrorHandler

    class EH(ErrorHandler):
        def default(self, request, exception):
            r = super().default(request, exception)
            r.headers["x-dec"] = "eh"
            return r
    app.error_handler = EH()

    @app.get("/j", error_format="json")
    async def j(request): raise NotFound("eh")
    return [("GET", "/j")]


@case
def exception_handler_and_format(app):
    @app.exception(Forbidden)
    async def on_forbidden(request, exc):
        return text(f"handled {request.route.extra.error_format if request.route else None}", status=403)

    @app.get("/j", error_format="json")
    async def j(request): raise Forbidden("x")
    return [("GET", "/j")]


@case
def error_format_debug(app):
    app.config.DEBUG = True
    app.debug = True

    @app.get("/j", error_format="json")
    async def j(request): raise RuntimeError("dbg")
    return [("GET", "/j")]


if __name__ == "__main__":
    P.main()
