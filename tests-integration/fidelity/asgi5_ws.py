"""This session's served-mode websocket fixes, checked under uvicorn ("ASGI mode, fifth
check" in README.md): `asgi5_ws_app.py` under uvicorn with real Sanic and with Hurtle, and
served by each (for reference): (1) a handler that rewrites `Forwarded`, `X-Real-IP` and
`Host` on its request, then reads `url`, `forwarded`, `remote_addr`...; (2) a handshake
with a `Content-Length` body, `request.body`; (3) `await ws.pong(5)` after `close()`, then
`send()` (the handler ends with `WebsocketClosed`: `websocket.handler.exception`).

    SANIC_PY=... python3 tests-integration/fidelity/asgi5_ws.py ["UVICORN ARGS"]

Reuses `compare_asgi_audit` (servers, raw sockets, websocket client) and
`compare_asgi4.mark` (events split per scenario). Kept differences: `kept()` below.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from typing import Any

from compare_asgi4 import EVENTS, mark, split_events
from compare_asgi_audit import (
    HERE,
    HURTLE_PY,
    SANIC_PY,
    TMP,
    free_port,
    observe,
    raw,
    recv_all,
    ws_try,
)

HANDSHAKE = (
    "GET /ws/body HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
    "Content-Length: 5\r\n\r\nhello"
)
PROXY = {"Forwarded": "for=1.2.3.4;proto=http;host=orig.example;secret=s3", "X-Real-IP": "5.6.7.8"}

NAMES = ("rewrite", "rewrite_first", "body", "pong")
SANIC_1006 = "Sanic's ASGI websockets end with 1006, no close frame (kept, fourth audit)"
SANIC_NO_PONG = (
    "Sanic's ASGI WebSocketConnection has no pong() (Hurtle's has, kept in the fourth audit) and "
    "its send() after close() still goes out; Hurtle's raises WebsocketClosed, which goes to "
    "websocket.handler.exception, as Sanic serving the socket"
)


def without_close(seen: dict[str, Any]) -> str:
    """``seen`` less how the connection ended (the close code and the client's last error)."""
    client = seen["client"]
    if isinstance(client, dict):
        client = {**client, "close": None, "got": [g for g in client.get("got", []) if not g.startswith("ConnectionClosed")]}
    elif isinstance(client, list):  # a raw answer: the close frame after the text
        client = [part.split("\x88")[0] for part in client]
    return json.dumps({**seen, "client": client}, sort_keys=True)


def kept(sanic: dict[str, Any], hurtle: dict[str, Any]) -> str:
    """Why the ASGI runs differ, when it is on purpose; "" otherwise."""
    if without_close(sanic) == without_close(hurtle):
        return SANIC_1006
    if "has no attribute 'pong'" in json.dumps(sanic["events"]):
        return SANIC_NO_PONG
    return ""


async def scenarios(port: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    mark("ws rewrite")
    out["rewrite"] = await ws_try(port, "/ws/rewrite", recv_all, additional_headers=PROXY)
    await asyncio.sleep(0.3)
    mark("ws rewrite_first")
    out["rewrite_first"] = await ws_try(port, "/ws/rewrite_first", recv_all, additional_headers=PROXY)
    await asyncio.sleep(0.3)
    mark("ws body")
    answer = await asyncio.to_thread(raw, port, HANDSHAKE.encode(), 1.0, 3.0)
    out["body"] = [answer.split("\r\n", 1)[0], answer.rpartition("\r\n\r\n")[2][2:]]
    await asyncio.sleep(0.3)
    mark("ws pong")
    out["pong"] = await ws_try(port, "/ws/pong", recv_all)
    await asyncio.sleep(0.3)
    mark("stop")
    return out


def served(py: str) -> dict[str, Any]:
    """The scenarios against ``py`` serving the app itself (``app.run``)."""
    port = free_port()
    events = os.path.join(TMP, f"asgi5_own_events_{os.getpid()}.txt")
    if os.path.exists(events):
        os.remove(events)
    EVENTS[:] = [events]
    code = (f"import asgi5_ws_app as m; m.app.run(host='127.0.0.1', port={port}, single_process=True, "
            "access_log=False, motd=False)")
    env = {**os.environ, "EVENTS": events}
    env.pop("PYTHONPATH", None)
    proc = subprocess.Popen([py, "-c", code], cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        seen = asyncio.run(scenarios(port))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    seen["events"] = open(events).read().splitlines()
    return seen


def asgi(py: str, uv_args: list[str]) -> dict[str, Any]:
    return observe(py, "ws", {}, uv_args, {"ws"}, False, target="asgi5_ws_app:app",
                   http=lambda port, only, events: EVENTS.__setitem__(slice(None), [events]) or {},
                   ws=scenarios, tag="asgi5")


def main() -> int:
    uv_args = sys.argv[1].split() if len(sys.argv) > 1 else []  # extra uvicorn arguments
    got = {"sanic_asgi": asgi(SANIC_PY, uv_args), "hurtle_asgi": asgi(HURTLE_PY, uv_args),
           "sanic_own": served(SANIC_PY), "hurtle_own": served(HURTLE_PY)}
    for seen in got.values():
        seen.update(seen.pop("ws", {}))
        by = split_events(seen.pop("events"))
        for name in NAMES:
            seen[name] = {"client": seen.get(name), "events": [json.loads(x) for x in by.get("ws " + name, [])]}
    same = labelled = 0
    for name in NAMES:
        row = {who: json.dumps(seen[name], sort_keys=True) for who, seen in got.items()}
        alike = row["sanic_asgi"] == row["hurtle_asgi"]
        same += alike
        reason = "" if alike else kept(got["sanic_asgi"][name], got["hurtle_asgi"][name])
        labelled += bool(reason)
        print(("same " if alike else "KEPT " if reason else "DIFF ") + name + (f" ({reason})" if reason else ""))
        for who, text in row.items():
            print(f"   {who:12} {text[:1500]}")
    print(f"{same} same, {labelled} kept, {len(NAMES) - same - labelled} unlabelled (Sanic vs Hurtle, both under uvicorn)")
    print("logs:", json.dumps({who: seen.get("log") for who, seen in got.items() if "log" in seen}, indent=1)[:3000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
