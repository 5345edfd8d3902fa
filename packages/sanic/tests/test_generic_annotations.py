"""Sanic's generic annotations (``Sanic[Config, Ctx]``, ``Request[App, Ctx]``) at run time."""

from __future__ import annotations

import typing
from types import SimpleNamespace

from sanic import Request, Sanic
from sanic.config import Config


class Larder:
    pass


def test_sanic_and_request_take_their_type_parameters() -> None:
    app_type = Sanic[Config, SimpleNamespace]
    assert typing.get_origin(app_type) is Sanic
    assert typing.get_args(app_type) == (Config, SimpleNamespace)
    request_type = Request[app_type, SimpleNamespace]
    assert typing.get_origin(request_type) is Request
    assert typing.get_args(request_type) == (app_type, SimpleNamespace)


def test_a_typed_request_subclass_serves_its_context() -> None:
    class LarderRequest(Request[Sanic[Config, Larder], Larder]):
        @staticmethod
        def make_context() -> Larder:
            return Larder()

    app = Sanic("TypedLarder", ctx=Larder(), request_class=LarderRequest)
    try:

        @app.get("/")
        async def handler(request: LarderRequest) -> typing.Any:
            from sanic.response import text

            return text(f"{type(request.ctx).__name__} {type(request.app.ctx).__name__}")

        _, response = app.test_client.get("/")
        assert response.text == "Larder Larder"
    finally:
        Sanic.unregister_app(app)
