"""Helpers of the raw-socket websocket checks: the opening handshake, frames built by
hand (masked or not, any RSV bits and opcode), the server's frames split, a session.

Imported by a check script run as `python SCRIPT.py PORT [filter]`."""

import base64
import os
import socket
import struct
import time

from checklib import FILT, PORT, read_all

KEY = base64.b64encode(os.urandom(16)).decode()
GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def hs(
    path="/ws",
    key=KEY,
    version="13",
    extra="",
    method="GET",
    proto="HTTP/1.1",
    upgrade="websocket",
    connection="Upgrade",
):
    lines = [f"{method} {path} {proto}", "Host: x"]
    if upgrade is not None:
        lines.append(f"Upgrade: {upgrade}")
    if connection is not None:
        lines.append(f"Connection: {connection}")
    if key is not None:
        lines.append(f"Sec-WebSocket-Key: {key}")
    if version is not None:
        lines.append(f"Sec-WebSocket-Version: {version}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def frame(opcode, payload=b"", fin=True, mask=True, rsv=0):
    b0 = (0x80 if fin else 0) | (rsv << 4) | opcode
    n = len(payload)
    if n < 126:
        hdr = struct.pack("!BB", b0, (0x80 if mask else 0) | n)
    elif n < 65536:
        hdr = struct.pack("!BBH", b0, (0x80 if mask else 0) | 126, n)
    else:
        hdr = struct.pack("!BBQ", b0, (0x80 if mask else 0) | 127, n)
    if mask:
        m = os.urandom(4)
        return hdr + m + bytes(c ^ m[i % 4] for i, c in enumerate(payload))
    return hdr + payload


def parse_frames(data):
    fr = []
    while len(data) >= 2:
        b0, b1 = data[0], data[1]
        n = b1 & 0x7F
        i = 2
        if n == 126:
            n = struct.unpack("!H", data[2:4])[0]
            i = 4
        elif n == 127:
            n = struct.unpack("!Q", data[2:10])[0]
            i = 10
        if b1 & 0x80:
            i += 4
        fr.append((b0 & 0x0F, data[i : i + n], b0 & 0x80, b1 & 0x80))
        data = data[i + n :]
    return fr


def session(req, frames=(), idle=1.0):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    s.sendall(req)
    s.settimeout(3)
    head = b""
    try:
        while b"\r\n\r\n" not in head:
            b = s.recv(4096)
            if not b:
                break
            head += b
    except TimeoutError:
        pass
    h, _, rest = head.partition(b"\r\n\r\n")
    status = int(h.split(b" ")[1]) if h.startswith(b"HTTP/") else None
    out = rest
    closed = False
    if status == 101:
        for f in frames:
            s.sendall(f)
            time.sleep(0.05)
        more, closed = read_all(s, idle=idle)
        out += more
    else:
        more, closed = read_all(s, idle=0.5, total=2)
        out += more
    s.close()
    hd = {}
    for line in h.decode("latin-1").split("\r\n")[1:]:
        k, _, v = line.partition(":")
        hd.setdefault(k.strip().lower(), []).append(v.strip())
    return status, hd, out, closed, h.decode("latin-1").split("\r\n")[0]


def close_code(out):
    for op, p, *_ in parse_frames(out):
        if op == 8:
            return struct.unpack("!H", p[:2])[0] if len(p) >= 2 else "empty"
    return None


__all__ = ["FILT", "GUID", "KEY", "PORT", "close_code", "frame", "hs", "parse_frames", "session"]
