"""Fifth probe batch: the error format guessed from handlers, views and decorators."""

from __future__ import annotations

import functools
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import probe_views as P
from probe_views import CASES, Blueprint, HTTPMethodView

from sanic import json, text
from sanic.exceptions import NotFound

del CASES[:]
case = P.case


def wraps_dec(f):
    @functools.wraps(f)
    async def inner(request, *a, **k):
        return await f(request, *a, **k)
    return inner


def plain_dec(f):
    async def inner(request, *a, **k):
        return await f(request, *a, **k)
    return inner


@case
def guess_plain(app):
    @app.get("/j")
    async def j(request):
        if request.args.get("x"):
            raise NotFound("jj")
        return json({"a": 1})

    @app.get("/t")
    async def t(request):
        if request.args.get("x"):
            raise NotFound("tt")
        return text("t")
    return [("GET", "/j?x=1"), ("GET", "/t?x=1")]


@case
def guess_decorated(app):
    @app.get("/w")
    @wraps_dec
    async def w(request):
        if request.args.get("x"):
            raise NotFound("w")
        return json({"a": 1})

    @app.get("/p")
    @plain_dec
    async def p(request):
        if request.args.get("x"):
            raise NotFound("p")
        return json({"a": 1})
    return [("GET", "/w?x=1"), ("GET", "/p?x=1")]


@case
def guess_view(app):
    class V(HTTPMethodView):
        async def get(self, request):
            if request.args.get("x"):
                raise NotFound("v")
            return json({"a": 1})

    class D(HTTPMethodView):
        decorators = [wraps_dec]

        async def get(self, request):
            if request.args.get("x"):
                raise NotFound("d")
            return json({"a": 1})
    app.add_route(V.as_view(), "/v")
    app.add_route(D.as_view(), "/d")
    return [("GET", "/v?x=1"), ("GET", "/d?x=1")]


@case
def guess_bp_view(app):
    bp = Blueprint("gb")

    class V(HTTPMethodView):
        async def get(self, request):
            if request.args.get("x"):
                raise NotFound("v")
            return json({"a": 1})
    bp.add_route(V.as_view(), "/v")
    app.blueprint(bp)
    return [("GET", "/v?x=1")]


@case
def guess_sync(app):
    @app.get("/s")
    def s(request):
        if request.args.get("x"):
            raise NotFound("s")
        return json({"a": 1})
    return [("GET", "/s?x=1")]


@case
def guess_lambda_partial(app):
    app.add_route(lambda request: json({"a": 1 / 0}), "/l", name="l")

    async def f(request, k):
        if request.args.get("x"):
            raise NotFound("pp")
        return json({"k": k})
    app.add_route(functools.partial(f, k=1), "/p", name="p")
    return [("GET", "/l"), ("GET", "/p?x=1")]


if __name__ == "__main__":
    P.main()
