"""Requests for ws_guide_app.py: the DRIVER runs ten websocket clients (five end with a
close frame, five with a bare FIN), then /count is asked."""

import base64
import os
import socket
import time

REQS = [("GET", "/"), ("GET", "/count")]


def _client(port: int, close_frame: bool) -> str:
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET /feed HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    head = sock.recv(4096).split(b"\r\n", 1)[0].decode()
    sock.sendall(b"\x81\x82\0\0\0\0hi")  # a masked text frame (mask 0): "hi"
    time.sleep(0.05)
    if close_frame:
        sock.sendall(b"\x88\x82\0\0\0\0\x03\xe8")  # close 1000
        sock.settimeout(1)
        try:
            while sock.recv(4096):  # the server's close frame, then its FIN
                pass
        except OSError:
            pass
    sock.close()
    time.sleep(0.1)
    return head


def DRIVER(port: int) -> list[str]:
    return [_client(port, close_frame=i < 5) for i in range(10)]
