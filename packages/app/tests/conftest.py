"""Fixtures: a fresh app per test, and a fake connection stream to drive handle_request."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.testing import FakeConnection, parse_responses


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    Sanic._app_registry.clear()
    Sanic.test_mode = True
    yield
    Sanic._app_registry.clear()
    Sanic.test_mode = False


@pytest.fixture
def app() -> Sanic:
    return Sanic("TestApp", configure_logging=False)


class Sent:
    """One response as the client saw it (status, headers, body)."""

    def __init__(self, parsed: Any) -> None:
        self.status = parsed.status
        self.headers = dict(parsed.headers)
        self.fields = list(parsed.headers)  # (name, value) pairs, repeated fields kept
        self.body = parsed.body
        self.text = parsed.body.decode(errors="replace")


def raw_request(
    method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    """The bytes of one HTTP/1.1 request."""
    all_headers = {"host": "example.com", **(headers or {})}
    if body and "transfer-encoding" not in all_headers:
        all_headers["content-length"] = str(len(body))
    head = f"{method} {target} HTTP/1.1\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in all_headers.items()
    )
    return head.encode("latin-1") + b"\r\n" + body


async def exchange(
    app: Sanic, method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
) -> Sent:
    """Send one request through the real protocol on a fake transport; parse the answer."""
    await app._startup()
    conn = FakeConnection(app)
    conn.receive(raw_request(method, target, headers, body))
    data = b""
    for _ in range(200):
        await conn.settle()
        data += conn.take()
        if data:
            try:
                parsed = parse_responses(data, head_only=method == "HEAD")
            except (ValueError, IndexError):
                parsed = []
            if parsed and _complete(data, parsed[0]):
                return Sent(parsed[0])
        await asyncio.sleep(0.001)
    raise AssertionError(f"no complete response for {method} {target}: {data!r}")


def _complete(data: bytes, parsed: Any) -> bool:
    if parsed.header("transfer-encoding") == "chunked":
        return data.endswith(b"0\r\n\r\n")
    return True


@pytest.fixture
def call(app: Sanic):
    """``await call("GET", "/path", headers=..., body=...)`` -> ``Sent``."""

    async def _call(
        method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> Sent:
        return await exchange(app, method, target, headers, body)

    return _call


@pytest.fixture
def send_to():
    """``await send_to(app, "GET", "/path")`` -> ``Sent``, for apps built inside a test."""
    return exchange


@contextlib.asynccontextmanager
async def served(app: Sanic) -> AsyncIterator[int]:
    """``app`` served on a free loopback port, started as a caller of ``create_server``
    starts it (startup, before_start, after_start); yields the port, closes the server
    after."""
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    try:
        await server.startup()
        await server.before_start()
        await server.after_start()
        yield server.server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


async def run_asgi(app: Sanic, scope: dict[str, Any], messages: list[dict[str, Any]]) -> list[Any]:
    """Run one ASGI exchange: feed ``messages``, then a disconnect; what the app sent."""
    sent: list[Any] = []
    pending = list(messages)
    body_ended = False
    response_done = asyncio.Event()

    async def receive() -> dict[str, Any]:
        nonlocal body_ended
        if pending:
            message = pending.pop(0)
            if message.get("type") == "http.request" and not message.get("more_body"):
                body_ended = True
            return message
        await asyncio.sleep(0)
        if scope["type"] == "websocket":
            return {"type": "websocket.disconnect", "code": 1000}
        if body_ended:  # as a real client: the disconnect comes after the response
            await response_done.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message.get("type") == "http.response.body" and not message.get("more_body"):
            response_done.set()

    await app(scope, receive, send)
    return sent
