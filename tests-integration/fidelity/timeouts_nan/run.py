"""Timeouts set to NaN, Sanic 25.12 vs Hurtle.

    python3 tests-integration/fidelity/timeouts_nan/run.py

For each setting, serves app.py under each interpreter (REF_PYTHON, HURTLE_PYTHON) and
prints: an idle keep-alive connection and a half-sent head after 1.5 s (open or closed,
the answer), the pings a silent websocket client gets in 2 s and any close frame, a slow
request at a stop (answered or cut, and how long the stop took), and the lines of the
server's log that name an error. ``timeouts_zero/run.py '{"REQUEST_TIMEOUT": NaN}'`` (and
the other two) sends the request cases of that script.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF_PY = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", str(HERE.parents[2] / ".venv/bin/python"))
NAN = float("nan")
SETTINGS = [
    {"REQUEST_TIMEOUT": NAN},
    {"RESPONSE_TIMEOUT": NAN},
    {"KEEP_ALIVE_TIMEOUT": NAN},
    {"WEBSOCKET_PING_INTERVAL": NAN},
    {"WEBSOCKET_PING_INTERVAL": 0.3, "WEBSOCKET_PING_TIMEOUT": NAN},
    {"GRACEFUL_SHUTDOWN_TIMEOUT": NAN},
]
RUNNER = (
    "import sys; sys.path.insert(0, {here!r}); from app import app; "
    "app.run(host='127.0.0.1', port={port}, single_process=True, access_log=False, motd=False)"
)
WS_HEAD = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def state_of(sock: socket.socket, wait: float = 0.3) -> str:
    sock.settimeout(wait)
    try:
        got = sock.recv(4096)
    except TimeoutError:
        return "open"
    except OSError as exc:
        return type(exc).__name__
    return got.split(b"\r\n", 1)[0].decode("latin-1") if got else "closed"


def websocket_frames(port: int) -> str:
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    sock.sendall(WS_HEAD)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(4096)
    data = data.partition(b"\r\n\r\n")[2]
    end, deadline = "open", time.monotonic() + 2
    sock.settimeout(0.2)
    while time.monotonic() < deadline:
        try:
            got = sock.recv(65536)
        except TimeoutError:
            continue
        if not got:
            end = "closed"
            break
        data += got
    sock.close()
    pings, closes = 0, []
    while len(data) >= 2 and len(data) >= 2 + (data[1] & 0x7F):
        opcode, size = data[0] & 0x0F, data[1] & 0x7F
        if opcode == 9:
            pings += 1
        elif opcode == 8:
            closes.append(struct.unpack("!H", data[2:4])[0])
        data = data[2 + size :]
    return f"{pings} pings, closes {closes}, {end}"


def run_side(python: str, setting: dict) -> dict[str, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "TIMEOUTS": json.dumps(setting)}
    proc = subprocess.Popen([python, "-c", RUNNER.format(here=str(HERE), port=port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    out: dict[str, str] = {}
    idle = socket.create_connection(("127.0.0.1", port), timeout=3)
    idle.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    idle.recv(4096)
    half = socket.create_connection(("127.0.0.1", port), timeout=3)
    half.sendall(b"GET / HTTP/1.1\r\nHo")
    time.sleep(1.5)
    out["idle keep-alive after 1.5 s"] = state_of(idle)
    out["half a head after 1.5 s"] = state_of(half)
    idle.close()
    half.close()
    out["silent websocket client, 2 s"] = websocket_frames(port)
    slow = socket.create_connection(("127.0.0.1", port), timeout=10)
    slow.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.3)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    answer = state_of(slow, 5)
    try:
        log = proc.communicate(timeout=30)[0].decode(errors="replace")
    except subprocess.TimeoutExpired:
        proc.kill()
        log = proc.communicate()[0].decode(errors="replace")
    took = time.monotonic() - started
    out["slow request at a stop"] = f"{answer}, stopped {'within 1 s' if took < 1 else 'later'}"
    errors = sorted({line.strip()[:90] for line in log.splitlines() if "Error" in line})
    out["errors logged"] = "; ".join(errors) or "none"
    return out


def kept(setting: dict, name: str, sanic: str) -> str | None:
    """Why a difference is kept on purpose (README, "Leftovers, third pass"), or None."""
    if "WEBSOCKET_PING_TIMEOUT" in setting and (
        name.startswith("silent websocket") or "ConnectionClosedError" in sanic
    ):
        # NaN is no limit, as None: a ping at each interval; Sanic's keepalive sends one
        # and waits on, and logs an unretrieved future when the client goes.
        return "NaN ping timeout as None"
    return None


def main() -> int:
    differ = labelled = 0
    for setting in SETTINGS:
        print(f"== {json.dumps(setting)}")
        ref, ours = run_side(REF_PY, setting), run_side(HURTLE_PY, setting)
        for name in ref:
            if ref[name] == ours[name]:
                print(f"  same    {name}: {ref[name]}")
            else:
                differ += 1
                why = kept(setting, name, ref[name])
                labelled += why is not None
                print(f"  {'KEPT' if why else 'DIFFER':7} {name}:\n     sanic  {ref[name]}\n"
                      f"     hurtle {ours[name]}" + (f"\n     kept:  {why}" if why else ""))
    print(f"timeouts_nan: {len(SETTINGS)} settings x 5, {differ} differ, {labelled} kept")
    return 1 if differ > labelled else 0


if __name__ == "__main__":
    sys.exit(main())
