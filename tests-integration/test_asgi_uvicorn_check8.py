"""Under a real uvicorn, what the eighth ASGI check found apart from Hurtle's own server
(tests-integration/fidelity/README.md, "ASGI mode, eighth check")."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path

from helpers import running, uvicorn_app
from helpers import server_output as output

HOST = "127.0.0.1"

APP = '''
import asyncio
import os

from sanic import Sanic

app = Sanic("UvicornCheck8")


def write(seen):
    with open(os.environ["SEEN"], "w") as out:
        out.write(repr(seen))


@app.get("/events")
async def events(request):
    response = await request.respond(content_type="text/event-stream")
    seen = [request.transport.is_closing()]
    try:
        for _ in range(1000):
            await response.send(b"data: x\\n\\n" * 200)
            await asyncio.sleep(0.01)
    finally:
        seen.append(request.transport.is_closing())
        write(seen)


@app.websocket("/ws")
async def feed(request, ws):
    seen = [request.transport.is_closing()]
    try:
        await ws.recv()
    finally:
        seen.append(request.transport.is_closing())
        write(seen)
'''

HANDSHAKE = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def _seen_after_leaving(tmp_path: Path, request: bytes, status: bytes) -> tuple[str, str]:
    """Serve APP, send ``request``, read the head (``status``), reset the connection;
    what the handler wrote once it ended, and uvicorn's output."""
    args, port = uvicorn_app(tmp_path, APP, HOST)
    seen_file = tmp_path / "seen.txt"
    with running(args, HOST, port, cwd=tmp_path, env={"SEEN": str(seen_file)}) as proc:
        with socket.create_connection((HOST, port), 5) as client:
            client.sendall(request)
            client.settimeout(5)
            assert client.recv(4096).startswith(status)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        for _ in range(100):  # at most 10 s for the handler to end
            if seen_file.exists() and seen_file.read_text():
                break
            time.sleep(0.1)
    seen = seen_file.read_text() if seen_file.exists() else "<not written>"
    return seen, output(proc)


def test_the_transport_says_closing_once_the_client_left_under_uvicorn(tmp_path: Path) -> None:
    # Served by Hurtle (or Sanic), a streaming handler's `request.transport.is_closing()`
    # turns True when the client goes away; under uvicorn it stayed False, so a handler
    # (or its `finally`) could not tell a finished client from a gone one.
    seen, log = _seen_after_leaving(
        tmp_path, b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n", b"HTTP/1.1 200"
    )
    assert seen == "[False, True]", log
    assert "Task exception was never retrieved" not in log


def test_a_websocket_transport_says_closing_once_the_client_left_under_uvicorn(
    tmp_path: Path,
) -> None:
    # The same for a websocket whose client resets the connection (no close frame) while
    # its handler waits in recv().
    seen, log = _seen_after_leaving(tmp_path, HANDSHAKE, b"HTTP/1.1 101")
    assert seen == "[False, True]", log
