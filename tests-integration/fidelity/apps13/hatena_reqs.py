"""Requests for hatena_app.py (served by plugins/serve.py). The DRIVER: a socket gets its
hello and logs in; one logs in with a wrong token; the app pushes through
`app.ctx.gateway_send` (the logged-in socket gets it); a message without `"t"` (KeyError:
the handler fails); a socket sending text that is not JSON (ValueError); the logged-in
socket leaves with a close frame and a push follows (the send to it fails and
`gateway_send` drops it from the list)."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

NEWS = '{"t": "NEWS", "d": %d}'
REQS = [("GET", "/"), ("GET", "/gateway")]


def DRIVER(port):
    lines = []

    def push(body):
        return w.http(port, "POST", "/_push", body.encode(), "Content-Type: application/json\r\n")

    a, sa, rest = w.connect(port, "/gateway")
    lines.append(f"a: {sa} {w.read(a, pending=rest)}")
    w.send_text(a, '{"t": "LOGIN", "d": {"token": "secret"}}')
    lines.append(f"a login: {w.read(a)}")
    b, sb, rest = w.connect(port, "/gateway")
    lines.append(f"b: {sb} {w.read(b, pending=rest)}")
    w.send_text(b, '{"t": "LOGIN", "d": {"token": "wrong"}}')
    lines.append(f"b wrong token: {w.read(b)}")
    lines.append(f"push: {push(NEWS % 1)}")
    lines += [f"a: {w.read(a)}", f"b: {w.read(b)}"]
    w.send_text(b, '{"d": {}}')
    lines.append(f"b without t: {w.read(b, 1.0)}")
    c, sc, rest = w.connect(port, "/gateway")
    lines.append(f"c: {sc} {w.read(c, pending=rest)}")
    w.send_text(c, "not json")
    lines.append(f"c not json: {w.read(c, 1.0)}")
    w.send_close(a, 1000, b"bye")
    lines.append(f"a leaves: {w.read(a, 1.0)}")
    time.sleep(0.2)
    lines.append(f"push after a left: {push(NEWS % 2)}")
    lines.append(f"push again: {push(NEWS % 3)}")
    for s in (a, b, c):
        s.close()
    return lines

# Kept (README, "Real-world apps, thirteenth round"):
KEPT = (
    "the sockets whose handler failed (KeyError, ValueError; closed 1000 by both): Hurtle "
    "waits for the client's close frame before its FIN (RFC 6455 7.1.1, listed); the 426's "
    "Upgrade (listed); the DeprecationWarning's source line (listed)"
)
