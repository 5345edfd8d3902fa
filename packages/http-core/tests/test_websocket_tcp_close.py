"""How the server ends TCP under a websocket: a half-close (FIN), then it reads and drops
what the peer still sends until the peer's FIN; never a reset for a peer's late bytes."""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import time
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed

from hurtle_http.exceptions import WebsocketClosed

from .test_websocket import WsServer

_UPGRADE = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def _masked(first: int, payload: bytes) -> bytes:
    key = b"\x01\x02\x03\x04"
    body = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
    return struct.pack("!BB", first, 0x80 | len(payload)) + key + body


def _write_after_eof(sock: socket.socket) -> list[str]:
    # After the server's close frame and EOF, the peer's late bytes: a server that closed
    # its socket answers the first with a reset, so the second send fails.
    outcomes = []
    for _ in range(3):
        try:
            sock.sendall(_masked(0x88, b"\x03\xe8"))
            outcomes.append("sent")
        except OSError as exc:
            outcomes.append(type(exc).__name__)
        time.sleep(0.05)
    return outcomes


def _upgrade(sock: socket.socket) -> None:
    """Open the websocket on ``sock``: send the upgrade request, read the 101 head."""
    sock.sendall(_UPGRADE)
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 101")


def _blocking_client(port: int, first: bytes) -> tuple[int, bytes, list[str]]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        _upgrade(sock)
        sock.sendall(first)
        header = sock.recv(2, socket.MSG_WAITALL)
        payload = sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
        assert header[0] == 0x88
        code = int(struct.unpack("!H", payload[:2])[0])
        eof = sock.recv(100)
        return code, eof, _write_after_eof(sock)


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1].split("/")[0])


async def _hold(ws: Any) -> None:
    async for _ in ws:
        pass


async def test_a_failed_connection_is_half_closed_not_reset() -> None:
    server = WsServer(_hold)
    async with server as url:
        unmasked = struct.pack("!BB", 0x81, 2) + b"hi"  # a protocol error (1002)
        code, eof, late = await asyncio.to_thread(_blocking_client, _port(url), unmasked)
        await asyncio.wait_for(server.done.wait(), 5)
    assert (code, eof) == (1002, b"")
    assert late == ["sent", "sent", "sent"]


async def test_a_handler_close_is_half_closed_not_reset() -> None:
    async def handler(ws: Any) -> None:
        await ws.close(4000, "bye")

    server = WsServer(handler)
    async with server as url:
        # The peer's answer to the close comes first, then more bytes after EOF.
        answer = _masked(0x88, b"\x0f\xa0")
        code, eof, late = await asyncio.to_thread(_blocking_client, _port(url), answer)
        await asyncio.wait_for(server.done.wait(), 5)
    assert (code, eof) == (4000, b"")
    assert late == ["sent", "sent", "sent"]


async def test_close_returns_before_the_peer_answers() -> None:
    # As Sanic: a handler's ``await ws.close()`` sends the close frame and returns; the
    # rest of the closing handshake (the peer's close frame, then the end of TCP) goes on
    # without it, bounded by ``close_timeout``. It waited for the peer's answer, so a
    # silent peer held the handler there for the whole timeout (10 s).
    after_close: list[str] = []

    async def handler(ws: Any) -> None:
        ws.close_timeout = 3600  # how long a silent peer could have held close()
        await ws.close()
        after_close.append("returned")

    server = WsServer(handler)
    async with server as url:
        reader, writer = await asyncio.open_connection("127.0.0.1", _port(url))
        try:
            writer.write(_UPGRADE)
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            frame = await asyncio.wait_for(reader.readexactly(4), 5)
            assert frame == b"\x88\x02\x03\xe8"  # close 1000, not yet answered
            await asyncio.wait_for(server.done.wait(), 5)
            assert after_close == ["returned"]
            # The handshake is still open to the peer: its close frame completes it, and
            # the server then ends TCP.
            writer.write(_masked(0x88, b"\x03\xe8"))
            assert await asyncio.wait_for(reader.read(100), 5) == b""
        finally:
            writer.close()


def _read_until_eof(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        _upgrade(sock)
        rest = b""
        while chunk := sock.recv(4096):
            rest += chunk
        return rest


async def test_close_1006_ends_tcp_without_a_close_frame() -> None:
    # RFC 6455 7.4.1: 1006 is never sent in a close frame. Sanic's close(1006) ends the
    # connection without one and returns; it was a ProtocolError here (then a 1000 frame).
    async def handler(ws: Any) -> None:
        await ws.close(1006, "gone")

    server = WsServer(handler)
    async with server as url:
        rest = await asyncio.to_thread(_read_until_eof, _port(url))
        await asyncio.wait_for(server.done.wait(), 5)
    assert rest == b""
    assert server.outcome == ["returned"]


def _close_and_stay(port: int, ended: Any) -> tuple[int, bytes, bool]:
    # A peer that sends its close frame, reads the server's answer and its FIN, then keeps
    # its socket open for a while (a slow or odd client: real ones close at once).
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(_UPGRADE)
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(1)
        sock.sendall(_masked(0x88, b"\x03\xe8"))
        header = sock.recv(2, socket.MSG_WAITALL)
        payload = sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
        eof = sock.recv(100)
        handler_ended_before_our_fin = ended.wait(2)
        return int(struct.unpack("!H", payload[:2])[0]), eof, handler_ended_before_our_fin


async def test_the_peers_close_frame_ends_recv_without_waiting_for_its_fin() -> None:
    # A chess lobby's handler (`async for msg in ws`, then in `finally` a farewell sent to
    # the other players): under Sanic the loop ends when the peer's close frame comes;
    # Hurtle's recv() waited for the peer's TCP FIN, so the farewell went out only when
    # that peer's socket closed (here, never within 2 s).
    import threading

    ended = threading.Event()

    async def handler(ws: Any) -> None:
        try:
            async for _ in ws:
                pass
        finally:
            ended.set()

    server = WsServer(handler)
    async with server as url:
        code, eof, in_time = await asyncio.to_thread(_close_and_stay, _port(url), ended)
        await asyncio.wait_for(server.done.wait(), 5)
    assert (code, eof) == (1000, b"")
    assert in_time is True
    assert server.outcome == ["returned"]


async def test_after_close_1006_the_connection_is_closed_to_the_handler() -> None:
    # As Sanic: close(1006) then close() (as the app does when the handler returns) does
    # nothing more, and send/recv raise WebsocketClosed. Before, the connection still
    # looked open: close() wrote a close frame after the half-close (RuntimeError: Cannot
    # call write() after write_eof(), logged as the handler's error), and recv() waited.
    seen: list[str] = []

    async def handler(ws: Any) -> None:
        await ws.close(1006)
        for name, call in (
            ("close", lambda: ws.close()),
            ("send", lambda: ws.send("late")),
            ("recv", lambda: ws.recv(5)),
        ):
            try:
                seen.append(f"{name} ok {await call()!r}")
            except Exception as exc:
                closed = isinstance(exc, WebsocketClosed) and isinstance(exc, ConnectionClosed)
                seen.append(f"{name} {closed} {exc}")

    server = WsServer(handler)
    async with server as url:
        rest = await asyncio.to_thread(_read_until_eof, _port(url))
        await asyncio.wait_for(server.done.wait(), 5)
    assert rest == b""
    assert seen == [
        "close ok None",
        "send True Cannot write to websocket interface after it is closed.",
        "recv True Cannot receive from websocket interface after it is closed.",
    ]


def _close_with_messages_unread(port: int, messages: list[bytes], late: int) -> tuple[bytes, bytes]:
    """Send ``messages`` at once, read the server's close frame, send ``late`` more
    messages and answer it: (that frame, what comes next: b"" when the server ends TCP)."""
    with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
        sock.sendall(_UPGRADE)
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(1)
        sock.sendall(b"".join(_masked(0x81, m) for m in messages))
        header = sock.recv(2, socket.MSG_WAITALL)
        close = header + sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
        sock.sendall(b"".join(_masked(0x81, b"y" * 60) for _ in range(late)))
        sock.sendall(_masked(0x88, close[2:4]))
        try:
            after = sock.recv(100)
        except TimeoutError:
            after = b"<still open>"
        return close, after


@pytest.mark.parametrize("late", [0, 50])
async def test_the_closing_handshake_ends_with_messages_left_unread(late: int) -> None:
    # Messages the handler never read (their size paused reading, WEBSOCKET_MAX_SIZE)
    # kept the peer's close frame from being read: the connection stayed open until the
    # close timeout (10 s) instead of ending once the peer answered, as in Sanic.
    async def handler(ws: Any) -> None:
        await ws.recv()  # and return: the rest stays unread

    server = WsServer(handler, WEBSOCKET_MAX_SIZE=64)
    async with server as url:
        close, after = await asyncio.to_thread(
            _close_with_messages_unread, _port(url), [b"first", b"x" * 60], late
        )
        await asyncio.wait_for(server.done.wait(), 5)
    assert close == b"\x88\x02\x03\xe8"
    assert after == b""


async def test_recv_after_a_failed_connection_does_not_wait_for_the_peer() -> None:
    # Once the server has failed the connection (a protocol error: close frame, then its
    # half-close), nothing more can be read: a recv() called then raises at once, with
    # Sanic's message. Before, it waited for the peer's FIN (or the 10 s close timeout).
    seen: list[str] = []
    client_open = threading.Event()
    client_open.set()

    async def handler(ws: Any) -> None:
        assert await ws.recv() == "hi"
        await asyncio.sleep(0.1)  # the bad frame behind "hi" fails the connection meanwhile
        try:
            await ws.recv()
        except WebsocketClosed as exc:
            seen.append(f"{client_open.is_set()} {exc.sent.code if exc.sent else None} {exc}")

    def client(port: int) -> None:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(_UPGRADE)
            head = b""
            while b"\r\n\r\n" not in head:
                head += sock.recv(1)
            unmasked = struct.pack("!BB", 0x81, 2) + b"no"
            sock.sendall(_masked(0x81, b"hi") + unmasked)
            deadline = time.monotonic() + 3
            while not seen and time.monotonic() < deadline:
                time.sleep(0.02)
            client_open.clear()

    server = WsServer(handler)
    async with server as url:
        await asyncio.to_thread(client, _port(url))
        await asyncio.wait_for(server.done.wait(), 15)
    assert seen == ["True 1002 Cannot receive from websocket interface after it is closed."]


def _ping_close_and_stay(port: int, ended: Any) -> tuple[bytes, int, bool]:
    # A peer that reads the server's ping, answers it with its close frame (no pong),
    # then keeps its socket open for a while.
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        _upgrade(sock)
        ping = sock.recv(2 + 1, socket.MSG_WAITALL)
        sock.sendall(_masked(0x88, b"\x03\xe9"))
        header = sock.recv(2, socket.MSG_WAITALL)
        payload = sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
        return ping, int(struct.unpack("!H", payload[:2])[0]), ended.wait(2)


async def test_a_pong_awaited_ends_with_the_peers_close_frame() -> None:
    # No pong can follow the peer's close frame (RFC 6455 5.5.1): as in Sanic, a handler
    # awaiting one gets ConnectionClosed then. It waited for the peer's FIN (or the close
    # timeout), and a handler waiting through asyncio.wait_for was cancelled meanwhile.
    import threading

    ended = threading.Event()
    seen: list[str] = []

    async def handler(ws: Any) -> None:
        waiter = await ws.ping(b"p")
        try:
            await waiter
        except ConnectionClosed as exc:
            seen.append(f"{type(exc).__name__} {exc.rcvd.code if exc.rcvd else None}")
        ended.set()

    server = WsServer(handler)
    async with server as url:
        ping, code, in_time = await asyncio.to_thread(_ping_close_and_stay, _port(url), ended)
        await asyncio.wait_for(server.done.wait(), 5)
    assert (ping, code) == (b"\x89\x01p", 1001)
    assert in_time is True
    assert seen == ["ConnectionClosedOK 1001"]


def _close_and_never_end_tcp(port: int, release: threading.Event) -> tuple[int, bytes]:
    # A peer that sends its close frame, reads the answer and the server's FIN, and keeps
    # its own side of TCP open (until the test releases it).
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        _upgrade(sock)
        sock.sendall(_masked(0x88, b"\x03\xe8"))
        header = sock.recv(2, socket.MSG_WAITALL)
        payload = sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
        eof = sock.recv(100)
        release.wait(15)
        return int(struct.unpack("!H", payload[:2])[0]), eof


async def test_a_stop_does_not_wait_for_the_fin_of_a_closed_websocket() -> None:
    # The closing handshake is over (both close frames, the server's FIN sent): only the
    # peer's FIN is awaited, up to close_timeout (10 s). A server stop waited for it, so
    # SIGTERM took 10 s with such a client (Sanic stops at once).
    release = threading.Event()
    server = WsServer(_hold)
    async with server as url:
        client = asyncio.ensure_future(
            asyncio.to_thread(_close_and_never_end_tcp, _port(url), release)
        )
        try:
            await asyncio.wait_for(server.done.wait(), 5)
            await asyncio.sleep(0.2)  # (the client has read the close frame and the FIN)
            await asyncio.wait_for(server.handle_.graceful_shutdown(30), 5)
        finally:
            release.set()
            code, eof = await client
    assert (code, eof) == (1000, b"")


def _too_big_and_stay(port: int, ended: Any) -> tuple[int, bool]:
    # A frame over WEBSOCKET_MAX_SIZE (its 16-bit length read first), then the peer keeps
    # its socket open and never answers the server's close frame.
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        _upgrade(sock)
        key = b"\x01\x02\x03\x04"
        sock.sendall(struct.pack("!BBH", 0x81, 0x80 | 126, 3000) + key + b"x" * 3000)
        header = sock.recv(2, socket.MSG_WAITALL)
        payload = sock.recv(header[1] & 0x7F, socket.MSG_WAITALL)
        handler_ended_while_we_stay = ended.wait(2)
        return int(struct.unpack("!H", payload[:2])[0]), handler_ended_while_we_stay


async def test_a_frame_over_max_size_ends_a_waiting_recv_at_once() -> None:
    # A chat room's handler waits in recv() and, in ``finally``, tells the room its member
    # left. A frame over the limit fails the connection (1009, RFC 6455 7.1.7: nothing more
    # is processed): under Sanic the handler ends then; here recv() went on waiting until
    # the peer's FIN, so the room heard of it only when that client went away.
    ended = threading.Event()

    async def handler(ws: Any) -> None:
        try:
            await ws.recv(timeout=30)
        finally:
            ended.set()

    server = WsServer(handler, WEBSOCKET_MAX_SIZE=2048)
    async with server as url:
        code, in_time = await asyncio.to_thread(_too_big_and_stay, _port(url), ended)
        await asyncio.wait_for(server.done.wait(), 5)
    assert code == 1009
    assert in_time is True
    assert len(server.outcome) == 1 and isinstance(server.outcome[0], ConnectionClosed)
