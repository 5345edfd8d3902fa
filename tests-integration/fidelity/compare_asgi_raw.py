"""Raw HTTP against one app under an ASGI server, with real Sanic and with Hurtle, diffed.

    python3 tests-integration/fidelity/compare_asgi_raw.py asgi_kinds:app asgi_kinds.http [-v]
        [--server uvicorn|hypercorn|daphne|granian] [--root-path /prefix]

REQUESTS uses the `.http` format of sanic-diff (`###` separators, `#raw` blocks with escapes,
`Content-Length: auto`). The module is imported from the directory of REQUESTS. Each request
goes over a fresh connection; the reply is read until the server closes or is quiet for a
second (at most 5 s). `date` is ignored. `SANIC_PY` / `HURTLE_PY` choose the interpreters
(both need the server installed; uvicorn is the default). Servers listen on 127.0.0.1 only and are stopped by their own PID.
"""

from __future__ import annotations

import difflib
import os
import re
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SANIC_PY = os.environ.get("SANIC_PY", "/work/ref-sanic/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", os.path.join(HERE, "..", "..", ".venv", "bin", "python"))


def parse_http(path: str) -> list[tuple[str, bytes]]:
    """(name, raw bytes) for each request block of a `.http` file."""
    blocks: list[tuple[str, list[str]]] = []
    name, lines = "", []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("###"):
            if lines:
                blocks.append((name, lines))
            name, lines = line[3:].strip(), []
        else:
            lines.append(line)
    if lines:
        blocks.append((name, lines))
    out = []
    for name, lines in blocks:
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            continue
        if lines[0].strip() == "#raw":
            text = "\n".join(lines[1:])
            raw = text.encode("latin-1").decode("unicode_escape").encode("latin-1")
        else:
            head: list[str] = []
            body: list[str] = []
            in_body = False
            for line in lines:
                if in_body:
                    body.append(line)
                elif line == "":
                    in_body = True
                else:
                    head.append(line)
            data = "\n".join(body).encode()
            head = [
                f"Content-Length: {len(data)}" if h.lower() == "content-length: auto" else h
                for h in head
            ]
            raw = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + data
        out.append((name, raw))
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command(server: str, module: str, port: int, root_path: str) -> list[str]:
    """The arguments (after ``python -m``) that serve ``module`` on 127.0.0.1:``port``."""
    root = ["--root-path", root_path] if root_path else []
    if server == "uvicorn":
        return ["uvicorn", module, "--host", "127.0.0.1", "--port", str(port),
                "--log-level", "warning", *root]
    if server == "hypercorn":
        return ["hypercorn", module, "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
                *root]
    if server == "daphne":
        return ["daphne", "-b", "127.0.0.1", "-p", str(port), "-v", "0", *root, module]
    if server == "granian":
        # granian has no root-path option of its own: it ignores ``root_path``.
        return ["granian", "--interface", "asgi", "--host", "127.0.0.1", "--port", str(port),
                "--log-level", "warning", module]
    raise SystemExit(f"unknown server {server!r}")


def start(
    python: str, module: str, port: int, cwd: str, server: str = "uvicorn", root_path: str = "",
    command: list[str] | None = None,
) -> subprocess.Popen:
    """Serve ``module`` with ``server`` (or run ``python command...``) until it listens."""
    proc = subprocess.Popen(
        [python, *(command or ["-m", *server_command(server, module, port, root_path)])],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return proc
        except OSError:
            time.sleep(0.1)
    stop(proc)
    raise SystemExit(f"{python}: {server} did not start")


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(5)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def exchange(port: int, raw: bytes) -> str:
    sock = socket.create_connection(("127.0.0.1", port), 2)
    sock.sendall(raw)
    sock.settimeout(1.0)
    data, end, started = b"", "kept open", time.monotonic()
    while time.monotonic() - started < 5:
        try:
            chunk = sock.recv(65536)
        except (TimeoutError, ConnectionResetError):
            break
        if not chunk:
            end = "closed"
            break
        data += chunk
    sock.close()
    text = re.sub(r"(?im)^date: .*\r\n", "", data.decode("utf-8", "replace"))
    return text.replace("\r\n", "\n") + f"\n-- {end}"


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "-v"]
    options = {"--server": "uvicorn", "--root-path": ""}
    for flag in options:
        if flag in args:
            at = args.index(flag)
            options[flag] = args[at + 1]
            del args[at:at + 2]
    if len(args) != 2:
        print(__doc__)
        return 2
    module, requests = args
    cwd = os.path.dirname(os.path.abspath(requests))
    blocks = parse_http(requests)
    seen: dict[str, list[str]] = {}
    for side, python in (("sanic", SANIC_PY), ("hurtle", HURTLE_PY)):
        port = free_port()
        proc = start(python, module, port, cwd, options["--server"], options["--root-path"])
        try:
            seen[side] = [exchange(port, raw) for _, raw in blocks]
        finally:
            stop(proc)
    same = 0
    for i, (name, _) in enumerate(blocks):
        a, b = seen["sanic"][i], seen["hurtle"][i]
        if a == b:
            same += 1
            if "-v" in sys.argv:
                print(f"[{i + 1}] {name}: same\n    " + a.replace("\n", "\n    "))
            continue
        print(f"[{i + 1}] {name}")
        diff = difflib.unified_diff(a.split("\n"), b.split("\n"), "sanic", "hurtle", lineterm="")
        for line in diff:
            print("    " + line)
    print(f"{len(blocks)} requests, {same} same, {len(blocks) - same} differ")
    return 0 if same == len(blocks) else 1


if __name__ == "__main__":
    sys.exit(main())
