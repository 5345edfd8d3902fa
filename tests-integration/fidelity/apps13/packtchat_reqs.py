"""Requests for packtchat_app.py (served by plugins/serve.py). The DRIVER: three clients
enter the room; the first writes, the two others get it; the second writes, the first and
third get it; the second sends an empty message (the handler's `if not message: break`, so
its socket is closed by the server); the third writes to the two left; the third leaves
with a close frame, the first with a bare FIN; a fourth client writes to an empty room."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/"), ("GET", "/index.html"), ("GET", "/chat")]


def DRIVER(port):
    lines = []
    a, sa, _ = w.connect(port, "/chat")
    b, sb, _ = w.connect(port, "/chat")
    c, sc, _ = w.connect(port, "/chat")
    lines += [sa, sb, sc]
    time.sleep(0.2)
    w.send_text(a, "hello from a")
    lines += [f"b: {w.read(b, 0.4)}", f"c: {w.read(c, 0.4)}", f"a: {w.read(a, 0.3)}"]
    w.send_text(b, "b here")
    lines += [f"a: {w.read(a, 0.4)}", f"c: {w.read(c, 0.4)}"]
    w.send_text(b, "")
    lines.append(f"b after an empty message: {w.read(b, 1.0)}")
    w.send_text(c, "c to the rest")
    lines += [f"a: {w.read(a, 0.4)}", f"b: {w.read(b, 0.3)}"]
    w.send_close(c, 1000, b"bye")
    lines.append(f"c leaves: {w.read(c, 1.0)}")
    a.close()
    time.sleep(0.3)
    d, sd, _ = w.connect(port, "/chat")
    w.send_text(d, "anyone?")
    lines.append(f"d alone: {sd} {w.read(d, 0.5)}")
    w.send_close(d)
    lines.append(f"d leaves: {w.read(d, 1.0)}")
    for s in (b, c, d):
        s.close()
    return lines

# Kept (README, "Real-world apps, thirteenth round"):
KEPT = (
    "the socket the handler ends (an empty message): Hurtle sends its close frame and waits "
    "for the client's before its FIN (RFC 6455 7.1.1, listed), Sanic ends TCP at once; the "
    "426 of a plain GET names the protocol in Upgrade (listed); Sanic's INFO `connection "
    "closed` (listed); the source line under the listener's DeprecationWarning (listed)"
)
