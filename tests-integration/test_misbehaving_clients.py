"""Clients that leave or half-close over real sockets (uvloop): the worker's descriptors
and Tasks come back to where they were. Each case failed before its fix: a half-closed
client's connection idled to KEEP_ALIVE_TIMEOUT, a streaming handler went on sending
into a reset connection (it never waited, so the loss was never delivered), and a
websocket handler waiting on something else was never woken."""

from __future__ import annotations

import json
import socket
import struct
import textwrap
import time
from pathlib import Path
from typing import Any

from helpers import free_port, running

APP = """
import asyncio, os
from sanic import Sanic
from sanic.response import json, text

app = Sanic("Misbehaving")
app.config.KEEP_ALIVE_TIMEOUT = 60
SEEN = []

@app.get("/stats")
async def stats(request):
    return json({{"fds": len(os.listdir("/proc/self/fd")),
                 "tasks": len(asyncio.all_tasks()), "seen": SEEN[-5:]}})

@app.get("/slow")
async def slow(request):
    await asyncio.sleep(0.05)
    return text("slow")

@app.get("/stream")
async def stream(request):
    response = await request.respond(content_type="text/plain")
    try:
        for n in range(2000):
            await response.send(b"y" * 65536)
    except BaseException as error:
        SEEN.append(f"stream {{type(error).__name__}} after {{n}}")
        raise
    SEEN.append("stream sent everything")

@app.websocket("/ws")
async def ws(request, ws):
    try:
        await asyncio.Event().wait()
    except BaseException as error:
        SEEN.append(f"ws {{type(error).__name__}}")
        raise

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, single_process=True, access_log=False, motd=False)
"""

WS_HEAD = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def _stats(port: int) -> dict[str, Any]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return json.loads(data.partition(b"\r\n\r\n")[2])


def _settled(port: int, base: dict[str, Any]) -> dict[str, Any]:
    stats = _stats(port)
    for _ in range(50):  # at most ~5 s
        if stats["fds"] <= base["fds"] and stats["tasks"] <= base["tasks"]:
            break
        time.sleep(0.1)
        stats = _stats(port)
    return stats


def _reset(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _head_of_response(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def test_clients_that_leave_leave_nothing_behind(tmp_path: Path) -> None:
    port = free_port()
    script = tmp_path / "misbehaving_app.py"
    script.write_text(textwrap.dedent(APP).format(port=port))
    with running([str(script)], "127.0.0.1", port):
        base = _stats(port)

        # Half-closed after the request: answered, then the connection closes.
        for _ in range(30):
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                sock.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
                sock.shutdown(socket.SHUT_WR)
                assert _head_of_response(sock).startswith(b"HTTP/1.1 200")
        after = _settled(port, base)
        assert (after["fds"], after["tasks"]) == (base["fds"], base["tasks"])

        # Reset while a handler streams (and reads a little first, so the write fails).
        for _ in range(10):
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.settimeout(5)
            sock.connect(("127.0.0.1", port))
            sock.sendall(b"GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
            sock.recv(4096)
            _reset(sock)
        after = _settled(port, base)
        assert (after["fds"], after["tasks"]) == (base["fds"], base["tasks"])
        streams = [s for s in after["seen"] if s.startswith("stream")]
        assert streams and "stream sent everything" not in streams

        # A websocket handler waiting on something else: cancelled when the client goes.
        for leave in ("close", "reset") * 10:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(WS_HEAD)
            assert _head_of_response(sock).startswith(b"HTTP/1.1 101")
            if leave == "close":
                sock.close()
            else:
                _reset(sock)
        after = _settled(port, base)
        assert (after["fds"], after["tasks"]) == (base["fds"], base["tasks"])
        assert after["seen"][-1] == "ws CancelledError"
