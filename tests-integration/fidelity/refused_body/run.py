"""Requests answered before their body is read, the body sent only after the answer.

    python3 tests-integration/fidelity/refused_body/run.py

(requests.http, sent whole by ``sanic-diff``, covers the body sent with the head.) Serves
app.py under Sanic 25.12 (REF_PYTHON) and this checkout (HURTLE_PYTHON); each case writes
its parts 0.3 s apart and prints the answers and how the connection ended.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from served import HURTLE_PY, REF_PY, serve  # noqa: E402  (the shared helper)

GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
CASES = {
    "unread by a stream handler, body after the answer, GET behind": [
        b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", b"hello" + GET],
    "unread by a stream handler, half the body before": [
        b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello", b"world" + GET],
    "handler's 413, body after the answer, GET behind": [
        b"POST /too-large HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", b"hello" + GET],
    "405, body after the answer, GET behind": [
        b"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", b"hello" + GET],
    "404, chunked body after the answer, GET behind": [
        b"POST /nowhere HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        b"5\r\nhello\r\n0\r\n\r\n" + GET],
    "413 (Content-Length over the limit), body after the answer": [
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 150\r\n\r\n", b"a" * 150 + GET],
    "417, body after the answer": [
        b"POST / HTTP/1.1\r\nHost: x\r\nExpect: nope\r\nContent-Length: 5\r\n\r\n",
        b"hello" + GET],
    "unread over the limit (stream route), body after the answer": [
        b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 150\r\n\r\n", b"a" * 150 + GET],
}
def read(sock: socket.socket, quiet: float = 0.6) -> tuple[bytes, str]:
    data, deadline = b"", time.monotonic() + 3
    sock.settimeout(quiet)
    while time.monotonic() < deadline:
        try:
            got = sock.recv(65536)
        except TimeoutError:
            return data, "open"
        except OSError as exc:
            return data, type(exc).__name__
        if not got:
            return data, "closed"
        data += got
    return data, "open"


def statuses(data: bytes) -> str:
    return " ".join(c.split(b"\r\n", 1)[0].decode() for c in data.split(b"HTTP/1.1 ")[1:])


def exchange(port: int, parts: list[bytes]) -> str:
    out = []
    with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
        for part in parts:
            try:
                sock.sendall(part)
            except OSError as exc:
                out.append(f"send failed: {type(exc).__name__}")
                break
            data, end = read(sock)
            out.append(f"{statuses(data) or '-'} [{end}]")
            if end != "open":
                break
    return " / ".join(out)


def main() -> int:
    results = {}
    for python in (REF_PY, HURTLE_PY):
        proc, port = serve(python, HERE)
        try:
            results[python] = {name: exchange(port, parts) for name, parts in CASES.items()}
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    differ = 0
    for name in CASES:
        ref, ours = results[REF_PY][name], results[HURTLE_PY][name]
        differ += ref != ours
        print(f"{'same  ' if ref == ours else 'DIFFER'} {name}\n    sanic  {ref}\n    hurtle {ours}")
    print(f"refused_body: {len(CASES)} cases, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
