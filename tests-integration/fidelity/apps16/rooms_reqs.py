"""Requests for rooms_app.py (served by plugins/serve.py). The DRIVER: ann joins ``lobby``
asking for ``chat.v2, chat.v1`` (the server's first listed it knows), zed offers no subprotocol (refused:
400); bob joins with ``chat.v1``; ann says hi (both get it); bob whispers to ann and to nobody; a frame that
is not JSON; a second ``bob`` refused (4001); ``/rooms``; carl joins with ``idle=1.5`` and
waits (one ping text; carl is not read again: a read lasts until 0.3 s pass quietly); three more fill the room and a fifth is refused with 1013; a frame
over ``WEBSOCKET_MAX_SIZE`` (1009 for the sender, the others told he left); ann's
``/quit`` (1000 ``bye ann``); bob leaves with a close frame; carl vanishes with a reset.
The REQS: ``/rooms`` after all that, the socket route without upgrade."""

import socket
import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

P = "Sec-WebSocket-Protocol: chat.v2\r\n"
REQS = [("GET", "/rooms"), ("GET", "/ws/lobby"), ("GET", "/rooms")]


def DRIVER(port):
    lines = []
    a, sa, ra = w.connect(port, "/ws/lobby?name=ann", "Sec-WebSocket-Protocol: chat.v2, chat.v1\r\n")
    lines.append(f"ann: {sa} {w.read(a, 0.3, ra)}")
    z, sz, rz = w.connect(port, "/ws/lobby?name=zed")
    lines.append(f"zed (no subprotocol): {sz} {w.read(z, 0.5, rz)}")
    z.close()
    b, sb, rb = w.connect(port, "/ws/lobby?name=bob", "Sec-WebSocket-Protocol: chat.v1\r\n")
    lines += [f"bob: {sb} {w.read(b, 0.3, rb)}", f"ann sees: {w.read(a, 0.3)}"]
    w.send_text(a, '{"text": "hi all"}')
    lines += [f"ann: {w.read(a, 0.3)}", f"bob: {w.read(b, 0.3)}"]
    w.send_text(b, '{"to": "ann", "text": "psst"}')
    w.send_text(b, '{"to": "zed", "text": "hello?"}')
    lines += [f"ann: {w.read(a, 0.3)}", f"bob: {w.read(b, 0.3)}"]
    w.send_text(b, "not json")
    lines.append(f"bob: {w.read(b, 0.3)}")
    b2, sb2, rb2 = w.connect(port, "/ws/lobby?name=bob", P)
    lines.append(f"bob again: {sb2} {w.read(b2, 0.5, rb2)}")
    b2.close()
    lines.append(f"rooms: {w.http(port, 'GET', '/rooms')}")
    c, sc, rc = w.connect(port, "/ws/lobby?name=carl&idle=1.5", P)
    lines.append(f"carl: {sc} {w.read(c, 0.3, rc)}")
    time.sleep(1.7)
    lines.append(f"carl after 1.7 s: {w.read(c, 0.3)}")  # one ping (the next at 3 s)
    lines += [f"ann: {w.read(a, 0.2)}", f"bob: {w.read(b, 0.2)}"]
    d, sd, rd = w.connect(port, "/ws/lobby?name=dan", P)
    lines.append(f"dan: {sd} {w.read(d, 0.3, rd)}")
    e, se, re_ = w.connect(port, "/ws/lobby?name=eve", P)
    lines.append(f"eve (fifth): {se} {w.read(e, 0.5, re_)}")
    e.close()
    lines.append(f"ann: {w.read(a, 0.2)}")
    w.send_text(d, "x" * 3000)
    lines += [f"dan (too big): {w.read(d, 0.6)}", f"ann: {w.read(a, 0.3)}"]
    d.close()
    w.send_text(a, "/quit")
    lines += [f"ann quits: {w.read(a, 0.6)}", f"bob: {w.read(b, 0.3)}"]
    w.send_close(b, 1001, b"going away")
    lines.append(f"bob closes: {w.read(b, 0.6)}")
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()
    time.sleep(0.2)
    for s in (a, b):
        s.close()
    return lines

# Kept (README, "Real-world apps, sixteenth round"):
KEPT = (
    "the server's close frames (4001 name taken, 1013 room full, ann's 1000): Hurtle waits "
    "for the client's close before ending TCP (RFC 6455 7.1.1, listed), Sanic sends a FIN at "
    "once; the 426's `upgrade` (listed); Sanic's `body not consumed.` for an empty body "
    "(listed); `bob left lobby` logged under Hurtle only: after bob's close frame his "
    "handler's `finally` broadcasts to the room and then logs; Sanic cancels the handler "
    "when TCP ends, inside that broadcast, so its log line never runs (listed: Sanic "
    "cancels, Hurtle's recv() raises ConnectionClosed)."
)
