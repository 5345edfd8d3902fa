"""Requests for presence_app.py (served by plugins/serve.py). The DRIVER: a bad token (401
before the upgrade) and none; ana and bo join ``d1`` (each sees the joins), a second ana
refused with 4009; counter messages broadcast, ``who``, an unknown text, a binary frame
echoed reversed; bo kicked over HTTP (4001 to bo, a leave to ana); cy joins ``d2`` alone;
ana leaves with a close frame; ``/docs/d1`` and ``/docs/d2`` at the end. The REQS: plain
HTTP to the websocket route and the listings."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/docs/d1"), ("GET", "/docs/d1/live?token=t-ana"), ("GET", "/docs/d1/live?token=x"),
        ("POST", "/docs/d1/kick/nobody")]


def head(sock, status, rest):
    return f"{status} | {w.read(sock, 0.3, rest)}"


def DRIVER(port):
    lines = []
    bad, st, rest = w.connect(port, "/docs/d1/live?token=nope")
    lines.append(f"bad token: {head(bad, st, rest)}")
    none, st, rest = w.connect(port, "/docs/d1/live")
    lines.append(f"no token: {head(none, st, rest)}")
    ana, st, rest = w.connect(port, "/docs/d1/live?token=t-ana")
    lines.append(f"ana: {head(ana, st, rest)}")
    bo, st, rest = w.connect(port, "/docs/d1/live?token=t-bo")
    lines.append(f"bo: {head(bo, st, rest)}")
    lines.append(f"ana sees: {w.read(ana, 0.3)}")
    ana2, st, rest = w.connect(port, "/docs/d1/live?token=t-ana")
    lines.append(f"ana again: {head(ana2, st, rest)}")
    w.send_text(ana, "inc")
    w.send_text(bo, "inc")
    time.sleep(0.2)
    lines.append(f"ana: {w.read(ana, 0.3)} / bo: {w.read(bo, 0.3)}")
    w.send_text(bo, "who")
    lines.append(f"bo who: {w.read(bo, 0.3)}")
    w.send_text(ana, "jump")
    lines.append(f"ana unknown: {w.read(ana, 0.3)}")
    ana.sendall(w.frame(2, b"abc\x00"))
    lines.append(f"ana binary: {w.read(ana, 0.3)}")
    lines.append(f"kick bo: {w.http(port, 'POST', '/docs/d1/kick/bo')}")
    lines.append(f"bo after kick: {w.read(bo, 0.5)}")
    lines.append(f"ana after kick: {w.read(ana, 0.5)}")
    cy, st, rest = w.connect(port, "/docs/d2/live?token=t-cy")
    lines.append(f"cy d2: {head(cy, st, rest)}")
    w.send_text(cy, "dec")
    lines.append(f"cy: {w.read(cy, 0.3)}")
    w.send_close(ana, 1000, b"done")
    lines.append(f"ana closed: {w.read(ana, 0.5)}")
    time.sleep(0.2)
    lines.append(f"d1: {w.http(port, 'GET', '/docs/d1')}")
    lines.append(f"d2: {w.http(port, 'GET', '/docs/d2')}")
    w.send_close(cy)
    lines.append(f"cy closed: {w.read(cy, 0.5)}")
    for s in (bad, none, ana, bo, ana2, cy):
        s.close()
    return lines


# Kept (README, "Real-world apps, eighteenth round"):
KEPT = (
    "The server's close frame (4009 to the second ana) is followed by waiting for the "
    "client's close before TCP ends (RFC 6455 7.1.1, listed): no <FIN> there under Hurtle. "
    "The 426 to plain HTTP carries `connection: upgrade, close` and `upgrade: websocket` "
    "(listed). Sanic's `body not consumed.` and the websockets library's INFO `connection "
    "closed` (listed). Alike and unexpected in both: bo's handler, closed by the kick from "
    "another task, stays in `async for` until bo's own socket goes, so no leave reaches ana "
    "and `/docs/d1` still lists bo."
)
