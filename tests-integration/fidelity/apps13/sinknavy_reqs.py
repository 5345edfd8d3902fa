"""Requests for sinknavy_app.py (served by plugins/serve.py). The DRIVER: two watchers of
game 111-222 open the event stream (raw sockets, the chunked frames shown as read); a shot
is fired, both get it; a hilite without a shot; one watcher leaves (its socket closed); a
third shot, the remaining watcher gets it; a new watcher gets the whole board first; a
watcher asking with HTTP/1.0 (the stream until the server closes is not chunked); a shot
with a body that is not an object (`"shot" in body` on a list, on null)."""

import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/api/ping"), ("GET", "/api/probe-game?code=123-456"),
        ("GET", "/api/probe-game"), ("PUT", "/api/game/9/cell-shot", {}, b"[1, 2]"),
        ("PUT", "/api/game/9/cell-shot", {}, b"null"),
        ("PUT", "/api/game/9/cell-shot", {}, b"nope"),
        ("PUT", "/api/game/9/cell-shot"),
        ("GET", "/api/game/9/cell-shot"), ("POST", "/api/probe-game")]


def watch(port, version="1.1"):
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(f"GET /api/game/111-222/cell-events HTTP/{version}\r\nHost: x\r\n\r\n".encode())
    return s


def read(s, wait=0.5):
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
    return " / ".join(lines)


def DRIVER(port):
    lines = []

    def shot(body):
        lines.append(w.http(port, "PUT", "/api/game/111-222/cell-shot", body.encode(),
                            "Content-Type: application/json\r\n")[0])

    a, b = watch(port), watch(port)
    lines += [f"a: {read(a)}", f"b: {read(b)}"]
    shot('{"shot": {"A1": "miss"}}')
    lines += [f"a: {read(a)}", f"b: {read(b)}"]
    shot('{"hilite": "B2"}')
    lines += [f"a: {read(a)}", f"b: {read(b)}"]
    b.close()
    time.sleep(0.3)
    shot('{"shot": {"C3": "hit"}}')
    lines.append(f"a: {read(a)}")
    c = watch(port)
    lines.append(f"c: {read(c)}")
    d = watch(port, "1.0")
    lines.append(f"d (HTTP/1.0): {read(d)}")
    shot('{"shot": {"D4": "sunk"}}')
    lines += [f"a: {read(a)}", f"c: {read(c)}", f"d: {read(d)}"]
    for s in (a, c, d):
        s.close()
    time.sleep(0.3)
    return lines

# Kept (README, "Real-world apps, thirteenth round"):
KEPT = (
    "the HTTP/1.0 watcher: Hurtle's stream is close-delimited, Sanic's chunked (RFC 9112 "
    "6.1, listed); the watchers that left with a FIN: Sanic cancels their handlers at "
    "once, Hurtle's wait on their queues until a write fails or the server stops (the "
    "listed half-close item), so at Ctrl-C Hurtle waits GRACEFUL_SHUTDOWN_TIMEOUT (15 s) "
    "for them and the comparer, which also waits 15 s, kills it (`<exit -9>`)"
)
