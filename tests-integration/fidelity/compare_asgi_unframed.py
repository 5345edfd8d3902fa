"""Raw HTTP to one app under uvicorn, real Sanic and Hurtle, diffed with the framing undone.

    python3 tests-integration/fidelity/compare_asgi_unframed.py asgi3_app:app asgi3.http \
        [-v] [--root-path /pre] [--env K=V ...] [--uvargs "--no-proxy-headers"]

As `compare_asgi_raw.py` (same `.http` format, same servers, one connection a request),
but Sanic's chunking and Hurtle's `content-length` (the kept framing difference) are
undone, JSON bodies are compared key by key, and client ports are masked. The apps' event
files go to `$TMPDIR/asgi3_ev_<side>.txt`, the server logs to `$TMPDIR/asgi3_log_<side>.txt`.
`SANIC_PY` / `HURTLE_PY` choose the interpreters. Listens on 127.0.0.1 only; servers are
stopped by their own PID.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import socket
import sys
import tempfile
import time

import compare_asgi_raw as raw_tool

TMP = tempfile.gettempdir()


def dechunk(body: bytes) -> bytes:
    out = b""
    while True:
        at = body.find(b"\r\n")
        if at < 0:
            return out + b"<<TRUNCATED>>" + body
        try:
            size = int(body[:at].split(b";")[0], 16)
        except ValueError:
            return out + b"<<BAD CHUNK>>" + body
        body = body[at + 2:]
        if size == 0:
            return out
        out += body[:size]
        body = body[size + 2:]


def exchange(port: int, data: bytes) -> str:
    sock = socket.create_connection(("127.0.0.1", port), 2)
    sock.sendall(data)
    sock.settimeout(1.0)
    got, end, started = b"", "kept open", time.monotonic()
    while time.monotonic() - started < 5:
        try:
            chunk = sock.recv(65536)
        except (TimeoutError, ConnectionResetError):
            break
        if not chunk:
            end = "closed"
            break
        got += chunk
    sock.close()
    interim = b""
    while got.startswith(b"HTTP/1.1 100"):
        at = got.find(b"\r\n\r\n")
        interim, got = interim + got[:at + 4], got[at + 4:]
    head, sep, body = got.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    chunked = any(line.lower() == b"transfer-encoding: chunked" for line in lines)
    lines = [
        line for line in lines
        if not line.lower().startswith((b"content-length:", b"transfer-encoding:", b"date:"))
    ]
    if chunked:
        body = dechunk(body)
    try:
        parsed = json.loads(body)
        if isinstance(parsed, dict):
            body = json.dumps(parsed, indent=0, sort_keys=True).encode()
    except ValueError:
        pass
    text = (interim + b"\r\n".join(lines) + sep + body).decode("utf-8", "replace")
    return text.replace("\r\n", "\n") + f"\n-- {end}"


def main() -> int:
    args = sys.argv[1:]
    root, env, extra = "", {}, []
    while "--root-path" in args:
        at = args.index("--root-path")
        root = args[at + 1]
        del args[at:at + 2]
    while "--env" in args:
        at = args.index("--env")
        key, value = args[at + 1].split("=", 1)
        env[key] = value
        del args[at:at + 2]
    while "--uvargs" in args:
        at = args.index("--uvargs")
        extra += shlex.split(args[at + 1])
        del args[at:at + 2]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    if len(args) != 2:
        print(__doc__)
        return 2
    module, requests = args
    os.environ.update(env)
    command = raw_tool.server_command
    raw_tool.server_command = lambda *a: command(*a) + extra  # type: ignore[assignment]
    cwd = os.path.dirname(os.path.abspath(requests))
    blocks = raw_tool.parse_http(requests)
    seen: dict[str, list[str]] = {}
    for side, python in (("sanic", raw_tool.SANIC_PY), ("hurtle", raw_tool.HURTLE_PY)):
        os.environ["EVENTS"] = os.path.join(TMP, f"asgi3_ev_{side}.txt")
        open(os.environ["EVENTS"], "w").close()
        port = raw_tool.free_port()
        proc = raw_tool.start(python, module, port, cwd, "uvicorn", root)
        try:
            seen[side] = [exchange(port, data) for _, data in blocks]
        finally:
            raw_tool.stop(proc)
            log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            with open(os.path.join(TMP, f"asgi3_log_{side}.txt"), "w") as out:
                out.write(log)
    same = 0
    for i, (name, _) in enumerate(blocks):
        a, b = (re.sub(r"\b[1-6]\d{4}\b", "PORT", seen[s][i]) for s in ("sanic", "hurtle"))
        if a == b:
            same += 1
            if verbose:
                print(f"[{i + 1}] {name}: same\n    " + a.replace("\n", "\n    "))
            continue
        print(f"[{i + 1}] {name}")
        for line in difflib.unified_diff(a.split("\n"), b.split("\n"), "sanic", "hurtle", lineterm="", n=1):
            print("    " + line[:600])
    print(f"{len(blocks)} requests, {same} same, {len(blocks) - same} differ")
    return 0 if same == len(blocks) else 1


if __name__ == "__main__":
    sys.exit(main())
