"""REQUEST_TIMEOUT / RESPONSE_TIMEOUT / KEEP_ALIVE_TIMEOUT of 0 and below, Sanic vs Hurtle.

    python3 tests-integration/fidelity/timeouts_zero/run.py [--only NAME]

Serves app.py under each interpreter (REF_PYTHON: Sanic 25.12; HURTLE_PYTHON: this
checkout's venv) once per setting, sends each case over raw sockets (some in parts, 0.3 s
apart) and prints what each answered: status line and body, or how the connection ended.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from served import HURTLE_PY, REF_PY, serve  # noqa: E402  (the shared helper)

PAUSE = 0.3

SETTINGS = [
    {"REQUEST_TIMEOUT": 0},
    {"REQUEST_TIMEOUT": -1},
    {"RESPONSE_TIMEOUT": 0},
    {"RESPONSE_TIMEOUT": -1},
    {"KEEP_ALIVE_TIMEOUT": 0},
    {"KEEP_ALIVE_TIMEOUT": -1},
    {"REQUEST_TIMEOUT": 0, "RESPONSE_TIMEOUT": 0, "KEEP_ALIVE_TIMEOUT": 0},
]
GET = b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n"
# name -> parts written with PAUSE between them (b"" first: connect, then wait)
CASES = {
    "one write": [GET % b"/"],
    "connect, wait, request": [b"", GET % b"/"],
    "head in two parts": [b"GET / HTTP/1.1\r\nHo", b"st: x\r\n\r\n"],
    "body after the head": [b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n", b"abc"],
    "streamed body later": [
        b"POST /streamed HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n",
        b"abc",
    ],
    "yielding handler": [GET % b"/yield"],
    "sleeping handler": [GET % b"/sleep"],
    "streaming handler": [GET % b"/stream"],
    "second request later": [GET % b"/", GET % b"/"],
}


def summary(data: bytes, end: str) -> str:
    answers = []
    for chunk in data.split(b"HTTP/1.1 ")[1:]:
        status = chunk.split(b"\r\n", 1)[0].decode("latin-1")
        body = chunk.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in chunk else b""
        answers.append(f"{status} {body[:40]!r}")
    return "; ".join(answers or ["(no answer)"]) + f" [{end}]"


def exchange(port: int, parts: list[bytes]) -> str:
    sock = socket.create_connection(("127.0.0.1", port), timeout=3)
    data = b""
    try:
        for i, part in enumerate(parts):
            if i:
                time.sleep(PAUSE)
            if part:
                try:
                    sock.sendall(part)
                except OSError as exc:
                    return summary(data, f"send failed: {type(exc).__name__}")
        sock.settimeout(1.5)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                got = sock.recv(65536)
            except TimeoutError:
                return summary(data, "open")
            except OSError as exc:
                return summary(data, type(exc).__name__)
            if not got:
                return summary(data, "closed")
            data += got
        return summary(data, "open")
    finally:
        sock.close()


def run_side(python: str, setting: dict, only: str | None) -> dict[str, str]:
    proc, port = serve(
        python, HERE, env={**os.environ, "TIMEOUTS": json.dumps(setting)},
        stderr=None if os.environ.get("SHOW_LOGS") else subprocess.DEVNULL,
    )
    try:
        return {
            name: exchange(port, parts)
            for name, parts in CASES.items()
            if only is None or only in name
        }
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def kept_because(setting: dict, sanic: str) -> str | None:
    """Why a difference is kept on purpose (README, "Leftovers, second pass"), or None."""
    if setting.get("KEEP_ALIVE_TIMEOUT", 1) <= 0 and (
        sanic.startswith(("500 ", "(no answer)")) or sanic.endswith("b'1\\r\\na\\r\\n' [closed]")
    ):
        # Sanic's keep-alive check at 0 or below also ends a connection whose request is on
        # its way or in progress: a 500, no answer, or a stream cut after its first chunk.
        return "Sanic's zero keep-alive ends requests in progress"
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("setting", nargs="*", help="a JSON object of timeouts")
    args = parser.parse_args()
    settings = [json.loads(s) for s in args.setting] or SETTINGS
    differ = kept = 0
    for setting in settings:
        print(f"== {json.dumps(setting)}")
        ref = run_side(REF_PY, setting, args.only)
        ours = run_side(HURTLE_PY, setting, args.only)
        for name in ref:
            if ref[name] == ours[name]:
                print(f"  same    {name}: {ref[name]}")
            else:
                differ += 1
                label = kept_because(setting, ref[name])
                kept += label is not None
                print(f"  {'KEPT' if label else 'DIFFER':7} {name}:\n     sanic  {ref[name]}\n"
                      f"     hurtle {ours[name]}" + (f"\n     kept:  {label}" if label else ""))
    print(f"timeouts_zero: {differ} differ, {kept} of them kept (labelled)")
    return 1 if differ > kept else 0


if __name__ == "__main__":
    sys.exit(main())
