"""A raw websocket client for this round's drivers (``NAME_reqs.py``): open a handshake
with extra header lines, send masked frames, read what arrives (frames decoded, FIN/reset
noted) within a bounded wait."""

import base64
import os
import socket
import struct


def http(port, method, path, body=b"", headers=""):
    """One request on its own connection; returns the status line and the body."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    sock.sendall(f"{method} {path} HTTP/1.1\r\nHost: x\r\n{headers}Content-Length: {len(body)}\r\n"
                 f"Connection: close\r\n\r\n".encode() + body)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except OSError:
        pass
    sock.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    return head.split(b"\r\n", 1)[0].decode(), rest


def connect(port, path, headers=""):
    """Open a websocket; returns (socket, status line, bytes read past the head)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{headers}\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return sock, head.split(b"\r\n", 1)[0].decode(), rest


def frame(opcode, payload, fin=True):
    if isinstance(payload, str):
        payload = payload.encode()
    n = len(payload)
    head = bytes([(0x80 if fin else 0) | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    return head + b"\0\0\0\0" + payload


def send_text(sock, text):
    sock.sendall(frame(1, text))


def send_close(sock, code=1000, reason=b""):
    sock.sendall(frame(8, struct.pack("!H", code) + reason))


def read(sock, wait=0.6, pending=b""):
    """Frames that arrive until ``wait`` seconds pass quietly, as short strings."""
    sock.settimeout(wait)
    out, data = [], pending
    while True:
        while len(data) >= 2:
            n, pos = data[1] & 0x7F, 2
            if n == 126:
                if len(data) < 4:
                    break
                n, pos = struct.unpack("!H", data[2:4])[0], 4
            elif n == 127:
                if len(data) < 10:
                    break
                n, pos = struct.unpack("!Q", data[2:10])[0], 10
            if len(data) < pos + n:
                break
            op, payload = data[0] & 0x0F, data[pos:pos + n]
            fin = "" if data[0] & 0x80 else "(more)"
            if op == 8:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
                out.append(f"close:{code}:{payload[2:].decode(errors='replace')}")
            else:
                out.append(f"op{op}{fin}:{payload.decode(errors='replace')}")
            data = data[pos + n:]
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            out.append("<RST>")
            break
        except OSError:
            break
        if not chunk:
            out.append("<FIN>")
            break
        data += chunk
    return " | ".join(out)
