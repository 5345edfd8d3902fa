"""`app.py` under uvicorn with Sanic 25.12 and with Hurtle: raw answers, websocket
closes and the app's events, scenario by scenario, side by side.

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        .venv/bin/python tests-integration/fidelity/asgi6/probe.py [-v] [--env K=V] \
        [--uvargs "--root-path /pre"] [--only NAME,NAME] [--unframed]

Framing (chunked or content-length) is shown as sent, or with `--unframed` undone as
`compare_asgi_unframed.py` does (Sanic chunks, Hurtle sends a length: kept since the first
ASGI round). Servers listen on 127.0.0.1 and
are stopped by their own PID."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import compare_asgi_raw as raw_tool
import compare_asgi_unframed
import websockets

UNFRAMED = "--unframed" in sys.argv
HERE = os.path.dirname(os.path.abspath(__file__))


def get(method: str, path: str, *extra: str, body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: h.example", "Connection: close", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


HTTP: list[tuple[str, bytes]] = [
    *((f"cookie {k}", get("GET", f"/cookie/{k}")) for k in
      ("none", "maxage", "204", "304", "delete", "raise", "plain")),
    *((f"cookie HEAD {k}", get("HEAD", f"/cookie/{k}")) for k in ("plain", "204", "raise")),
    ("cookie 404", get("GET", "/missing")),
    *((f"hdr {k}", get("GET", f"/hdr/{k}")) for k in ("whole", "value", "stream")),
    *((f"stream {k}", get("GET", f"/stream/{k}")) for k in
      ("none", "4", "+4", "0_4", "x", "2", "10", "-1", "0")),
    *((f"stream HEAD {k}", get("HEAD", f"/stream/{k}")) for k in ("none", "4", "+4", "x", "-1")),
    *((f"stream te {m} {c}", get(m, f"/stream_te/{c}")) for m in ("GET", "HEAD")
      for c in (200, 204, 304)),
    *((f"cookie stream {w}", get("GET", f"/cookie_stream/{w}")) for w in ("before", "after")),
    ("read later", get("POST", "/read_later", "Transfer-Encoding: chunked",
                       body=b"3\r\nabc\r\n")),
    ("slow", get("GET", "/slow")),
    ("body", get("POST", "/body", "Content-Length: 20", body=b"x" * 20)),
    ("body chunked", get("POST", "/body", "Transfer-Encoding: chunked",
                         body=b"14\r\n" + b"x" * 20 + b"\r\n0\r\n\r\n")),
    ("expect", get("POST", "/body", "Content-Length: 5", "Expect: 100-continue",
                   body=b"hello")),
    ("expect big", get("POST", "/body", "Content-Length: 20", "Expect: 100-continue")),
    ("info", get("GET", "/info")),
    ("info proxied", get("GET", "/info", "X-Forwarded-For: 1.2.3.4",
                         "X-Forwarded-Proto: https", "X-Forwarded-Host: f.example")),
    ("info pre", get("GET", "/pre/info")),
    ("hosted 443", b"GET /hosted HTTP/1.1\r\nHost: a.example:443\r\nConnection: close\r\n\r\n"),
    ("hosted https", b"GET /hosted HTTP/1.1\r\nHost: a.example\r\nX-Forwarded-Proto: https\r\n"
                     b"Connection: close\r\n\r\n"),
]

WS = ["/ws/fail", "/ws/close1006", "/ws/echo"]


async def ws_talk(port: int, path: str) -> str:
    got: list[str] = []
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}{path}", open_timeout=5) as ws:
            await ws.send("m")
            try:
                for _ in range(5):
                    got.append(str(await asyncio.wait_for(ws.recv(), 3)))
            except websockets.ConnectionClosed:
                pass
            except TimeoutError:
                got.append("timeout")
        return f"{got} close={ws.close_code} {ws.close_reason!r}"
    except Exception as error:
        return f"{got} {type(error).__name__}: {str(error)[:200]}"


def slow_exchange(port: int, data: bytes) -> str:
    """As `compare_asgi_raw.exchange`, waiting up to 4 s for the answer to begin."""
    sock = socket.create_connection(("127.0.0.1", port), 2)
    sock.sendall(data)
    sock.settimeout(4.0)
    got = b""
    try:
        for _ in range(50):
            chunk = sock.recv(65536)
            if not chunk:
                break
            got += chunk
    except (TimeoutError, ConnectionResetError):
        pass
    sock.close()
    return re.sub(r"(?im)^date: .*\r\n", "", got.decode("utf-8", "replace")).replace("\r\n", "\n")


def events_since(path: str, mark: int) -> tuple[list[str], int]:
    with open(path) as f:
        lines = f.read().splitlines()
    return lines[mark:], len(lines)


def run(python: str, side: str, only: set[str], extra: list[str], root: str) -> dict:
    events = os.path.join(tempfile.gettempdir(), f"asgi6_ev_{side}.txt")
    open(events, "w").close()
    os.environ["EVENTS"] = events
    port = raw_tool.free_port()
    command = raw_tool.server_command
    raw_tool.server_command = lambda *a: command(*a) + extra  # type: ignore[assignment]
    proc = raw_tool.start(python, "app:app", port, HERE, "uvicorn", root)
    raw_tool.server_command = command  # type: ignore[assignment]
    seen: dict[str, str] = {}
    mark = 0
    time.sleep(0.3)
    first, mark = events_since(events, 0)
    seen["startup events"] = "\n".join(first)
    try:
        for name, data in HTTP:
            if only and name not in only:
                continue
            if name == "slow":
                answer = slow_exchange(port, data)
            else:
                answer = (compare_asgi_unframed.exchange if UNFRAMED else raw_tool.exchange)(port, data)
            time.sleep(0.3)
            ev, mark = events_since(events, mark)
            seen[name] = re.sub(r"\b[1-6]\d{4}\b", "PORT", answer) + "\n" + "\n".join(ev)
        for path in WS:
            if only and path not in only:
                continue
            answer = asyncio.run(ws_talk(port, path))
            time.sleep(0.3)
            ev, mark = events_since(events, mark)
            seen[path] = answer + "\n" + "\n".join(ev)
    finally:
        raw_tool.stop(proc)
        log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        ev, mark = events_since(events, mark)
        seen["shutdown events"] = "\n".join(ev)
        seen["log"] = re.sub(r"\b[1-6]\d{4}\b", "PORT", log)
    return seen


def main() -> int:
    args = sys.argv[1:]
    extra: list[str] = []
    root = ""
    only: set[str] = set()
    while "--env" in args:
        at = args.index("--env")
        key, value = args[at + 1].split("=", 1)
        os.environ[key] = value
        del args[at:at + 2]
    while "--uvargs" in args:
        at = args.index("--uvargs")
        extra += shlex.split(args[at + 1])
        del args[at:at + 2]
    if "--only" in args:
        at = args.index("--only")
        only = set(args[at + 1].split(","))
        del args[at:at + 2]
    verbose = "-v" in args
    args = [a for a in args if a not in ("-v", "--unframed")]
    extra = [a for a in extra]
    if "--root-path" in extra:
        at = extra.index("--root-path")
        root = extra[at + 1]
        del extra[at:at + 2]
    sides = {s: run(p, s, only, extra, root) for s, p in
             (("sanic", raw_tool.SANIC_PY), ("hurtle", raw_tool.HURTLE_PY))}
    same = 0
    for key in sides["sanic"]:
        a, b = sides["sanic"][key], sides["hurtle"].get(key, "<missing>")
        if a == b:
            same += 1
            if verbose:
                print(f"== {key}: same\n    " + a.replace("\n", "\n    "))
            continue
        print(f"== {key}\n  sanic:\n    " + a.replace("\n", "\n    ")
              + "\n  hurtle:\n    " + b.replace("\n", "\n    "))
    print(f"{len(sides['sanic'])} keys, {same} same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
