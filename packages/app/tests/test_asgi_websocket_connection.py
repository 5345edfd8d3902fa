"""``WebSocketConnection``: Sanic's ASGI websocket object, driven by raw ASGI messages."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app.models.asgi import WebSocketConnection


def _channel() -> tuple[list[dict[str, Any]], list[dict[str, Any]], Any, Any]:
    sent: list[dict[str, Any]] = []
    inbox: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return inbox.pop(0)

    return sent, inbox, send, receive


async def test_accept_picks_the_first_listed_protocol_the_client_offered() -> None:
    sent, _inbox, send, receive = _channel()
    ws = WebSocketConnection(send, receive, ["graphql-ws", "hello", "world"])
    await ws.accept(["hello", "world"])
    assert sent == [{"type": "websocket.accept", "subprotocol": "hello"}]


async def test_accept_without_protocols_says_none() -> None:
    sent, _inbox, send, receive = _channel()
    await WebSocketConnection(send, receive).accept()
    assert sent == [{"type": "websocket.accept", "subprotocol": None}]


async def test_receive_and_send_text_and_bytes() -> None:
    sent, inbox, send, receive = _channel()
    ws = WebSocketConnection(send, receive)
    inbox += [{"type": "websocket.receive", "text": "hi"}, {"type": "websocket.receive", "bytes": b"b"}]
    assert await ws.receive() == "hi"
    assert await ws.receive() == b"b"
    await ws.send("t")
    await ws.send(b"x")
    assert sent == [{"type": "websocket.send", "text": "t"}, {"type": "websocket.send", "bytes": b"x"}]


async def test_send_refuses_what_is_not_one_str_or_bytes_message() -> None:
    sent, _inbox, send, receive = _channel()
    ws = WebSocketConnection(send, receive)
    with pytest.raises(TypeError, match="^data is a dict-like object$"):
        await ws.send({"k": 1})  # type: ignore[arg-type]
    with pytest.raises(NotImplementedError, match="^Fragmented websocket messages are not"):
        await ws.send(["a", "b"])
    with pytest.raises(TypeError, match=r"^Websocket data must be bytes, str\.$"):
        await ws.send(7)  # type: ignore[arg-type]
    assert sent == []


async def test_send_takes_the_message_as_data_by_name_as_sanics_asgi_websocket() -> None:
    sent, _inbox, send, receive = _channel()
    ws = WebSocketConnection(send, receive)
    await ws.send(data="by name")
    assert sent == [{"type": "websocket.send", "text": "by name"}]
