"""Requests for tictactoe_app.py (served by plugins/serve.py). The DRIVER: game 1 with
``ttt.v2`` (X) and ``ttt.v1`` (O, plain text) played to X's win with a wrong-turn move,
a taken square, an out-of-range square, a bad message and a binary frame on the way;
a third player refused (4003); game 2 refused with no subprotocol offered and with one the
server does not speak (400 in both), then played by ``chess, ttt.v1`` (v1 chosen) and
``ttt.v2``; its X (``idle=1``) waits through an idle reminder then O leaves with a
close frame, so X is closed with 4000; ``/games`` at the end. The REQS: plain HTTP to the
websocket route, ``/games``."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/games"), ("GET", "/play/1"), ("GET", "/games")]


def head(sock, status, rest):
    return f"{status} | {w.read(sock, 0.3, rest)}"


def DRIVER(port):
    lines = []
    x, st, rest = w.connect(port, "/play/1", "Sec-WebSocket-Protocol: ttt.v2\r\n")
    lines.append(f"x: {head(x, st, rest)}")
    o, st, rest = w.connect(port, "/play/1", "Sec-WebSocket-Protocol: ttt.v1\r\n")
    lines.append(f"o: {head(o, st, rest)}")
    lines.append(f"x: {w.read(x, 0.3)}")
    w.send_text(o, "move square=4")
    lines.append(f"o wrong turn: {w.read(o, 0.3)}")
    w.send_text(x, '{"type": "move", "square": 0}')
    lines.append(f"x: {w.read(x, 0.3)} / o: {w.read(o, 0.3)}")
    w.send_text(o, "move square=0")
    lines.append(f"o taken: {w.read(o, 0.3)}")
    w.send_text(o, "move square=12")
    lines.append(f"o out of range: {w.read(o, 0.3)}")
    w.send_text(o, "move square=x")
    lines.append(f"o bad: {w.read(o, 0.3)}")
    o.sendall(w.frame(2, b"?"))
    lines.append(f"o binary: {w.read(o, 0.3)}")
    w.send_text(o, "move square=4")
    lines.append(f"o: {w.read(o, 0.3)} / x: {w.read(x, 0.3)}")
    third, st, rest = w.connect(port, "/play/1", "Sec-WebSocket-Protocol: ttt.v2\r\n")
    lines.append(f"third: {head(third, st, rest)}")
    w.send_text(x, '{"type": "move", "square": 1}')
    lines.append(f"x: {w.read(x, 0.3)}")
    w.send_text(o, "move square=8")
    lines.append(f"o: {w.read(o, 0.3)}")
    w.send_text(x, '{"type": "move", "square": 2}')
    lines.append(f"x win: {w.read(x, 0.5)}")
    lines.append(f"o sees: {w.read(o, 0.5)}")
    for s in (x, o):
        w.send_close(s)
    lines.append(f"after close x: {w.read(x, 0.5)} / o: {w.read(o, 0.5)}")
    bad, st, rest = w.connect(port, "/play/2")
    lines.append(f"no protocol offered: {head(bad, st, rest)}")
    bad2, st, rest = w.connect(port, "/play/2", "Sec-WebSocket-Protocol: chess\r\n")
    lines.append(f"unknown protocol: {head(bad2, st, rest)}")
    x2, st, rest = w.connect(port, "/play/2?idle=1", "Sec-WebSocket-Protocol: chess, ttt.v1\r\n")
    lines.append(f"x2: {head(x2, st, rest)}")
    o2, st, rest = w.connect(port, "/play/2?idle=5", "Sec-WebSocket-Protocol: ttt.v2\r\n")
    lines.append(f"o2: {head(o2, st, rest)}")
    lines.append(f"x2: {w.read(x2, 0.3)}")
    time.sleep(0.8)
    lines.append(f"x2 idle: {w.read(x2, 0.3)}")
    w.send_close(o2, 1001, b"bye")
    lines.append(f"o2 closed: {w.read(o2, 0.5)}")
    lines.append(f"x2 after o2 left: {w.read(x2, 0.8)}")
    time.sleep(0.2)
    lines.append(f"games: {w.http(port, 'GET', '/games')}")
    for s in (x, o, third, bad, bad2, x2, o2):
        s.close()
    return lines


# Kept (README, "Real-world apps, seventeenth round"):
KEPT = (
    "The server's close frame (4003 to the third player, 1000 at game over) is followed by "
    "waiting for the client's close before TCP ends (RFC 6455 7.1.1, listed): no <FIN> there "
    "under Hurtle. o2 leaving with a close frame: Hurtle's handler gets ConnectionClosed from "
    "recv() (so the app closes x2 with 4000 'O left' and marks the game over) where Sanic "
    "cancels it (listed). The 426 to plain HTTP carries `connection: upgrade, close` and "
    "`upgrade: websocket` (listed). Sanic's `body not consumed.` for an empty body (listed)."
)
