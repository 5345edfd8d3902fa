"""Websocket settings from SANIC_* under Sanic 25.12 and Hurtle, over a raw socket.

    python3 tests-integration/fidelity/config2/wsprobe.py [CASE ...]

Each case is a JSON object of environment variables. The client upgrades, sends one
text frame of 20 bytes, never answers a ping, and for 3.5 s records the frames it gets
(opcode, and the close code) and whether the server closed. Loopback only; bounded
waits; only the child it started is signalled.
"""

from __future__ import annotations

import base64
import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import HERE, PYTHONS, case_env, connect, free_port, stop

CASES = [
    {},
    {"SANIC_WEBSOCKET_MAX_SIZE": "10"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "20"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "10.5"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "0"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "1", "SANIC_WEBSOCKET_PING_TIMEOUT": "1"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "1", "SANIC_WEBSOCKET_PING_TIMEOUT": "5"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "0.5", "SANIC_WEBSOCKET_PING_TIMEOUT": "none"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "0"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "abc"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "1", "SANIC_WEBSOCKET_PING_TIMEOUT": "abc"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "1", "SANIC_WEBSOCKET_PING_TIMEOUT": "0"},
    {"SANIC_WEBSOCKET_PING_INTERVAL": "-1"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "-1"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "true"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "abc"},
]


def _frame(opcode: int, payload: bytes) -> bytes:
    mask = b"\x01\x02\x03\x04"
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked


def _frames(data: bytes) -> list[str]:
    out = []
    while len(data) >= 2:
        opcode, length = data[0] & 0x0F, data[1] & 0x7F
        pos = 2
        if length == 126:
            length, pos = struct.unpack("!H", data[2:4])[0], 4
        payload = data[pos : pos + length]
        data = data[pos + length :]
        if opcode == 8:
            code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
            out.append(f"close {code}")
        else:
            out.append({1: "text", 2: "binary", 9: "ping", 10: "pong"}.get(opcode, str(opcode)))
    return out


def client(port: int) -> dict:
    conn = connect(port)
    if conn is None:
        return {"error": "no connection"}
    key = base64.b64encode(os.urandom(16)).decode()
    conn.sendall(
        f"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return {"error": f"closed in handshake {data[:40]!r}"}
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    conn.sendall(_frame(1, b"x" * 20))
    conn.settimeout(0.2)
    end = time.monotonic() + 3.5
    closed = False
    while time.monotonic() < end:
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        rest += chunk
    conn.close()
    frames = _frames(rest)
    pings = frames.count("ping")
    return {
        "status": head.split(b" ")[1].decode(),
        "frames": [f for f in frames if f != "ping"],
        "pings": "none" if not pings else ("one" if pings == 1 else "several"),
        "server closed": closed,
    }


def run(side: str, case: dict) -> dict:
    port = free_port()
    child = subprocess.Popen(
        [PYTHONS[side], str(HERE / "wsapp.py"), str(port)], cwd=HERE, env=case_env(case),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(1.0)
    result = client(port) if child.poll() is None else {"error": "exited"}
    _, err = stop(child)
    lines = err.decode(errors="replace").splitlines()
    result["errors"] = sorted({ln.split(": ", 1)[0] for ln in lines if "Error" in ln})
    return result


def main() -> int:
    cases = [json.loads(c) for c in sys.argv[1:]] or CASES
    differing = 0
    for case in cases:
        s, h = run("sanic", case), run("hurtle", case)
        same = s == h
        differing += not same
        print(f"{json.dumps(case)}: {'same' if same else 'differ'}\n  sanic : {s}", flush=True)
        if not same:
            print(f"  hurtle: {h}", flush=True)
    print(f"{len(cases)} cases, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
