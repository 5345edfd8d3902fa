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


async def test_a_second_recv_while_one_waits_is_refused_as_when_served() -> None:
    # Served by Hurtle or Sanic, a recv() while another task waits in one raises
    # ServerError (the websockets library's rule); under ASGI both waited on the server's
    # queue, so two readers raced for the messages, each silently getting some.
    import asyncio

    from hurtle_http.exceptions import ServerError

    arrived = asyncio.Event()

    async def receive() -> dict[str, Any]:
        await arrived.wait()
        return {"type": "websocket.receive", "text": "one"}

    async def send(message: dict[str, Any]) -> None:
        pass

    ws = WebSocketConnection(send, receive)
    first = asyncio.ensure_future(ws.recv())
    await asyncio.sleep(0)
    with pytest.raises(ServerError, match="^cannot call recv while another task is already"):
        await asyncio.wait_for(ws.recv(), 2)
    arrived.set()
    assert await asyncio.wait_for(first, 5) == "one"
    # One at a time is fine: the waiting one is over, so a new recv() reads again.
    assert await asyncio.wait_for(ws.recv(), 5) == "one"
    # A recv() whose timeout passed is over too.
    arrived.clear()
    assert await ws.recv(timeout=0.01) is None
    arrived.set()
    assert await asyncio.wait_for(ws.recv(), 5) == "one"
