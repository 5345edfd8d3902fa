"""Requests for feed_app.py (served by plugins/serve.py). The DRIVER: two subscribers
(``ann`` with ``limit=2``, ``bob`` open-ended) read their greeting; a publish reaches both
(a multi-line event); a second one ends ann's stream after its second event (the chunked
terminator); ``carl`` resumes with ``Last-Event-ID: 1`` (the backlog's second event
replayed); bob leaves with a reset (the handler cancelled, its ``finally`` logs); a publish with bob gone; ``/subscribers``; carl stays open into the server's stop,
whose listener sends him ``bye``. The REQS: the ``respond()`` stream, HTTP/1.0 to it, a
HEAD of the feed, a POST to it."""

import socket
import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

KEEP: list = []
REQS = [("GET", "/events-respond"), ("GET", "/subscribers"), ("POST", "/events"),
        ("GET", "/nothing")]


def listen(port, query, extra=""):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(f"GET /events?{query} HTTP/1.1\r\nHost: x\r\n{extra}\r\n".encode())
    return s


def read(s, wait=0.4):
    s.settimeout(wait)
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
    except OSError:
        pass
    else:
        data += b"<FIN>"
    lines = [ln for ln in data.decode(errors="replace").split("\r\n") if not ln.startswith("date:")]
    return " / ".join(lines).replace("\n", "\\n")


def DRIVER(port):
    lines = []
    a = listen(port, "name=ann&limit=2")
    b = listen(port, "name=bob")
    lines += [f"ann: {read(a)}", f"bob: {read(b, 0.2)}"]
    lines.append(f"publish 1: {w.http(port, 'POST', '/publish/news', b'line one' + bytes([10]) + b'line two')}")
    lines += [f"ann: {read(a)}", f"bob: {read(b, 0.2)}"]
    lines.append(f"publish 2: {w.http(port, 'POST', '/publish/alert', b'fire')}")
    lines += [f"ann: {read(a, 0.8)}", f"bob: {read(b, 0.2)}"]
    c = listen(port, "name=carl", "Last-Event-ID: 1\r\n")
    lines.append(f"carl: {read(c)}")
    # bob leaves with a reset (SO_LINGER 0): a FIN alone is the listed half-close item
    b.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    b.close()
    time.sleep(0.1)
    lines.append(f"publish 3: {w.http(port, 'POST', '/publish/news', b'after bob')}")
    time.sleep(0.2)
    lines.append(f"subscribers: {w.http(port, 'GET', '/subscribers')}")
    lines.append(f"carl: {read(c)}")
    a.close()
    KEEP.append(c)  # carl stays connected into the server's stop (not collected, no FIN)
    return lines

# Kept (README, "Real-world apps, sixteenth round"):
KEPT = (
    "Sanic's `<Request: GET /subscribers> body not consumed.` for an empty body (listed). "
    "Not exercised here: a subscriber leaving with a FIN alone (the listed half-close item: "
    "Sanic cancels the stream at once, Hurtle's stream waits until a write fails); bob "
    "leaves with a reset, which cancels the stream in both."
)
