"""What a websocket handler sees when its client goes, Sanic 25.12 vs Hurtle.

    python3 tests-integration/fidelity/ws_peer_gone/run.py

Serves app.py under each interpreter (REF_PYTHON, HURTLE_PYTHON); a raw client opens each
route, sends a message or two, then a close frame (keeping TCP open a while) or ends TCP,
waits 2.5 s and prints the handler's notes. ``kept()`` labels the differences kept on
purpose (README, "Leftovers, third pass").
"""

from __future__ import annotations

import json
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from served import HURTLE_PY, REF_PY, serve  # noqa: E402  (the shared helper)

CLOSE = struct.pack("!H", 1000)
# name -> (route, messages sent first, "close" frame or "fin")
CASES = {
    "burst after a close frame": ("/burst", [], "close"),
    "burst after messages and a close frame": ("/burst", [b"a", b"b"], "close"),
    "burst after own close": ("/ownclose", [], "close-after-server"),
    "wait for the end after own close": ("/closewait", [], "close-after-server"),
    "gather, close frame": ("/gather", [], "close"),
    "gather, fin": ("/gather", [], "fin"),
    "taskgroup, close frame": ("/taskgroup", [], "close"),
    "taskgroup, fin": ("/taskgroup", [], "fin"),
    "wait_for(recv), close frame": ("/waitfor", [b"a"], "close"),
    "wait_for(recv), fin": ("/waitfor", [b"a"], "fin"),
    "async for, close frame": ("/asyncfor", [b"a"], "close"),
    "async for, fin": ("/asyncfor", [b"a"], "fin"),
}


def frame(opcode: int, payload: bytes) -> bytes:
    key = b"\x01\x02\x03\x04"
    masked = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
    return struct.pack("!BB", 0x80 | opcode, 0x80 | len(payload)) + key + masked


def run_case(port: int, route: str, messages: list[bytes], leave: str) -> list[str]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    try:
        sock.sendall(
            f"GET {route} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            .encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(4096)
        for message in messages:
            sock.sendall(frame(1, message))
        time.sleep(0.2)
        if leave == "close-after-server" and not head.partition(b"\r\n\r\n")[2]:
            sock.recv(4096)  # the server's close frame first (unless it came with the 101)
        if leave.startswith("close"):
            sock.sendall(frame(8, CLOSE))
            time.sleep(1.0)
    finally:
        sock.close()
    time.sleep(2.5)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/notes", timeout=5) as answer:
        return json.load(answer)


def kept(name: str, sanic: list[str], hurtle: list[str]) -> str | None:
    """Why a difference is kept on purpose, or None."""
    handler_told = any(
        n.startswith("handler ") and ("Closed" in n or n == "handler ExceptionGroup")
        for n in hurtle
    )
    if (
        name.startswith(("gather", "taskgroup", "wait_for"))
        and handler_told
        and "writer ran to its end" not in hurtle
    ):
        # (the handler learns it from ConnectionClosed, alone or in the TaskGroup's group;
        # Sanic cancels it, and at a close frame leaves gather()'s writer running)
        return "issue 5: the end reaches the handler as ConnectionClosed, not CancelledError"
    if name.startswith("async for"):
        return "kept before: the end reaches recv() as ConnectionClosed (async for ends)"
    if name == "burst after messages and a close frame":
        return "kept before: messages received before the close are still given"
    return None


def normal(notes: list[str]) -> list[str]:
    # Hurtle's WebsocketClosed is WebsocketClosedOK/Error (listed before); order of the
    # cancelled sides is the loop's.
    return sorted(n.replace("WebsocketClosedOK", "WebsocketClosed") for n in notes)


def main() -> int:
    results: dict[str, dict[str, list[str]]] = {}
    for python in (REF_PY, HURTLE_PY):
        proc, port = serve(python, HERE)
        try:
            results[python] = {name: run_case(port, *case) for name, case in CASES.items()}
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    differ = labelled = 0
    for name in CASES:
        ref, ours = normal(results[REF_PY][name]), normal(results[HURTLE_PY][name])
        if ref == ours:
            print(f"same    {name}: {ref}")
            continue
        differ += 1
        why = kept(name, ref, ours)
        labelled += why is not None
        print(f"{'KEPT' if why else 'DIFFER':7} {name}\n   sanic  {ref}\n   hurtle {ours}"
              + (f"\n   kept:  {why}" if why else ""))
    print(f"ws_peer_gone: {len(CASES)} cases, {differ} differ, {labelled} of them kept")
    return 1 if differ > labelled else 0


if __name__ == "__main__":
    sys.exit(main())
