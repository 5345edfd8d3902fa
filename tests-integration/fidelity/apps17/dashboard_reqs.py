"""Requests for dashboard_app.py (served by plugins/serve.py). The DRIVER: two long polls
(``since=0`` and ``since=1``, 2 s each) wait on their own connections; one POST wakes
both (each answers the new snapshot, version 1, and keeps its connection); a third poll
with ``since=1`` times out (204); an event stream with ``limit=3`` is read whole (the
chunked terminator), one with ``limit=200`` is left with a reset after its first events
(the producer is cancelled), then ``/snapshot`` shows the server still answers. The REQS:
the CSV export and a 404."""

import socket
import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps16"))
import wsclient as w
from feed_reqs import read  # a raw connection's bytes until quiet, one line

JSON = "Content-Type: application/json\r\n"
CPU1, CPU2 = b'{"cpu": 1}', b'{"cpu": 2}'
REQS = [("GET", "/export.csv"), ("GET", "/nothing")]


def opened(port, target):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    return s


def DRIVER(port):
    lines = []
    a = opened(port, "/poll?since=0&timeout=2")
    b = opened(port, "/poll?since=1&timeout=2")
    lines.append(f"a before: {read(a, 0.2)}")
    lines.append(f"post: {w.http(port, 'POST', '/metrics', CPU1, JSON)}")
    lines.append(f"a: {read(a)}")
    lines.append(f"b (since=1, still waiting): {read(b, 0.2)}")
    lines.append(f"post 2: {w.http(port, 'POST', '/metrics', CPU2, JSON)}")
    lines.append(f"b: {read(b)}")
    c = opened(port, "/poll?since=5&timeout=0.2")
    lines.append(f"c: {read(c, 0.8)}")
    d = opened(port, "/stream?limit=3")
    lines.append(f"stream 3: {read(d, 0.8)}")
    e = opened(port, "/stream?limit=200")
    lines.append(f"stream 200 head: {read(e, 0.3)[:120]}")
    e.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    e.close()
    time.sleep(0.2)
    lines.append(f"snapshot: {w.http(port, 'GET', '/snapshot')}")
    for s in (a, b, c, d):
        s.close()
    return lines


# Kept (README, "Real-world apps, seventeenth round"):
KEPT = "Sanic's `<Request: GET /snapshot> body not consumed.` for an empty body (listed)."
