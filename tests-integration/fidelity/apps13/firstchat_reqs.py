"""Requests for firstchat_app.py (served by plugins/serve.py). The DRIVER: a socket without
`room` (refused after the handshake by `abort(400)`); ann and bob in room r1, cid in r2;
ann writes (bob gets it, ann's own name skipped); bob writes with a name that is not his;
a message that is a list (`**data` fails: the handler ends); bob leaves with a bare FIN
and ann writes again (the send to bob fails and he is deleted from the list); the rooms'
sizes; repeated `name` arguments (the first is used)."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/rooms"), ("GET", "/chat?name=a&room=r")]


def DRIVER(port):
    lines = []
    x, sx, rest = w.connect(port, "/chat?name=x")
    lines.append(f"no room: {sx} {w.read(x, 1.0, pending=rest)}")
    a, sa, _ = w.connect(port, "/chat?name=ann&room=r1")
    b, sb, _ = w.connect(port, "/chat?name=bob&room=r1")
    c, sc, _ = w.connect(port, "/chat?name=cid&room=r2")
    lines += [sa, sb, sc]
    time.sleep(0.2)
    w.send_text(a, '{"name": "ann", "text": "hi bob"}')
    lines += [f"b: {w.read(b)}", f"a: {w.read(a, 0.3)}", f"c: {w.read(c, 0.3)}"]
    w.send_text(b, '{"name": "someone", "text": "guess who"}')
    lines += [f"a: {w.read(a)}", f"b: {w.read(b, 0.3)}"]
    lines.append(f"rooms: {w.http(port, 'GET', '/rooms')[1]}")
    w.send_text(c, "[1, 2]")
    lines.append(f"c sends a list: {w.read(c, 1.0)}")
    b.close()
    time.sleep(0.3)
    w.send_text(a, '{"name": "ann", "text": "still there?"}')
    lines.append(f"a after bob left: {w.read(a)}")
    lines.append(f"rooms: {w.http(port, 'GET', '/rooms')[1]}")
    d, sd, _ = w.connect(port, "/chat?name=dee&name=eve&room=r1")
    time.sleep(0.2)
    w.send_text(a, '{"name": "ann", "text": "hello dee"}')
    lines.append(f"d ({sd}): {w.read(d)}")
    w.send_text(d, '{"name": "eve", "text": "I am eve"}')
    lines.append(f"a: {w.read(a)}")
    try:
        w.send_close(a)
        lines.append(f"a leaves: {w.read(a, 1.0)}")
    except OSError as exc:
        lines.append(f"a leaves: <{type(exc).__name__}>")
    lines.append(f"rooms: {w.http(port, 'GET', '/rooms')[1]}")
    for s in (x, a, b, c, d):
        s.close()
    return lines

# Kept (README, "Real-world apps, thirteenth round"):
KEPT = (
    "ann's send to bob after bob left (bare FIN): Hurtle's `WebsocketClosed` is also a "
    "`ConnectionClosed` (listed, websockets section), so the room's `except "
    "ConnectionClosed` deletes bob and ann chats on; Sanic's `WebsocketClosed` is not, it "
    "passes through ann's handler (quietly) and her socket is closed 1000, and the room "
    "keeps bob (sizes 2 and 3 where Hurtle has 1 and 2; dee then hears nobody); the "
    "sockets whose handler ended: Hurtle waits for the client's close frame before its FIN "
    "(listed); the 426's Upgrade (listed); Sanic's `body not consumed.` for a GET with "
    "`Content-Length: 0` (sanic-org/sanic#2915, listed) and INFO `connection closed` (listed)"
)
