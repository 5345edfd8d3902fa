"""A handler's websocket calls on a closed connection, and misuse of ping/pong/recv (as Sanic)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, ConnectionClosedError, ConnectionClosedOK

from hurtle_http.exceptions import SanicException, ServerError, WebsocketClosed
from hurtle_http.websocket_errors import is_recv_after_close

from .test_websocket import WsServer


async def _run(handler: Any) -> WsServer:
    server = WsServer(handler)
    async with server as url, connect(url) as client:
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(client.recv(), 5)
        await asyncio.wait_for(server.done.wait(), 5)
    return server


async def test_send_and_ping_after_close_raise_websocket_closed() -> None:
    seen: list[BaseException] = []

    async def handler(ws: Any) -> None:
        await ws.close()
        for call in (lambda: ws.send("late"), lambda: ws.ping()):
            try:
                await call()
            except Exception as exc:
                seen.append(exc)

    await _run(handler)
    send_exc, ping_exc = seen
    # Sanic code catches WebsocketClosed; websockets-style code catches ConnectionClosed.
    for exc in seen:
        assert isinstance(exc, WebsocketClosed)
        assert isinstance(exc, ConnectionClosedOK)
        assert exc.quiet is True
        assert exc.sent is not None and exc.sent.code == 1000
        assert not is_recv_after_close(exc)  # (the app signals these, as Sanic)
    assert str(send_exc) == "Cannot write to websocket interface after it is closed."
    assert str(ping_exc) == "Cannot send a ping when the websocket interface is closed."


async def test_send_after_an_error_close_is_a_connection_closed_error() -> None:
    seen: list[BaseException] = []

    async def handler(ws: Any) -> None:
        await ws.close(4000, "app")
        try:
            await ws.send(b"late")
        except Exception as exc:
            seen.append(exc)

    await _run(handler)
    (exc,) = seen
    assert isinstance(exc, WebsocketClosed) and isinstance(exc, ConnectionClosedError)
    assert exc.sent is not None and exc.sent.code == 4000


async def test_pong_after_close_is_a_quiet_no_op() -> None:
    results: list[Any] = []

    async def handler(ws: Any) -> None:
        await ws.close()
        results.append(await ws.pong())
        results.append(await ws.pong(b"data"))
        # As Sanic: after the close nothing is checked, not even the payload's type (it
        # was a TypeError here)
        results.append(await ws.pong(5))

    server = await _run(handler)
    assert results == [None, None, None]
    assert server.outcome == ["returned"]


async def test_ping_and_pong_payloads_must_be_str_or_bytes() -> None:
    seen: list[BaseException] = []

    async def handler(ws: Any) -> None:
        for call in (lambda: ws.ping(5), lambda: ws.pong(5)):
            try:
                await call()
            except TypeError as exc:
                seen.append(exc)
        await ws.ping(bytearray(b"ab"))
        await ws.pong(memoryview(b"cd"))

    server = await _run(handler)
    assert len(seen) == 2
    assert server.outcome == ["returned"]


async def test_a_second_concurrent_recv_is_a_server_error() -> None:
    seen: list[BaseException] = []

    async def handler(ws: Any) -> None:
        first = asyncio.ensure_future(ws.recv())
        await asyncio.sleep(0)
        try:
            await ws.recv()
        except SanicException as exc:
            seen.append(exc)
        first.cancel()

    await _run(handler)
    (exc,) = seen
    assert type(exc) is ServerError
    assert str(exc) == "cannot call recv while another task is already waiting for the next message"


async def test_ws_proto_is_the_websockets_server_protocol() -> None:
    from websockets.server import ServerProtocol

    seen: list[Any] = []

    async def handler(ws: Any) -> None:
        seen.append((isinstance(ws.ws_proto, ServerProtocol), ws.ws_proto.subprotocol))

    server = WsServer(handler, subprotocols=["chat"])
    async with server as url, connect(url, subprotocols=["chat"]) as client:  # type: ignore[list-item]
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(client.recv(), 5)
        await asyncio.wait_for(server.done.wait(), 5)
    assert seen == [(True, "chat")]


async def test_recv_burst_does_not_wait_and_returns_what_is_queued() -> None:
    bursts: list[Any] = []
    sent = asyncio.Event()

    async def handler(ws: Any) -> None:
        bursts.append(await asyncio.wait_for(ws.recv_burst(), 5))  # nothing yet: no waiting
        await ws.send("ready")
        await asyncio.wait_for(sent.wait(), 5)
        for _ in range(50):  # until all three messages are in (bounded)
            if len(ws.messages) == 3:
                break
            await asyncio.sleep(0.01)
        bursts.append(await ws.recv_burst(max_recv=2))
        bursts.append(await ws.recv_burst())

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        assert await asyncio.wait_for(client.recv(), 5) == "ready"
        for message in ("a", "b", "c"):
            await client.send(message)
        sent.set()
        await asyncio.wait_for(server.done.wait(), 5)
    assert bursts == [[], ["a", "b"], ["c"]]
    assert server.outcome == ["returned"]


async def test_recv_on_a_closed_connection_raises_websocket_closed() -> None:
    # As Sanic: a recv() called once the closing handshake is over, with nothing left to
    # read, raises WebsocketClosed with Sanic's message (Sanic code catches that); it is
    # also the ConnectionClosedOK that websockets-style code catches. Before, only the
    # latter: `except WebsocketClosed` missed it.
    seen: list[BaseException] = []

    async def handler(ws: Any) -> None:
        assert await ws.recv() == "last"
        await ws.wait_for_connection_lost(5)
        assert await ws.recv() == "queued"
        try:
            await ws.recv()
        except Exception as exc:
            seen.append(exc)

    server = WsServer(handler)
    async with server as url:
        async with connect(url) as client:
            await client.send("last")
            await client.send("queued")
        await asyncio.wait_for(server.done.wait(), 5)
    (exc,) = seen
    assert isinstance(exc, WebsocketClosed)
    assert isinstance(exc, ConnectionClosedOK)
    assert str(exc) == "Cannot receive from websocket interface after it is closed."
    assert exc.rcvd is not None and exc.rcvd.code == 1000
    # The app reads this flag (not the message text) to end the handler without a signal.
    assert is_recv_after_close(exc)
    # A WebsocketClosed that merely says the same is no recv's.
    assert not is_recv_after_close(WebsocketClosed(str(exc)))


async def test_recv_burst_after_the_peers_close_raises_as_recv_does() -> None:
    # As Sanic: once the client's close frame is in and nothing is left to read,
    # recv_burst() raises WebsocketClosed with the message recv() gives there. Before, it
    # raised the library's bare ConnectionClosedOK, which `except WebsocketClosed` missed.
    seen: list[Any] = []

    async def handler(ws: Any) -> None:
        assert await ws.recv() == "last"
        for _ in range(200):  # until the client's close frame is read (bounded)
            if ws.ws_proto.close_rcvd is not None:
                break
            await asyncio.sleep(0.01)
        seen.append(await ws.recv_burst())  # "queued" came before the close: still given
        for call in (ws.recv_burst, ws.recv):
            try:
                await call()
            except Exception as exc:
                seen.append(exc)

    server = WsServer(handler)
    async with server as url:
        async with connect(url) as client:
            await client.send("last")
            await client.send("queued")
        await asyncio.wait_for(server.done.wait(), 5)
    burst, burst_exc, recv_exc = seen
    assert burst == ["queued"]
    for exc in (burst_exc, recv_exc):
        assert isinstance(exc, WebsocketClosed) and isinstance(exc, ConnectionClosedOK)
        assert str(exc) == "Cannot receive from websocket interface after it is closed."
        assert exc.rcvd is not None and exc.rcvd.code == 1000
        assert is_recv_after_close(exc)


async def test_wait_for_connection_lost_times_out_then_sees_the_end() -> None:
    seen: list[bool] = []

    async def handler(ws: Any) -> None:
        seen.append(await ws.wait_for_connection_lost(0.05))  # still open: False
        await ws.close()
        seen.append(await ws.wait_for_connection_lost(5))
        seen.append(await ws.wait_for_connection_lost(0))  # already gone: True at once

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(client.recv(), 5)
        await asyncio.wait_for(server.done.wait(), 5)
    assert seen == [False, True, True]
    assert server.outcome == ["returned"]
