"""The inspector's HTTP service bounds what a client can make it hold."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

SERVE = """
import sys
from hurtle_inspector import Inspector
Inspector(None, {"app": "Demo"}, {}, "127.0.0.1", int(sys.argv[1]), "key", None, None)()
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _exchange(port: int, data: bytes) -> bytes:
    deadline = time.monotonic() + 15
    while True:
        try:
            conn = socket.create_connection(("127.0.0.1", port), timeout=5)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    with conn:
        try:
            conn.sendall(data)
        except OSError:
            pass  # the server may answer and close before reading everything
        reply = b""
        for _ in range(100):
            chunk = conn.recv(65536)
            if not chunk:
                break
            reply += chunk
            if b"\r\n\r\n" in reply:
                break
        return reply


def test_a_body_over_a_megabyte_is_413_before_the_api_key_is_checked() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        small = _exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert small.startswith(b"HTTP/1.1 401")
        big = _exchange(
            port,
            b"POST /reload HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n"
            + b"{" * 2_000_000,
        )
        assert big.startswith(b"HTTP/1.1 413")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)


def test_a_failing_action_is_logged_with_the_request_url() -> None:
    # As Sanic's inspector, the error log names the request by its full URL
    # (``http://127.0.0.1:PORT/scale``); it used to give the bare path ``'/scale'``.
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        body = b'{"replicas": "x"}'
        reply = _exchange(
            port,
            b"POST /scale HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer key\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n"
            b"Connection: close\r\n\r\n%s" % (port, len(body), body),
        )
        assert reply.startswith(b"HTTP/1.1 500")
    finally:
        server.terminate()
        _, err = server.communicate(timeout=15)
    assert f"Exception occurred while handling uri: 'http://127.0.0.1:{port}/scale'" in \
        err.decode()
