"""Fixtures: a small ``hurtle_app.Sanic`` app with the routes the client tests need.

Handlers answer through ``request.respond()`` (the stream API every app has), so these
tests need only ``hurtle_app``, the one sibling this package declares.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from hurtle_app import Sanic

_names = itertools.count()

Reply = Callable[..., Awaitable[None]]


async def reply(
    request: Any,
    body: str | bytes = b"",
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    content_type: str = "text/plain; charset=utf-8",
) -> None:
    """Send a complete response for ``request``."""
    response = await request.respond(status=status, headers=headers, content_type=content_type)
    await response.send(body.encode() if isinstance(body, str) else body, end_stream=True)


async def reply_json(request: Any, data: Any, *, status: int = 200) -> None:
    """Send ``data`` as a JSON response."""
    await reply(request, json.dumps(data), status=status, content_type="application/json")


@pytest.fixture(name="reply")
def reply_fixture() -> Reply:
    """The ``reply(request, body, status=, headers=, content_type=)`` helper."""
    return reply


@pytest.fixture(name="reply_json")
def reply_json_fixture() -> Reply:
    """The ``reply_json(request, data, status=)`` helper."""
    return reply_json


@pytest.fixture
def events() -> list[str]:
    """The server listener events the ``app`` fixture saw, in order."""
    return []


@pytest.fixture
def app(events: list[str]) -> Sanic:
    """An app with echo, JSON, cookie, redirect, error and websocket routes."""
    app = Sanic(f"TestingApp{next(_names)}")

    for event in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ):
        app.register_listener(_recorder(events, event), event)

    @app.get("/")
    async def index(request: Any) -> None:
        await reply(request, "foo", headers={"x-answer": "42"})

    @app.route("/echo", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    async def echo(request: Any) -> None:
        await reply_json(
            request,
            {
                "method": request.method,
                "body": request.body.decode(),
                "args": {k: v for k, v in request.args.items()},
                "content_type": request.content_type,
                "header": request.headers.get("x-test"),
                "cookie": request.cookies.get("flavour"),
            },
        )

    @app.route("/head", methods=["HEAD", "GET"])
    async def head(request: Any) -> None:
        await reply(request, "body-for-get")

    @app.get("/json")
    async def as_json(request: Any) -> None:
        await reply_json(request, {"hello": "world", "n": [1, 2]})

    @app.get("/cookie")
    async def cookie(request: Any) -> None:
        await reply(request, "set", headers={"set-cookie": "flavour=chocolate; Path=/"})

    @app.get("/redirect")
    async def redirect(request: Any) -> None:
        await reply(request, status=302, headers={"location": "/"})

    @app.get("/error")
    async def error(request: Any) -> None:
        raise ValueError("kaboom")

    @app.get("/host")
    async def host(request: Any) -> None:
        await reply_json(request, {"host": request.host, "ip": request.ip, "url": request.url})

    @app.websocket("/ws")
    async def ws_echo(request: Any, ws: Any) -> None:
        async for message in ws:
            await ws.send(f"echo:{message}")

    @app.websocket("/ws/greet")
    async def ws_greet(request: Any, ws: Any) -> None:
        await ws.send("hello")

    return app


def _recorder(events: list[str], event: str) -> Callable[[Any], Awaitable[None]]:
    async def listener(app: Any) -> None:
        events.append(event)

    return listener
