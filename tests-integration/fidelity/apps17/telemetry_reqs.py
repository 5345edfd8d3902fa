"""Requests for telemetry_app.py (served by plugins/serve.py). The DRIVER: device ``d1``
sends text, a binary reading, a text message in three fragments (with a client ping
between them), asks for ``flush``, asks the server to ping it (the ping frame's payload
shown), says ``bye`` (the handler returns: close 1000); ``d2`` sends a frame over
``WEBSOCKET_MAX_SIZE`` (1009); ``d3`` asks for a ``dict`` to be sent (a ``TypeError`` in
the handler); ``/devices`` at the end. The REQS: ``/devices``."""

import struct
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/devices")]


def DRIVER(port):
    lines = []
    d1, st, rest = w.connect(port, "/ingest/d1")
    lines.append(f"d1: {st} {w.read(d1, 0.2, rest)}")
    w.send_text(d1, "temp=21.5")
    d1.sendall(w.frame(2, struct.pack("!d", 3.25) + b"xy"))
    d1.sendall(w.frame(1, "part-one,", fin=False))
    d1.sendall(w.frame(9, b"cli"))
    d1.sendall(w.frame(0, "part-two,", fin=False))
    d1.sendall(w.frame(0, "end", fin=True))
    lines.append(f"d1 after fragments (pong expected): {w.read(d1, 0.3)}")
    w.send_text(d1, "flush")
    lines.append(f"d1 flush: {w.read(d1, 0.3)}")
    w.send_text(d1, "ping-me")
    lines.append(f"d1 ping-me: {w.read(d1, 0.3)}")
    w.send_text(d1, "bye")
    lines.append(f"d1 bye: {w.read(d1, 0.5)}")
    w.send_close(d1)
    lines.append(f"d1 after close: {w.read(d1, 0.5)}")
    d2, st, rest = w.connect(port, "/ingest/d2")
    d2.sendall(w.frame(2, b"z" * 5000))
    lines.append(f"d2 too big: {st} {w.read(d2, 0.5, rest)}")
    d3, st, rest = w.connect(port, "/ingest/d3")
    w.send_text(d3, "dict")
    lines.append(f"d3 dict: {st} {w.read(d3, 0.5, rest)}")
    w.send_close(d3)
    lines.append(f"d3 after close: {w.read(d3, 0.5)}")
    time.sleep(0.2)
    lines.append(f"devices: {w.http(port, 'GET', '/devices')}")
    for s in (d1, d2, d3):
        s.close()
    return lines


# Kept (README, "Real-world apps, seventeenth round"):
KEPT = (
    "The server's close frame (after `bye`, and after the handler's TypeError) is followed "
    "by waiting for the client's close before TCP ends (RFC 6455 7.1.1, listed). Sanic logs "
    "asyncio's `Future exception was never retrieved ... ConnectionClosedError` for the "
    "server's ping that no pong answered before the close; Hurtle marks that waiter's "
    "exception retrieved (nobody may await a ping), so says nothing. Sanic's `body not "
    "consumed.` for an empty body (listed)."
)
