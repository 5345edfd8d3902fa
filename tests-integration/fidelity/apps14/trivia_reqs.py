"""Requests for trivia_app.py (served by plugins/serve.py). The DRIVER: ann and bob
register and open `/game/random` with their tokens; the matchmaker pairs them and both get
the start message; ann scores, bob checks the state, ann sends an emoji (bob gets it), bob
sends text that is not JSON (his publisher fails: his handler logs, closes, and ann is told
`user_exit`); cid opens a game alone and leaves with a bare FIN, then dee opens one; a
socket with an unknown token (the sync decorator returns a JSON response to the websocket
handler)."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "apps12"))
import wsclient as w

REQS = [("GET", "/auth/leaderboard"), ("GET", "/game/random")]


def DRIVER(port):
    lines = []
    for name in ("ann", "bob", "cid", "dee"):
        body = (f'{{"username": "{name}", "password": "pw", "password_confirmation": "pw", '
                f'"email": "{name}@x"}}').encode()
        lines.append(f"register {name}: {w.http(port, 'POST', '/auth/register', body)}")
    a, sa, ra = w.connect(port, "/game/random", "Authorization: user:ann\r\n")
    time.sleep(0.2)
    b, sb, rb = w.connect(port, "/game/random", "Authorization: user:bob\r\n")
    lines += [f"ann: {sa} {w.read(a, 0.6, ra)}", f"bob: {sb} {w.read(b, 0.6, rb)}"]
    w.send_text(a, '{"type": "update", "score": 5}')
    time.sleep(0.2)
    w.send_text(b, '{"type": "check"}')
    lines += [f"bob check: {w.read(b)}", f"ann: {w.read(a, 0.3)}"]
    w.send_text(a, '{"type": "emoji", "emoji": ":)"}')
    lines += [f"bob emoji: {w.read(b)}", f"ann: {w.read(a, 0.3)}"]
    w.send_text(b, "not json")
    lines += [f"bob bad json: {w.read(b, 1.0)}", f"ann after bob: {w.read(a, 1.0)}"]
    c, sc, rc = w.connect(port, "/game/random", "Authorization: user:cid\r\n")
    lines.append(f"cid: {sc} {w.read(c, 0.5, rc)}")
    c.close()
    time.sleep(0.5)
    d, sd, rd = w.connect(port, "/game/random", "Authorization: user:dee\r\n")
    lines.append(f"dee: {sd} {w.read(d, 1.0, rd)}")
    x, sx, rx = w.connect(port, "/game/random", "Authorization: user:nobody\r\n")
    lines.append(f"unknown token: {sx} {w.read(x, 1.0, rx)}")
    board = w.http(port, "GET", "/auth/leaderboard", b"", "Authorization: user:ann\r\n")
    lines.append(f"leaderboard: {board}")
    for s in (a, b, c, d, x):
        s.close()
    return lines

# Kept (README, "Real-world apps, fourteenth round"):
KEPT = (
    "the unknown-token socket: the sync `token_required` returns a JSON response where a "
    "coroutine is awaited, so the websocket handler cannot start (`TypeError` logged in "
    "both); Sanic then writes its HTTP 500 page into the upgraded stream (bytes the client "
    "reads as frames: `close:21584`, RFC 6455 5.2) and closes 1001 with a FIN; Hurtle sends "
    "a close frame (1000) and waits for the client's. bob's close: Hurtle waits for the "
    "client's close before ending TCP (7.1.1, listed). ann's handler at the stop sees "
    "`ConnectionClosedError` where Sanic cancels it (listed, websockets section); Sanic's "
    "INFO `connection closed` lines and the warnings' source lines (listed). The 426 to a "
    "plain GET: `upgrade: websocket` and `connection: upgrade, close` (RFC 9110 7.8, listed)."
)
