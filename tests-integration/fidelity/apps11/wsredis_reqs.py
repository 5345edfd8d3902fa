"""Requests for wsredis_app.py. The DRIVER opens two websocket clients on /join; the first
sends "hello", both read what redis hands back, the second sends a null (JSON None goes
out as ``ws.send(None)``), then the first closes with a close frame and the second with a
bare FIN; then ``/`` (500) and ``/subs`` are asked."""

import base64
import os
import socket
import time

REQS = [("GET", "/"), ("GET", "/"), ("GET", "/subs"), ("GET", "/join")]


def _open(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET /join HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    return sock, head.split(b"\r\n", 1)[0].decode()


def _frame(opcode, payload):
    return bytes([0x80 | opcode, 0x80 | len(payload)]) + b"\0\0\0\0" + payload


def _read(sock):
    sock.settimeout(1)
    out = []
    try:
        data = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                out.append("<FIN>")
                break
            data += chunk
            while len(data) >= 2 and len(data) >= 2 + (data[1] & 0x7F):
                n = data[1] & 0x7F
                out.append(f"op{data[0] & 0x0F}:{data[2:2 + n]!r}")
                data = data[2 + n:]
    except OSError:
        pass
    return out


def DRIVER(port):
    lines = []
    a, ha = _open(port)
    b, hb = _open(port)
    lines += [ha, hb]
    time.sleep(0.2)
    a.sendall(_frame(1, b"hello"))
    time.sleep(0.2)
    lines += ["a: " + " ".join(_read(a)), "b: " + " ".join(_read(b))]
    b.sendall(_frame(1, b"null"))
    time.sleep(0.2)
    lines += ["a: " + " ".join(_read(a)), "b: " + " ".join(_read(b))]
    a.sendall(_frame(8, b"\x03\xe8"))
    lines += ["a after close: " + " ".join(_read(a))]
    a.close()
    b.close()
    time.sleep(0.3)
    return lines
