"""Timeouts firing in app code other than the handler: python timeouts.py hurtle|sanic.

Starts `timeouts_app.py` (RESPONSE_TIMEOUT and REQUEST_TIMEOUT 0.5 s), sends one request
per case on its own connection and prints the status line, the seconds until the answer
and until the close, and what the app recorded. Bounded: 12 s per case at most.
"""

import os
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = {"hurtle": os.environ.get("HURTLE_PY", os.path.join(HERE, "../../../.venv/bin/python")),
      "sanic": os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")}
CASES = [
    ("handler slow", "/h?h=3"),
    ("request middleware slow", "/h?rq=3"),
    ("response middleware slow", "/h?rs=3"),
    ("response middleware slow on the 503 too", "/h?h=3&rs503=30"),
    ("exception handler slow", "/raise?eh=3"),
    ("exception handler and middleware slow", "/raise?eh=3&rs=30"),
    ("response signal slow", "/h?sig=3"),
    ("head never ends (408)", None),
    ("head never ends, response middleware slow on it", "rs408"),
]


def one(port, target):
    s = socket.create_connection(("127.0.0.1", port), timeout=12)
    if target is None:
        s.sendall(b"GET /h HTTP/1.1\r\nHost: x\r\n")
    elif target == "rs408":
        s.sendall(b"GET /h?rs=30 HTTP/1.1\r\nHost: x\r\n")
    else:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    t = time.monotonic()
    data, first = b"", None
    try:
        while time.monotonic() - t < 12:
            c = s.recv(65536)
            if not c:
                break
            if first is None:
                first = time.monotonic() - t
            data += c
    except (TimeoutError, ConnectionResetError) as e:
        data += f" <{type(e).__name__}>".encode()
    end = time.monotonic() - t
    s.close()
    status = data.split(b"\r\n", 1)[0].decode(errors="replace") if data else "<nothing>"
    mw = [ln for ln in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n") if b"x-" in ln.lower()]
    return status, first, end, mw


def main(which):
    port = 28800 + (which == "sanic")
    proc = subprocess.Popen([PY[which], os.path.join(HERE, "timeouts_app.py")],
                            env={**os.environ, "S5_PORT": str(port)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        for name, target in CASES:
            status, first, end, _ = one(port, target)
            f = f"{first:.2f}" if first is not None else "-"
            print(f"{name:48} {status:36} answer {f}s close {end:.2f}s")
            time.sleep(0.2)
            evs = one_events(port)
            if evs:
                print("    " + evs.replace("\n", "\n    "))
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    lines = [ln for ln in out.splitlines() if "ERROR" in ln or "WARN" in ln or "Traceback" in ln]
    print(f"log: {len(lines)} error/warning lines")
    for ln in lines[:10]:
        print("  | " + ln)


def one_events(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /ev HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        c = s.recv(65536)
        if not c:
            break
        data += c
    s.close()
    body = data.split(b"\r\n\r\n", 1)[1].decode()
    return "\n".join(ln.split(" ", 1)[1] for ln in body.splitlines() if " /ev " not in ln)


if __name__ == "__main__":
    main(sys.argv[1])
