"""Requests for chess_app.py. The DRIVER: two players get a session (``/api/lobby``, the
``pfsession`` cookie), open the lobby websocket, chat, and leave (one with a close frame,
one with a bare FIN); a websocket without a session (the handler raises ``Unauthorized``
after the handshake); the game websocket of an unknown room (the blueprint's request
middleware raises ``NotFound`` before it) and of a known one (a message, then close)."""

import base64
import os
import re
import socket
import time

REQS = [("GET", "/"), ("GET", "/api/game/r1"), ("GET", "/api/game/zz"), ("GET", "/ws/lobby")]


def _http(port, path, cookie=None):
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    extra = f"Cookie: pfsession={cookie}\r\n" if cookie else ""
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n".encode())
    data = b""
    while chunk := sock.recv(4096):
        data += chunk
    sock.close()
    text = data.decode()
    found = re.search(r"(?i)set-cookie: pfsession=([^;\r\n]+)([^\r\n]*)", text)
    status = text.split("\r\n", 1)[0]
    body = text.split("\r\n\r\n", 1)[1]
    return status, body, (found.group(1) if found else None), (found.group(2) if found else "")


def _ws(port, path, cookie=None):
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    key = base64.b64encode(os.urandom(16)).decode()
    extra = f"Cookie: pfsession={cookie}\r\n" if cookie else ""
    sock.sendall(
        f"GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    head = b""
    while b"\r\n\r\n" not in head:
        b = sock.recv(1)
        if not b:
            break
        head += b
    return sock, head.split(b"\r\n", 1)[0].decode()


def _frame(opcode, payload):
    return bytes([0x80 | opcode, 0x80 | len(payload)]) + b"\0\0\0\0" + payload


def _read(sock, wait=0.6):
    sock.settimeout(wait)
    out, data = [], b""
    try:
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
    return " ".join(out)


def DRIVER(port):
    lines = []
    s1, b1, c1, attrs1 = _http(port, "/api/lobby")
    s2, b2, c2, _ = _http(port, "/api/lobby")
    lines += [s1, b1, f"cookie {c1}{attrs1}", s2, b2, f"cookie {c2}"]
    lines.append("again: " + " ".join(str(x) for x in _http(port, "/api/lobby", c1)[:3]))
    a, ha = _ws(port, "/ws/lobby", c1)
    time.sleep(0.2)
    b, hb = _ws(port, "/ws/lobby", c2)
    time.sleep(0.2)
    lines += [ha, hb, "a: " + _read(a), "b: " + _read(b)]
    a.sendall(_frame(1, b"e4"))
    time.sleep(0.2)
    lines += ["a: " + _read(a), "b: " + _read(b)]
    b.sendall(_frame(8, b"\x03\xe8"))
    lines += ["b closing: " + _read(b), "a: " + _read(a, float(os.environ.get("CHESS_WAIT", "0.6")))]
    b.close()
    a.close()
    time.sleep(0.3)
    n, hn = _ws(port, "/ws/lobby")
    lines += ["no session: " + hn, "  " + _read(n, 1.5)]
    n.close()
    g, hg = _ws(port, "/ws/game/zz", c1)
    lines += ["unknown room: " + hg, "  " + _read(g)[:120]]
    g.close()
    r, hr = _ws(port, "/ws/game/r1", c1)
    time.sleep(0.2)
    r.sendall(_frame(1, b"Nf3"))
    time.sleep(0.2)
    lines += ["room: " + hr, "  " + _read(r)]
    r.sendall(_frame(8, b"\x03\xe8"))
    lines += ["  " + _read(r)]
    r.close()
    time.sleep(0.3)
    return lines
