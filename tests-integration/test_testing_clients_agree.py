"""Every sanic_testing client gives the same answers for the same requests to one app:
two real-socket clients (a server per call, one server for all) and two in-process ones."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from sanic import Sanic
from sanic.response import empty, json, text
from sanic_testing import InProcessClient
from sanic_testing.reusable import ReusableClient
from sanic_testing.testing import SanicASGITestClient, SanicTestClient

_names = itertools.count()

REQUESTS: list[tuple[str, str, dict[str, Any]]] = [
    ("get", "/", {}),
    ("get", "/users/42?fields=name", {}),
    ("post", "/echo", {"json": {"list": [1, 2, 3], "text": "héllo"}}),
    ("put", "/echo", {"content": b"raw bytes"}),
    ("delete", "/users/1", {}),
    ("get", "/users/abc", {}),
    ("get", "/nowhere", {}),
    ("get", "/boom", {}),
    ("head", "/", {}),
    ("get", "/nothing", {}),
]


def build_app() -> Sanic:
    app = Sanic(f"Agree{next(_names)}")

    @app.get("/")
    async def index(request):
        return text("index")

    @app.route("/users/<uid:int>", methods=["GET", "DELETE"])
    async def user(request, uid: int):
        return json({"uid": uid, "method": request.method, "fields": request.args.get("fields")})

    @app.route("/echo", methods=["POST", "PUT"])
    async def echo(request):
        return json({"body": request.body.decode(), "type": request.content_type})

    @app.get("/boom")
    async def boom(request):
        raise RuntimeError("boom")

    @app.get("/nothing")
    async def nothing(request):
        return empty()

    return app


def _summary(response: Any) -> tuple[int, bytes, str | None]:
    return response.status, response.body, response.headers.get("content-type")


def _via_test_client(app: Sanic) -> list[tuple[int, bytes, str | None]]:
    client = SanicTestClient(app)
    return [_summary(getattr(client, m)(uri, **kw)[1]) for m, uri, kw in REQUESTS]


def _via_reusable(app: Sanic) -> list[tuple[int, bytes, str | None]]:
    with ReusableClient(app) as client:
        return [_summary(getattr(client, m)(uri, **kw)[1]) for m, uri, kw in REQUESTS]


def _via_asgi(app: Sanic) -> list[tuple[int, bytes, str | None]]:
    async def run() -> list[tuple[int, bytes, str | None]]:
        async with SanicASGITestClient(app) as client:
            return [_summary((await getattr(client, m)(uri, **kw))[1]) for m, uri, kw in REQUESTS]

    return asyncio.run(run())


def _via_inprocess(app: Sanic) -> list[tuple[int, bytes, str | None]]:
    with InProcessClient(app) as client:
        return [_summary(getattr(client, m)(uri, **kw)[1]) for m, uri, kw in REQUESTS]


@pytest.mark.parametrize("run", [_via_reusable, _via_asgi, _via_inprocess])
def test_clients_agree_with_the_per_call_socket_client(run) -> None:
    expected = _via_test_client(build_app())
    assert [status for status, _, _ in expected] == [
        200,
        200,
        200,
        200,
        200,
        404,
        404,
        500,
        405,
        204,
    ]
    assert run(build_app()) == expected
