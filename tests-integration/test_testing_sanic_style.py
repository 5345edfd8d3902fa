"""A Sanic-style test module, as Sanic users write them, running unchanged on Hurtle.

Only ``sanic`` and ``sanic_testing`` imports, the documented ``app.test_client`` /
``app.asgi_client`` properties, and the three sanic-testing clients, websockets included.
"""

from __future__ import annotations

import itertools

import pytest

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import json, redirect, text
from sanic_testing import TestManager
from sanic_testing.reusable import ReusableClient
from sanic_testing.testing import SanicASGITestClient, SanicTestClient, TestingResponse

_names = itertools.count()


@pytest.fixture
def app():
    sanic_app = Sanic(f"TestSanic{next(_names)}")
    sanic_app.ctx.events = []

    @sanic_app.before_server_start
    async def started(app):
        app.ctx.events.append("start")

    @sanic_app.after_server_stop
    async def stopped(app):
        app.ctx.events.append("stop")

    @sanic_app.on_request
    async def stamp(request):
        request.ctx.stamped = True

    @sanic_app.on_response
    async def header(request, response):
        response.headers["x-stamped"] = str(request.ctx.stamped)

    @sanic_app.get("/")
    def basic(request):
        return text("foo")

    @sanic_app.post("/items")
    async def create(request):
        return json({"created": request.json}, status=201)

    @sanic_app.get("/items/<item_id:int>")
    async def item(request, item_id: int):
        if item_id > 100:
            raise NotFound(f"No item {item_id}")
        return json({"id": item_id, "q": request.args.get("q")})

    @sanic_app.get("/login")
    async def login(request):
        response = text("welcome")
        response.add_cookie("session", "abc123")
        return response

    @sanic_app.get("/old")
    async def old(request):
        return redirect("/")

    @sanic_app.websocket("/feed")
    async def feed(request, ws):
        async for message in ws:
            await ws.send(message.upper())

    bp = Blueprint("api", url_prefix="/api")

    @bp.get("/ping")
    async def ping(request):
        return json({"pong": True})

    sanic_app.blueprint(bp)
    return sanic_app


def test_basic_test_client(app):
    request, response = app.test_client.get("/")

    assert request.method.lower() == "get"
    assert response.body == b"foo"
    assert response.status == 200
    assert response.headers["x-stamped"] == "True"
    assert isinstance(response, TestingResponse)


def test_test_client_is_a_sanic_test_client_created_once(app):
    assert isinstance(app.test_client, SanicTestClient)
    assert app.test_client is app.test_client
    assert Sanic.test_mode is True


def test_json_params_and_errors(app):
    request, response = app.test_client.post("/items", json={"name": "x"})
    assert response.status == 201
    assert response.json == {"created": {"name": "x"}}
    assert request.json == {"name": "x"}

    _, response = app.test_client.get("/items/7", params={"q": "find"})
    assert response.json == {"id": 7, "q": "find"}

    _, response = app.test_client.get("/items/101")
    assert response.status == 404
    assert "No item 101" in response.text

    _, response = app.test_client.put("/")
    assert response.status == 405


def test_cookies_redirects_and_blueprints(app):
    _, response = app.test_client.get("/login")
    assert response.cookies["session"] == "abc123"

    request, response = app.test_client.get("/old")
    assert request.path == "/old"
    assert response.text == "foo"

    _, response = app.test_client.get("/api/ping")
    assert response.json == {"pong": True}


def test_listeners_run_for_each_test_client_call(app):
    app.test_client.get("/")
    app.test_client.get("/")
    assert app.ctx.events == ["start", "stop", "start", "stop"]


def test_explicit_sanic_test_client(app):
    test_client = SanicTestClient(app)
    request, response = test_client.get("/", gather_request=False)
    assert request is None
    assert response.text == "foo"


def test_test_manager(app):
    mgr = TestManager(app)
    _, response = mgr.test_client.get("/")
    assert response.status == 200
    assert app.test_client is mgr.test_client


def test_websocket_through_the_test_client(app):
    async def mimic(ws):
        await ws.send("hello")
        assert await ws.recv() == "HELLO"

    request, ws_proxy = app.test_client.websocket("/feed", mimic=mimic)
    assert request.path == "/feed"
    assert ws_proxy.server_received == ["hello", ""]  # "": the close after the mimic, as sanic-testing
    assert ws_proxy.server_sent == ["HELLO"]


async def test_basic_asgi_client(app):
    request, response = await app.asgi_client.get("/")

    assert request.method.lower() == "get"
    assert response.body == b"foo"
    assert response.status == 200
    assert response.headers["x-stamped"] == "True"


async def test_asgi_client_is_reused_and_each_call_is_a_lifespan(app):
    assert isinstance(app.asgi_client, SanicASGITestClient)
    assert app.asgi_client is app.asgi_client
    await app.asgi_client.get("/")
    await app.asgi_client.post("/items", json=[1])
    assert app.ctx.events == ["start", "stop", "start", "stop"]


async def test_asgi_client_json_and_blueprints(app):
    _, response = await app.asgi_client.get("/items/3")
    assert response.json == {"id": 3, "q": None}
    _, response = await app.asgi_client.get("/api/ping")
    assert response.json == {"pong": True}


async def test_websocket_through_the_asgi_client(app):
    async def mimic(ws):
        await ws.send("quiet")
        assert await ws.recv() == "QUIET"

    _, result = await app.asgi_client.websocket("/feed", mimic=mimic)
    assert result["opened"] is True
    assert result.server_sent == ["QUIET"]


def test_reusable_client(app):
    with ReusableClient(app) as client:
        _, first = client.get("/")
        _, second = client.get("/items/5")
        _, third = client.post("/items", json={"n": 1})
    assert (first.text, second.json["id"], third.status) == ("foo", 5, 201)
    assert app.ctx.events == ["start", "stop"]


def test_reusable_client_logs_the_create_server_banner_once(app, caplog):
    # As under sanic-testing, whose ReusableClient starts its server with create_server.
    import logging

    client = ReusableClient(app)
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        with client:
            client.get("/")
            client.get("/")
    messages = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert messages.count(f"Goin' Fast @ http://127.0.0.1:{client.port}") == 1
    assert f"app: {app.name}" in messages
