"""Requests for wschat_app.py (served by plugins/serve.py). The DRIVER: a socket without a
nickname (refused by a message, then the handler returns); ann and bob join; ann writes
(both get it, escaped and linkified); a second `ann` (refused); bob leaves with a close
frame; ann writes again (only she gets it); a binary frame from ann (`recv()` gives
bytes, `bleach.clean` on bytes fails: her handler ends). The REQS: the page, a static
file, the chat without upgrade."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/static/css/main.css"), ("GET", "/chat?nickname=x"),
        ("HEAD", "/")]


def DRIVER(port):
    lines = []
    x, sx, rx = w.connect(port, "/chat")
    lines.append(f"no nickname: {sx} {w.read(x, 1.0, rx)}")
    a, sa, ra = w.connect(port, "/chat?nickname=ann")
    b, sb, rb = w.connect(port, "/chat?nickname=bob")
    lines += [f"ann: {sa} {w.read(a, 0.3, ra)}", f"bob: {sb} {w.read(b, 0.3, rb)}"]
    w.send_text(a, "hi <b>bob</b> see http://example.org & more")
    lines += [f"ann: {w.read(a)}", f"bob: {w.read(b, 0.3)}"]
    a2, sa2, ra2 = w.connect(port, "/chat?nickname=ann")
    lines.append(f"second ann: {sa2} {w.read(a2, 1.0, ra2)}")
    w.send_close(b)
    lines.append(f"bob leaves: {w.read(b, 1.0)}")
    time.sleep(0.2)
    w.send_text(a, "alone now")
    lines.append(f"ann: {w.read(a)}")
    a.sendall(w.frame(2, b"\x00\x01binary"))
    lines.append(f"ann sends bytes: {w.read(a, 1.0)}")
    for s in (x, a, b, a2):
        s.close()
    return lines

# Kept (README, "Real-world apps, fourteenth round"):
KEPT = (
    "the sockets the server closes (no nickname, a taken nickname, a binary frame ending "
    "ann's handler): Hurtle waits for the client's close before ending TCP (RFC 6455 7.1.1, "
    "listed), Sanic sends a FIN at once; the 426's `upgrade` and its `connection: upgrade, close` (RFC 9110 7.8, "
    "the seventh RFC round) and the static `HEAD` (listed)."
)
