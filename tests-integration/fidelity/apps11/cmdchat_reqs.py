"""Requests for cmdchat_app.py. The DRIVER: a token, a key by multipart file, a chat on
/talk (a message, commands, the rate limit, bad JSON ending the handler), an /update
websocket (its first push, then a close frame), and /talk without credentials (4001)."""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chess_reqs import _frame, _read, _ws

F = {"Content-Type": "application/x-www-form-urlencoded"}
MP = {"Content-Type": "multipart/form-data; boundary=XX"}
KEY = (b'--XX\r\nContent-Disposition: form-data; name="pubkey"; filename="k.pem"\r\n\r\nRSA:abc\r\n'
       b'--XX\r\nContent-Disposition: form-data; name="username"\r\n\r\nann\r\n--XX--\r\n')
REQS = [
    ("GET", "/health"),
    ("POST", "/generate_token", F, b"admin_password=pw&username=ann&ttl=60"),
    ("POST", "/generate_token", F, b"admin_password=no&username=ann"),
    ("POST", "/generate_token", F, b"username=ann"),
    ("POST", "/get_key?password=pw", MP, KEY),
    ("POST", "/get_key", MP, KEY),
    ("POST", "/get_key?password=pw", F, b"pubkey=RSA:def&username=bob&room_id=r2"),
    ("GET", "/get_key?password=pw&pubkey=nope"),
    ("GET", "/get_key?password=pw"),
    ("POST", "/revoke_token?password=pw", F, b"token=tok1"),
    ("GET", "/health"),
]


def DRIVER(port):
    lines = []
    t, th = _ws(port, "/talk?password=pw&username=ann")
    lines.append(th)
    for msg in [{"text": "hi"}, {"text": "/help"}, {"text": "/nick annie"}, {"type": "pong"},
                {"text": "two"}, {"text": "three"}, {"text": "four"}]:
        t.sendall(_frame(1, json.dumps(msg).encode()))
        time.sleep(0.1)
    lines.append("talk: " + _read(t))
    t.sendall(_frame(1, b"{not json"))
    lines.append("talk after bad JSON: " + _read(t))
    t.close()
    u, uh = _ws(port, "/update?password=pw")
    lines.append(uh)
    time.sleep(0.03)
    first = _read(u, 0.04)
    lines.append("update first push: " + first.split(" ")[0][:200])
    u.sendall(_frame(8, b"\x03\xe8"))
    time.sleep(0.3)
    tail = _read(u, 0.5).split(" ")
    lines.append("update ends with: " + " ".join(x for x in tail if x.startswith("op8") or x == "<FIN>"))
    u.close()
    n, nh = _ws(port, "/talk")
    lines.append(nh + " " + _read(n, 0.5))
    n.close()
    time.sleep(0.3)
    return lines
