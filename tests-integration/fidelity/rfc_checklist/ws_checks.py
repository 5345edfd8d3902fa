"""RFC 6455 checks: opening handshake and frames (against app_http.py).

usage: python ws_checks.py PORT [filter]; see run.sh."""

import base64
import hashlib
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wslib import FILT, GUID, KEY, close_code, frame, hs, parse_frames, session


def check(name, ref, pred, req, frames=(), idle=1.0):
    if FILT and FILT not in name:
        return
    status, hd, out, closed, line = session(req, frames, idle)
    try:
        ok = pred(status, hd, out, closed)
    except Exception as e:
        ok = repr(e)
    cc = close_code(out) if status == 101 else None
    print(
        f"{'PASS' if ok is True else 'FAIL'} [{ref}] {name} :: {line} close={cc} closed={closed} hdr={ {k: v for k, v in hd.items() if k.startswith('sec') or k in ('upgrade', 'connection')} }"
    )


accept = base64.b64encode(hashlib.sha1((KEY + GUID).encode()).digest()).decode()
check(
    "good handshake accept value",
    "6455 4.2.2",
    lambda s, h, o, c: (
        s == 101
        and h["sec-websocket-accept"] == [accept]
        and h["upgrade"][0].lower() == "websocket"
        and "upgrade" in h["connection"][0].lower()
    ),
    hs(),
)
check(
    "Upgrade/Connection case-insensitive",
    "6455 4.2.1",
    lambda s, h, o, c: s == 101,
    hs(upgrade="WebSocket", connection="keep-alive, upgrade"),
)
check("missing Sec-WebSocket-Key -> 400", "6455 4.2.1", lambda s, h, o, c: s == 400, hs(key=None))
check(
    "bad Sec-WebSocket-Key (not 16 bytes) -> 400",
    "6455 4.2.1",
    lambda s, h, o, c: s == 400,
    hs(key=base64.b64encode(b"short").decode()),
)
check(
    "bad Sec-WebSocket-Key (not base64) -> 400",
    "6455 4.2.1",
    lambda s, h, o, c: s == 400,
    hs(key="!!!!!!!!!!!!!!!!!!!!!!!!"),
)
check(
    "two Sec-WebSocket-Key -> 400",
    "6455 11.3.1",
    lambda s, h, o, c: s == 400,
    hs(extra=f"Sec-WebSocket-Key: {KEY}\r\n"),
)
check(
    "version 8 -> 426 + Sec-WebSocket-Version: 13",
    "6455 4.2.2/4.4",
    lambda s, h, o, c: s == 426 and h.get("sec-websocket-version") == ["13"],
    hs(version="8"),
)
check(
    "version 8 -> 4xx + Sec-WebSocket-Version: 13",
    "6455 4.4",
    lambda s, h, o, c: s in (400, 426) and "13" in ",".join(h.get("sec-websocket-version", [])),
    hs(version="8"),
)
check(
    "version missing -> 4xx + Sec-WebSocket-Version",
    "6455 4.2.1",
    lambda s, h, o, c: s in (400, 426) and "13" in ",".join(h.get("sec-websocket-version", [])),
    hs(version=None),
)
check(
    "version 14 -> 4xx + Sec-WebSocket-Version",
    "6455 4.4",
    lambda s, h, o, c: s in (400, 426) and "13" in ",".join(h.get("sec-websocket-version", [])),
    hs(version="14"),
)
check(
    "version '13, 8' -> refuse",
    "6455 4.2.1",
    lambda s, h, o, c: s in (400, 426),
    hs(version="13, 8"),
)
check("POST handshake -> not 101", "6455 4.2.1", lambda s, h, o, c: s != 101, hs(method="POST"))
check(
    "HTTP/1.0 handshake -> not 101", "6455 4.2.1", lambda s, h, o, c: s != 101, hs(proto="HTTP/1.0")
)
check(
    "no Upgrade -> 426 with Upgrade header",
    "9110 15.5.22",
    lambda s, h, o, c: s == 426 and h.get("upgrade", [""])[0].lower() == "websocket",
    hs(upgrade=None),
)
check("Upgrade: foo -> not 101", "6455 4.2.1", lambda s, h, o, c: s != 101, hs(upgrade="foo"))
check(
    "no Connection: Upgrade -> not 101",
    "6455 4.2.1",
    lambda s, h, o, c: s != 101,
    hs(connection="keep-alive"),
)
check(
    "subprotocol chosen from offer",
    "6455 4.2.2",
    lambda s, h, o, c: s == 101 and h.get("sec-websocket-protocol") == ["superchat"],
    hs("/wsp", extra="Sec-WebSocket-Protocol: foo, superchat\r\n"),
)
check(
    "subprotocol none offered known -> no header",
    "6455 4.2.2",
    lambda s, h, o, c: s == 101 and "sec-websocket-protocol" not in h,
    hs("/wsp", extra="Sec-WebSocket-Protocol: foo, bar\r\n"),
)
check(
    "subprotocol not offered -> no header",
    "6455 4.2.2",
    lambda s, h, o, c: s == 101 and "sec-websocket-protocol" not in h,
    hs("/wsp"),
)
check(
    "subprotocol on route without -> no header",
    "6455 4.2.2",
    lambda s, h, o, c: s == 101 and "sec-websocket-protocol" not in h,
    hs("/ws", extra="Sec-WebSocket-Protocol: chat\r\n"),
)
check(
    "unknown extension not accepted",
    "6455 9.1",
    lambda s, h, o, c: s == 101 and "sec-websocket-extensions" not in h,
    hs(extra="Sec-WebSocket-Extensions: x-foo\r\n"),
)
check(
    "Origin any accepted (no policy)",
    "6455 4.2.2",
    lambda s, h, o, c: s in (101, 403),
    hs(extra="Origin: http://evil.example\r\n"),
)
# frames
check(
    "echo text",
    "6455 5.6",
    lambda s, h, o, c: s == 101 and parse_frames(o)[0][:2] == (1, b"hi"),
    hs(),
    [frame(1, b"hi")],
)
check(
    "server frames are unmasked",
    "6455 5.1",
    lambda s, h, o, c: s == 101 and all(not m for *_, m in parse_frames(o)),
    hs(),
    [frame(1, b"hi"), frame(8, struct.pack("!H", 1000))],
)
check(
    "unmasked client frame -> close 1002",
    "6455 5.1",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(1, b"hi", mask=False)],
)
check(
    "control frame > 125 -> 1002",
    "6455 5.5",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(9, b"a" * 126)],
)
check(
    "fragmented ping -> 1002",
    "6455 5.5",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(9, b"a", fin=False)],
)
check(
    "RSV1 without extension -> 1002",
    "6455 5.2",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(1, b"hi", rsv=4)],
)
check(
    "RSV3 -> 1002",
    "6455 5.2",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(1, b"hi", rsv=1)],
)
check(
    "reserved opcode 3 -> 1002",
    "6455 5.2",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(3, b"hi")],
)
check(
    "reserved opcode 0xB -> 1002",
    "6455 5.2",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(0xB, b"hi")],
)
check(
    "continuation without start -> 1002",
    "6455 5.4",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(0, b"hi")],
)
check(
    "new data frame inside fragmented msg -> 1002",
    "6455 5.4",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(1, b"a", fin=False), frame(1, b"b")],
)
check(
    "ping between fragments answered",
    "6455 5.4",
    lambda s, h, o, c: [f[:2] for f in parse_frames(o)][:2] == [(10, b"p"), (1, b"ab")],
    hs(),
    [frame(1, b"a", fin=False), frame(9, b"p"), frame(0, b"b")],
)
check(
    "ping -> pong same payload",
    "6455 5.5.3",
    lambda s, h, o, c: parse_frames(o)[0][:2] == (10, b"xyz"),
    hs(),
    [frame(9, b"xyz")],
)
check(
    "close 1000 echoed 1000",
    "6455 5.5.1",
    lambda s, h, o, c: close_code(o) == 1000 and c,
    hs(),
    [frame(8, struct.pack("!H", 1000) + b"bye")],
)
check(
    "empty close -> close (no 1005 sent)",
    "6455 7.4.1",
    lambda s, h, o, c: close_code(o) in ("empty", 1000),
    hs(),
    [frame(8, b"")],
)
check(
    "close payload 1 byte -> 1002",
    "6455 5.5.1",
    lambda s, h, o, c: close_code(o) == 1002,
    hs(),
    [frame(8, b"\x03")],
)
for code in (999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 0):
    check(
        f"close code {code} -> 1002",
        "6455 7.4",
        lambda s, h, o, c: close_code(o) == 1002,
        hs(),
        [frame(8, struct.pack("!H", code))],
    )
for code in (1001, 1003, 1007, 1011, 1012, 1013, 1014, 3000, 4999):
    check(
        f"close code {code} valid -> echo (not 1002)",
        "6455 7.4",
        lambda s, h, o, c: close_code(o) not in (1002, None),
        hs(),
        [frame(8, struct.pack("!H", code))],
    )
check(
    "close reason invalid utf8 -> 1007",
    "6455 5.5.1",
    lambda s, h, o, c: close_code(o) in (1007, 1002),
    hs(),
    [frame(8, struct.pack("!H", 1000) + b"\xff")],
)
check(
    "text invalid utf8 -> 1007",
    "6455 8.1",
    lambda s, h, o, c: close_code(o) == 1007,
    hs(),
    [frame(1, b"\xff\xfe")],
)
check(
    "64-bit length with MSB set -> 1002",
    "6455 5.2",
    lambda s, h, o, c: close_code(o) in (1002, 1009) or c,
    hs(),
    [struct.pack("!BBQ", 0x81, 0xFF, 1 << 63) + b"mask"],
)
check(
    "non-minimal length 126 for 5 bytes",
    "6455 5.2",
    lambda s, h, o, c: True,
    hs(),
    [struct.pack("!BBH", 0x81, 0xFE, 5) + b"\x00\x00\x00\x00hello"],
)
check(
    "no frame after close",
    "6455 5.5.1",
    lambda s, h, o, c: [f[0] for f in parse_frames(o)][-1] == 8,
    hs(),
    [frame(8, struct.pack("!H", 1000)), frame(1, b"after")],
)
check(
    "unsolicited pong ignored",
    "6455 5.5.3",
    lambda s, h, o, c: parse_frames(o)[0][:2] == (1, b"x") and close_code(o) is None,
    hs(),
    [frame(10, b"u"), frame(1, b"x")],
)
check(
    "ping 125 bytes ok",
    "6455 5.5",
    lambda s, h, o, c: parse_frames(o)[0][:2] == (10, b"p" * 125),
    hs(),
    [frame(9, b"p" * 125)],
)
check(
    "binary echo",
    "6455 5.6",
    lambda s, h, o, c: parse_frames(o)[0][:2] == (2, b"\x00\xff"),
    hs(),
    [frame(2, b"\x00\xff")],
)
check(
    "utf8 split across fragments ok",
    "6455 5.6",
    lambda s, h, o, c: parse_frames(o)[0][:2] == (1, "é".encode()),
    hs(),
    [frame(1, b"\xc3", fin=False), frame(0, b"\xa9")],
)
check(
    "close reason 123 bytes ok",
    "6455 5.5",
    lambda s, h, o, c: close_code(o) == 1000,
    hs(),
    [frame(8, struct.pack("!H", 1000) + b"r" * 123)],
)
check(
    "no Host handshake",
    "6455 4.2.1",
    lambda s, h, o, c: s == 400,
    hs().replace(b"Host: x\r\n", b""),
)


# handshake field variants
def chk(name, pred, req, frames=()):
    if FILT and FILT not in name:
        return
    status, hd, out, closed, line = session(req, frames)
    print(
        ("PASS" if pred(status, hd) else "FAIL"),
        "[6455 4.2.1]",
        name,
        "::",
        line,
        {k: v for k, v in hd.items() if k.startswith("sec") or k in ("upgrade",)},
    )


chk("Upgrade: foo, websocket", lambda s, h: s == 101, hs(upgrade="foo, websocket"))
chk("Upgrade: WEBSOCKET", lambda s, h: s == 101, hs(upgrade="WEBSOCKET"))
chk("Connection: keep-alive,Upgrade", lambda s, h: s == 101, hs(connection="keep-alive,Upgrade"))
chk("two version lines 13", lambda s, h: s in (400, 426), hs(extra="Sec-WebSocket-Version: 13\r\n"))
chk("version 13 with leading zero 013", lambda s, h: s in (400, 426), hs(version="013"))
chk(
    "key 16 bytes but with whitespace inside",
    lambda s, h: s == 400,
    hs(key="dGhlIHNhbXBs ZSBub25jZQ=="),
)
chk("HEAD handshake", lambda s, h: s != 101, hs(method="HEAD"))
chk(
    "Sec-WebSocket-Protocol chat on wsp, repeated line",
    lambda s, h: s == 101 and h.get("sec-websocket-protocol") == ["chat"],
    hs("/wsp", extra="Sec-WebSocket-Protocol: foo\r\nSec-WebSocket-Protocol: chat\r\n"),
)
