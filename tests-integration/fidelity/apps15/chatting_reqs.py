"""Requests for chatting_app.py (served by plugins/serve.py). The DRIVER: ann and bob join
room 1 (bob's join reaches ann); ann chats (both get the dict's ``str``); bob whispers to
ann (only ann); a ``user_list`` and a ``user_count`` query; a frame that is not JSON from
bob (``json.loads`` fails: his reading task ends, the handler cancels the other two and
returns); ann chats again; ann leaves with a close frame. The REQS: the two pages, the
websocket route without upgrade, a route of the same shape with two segments."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/lobby"), ("GET", "/rooms/1/ann/Ann"), ("GET", "/rooms/1/ann"),
        ("POST", "/lobby")]


def DRIVER(port):
    lines = []
    a, sa, ra = w.connect(port, "/rooms/1/ann/Ann")
    lines.append(f"ann: {sa} {w.read(a, 0.3, ra)}")
    b, sb, rb = w.connect(port, "/rooms/1/bob/B%C3%B6b")
    lines += [f"bob: {sb} {w.read(b, 0.3, rb)}", f"ann sees: {w.read(a, 0.3)}"]
    w.send_text(a, '{"seq": 1, "message": "hi"}')
    lines += [f"ann: {w.read(a, 0.3)}", f"bob: {w.read(b, 0.3)}"]
    w.send_text(b, '{"seq": 2, "message": "psst", "from_id": "ann"}')
    lines += [f"ann (whisper): {w.read(a, 0.3)}", f"bob: {w.read(b, 0.3)}"]
    w.send_text(a, '{"query": "user_list"}')
    lines += [f"ann: {w.read(a, 0.3)}", f"bob: {w.read(b, 0.3)}"]
    w.send_text(a, '{"query": "user_count"}')
    lines += [f"ann: {w.read(a, 0.3)}"]
    w.send_text(b, 'not json')
    lines += [f"bob after bad JSON: {w.read(b, 1.0)}", f"ann: {w.read(a, 0.3)}"]
    time.sleep(0.2)
    w.send_text(a, '{"seq": 3, "message": "alone?"}')
    lines.append(f"ann: {w.read(a, 0.3)}")
    w.send_close(a)
    lines.append(f"ann leaves: {w.read(a, 1.0)}")
    for s in (a, b):
        s.close()
    return lines

# Kept (README, "Real-world apps, fifteenth round"):
KEPT = (
    "bob's handler ends on his bad JSON: Hurtle waits for the client's close before ending "
    "TCP (RFC 6455 7.1.1, listed), Sanic sends a FIN at once; ann's close frame: her "
    "`recv()` raises `ConnectionClosed` (listed; Sanic cancels the handler, so nothing of "
    "hers runs and nothing is logged), her `leave_channel` publishes to her own two "
    "subscriptions, whose forwarding tasks (never cancelled by the handler while they "
    "run) fail on `ws.send` after the close: two `Task exception was never retrieved` "
    "logs (`Cannot write to websocket interface after it is closed.`) under Hurtle only; "
    "the 426's `upgrade` and its `connection: upgrade, close` (listed; RFC 9110 7.8, the "
    "seventh RFC round)."
)
