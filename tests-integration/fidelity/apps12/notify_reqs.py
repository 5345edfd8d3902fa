"""Requests for notify_app.py. The DRIVER: two members of group g1 (each also on their own
user channel), one in g2, a group socket without the Kong headers (closed 1008 with the
reason), a user socket whose header names someone else (1008 Forbidden) and one with a
revoked token; then the producing service posts a group event, a user event and an event
for g2; a member writes a message; one member leaves with a close frame, the other with a
bare FIN; a last group event reaches nobody."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/v1/notification-service/notifications/groups/g1"),
        ("POST", "/_broker", {"Content-Type": "application/json"}, b"not json")]


def hdr(user, jti="j1"):
    return f"X-User-Id: {user}\r\nX-Jti: {jti}\r\n"


def DRIVER(port):
    lines = []
    base = "/v1/notification-service/notifications"
    a, sa, _ = w.connect(port, f"{base}/groups/g1", hdr("u1"))
    b, sb, _ = w.connect(port, f"{base}/groups/g1", hdr("u2"))
    c, sc, _ = w.connect(port, f"{base}/groups/g2", hdr("u3"))
    ua, sua, _ = w.connect(port, f"{base}/users/u1", hdr("u1"))
    lines += [sa, sb, sc, sua]
    d, sd, rest = w.connect(port, f"{base}/groups/g1")
    lines.append(f"no headers: {sd} {w.read(d, pending=rest)}")
    e, se, rest = w.connect(port, f"{base}/users/u9", hdr("u1"))
    lines.append(f"someone else: {se} {w.read(e, pending=rest)}")
    f, sf, rest = w.connect(port, f"{base}/users/u1", hdr("u1", "revoked"))
    lines.append(f"revoked: {sf} {w.read(f, pending=rest)}")
    time.sleep(0.3)
    def post(body):
        return w.http(port, "POST", "/_broker", body.encode(), "Content-Type: application/json\r\n")[0]

    lines.append(post('{"event_type": "group_user_added", "group_id": "g1", "data": {"who": "u5"}}'))
    lines.append(post('{"event_type": "otp", "user_id": "u1", "data": {"code": "42"}}'))
    lines.append(post('{"event_type": "head_chef", "group_id": "g2", "data": [1, 2]}'))
    time.sleep(0.3)
    for name, s in (("a", a), ("b", b), ("c", c), ("ua", ua)):
        lines.append(f"{name}: {w.read(s, 0.4)}")
    w.send_text(a, "hello from u1")
    w.send_close(a, 1000, b"bye")
    lines.append(f"a leaves: {w.read(a)}")
    b.close()
    time.sleep(0.3)
    lines.append(post('{"event_type": "late", "group_id": "g1", "data": {}}'))
    time.sleep(0.3)
    w.send_close(c)
    lines.append(f"c leaves: {w.read(c)}")
    w.send_close(ua)
    lines.append(f"ua leaves: {w.read(ua)}")
    for s in (a, c, ua, d, e, f):
        s.close()
    return lines

# Kept (README, "Real-world apps, twelfth round"):
KEPT = (
    "the refused sockets (1008 sent by the handler): Hurtle waits for the client's close "
    'frame before its FIN (RFC 6455 7.1.1, listed), Sanic ends TCP at once; the 426 of a '
    'plain GET names the protocol in Upgrade (listed); in the log, the member leaving '
    "with a bare FIN: Hurtle's `async for` raises ConnectionClosedError into the "
    "handler's `except Exception` (logged by the app), Sanic cancels the handler (the "
    "listed recv() item), and Sanic's INFO `connection closed` lines (listed)"
)
