"""Run one plugin app under real Sanic and under Hurtle; diff answers, routes and logs.

Not a test (CI has no Sanic). Build two venvs first (see README.md beside this file), then:

    python3 compare.py apps/http_cors.py apps/http_cors.reqs.py [--show] [--logs]

``SANIC_PY`` and ``HURTLE_PY`` name the two interpreters; ``MULTI=1`` serves with a worker
process instead of ``single_process``; ``MOTD=1`` keeps the banner. A ``*.reqs.py`` file
defines ``REQS``: tuples ``(method, target[, headers[, body]])``, sent raw, one connection
each, and optionally ``IGNORE``: header names whose values are not compared.
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
import re
import runpy
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHONS = {
    "sanic": os.environ.get("SANIC_PY", "/tmp/plugins/ref/bin/python"),
    "hurtle": os.environ.get("HURTLE_PY", "/tmp/plugins/hv/bin/python"),
}
# Sets in Sanic and sanic-ext: their order follows PYTHONHASHSEED, so members are compared.
UNORDERED = {"allow", "access-control-allow-methods"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def raw_request(req: tuple) -> bytes:
    method, target = req[0], req[1]
    headers = dict(req[2]) if len(req) > 2 else {}
    body = req[3] if len(req) > 3 else b""
    if isinstance(body, str):
        body = body.encode()
    headers.setdefault("Host", "x")
    headers.setdefault("Connection", "close")
    if body:
        headers.setdefault("Content-Length", str(len(body)))
    head = f"{method} {target} HTTP/1.1\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return (head + "\r\n").encode() + body


def dechunk(data: bytes) -> bytes:
    out = b""
    while data:
        size, _, data = data.partition(b"\r\n")
        try:
            length = int(size.split(b";")[0] or b"0", 16)
        except ValueError:  # the stream was cut (a <TIMEOUT> or <RESET> marker)
            return out + size + data
        if length == 0:
            break
        out, data = out + data[:length], data[length + 2 :]
    return out


def send(port: int, req: tuple, ignore: set[str]) -> list[str]:
    """The answer to ``req`` as lines: status, sorted headers (no date), then the body."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    except OSError as exc:
        return [f"<connect failed: {exc}>"]
    data = b""
    with sock:
        sock.sendall(raw_request(req))
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except TimeoutError:
            data += b"<TIMEOUT>"
        except ConnectionResetError:
            data += b"<RESET>"
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name in UNORDERED:
            value = ",".join(sorted(v.strip() for v in value.split(",")))
        fields.append((name, "<ignored>" if name in ignore else value))
    found = dict(fields)
    if found.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    if found.get("content-encoding") == "gzip":
        try:
            body = b"[gunzipped] " + gzip.decompress(body)
        except OSError:
            pass
    text = body.decode("utf-8", "replace")
    try:
        text = json.dumps(json.loads(text), indent=1, sort_keys=True)
    except ValueError:
        pass
    shown = [f"{name}: {value}" for name, value in sorted(fields) if name != "date"]
    return [lines[0], *shown, "", *text.splitlines()]


def stop(proc: subprocess.Popen) -> str:
    """Ctrl-C the server's process group (SIGKILL after 15 s); its output."""
    try:
        os.killpg(proc.pid, signal.SIGINT)
    except ProcessLookupError:
        pass
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return out.decode("utf-8", "replace")


def run(side: str, app_file: str, reqs: list[tuple], ignore: set[str]) -> tuple[list, str, str]:
    """Serve ``app_file`` with one interpreter; the answers, the route list, the log."""
    port = free_port()
    routes_file = Path(f"/tmp/plugins-compare-routes-{side}-{os.getpid()}.json")
    routes_file.unlink(missing_ok=True)
    env = dict(
        os.environ, ROUTES_OUT=str(routes_file), PYTHONUNBUFFERED="1", PYTHONHASHSEED="0",
        APP_FILE=app_file, APP_PORT=str(port),
    )
    proc = subprocess.Popen(
        [PYTHONS[side], str(HERE / "serve.py")], stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, env=env, start_new_session=True,
    )
    deadline, up = time.monotonic() + 30, False
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            up = True
            break
        except OSError:
            time.sleep(0.1)
    time.sleep(0.3)
    answers = [send(port, req, ignore) if up else ["<no server>"] for req in reqs]
    log = stop(proc)
    if not up:
        print(f"!!! {side}: the server did not start\n{log[-3000:]}")
    routes = routes_file.read_text() if routes_file.exists() else "<none>"
    routes_file.unlink(missing_ok=True)
    return answers, routes, log


def normalized_log(text: str) -> list[str]:
    """Log lines without times, pids, ports and traceback frames (internals differ)."""
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[,.\d]*", "TS", text)
    text = re.sub(r"\[\d+\]", "[PID]", text)
    text = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", text)
    return [
        line for line in text.splitlines()
        if not line.startswith("  File ") and not line.startswith("    ")
    ]


def main() -> int:
    app_file, reqs_file = sys.argv[1], sys.argv[2]
    spec = runpy.run_path(reqs_file)
    reqs, ignore = spec["REQS"], set(spec.get("IGNORE", ()))
    results = {side: run(side, app_file, reqs, ignore) for side in PYTHONS}
    differ = 0
    for index, req in enumerate(reqs):
        a, b = results["sanic"][0][index], results["hurtle"][0][index]
        label = " ".join(str(part) for part in req[:3])
        print(("= " if a == b else "! ") + label)
        if a != b:
            differ += 1
            for line in difflib.unified_diff(a, b, "sanic", "hurtle", lineterm="", n=30):
                print("   " + line)
        elif "--show" in sys.argv:
            print("   " + "\n   ".join(a))
    if results["sanic"][1] != results["hurtle"][1]:
        differ += 1
        print("! routes after start-up differ")
        sanic_routes = results["sanic"][1].splitlines()
        hurtle_routes = results["hurtle"][1].splitlines()
        print("\n".join(difflib.unified_diff(sanic_routes, hurtle_routes, lineterm="")))
    logs = {side: normalized_log(results[side][2]) for side in PYTHONS}
    if "--logs" in sys.argv:
        for side, lines in logs.items():
            print(f"=== {side} log\n" + "\n".join(lines))
    if logs["sanic"] != logs["hurtle"]:
        print("~ logs differ")
        print("\n".join(difflib.unified_diff(logs["sanic"], logs["hurtle"], lineterm="")))
    print(f"compare: {len(reqs)} requests, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
