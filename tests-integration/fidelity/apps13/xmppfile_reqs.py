"""``python xmppfile_app.py`` (--main: `debug=True`, `workers=4` from the settings). The
DRIVER: a websocket that gets the greeting, answers twice and leaves with a close frame; one
that leaves with a bare FIN; a binary frame (`'Received: ' + bytes` fails: the handler's
`except Exception` prints it)."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/"), ("GET", "/json"), ("GET", "/_config"), ("GET", "/login/")]


def DRIVER(port):
    lines = []
    for _ in range(40):  # four workers start after the port opens: wait for one (10 s at most)
        try:
            if w.http(port, "GET", "/json")[0].endswith("200 OK"):
                break
        except OSError:
            pass
        time.sleep(0.25)
    a, sa, rest = w.connect(port, "/scokit")
    lines.append(f"a: {sa} {w.read(a, pending=rest)}")
    w.send_text(a, "one")
    lines.append(f"a: {w.read(a)}")
    w.send_text(a, "two")
    lines.append(f"a: {w.read(a)}")
    w.send_close(a, 1000, b"bye")
    lines.append(f"a leaves: {w.read(a, 1.0)}")
    b, sb, rest = w.connect(port, "/scokit")
    lines.append(f"b: {sb} {w.read(b, pending=rest)}")
    b.close()
    c, sc, rest = w.connect(port, "/scokit")
    lines.append(f"c: {sc} {w.read(c, pending=rest)}")
    c.sendall(w.frame(2, b"\x00\x01"))
    lines.append(f"c after a binary frame: {w.read(c, 1.0)}")
    for s in (a, c):
        s.close()
    time.sleep(0.3)
    return lines

# Kept (README, "Real-world apps, thirteenth round"):
KEPT = (
    "the socket whose handler failed on a binary frame (closed 1000 by both): Hurtle waits "
    "for the client's close frame before its FIN (listed); in the log, the sockets that "
    "left: Hurtle's `recv()` raises ConnectionClosedOK/Error into the handler's `except "
    "Exception`, which prints it (`received 1000 (OK) bye; then sent 1000 (OK) bye`, `no "
    "close frame received or sent`), Sanic cancels the handler (the listed recv() item); "
    "the debug page's framework frame; the banner; Sanic serving `/json` before its "
    "`after_server_start` listener ran (the listed start-up race); Sanic's INFO "
    "`connection closed`; log order across the four workers, and the random farewell"
)
