"""RFC 6455 checks, third round (against app_third.py): frames sent by hand to websocket
routes that record what their handler saw (`/seen/<tag>`), `WEBSOCKET_MAX_SIZE` 1024, and
closes started by the server (`ws.close(code)`).

Each line: PASS/FAIL for the RFC's reading of the wire, the server's frames (opcode,
payload), and what the handler saw: messages, the exception that ended it, and the close
frames received and sent. usage: python ws2_checks.py PORT [filter]; see run.sh."""

import json
import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from checklib import PORT, read_all
from wslib import FILT, close_code, frame, hs, parse_frames, session

RUN = f"{os.getpid()}-{int(time.time())}"
COUNT = {"pass": 0, "all": 0}


def seen(tag):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
    s.sendall(f"GET /seen/{tag} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    out, _ = read_all(s, idle=1.0, total=3)
    s.close()
    body = out.partition(b"\r\n\r\n")[2]
    try:
        return json.loads(body)
    except ValueError:
        return body[:80]


def short(frames):
    return [
        (op, p[:12] if op != 8 else (close_code(frame_bytes(op, p)), p[2:20]))
        for op, p, *_ in frames
    ]


def frame_bytes(op, p):
    return frame(op, p, mask=False)


def check(name, ref, pred, frames, route="wsi", wait=0.0, abort=False):
    """Send `frames` after the handshake to `/route/<tag>`; `pred(frames, closed)` on the
    server's frames. `abort`: close TCP right after sending, no close frame."""
    if FILT and FILT not in name:
        return
    tag = f"{RUN}-{COUNT['all']}"
    if abort:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
        s.sendall(hs(f"/{route}/{tag}"))
        read_all(s, idle=0.5, total=2)
        for f in frames:
            s.sendall(f)
        s.close()
        out, closed = b"", True
    else:
        status, hd, out, closed, line = session(hs(f"/{route}/{tag}"), frames, idle=1.0)
    time.sleep(0.3 + wait)
    got = parse_frames(out)
    try:
        ok = pred(got, closed)
    except Exception as e:
        ok = repr(e)
    COUNT["all"] += 1
    COUNT["pass"] += ok is True
    print(
        f"{'PASS' if ok is True else 'FAIL'} [{ref}] {name} :: {short(got)} closed={closed} "
        f":: handler {seen(tag)}"
    )


def cc(code):
    return lambda f, c: close_code(b"".join(frame_bytes(op, p) for op, p, *_ in f)) == code


def close(code, reason=b""):
    return frame(8, struct.pack("!H", code) + reason)


for route in ("wsi", "wsv"):
    r = f"({route}) "
    check(
        r + "echo, then close 1000 echoed",
        "5.5.1",
        lambda f, c: f[0][:2] == (1, b"hi") and cc(1000)(f, c) and c,
        [frame(1, b"hi"), close(1000, b"done")],
        route,
    )
    check(r + "close 1001 echoed 1001", "5.5.1", cc(1001), [close(1001, b"away")], route)
    check(r + "close 4000 echoed", "7.4.2", cc(4000), [close(4000)], route)
    check(
        r + "empty close answered",
        "5.5.1",
        lambda f, c: f[-1][0] == 8 and len(f[-1][1]) in (0, 2),
        [frame(8)],
        route,
    )
    check(
        r + "unmasked client frame -> 1002", "5.1", cc(1002), [frame(1, b"hi", mask=False)], route
    )
    check(r + "RSV2 -> 1002", "5.2", cc(1002), [frame(1, b"hi", rsv=2)], route)
    check(r + "reserved opcode 0x3 -> 1002", "5.2", cc(1002), [frame(3, b"x")], route)
    check(r + "reserved control opcode 0xF -> 1002", "5.2", cc(1002), [frame(0xF, b"x")], route)
    check(r + "ping 126 bytes -> 1002", "5.5", cc(1002), [frame(9, b"p" * 126)], route)
    check(
        r + "close 126 bytes -> 1002",
        "5.5",
        cc(1002),
        [frame(8, struct.pack("!H", 1000) + b"r" * 124)],
        route,
    )
    check(
        r + "fragmented close -> 1002",
        "5.5",
        cc(1002),
        [frame(8, struct.pack("!H", 1000), fin=False)],
        route,
    )
    check(r + "fragmented pong -> 1002", "5.5", cc(1002), [frame(10, b"x", fin=False)], route)
    check(
        r + "fragments with ping between: pong, then the whole message",
        "5.4",
        lambda f, c: [x[:2] for x in f][:2] == [(10, b"pp"), (1, b"abc")],
        [
            frame(1, b"a", fin=False),
            frame(9, b"pp"),
            frame(0, b"b", fin=False),
            frame(10, b"u"),
            frame(0, b"c"),
        ],
        route,
    )
    check(
        r + "ping -> pong same payload",
        "5.5.3",
        lambda f, c: f[0][:2] == (10, b"\x00abc\xff"),
        [frame(9, b"\x00abc\xff")],
        route,
    )
    check(
        r + "empty ping -> empty pong",
        "5.5.3",
        lambda f, c: f[0][:2] == (10, b""),
        [frame(9)],
        route,
    )
    check(r + "text not UTF-8 -> 1007", "8.1", cc(1007), [frame(1, b"ok\xff")], route)
    check(
        r + "text not UTF-8 across fragments -> 1007",
        "8.1",
        cc(1007),
        [frame(1, b"a\xc3", fin=False), frame(0, b"(")],
        route,
    )
    check(
        r + "truncated UTF-8 at the end of a message -> 1007",
        "8.1",
        cc(1007),
        [frame(1, b"a\xe2\x82", fin=False), frame(0, b"")],
        route,
    )
    check(
        r + "invalid UTF-8 in a first fragment -> 1007 without waiting for the end",
        "8.1 (fail fast)",
        cc(1007),
        [frame(1, b"\xff", fin=False)],
        route,
    )
    check(
        r + "surrogate (ED A0 80) in text -> 1007",
        "8.1",
        cc(1007),
        [frame(1, b"\xed\xa0\x80")],
        route,
    )
    check(
        r + "UTF-8 split over three fragments is one message",
        "5.4",
        lambda f, c: f[0][:2] == (1, "€".encode()),
        [frame(1, b"\xe2", fin=False), frame(0, b"\x82", fin=False), frame(0, b"\xac")],
        route,
    )
    check(r + "close with 1-byte payload -> 1002", "5.5.1", cc(1002), [frame(8, b"\x03")], route)
    for code in (1005, 1006, 999, 5000, 1015, 1004):
        check(r + f"close code {code} -> 1002", "7.4.1", cc(1002), [close(code)], route)
    check(r + "close reason not UTF-8 -> 1007", "5.5.1", cc(1007), [close(1000, b"\xff")], route)
    check(
        r + "message of WEBSOCKET_MAX_SIZE (1024) echoed",
        "10.4",
        lambda f, c: f[0][:2] == (2, b"m" * 1024),
        [frame(2, b"m" * 1024)],
        route,
    )
    check(
        r + "message over WEBSOCKET_MAX_SIZE -> 1009",
        "7.4.1",
        cc(1009),
        [frame(1, b"m" * 1025)],
        route,
    )
    check(
        r + "fragments adding up over WEBSOCKET_MAX_SIZE -> 1009",
        "7.4.1",
        cc(1009),
        [frame(1, b"m" * 600, fin=False), frame(0, b"m" * 600)],
        route,
    )
    check(
        r + "frame after close ignored",
        "5.5.1",
        lambda f, c: [x[0] for x in f] == [8],
        [close(1000), frame(1, b"late")],
        route,
    )
    check(
        r + "TCP closed without close frame",
        "7.1.5 (1006)",
        lambda f, c: True,
        [frame(1, b"x")],
        route,
        abort=True,
    )

# framing details, once (the `async for` handler)
# 5.5.1: a close frame MUST be answered by one; echoing its code is only "typical"
check(
    "close between fragments answered by a close",
    "5.4/5.5.1",
    lambda f, c: close_code(b"".join(frame_bytes(op, p) for op, p, *_ in f)) in (1000, 1002),
    [frame(1, b"a", fin=False), close(1000)],
)
check(
    "empty text frame is an empty message",
    "5.6",
    lambda f, c: f[0][:2] == (1, b""),
    [frame(1, b"")],
)
check(
    "empty fragments make one empty message",
    "5.4",
    lambda f, c: f[0][:2] == (1, b""),
    [frame(1, b"", fin=False), frame(0, b"", fin=False), frame(0, b"")],
)
check(
    "three messages in one TCP write, in order",
    "5.4",
    lambda f, c: [x[1] for x in f[:3]] == [b"1", b"2", b"3"],
    [frame(1, b"1") + frame(1, b"2") + frame(1, b"3")],
)
check(
    "16-bit length (300 bytes) echoed",
    "5.2",
    lambda f, c: f[0][:2] == (2, b"x" * 300),
    [frame(2, b"x" * 300)],
)
check(
    "all-zero masking key",
    "5.3",
    lambda f, c: f[0][:2] == (1, b"hi"),
    [struct.pack("!BB", 0x81, 0x82) + b"\0\0\0\0hi"],
)
check("close 1000 with a 123-byte reason echoed", "5.5", cc(1000), [close(1000, b"r" * 123)])
check(
    "binary fragments with a text continuation opcode mix -> 1002",
    "5.4",
    cc(1002),
    [frame(2, b"a", fin=False), frame(1, b"b")],
)

for code in (1000, 1001, 4000, 1005, 1006, 999, 5000, 1015):
    # The handler calls ws.close(code, "bye"), the client sends nothing: the close frame
    # carries the code and reason, or (7.4.1: 1005, 1006, 1015 and codes outside
    # 1000-4999 are never sent) some other code or no frame. The handler's outcome is at
    # /seen/close<code>.
    name = f"server ws.close({code})"
    if FILT and FILT not in name:
        continue
    status, hd, out, closed, line = session(hs(f"/wsc/{code}"), (), idle=1.0)
    got = parse_frames(out)
    sent = close_code(out)
    if code in (1005, 1006, 1015) or not (1000 <= code < 5000):
        ok = sent != code
    else:
        ok = [(op, p) for op, p, *_ in got] == [(8, struct.pack("!H", code) + b"bye")]
    COUNT["all"] += 1
    COUNT["pass"] += ok is True
    time.sleep(0.2)
    print(
        f"{'PASS' if ok else 'FAIL'} [7.4.1] {name} :: {short(got)} closed={closed} "
        f":: handler {seen(f'close{code}')}"
    )

# The handler returns or raises: a close frame either way (7.4.1: 1000, or 1011 for an
# unexpected condition; both servers send 1000).
for how, frames in (("return", []), ("raise", []), ("raise-after-recv", [frame(1, b"x")])):
    name = f"handler ends ({how}) -> close frame"
    if FILT and FILT not in name:
        continue
    status, hd, out, closed, line = session(hs(f"/wsend/{how}"), frames, idle=1.0)
    ok = close_code(out) in (1000, 1011)
    COUNT["all"] += 1
    COUNT["pass"] += ok
    print(
        f"{'PASS' if ok else 'FAIL'} [7.4.1] {name} :: {short(parse_frames(out))} closed={closed}"
    )

# subprotocol negotiation (RFC 6455 4.2.2 /subprotocol/, 11.3.4): the server picks one
# the client offered, as sent; a list element is a token compared as is.
for offer, want in (
    ("superchat, chat", ("superchat", "chat")),
    ("chat,superchat", ("chat", "superchat")),
    ("foo,, chat", ("chat",)),
    ("CHAT", (None, "refused")),
    (" chat ", ("chat",)),
    ('"chat"', (None, "refused")),
    ("chat\r\nSec-WebSocket-Protocol: superchat", ("chat", "superchat")),
):
    name = f"subprotocol offer {offer!r}"
    if FILT and FILT not in name:
        continue
    status, hd, out, closed, line = session(
        hs("/wsp", extra=f"Sec-WebSocket-Protocol: {offer}\r\n")
    )
    chosen = hd.get("sec-websocket-protocol")
    got = chosen[0] if chosen and len(chosen) == 1 else ("refused" if status != 101 else chosen)
    ok = got in want and (status != 101 or (got or "none").encode() in out)
    COUNT["all"] += 1
    COUNT["pass"] += ok
    print(f"{'PASS' if ok else 'FAIL'} [6455 4.2.2] {name} :: {line} chosen={chosen}")


def raw_session(req, frames):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
    s.sendall(req)
    time.sleep(0.3)
    for f in frames:
        s.sendall(f)
    out, closed = read_all(s, idle=0.7, total=3)
    s.close()
    return out


# RFC 9110 7.8 (Upgrade with Expect, with content): a 100 before the 101; the request's
# content is HTTP/1.1, the frames come after it.
for name, extra, body, pred in (
    (
        "handshake with Expect: 100-continue -> 100 then 101",
        "Expect: 100-continue\r\n",
        b"",
        lambda o: o.startswith(b"HTTP/1.1 100 ") and b"HTTP/1.1 101 " in o,
    ),
    (
        "handshake with a Content-Length body: frames after it",
        "Content-Length: 3\r\n",
        b"abc",
        lambda o: o.endswith(b"\x81\x02hi"),
    ),
    (
        "handshake with a chunked body: frames after it",
        "Transfer-Encoding: chunked\r\n",
        b"3\r\nabc\r\n0\r\n\r\n",
        lambda o: o.endswith(b"\x81\x02hi"),
    ),
):
    if FILT and FILT not in name:
        continue
    out = raw_session(hs("/wsi/body", extra=extra) + body, [frame(1, b"hi")])
    ok = pred(out)
    COUNT["all"] += 1
    COUNT["pass"] += ok
    first = out.split(b"\r\n")[0].decode("latin-1")
    print(f"{'PASS' if ok else 'FAIL'} [9110 7.8] {name} :: {first} ... {out[-14:]!r}")

print(f"summary: {COUNT['pass']}/{COUNT['all']} pass")
