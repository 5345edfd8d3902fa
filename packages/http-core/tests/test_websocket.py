"""Websockets over a real loopback socket, with the websockets library as the client."""

from __future__ import annotations

import asyncio
import os
import struct
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, ConnectionClosedError, ConnectionClosedOK

from hurtle_http.response import text
from hurtle_http.server import HandlerApp, start_server


class WsServer:
    """A server whose handler upgrades and runs ``ws_handler(ws)``; records what happened."""

    def __init__(self, ws_handler: Any, subprotocols: Any = None, **config: Any) -> None:
        self.ws_handler = ws_handler
        self.subprotocols = subprotocols
        self.outcome: list[Any] = []
        self.done = asyncio.Event()
        self.app = HandlerApp(self.handle, config=config)
        self.handle_: Any = None

    async def handle(self, request: Any) -> Any:
        if request.path == "/plain":
            return text("plain")
        protocol = request.transport.get_protocol()
        ws = await protocol.websocket_handshake(request, subprotocols=self.subprotocols)
        try:
            await self.ws_handler(ws)
            self.outcome.append("returned")
        except BaseException as exc:
            self.outcome.append(exc)
            raise
        finally:
            self.done.set()

    async def __aenter__(self) -> str:
        self.handle_ = await start_server(self.app, port=0)
        return f"ws://127.0.0.1:{self.handle_.port}/ws"

    async def __aexit__(self, *exc: object) -> None:
        await self.handle_.close()


async def echo_handler(ws: Any) -> None:
    async for message in ws:
        await ws.send(message)


async def test_echo_text_and_binary() -> None:
    server = WsServer(echo_handler)
    async with server as url, connect(url) as client:
        await client.send("héllo")
        assert await client.recv() == "héllo"
        await client.send(b"\x00\x01")
        assert await client.recv() == b"\x00\x01"
        await client.send(["frag", "mented"])
        assert await client.recv() == "fragmented"


async def test_normal_close_ends_async_iteration() -> None:
    server = WsServer(echo_handler)
    async with server as url:
        async with connect(url) as client:
            await client.send("x")
            await client.recv()
        await asyncio.wait_for(server.done.wait(), 5)
    assert server.outcome == ["returned"]


async def test_subprotocol_is_negotiated() -> None:
    async def handler(ws: Any) -> None:
        await ws.send(ws.subprotocol or "none")

    server = WsServer(handler, subprotocols=["chat", "superchat"])
    async with server as url, connect(url, subprotocols=["superchat"]) as client:
        assert client.subprotocol == "superchat"
        assert await client.recv() == "superchat"


async def test_peer_going_away_raises_connection_closed_in_the_handler() -> None:
    received = asyncio.Event()

    async def handler(ws: Any) -> None:
        await ws.recv()
        received.set()
        await ws.recv()  # the peer vanishes while we wait here

    server = WsServer(handler)
    async with server as url:
        client = await connect(url)
        await client.send("hi")
        await asyncio.wait_for(received.wait(), 5)
        client.transport.abort()  # no close frame
        await asyncio.wait_for(server.done.wait(), 5)
    [exc] = server.outcome
    assert isinstance(exc, ConnectionClosed)
    assert not isinstance(exc, asyncio.CancelledError)


async def test_client_close_frame_gives_connection_closed_ok_on_recv() -> None:
    async def handler(ws: Any) -> None:
        await ws.recv()

    server = WsServer(handler)
    async with server as url:
        async with connect(url) as client:
            await client.close(1000, "bye")
        await asyncio.wait_for(server.done.wait(), 5)
    [exc] = server.outcome
    assert isinstance(exc, ConnectionClosedOK)
    assert exc.rcvd is not None and exc.rcvd.code == 1000


async def test_server_ping_gets_a_pong() -> None:
    async def handler(ws: Any) -> None:
        pong = await ws.ping()
        await asyncio.wait_for(pong, 5)
        await ws.send("ponged")

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        assert await client.recv() == "ponged"


async def test_server_close_reaches_the_client() -> None:
    async def handler(ws: Any) -> None:
        await ws.close(4000, "done here")

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        with pytest.raises(ConnectionClosed) as info:
            await client.recv()
        assert info.value.rcvd.code == 4000


async def test_send_after_close_raises_connection_closed() -> None:
    async def handler(ws: Any) -> None:
        await ws.close()
        await ws.send("too late")

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        with pytest.raises(ConnectionClosed):
            await client.recv()
        await asyncio.wait_for(server.done.wait(), 5)
    assert isinstance(server.outcome[0], ConnectionClosed)


async def test_recv_timeout_returns_none() -> None:
    async def handler(ws: Any) -> None:
        got = await ws.recv(timeout=0.05)
        await ws.send(repr(got))

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        assert await client.recv() == "None"


async def test_message_over_max_size_closes_with_1009() -> None:
    server = WsServer(echo_handler, WEBSOCKET_MAX_SIZE=10)
    async with server as url, connect(url) as client:
        await client.send("x" * 11)
        with pytest.raises(ConnectionClosedError) as info:
            await client.recv()
        assert info.value.sent is None or info.value.rcvd.code == 1009


def _masked_frame(opcode: int, payload: bytes) -> bytes:
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return struct.pack("!BB", 0x80 | opcode, 0x80 | len(payload)) + mask + masked


async def test_invalid_utf8_text_frame_closes_with_1007_and_handler_sees_the_close() -> None:
    async def handler(ws: Any) -> None:
        await ws.recv()

    server = WsServer(handler)
    async with server as url:
        port = int(url.split(":")[2].split("/")[0])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            + _masked_frame(0x1, b"\xff\xfe")
        )
        head = await reader.readuntil(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 101")
        frame = await asyncio.wait_for(reader.read(2), 5)
        assert frame[0] == 0x88  # FIN + close
        payload = await reader.readexactly(frame[1] & 0x7F)
        assert struct.unpack("!H", payload[:2])[0] == 1007
        writer.close()
        await asyncio.wait_for(server.done.wait(), 5)
    [exc] = server.outcome
    assert isinstance(exc, ConnectionClosed)


async def test_plain_http_request_is_not_upgraded_and_route_still_works() -> None:
    server = WsServer(echo_handler)
    async with server as url:
        port = int(url.split(":")[2].split("/")[0])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /ws HTTP/1.1\r\nHost: x\r\n\r\n")
        head = await reader.readuntil(b"\r\n\r\n")
        assert head.split(b" ")[1] in (b"400", b"426")
        writer.write(b"GET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
        head = await reader.readuntil(b"\r\n\r\n")
        writer.close()


async def test_send_refuses_other_types_with_sanics_errors_and_stays_usable() -> None:
    errors: list[str] = []

    async def handler(ws: Any) -> None:
        for bad in ({"k": 1}, ["a", b"b"], (), None, 4.5):
            try:
                await ws.send(bad)
            except (TypeError, NotImplementedError) as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
        await ws.send("still open")

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        assert await client.recv() == "still open"
    assert errors == [
        "TypeError: data is a dict-like object",
        "NotImplementedError: Fragmented websocket messages are not supported.",
        "NotImplementedError: Fragmented websocket messages are not supported.",
        "TypeError: Websocket data must be bytes, str.",
        "TypeError: Websocket data must be bytes, str.",
    ]


async def test_recv_streaming_gives_a_fragmented_message_frame_by_frame() -> None:
    messages: list[Any] = []

    async def handler(ws: Any) -> None:
        for _ in range(4):
            messages.append([piece async for piece in ws.recv_streaming()])
        assert await ws.recv(timeout=0) is None  # each message was taken whole

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        await client.send("whole")
        await client.send(["ab", "c\u00e9"])  # the library ends it with an empty frame
        await client.send([b"x", b"y"])
        await client.send(b"bin")
        await asyncio.wait_for(server.done.wait(), 5)
    assert messages == [["whole"], ["ab", "c\u00e9", ""], [b"x", b"y", b""], [b"bin"]]
    assert server.outcome == ["returned"]


@pytest.mark.parametrize(
    ("field", "status"),
    [
        (b"Upgrade: websock\xefet", 400),
        (b"Sec-WebSocket-Key: \xff\xfe==", 400),
        (b"Sec-WebSocket-Version: 1\xff", 426),  # not 13: RFC 6455 4.2.2
        (b"Sec-WebSocket-Extensions: permessage-deflate; \xff", 101),  # not offered: ignored
        (b"User-Agent: caf\xe9", 101),
        (b"Cookie: a=\xff\xfe", 101),
    ],
)
async def test_a_handshake_field_that_is_not_utf8_never_makes_a_500(
    field: bytes, status: int
) -> None:
    """Bytes that are not UTF-8 in a handshake field made the websockets library raise
    (a 500, as Sanic's); a field it refuses gets its 400, and one it does not read (or
    reads as text, like the key) leaves the handshake alone."""
    from hurtle_http.testing import FakeConnection

    async def upgrade(request: Any) -> Any:
        return await request.transport.get_protocol().websocket_handshake(request)

    defaults = {
        b"upgrade": b"Upgrade: websocket",
        b"sec-websocket-key": b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        b"sec-websocket-version": b"Sec-WebSocket-Version: 13",
    }
    defaults[field.split(b":")[0].lower()] = field
    conn = FakeConnection(upgrade)
    conn.receive(
        b"GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
        + b"".join(line + b"\r\n" for line in defaults.values())
        + b"\r\n"
    )
    await conn.settle()
    assert conn.take().startswith(b"HTTP/1.1 %d " % status)


async def test_a_handlers_websocket_shows_sanics_timeouts() -> None:
    # As Sanic's handler websocket: close_timeout 10.0 (a float), pings every 20 s.
    async def handler(ws: Any) -> None:
        await ws.send(repr((ws.close_timeout, ws.ping_interval, ws.ping_timeout)))

    server = WsServer(handler)
    async with server as url, connect(url) as client:
        assert await client.recv() == "(10.0, 20, 20)"


def _two_pings(port: int) -> list[bytes]:
    import socket

    from .test_websocket_tcp_close import _masked, _upgrade

    pings = []
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        _upgrade(sock)
        for _ in range(2):
            header = sock.recv(2, socket.MSG_WAITALL)
            assert header[0] == 0x89
            payload = sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
            pings.append(payload)
            sock.sendall(_masked(0x8A, payload))
    return pings


async def test_a_ping_without_data_carries_four_random_bytes() -> None:
    # As Sanic (and the websockets library): 4 random bytes. It was the hex digits of
    # the websocket object's id XOR the clock (12 bytes that told the peer a memory
    # address), from an operator precedence slip.
    async def handler(ws: Any) -> None:
        for _ in range(2):
            await asyncio.wait_for(await ws.ping(), 5)

    server = WsServer(handler)
    async with server as url:
        pings = await asyncio.to_thread(_two_pings, int(url.rsplit(":", 1)[1].split("/")[0]))
        await asyncio.wait_for(server.done.wait(), 5)
    assert [len(p) for p in pings] == [4, 4]
    assert pings[0] != pings[1]
    assert server.outcome == ["returned"]


async def test_the_proxy_details_are_those_of_the_handshake() -> None:
    """As Sanic: the client details a proxy reported (``forwarded``, ``remote_addr``) are
    read when the websocket opens; fields the handler rewrites afterwards do not change
    them (a plain request reads them on first use)."""

    async def handle(request: Any) -> Any:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        request.headers["x-real-ip"] = "9.9.9.9"
        await ws.send(f"{request.remote_addr} {dict(request.forwarded)}")
        await ws.close()

    handle_ = await start_server(HandlerApp(handle, config={"REAL_IP_HEADER": "x-real-ip"}), port=0)
    try:
        url = f"ws://127.0.0.1:{handle_.port}/ws"
        async with connect(url, additional_headers={"X-Real-IP": "1.2.3.4"}) as client:
            assert await client.recv() == "1.2.3.4 {'for': '1.2.3.4'}"
    finally:
        await handle_.close()
