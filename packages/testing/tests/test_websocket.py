"""Websockets over a real socket: WebsocketProxy, SanicTestClient.websocket, ReusableClient."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from sanic_testing.client import SanicTestClient
from sanic_testing.reusable import ReusableClient
from sanic_testing.websocket import WebsocketProxy


class _FakeConnection:
    """Just enough of a websockets client connection."""

    subprotocol = "chat"

    def __init__(self, incoming: list[str]) -> None:
        self.incoming = list(incoming)
        self.sent: list[Any] = []

    async def send(self, message: Any) -> None:
        self.sent.append(message)

    async def recv(self) -> str:
        return self.incoming.pop(0)

    def __aiter__(self) -> Any:
        return self._iterate()

    async def _iterate(self) -> Any:
        while self.incoming:
            yield self.incoming.pop(0)


async def test_proxy_records_both_directions_and_delegates() -> None:
    connection = _FakeConnection(["a", "b", "c"])
    proxy = WebsocketProxy(connection)
    await proxy.send("hello")
    assert await proxy.recv() == "a"
    assert [message async for message in proxy] == ["b", "c"]
    assert connection.sent == ["hello"]
    assert proxy.server_received == proxy.client_sent == ["hello"]
    assert proxy.server_sent == proxy.client_received == ["a", "b", "c"]
    assert proxy.subprotocol == "chat"
    assert proxy.opened is True


def test_websocket_with_mimic_over_a_real_socket(app: Sanic) -> None:
    async def mimic(ws: Any) -> None:
        await ws.send("one")
        assert await ws.recv() == "echo:one"
        await ws.send("two")
        assert await ws.recv() == "echo:two"

    request, proxy = SanicTestClient(app).websocket("/ws", mimic=mimic)
    assert request.path == "/ws"
    assert isinstance(proxy, WebsocketProxy)
    assert proxy.server_received == ["one", "two", ""]  # "": the close after the mimic
    assert proxy.server_sent == ["echo:one", "echo:two"]


def test_websocket_without_mimic_opens_and_closes(app: Sanic) -> None:
    request, proxy = SanicTestClient(app).websocket("/ws/greet")
    assert request.path == "/ws/greet"
    assert proxy.opened is True
    assert proxy.server_received == []


def test_a_mimic_stopped_by_the_server_closing_ends_the_call_quietly(app: Sanic) -> None:
    @app.websocket("/ws/fails")
    async def fails(request: Any, ws: Any) -> None:
        raise ValueError("handler failed")

    async def mimic(ws: Any) -> None:
        await ws.recv()  # the handler is done: nothing more comes
        await ws.recv()

    for path, received in (("/ws/greet", ["hello"]), ("/ws/fails", [])):
        request, proxy = SanicTestClient(app).websocket(path, mimic=mimic)
        assert request.path == path
        assert proxy.server_sent == received
        assert proxy.server_received == []  # no "" for the close: the mimic did not finish


def test_a_close_with_an_error_code_fails_the_call_as_in_sanic_testing(app: Sanic) -> None:
    # A handler that refuses the client with its own close code (4000: "auth failed")
    # ends the mimic with ConnectionClosedError, which sanic-testing does not swallow (only
    # ConnectionClosedOK, codes 1000/1001): the call fails, naming the code and reason.
    @app.websocket("/ws/deny")
    async def deny(request: Any, ws: Any) -> None:
        await ws.close(code=4000, reason="auth failed")

    async def mimic(ws: Any) -> None:
        await ws.recv()

    with pytest.raises(ValueError, match="Exception during request") as info:
        SanicTestClient(app).websocket("/ws/deny", mimic=mimic)
    assert "ConnectionClosedError" in str(info.value)
    assert "code=4000, reason='auth failed'" in str(info.value)


def test_websocket_to_a_missing_route_raises(app: Sanic) -> None:
    with pytest.raises(ValueError, match="Exception during request"):
        SanicTestClient(app).websocket("/nowhere")


def test_websocket_on_a_reusable_client(app: Sanic) -> None:
    async def mimic(ws: Any) -> None:
        await ws.send("x")
        assert await ws.recv() == "echo:x"

    with ReusableClient(app) as client:
        _, proxy = client.websocket("/ws", mimic=mimic)
        assert proxy.server_sent == ["echo:x"]
        _, response = client.get("/")
        assert response.text == "foo"


def test_the_mimic_sees_the_connection_names_of_sanic_testing(app: Sanic) -> None:
    seen: dict[str, Any] = {}

    async def mimic(ws: Any) -> None:
        seen.update(
            open=ws.open,
            closed=ws.closed,
            path=ws.path,
            key=ws.request_headers["sec-websocket-key"],
            accept="sec-websocket-accept" in ws.response_headers,
        )

    SanicTestClient(app).websocket("/ws", mimic=mimic)
    assert seen["open"] is True and seen["closed"] is False
    assert seen["path"] == "/ws"
    assert seen["key"] and seen["accept"] is True


@pytest.mark.parametrize("argument", ["extra_headers", "additional_headers", "headers"])
def test_handshake_headers_under_every_name(app: Sanic, argument: str) -> None:
    request, _ = SanicTestClient(app).websocket("/ws/greet", **{argument: {"x-test": "1"}})
    assert request.headers.get("x-test") == "1"


def test_websocket_proxy_awaited_runs_a_mimic_and_returns_the_proxy(app: Sanic) -> None:
    # sanic-testing's form: ``await websocket_proxy(url, mimic=...)``.
    from sanic_testing.testing import websocket_proxy

    async def mimic(ws: Any) -> None:
        await ws.send("x")
        assert await ws.recv() == "echo:x"

    with ReusableClient(app) as client:
        url = f"ws://127.0.0.1:{client.port}/ws"
        proxy = client._run(_await(websocket_proxy(url, mimic=mimic)))
        assert isinstance(proxy, WebsocketProxy)
        assert (proxy.client_sent, proxy.client_received) == (["x", ""], ["echo:x"])
        proxy = client._run(_await(websocket_proxy(url)))
        assert (proxy.client_sent, proxy.client_received) == ([], [])


async def _await(awaitable: Any) -> Any:
    return await awaitable
