"""Shared helpers of the lifecycle2 probes: start an app under an interpreter, talk HTTP, diff.

Not a test (CI has no Sanic). Interpreters come from $SANIC_PY and $HURTLE_PY.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", str(ROOT / ".venv" / "bin" / "python"))
PYTHONS = {"sanic": SANIC_PY, "hurtle": HURTLE_PY}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(python: str, argv: list[str], env: dict[str, str]) -> subprocess.Popen:
    full = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1", **env)
    for key in list(full):
        if key.startswith("SANIC_"):
            del full[key]
    return subprocess.Popen(
        [python, *argv], cwd=HERE, env=full, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,
    )


def wait_port(port: int, proc: subprocess.Popen, limit: float = 20.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def wait_file(path: str, needle: str, count: int = 1, limit: float = 20.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            if Path(path).read_text().count(needle) >= count:
                return True
        except FileNotFoundError:
            pass
        time.sleep(0.05)
    return False


def stop(proc: subprocess.Popen, sig: int = signal.SIGINT, limit: float = 20.0) -> tuple[int, str, str]:
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return -999, out.decode(errors="replace"), err.decode(errors="replace")
    return proc.returncode, out.decode(errors="replace"), err.decode(errors="replace")


def raw(port: int, data: bytes, limit: float = 5.0) -> bytes:
    try:
        conn = socket.create_connection(("127.0.0.1", port), timeout=limit)
    except OSError as e:
        return f"[{type(e).__name__}]".encode()
    with conn as s:
        s.sendall(data)
        chunks = []
        end = time.monotonic() + limit
        while time.monotonic() < end:
            try:
                b = s.recv(65536)
            except TimeoutError:
                break
            except OSError as e:
                chunks.append(f"[{type(e).__name__}]".encode())
                break
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks)


def get(port: int, target: str, method: str = "GET", extra: str = "") -> bytes:
    req = f"{method} {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{extra}\r\n"
    return raw(port, req.encode())


def summarize_response(data: bytes, keep: tuple[str, ...] = ()) -> list[str]:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode(errors="replace").split("\r\n")
    out = [f"status: {lines[0]}"]
    for line in lines[1:]:
        name = line.split(":", 1)[0].lower()
        if name in keep:
            out.append(f"  {line.lower()}")
    if b"transfer-encoding: chunked" in head.lower():
        body = dechunk(body)
    text = body.decode(errors="replace")
    text = re.sub(r"\s+", " ", text)[:160]
    out.append(f"  body: {text}")
    return out


def dechunk(body: bytes) -> bytes:
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            return out + body
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return out


def log_lines(err: str) -> list[str]:
    """The log lines a user notices: levels WARNING and above, and exception lines."""
    keep = []
    for line in err.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line)
        line = re.sub(r"^\[[^\]]*\] ", "", line)
        line = re.sub(r"\[\d+\]", "[PID]", line)
        line = re.sub(r"\b\d{2,}\b", "N", line)
        if re.search(r"ERROR|WARNING|CRITICAL|Traceback|Error:|Exception:", line):
            keep.append(line.strip())
    return keep


def diff(name: str, ref: list[str], ours: list[str]) -> int:
    d = list(difflib.unified_diff(ref, ours, "sanic", "hurtle", lineterm="", n=1))
    n = sum(1 for x in d if x.startswith("-") and not x.startswith("---"))
    print(f"== {name}: {len(ref)} lines, {n} differ")
    for x in d:
        print(x)
    return n


def main_compare(observe, names: list[str], verbose: bool = False) -> None:
    total = 0
    for name in names:
        ref = observe("sanic", name)
        ours = observe("hurtle", name)
        total += diff(name, ref, ours)
        if verbose:
            print("-- sanic:", *ref, "-- hurtle:", *ours, sep="\n")
    print(f"total differing lines: {total}")
    sys.stdout.flush()
