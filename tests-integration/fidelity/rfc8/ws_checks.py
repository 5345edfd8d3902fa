"""RFC 6455 checks of the eighth round (against ``app_r8.py``'s ``/ws``): what the server
writes. 5.2: a payload length in the fewest bytes (7 bits up to 125, 16 bits up to 65535,
64 bits beyond), frames unmasked; 5.5: a control frame's payload at most 125 bytes, so a
handler's ``ws.ping()`` of 126 bytes or ``ws.close(1000, reason)`` with a 124-byte reason
is never written as such; 5.6: a text message is valid UTF-8.

Each line: PASS/FAIL for the RFC's reading of the wire, then what came back.
usage: python ws_checks.py PORT [filter], or through rfc_checklist/run.sh:

    tests-integration/fidelity/rfc_checklist/run.sh ../rfc8/ws_checks.py ../rfc8/app_r8.py
"""

import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rfc_checklist"))
from checklib import PORT, read_all
from wslib import FILT, frame, hs

COUNT = {"pass": 0, "all": 0}


def raw_frames(data):
    """(opcode, length-field width in bytes, payload length, masked, payload) per frame."""
    out = []
    while len(data) >= 2:
        b0, b1 = data[0], data[1]
        n, width = b1 & 0x7F, 1
        i = 2
        if n == 126:
            if len(data) < 4:
                break
            n, width, i = struct.unpack("!H", data[2:4])[0], 3, 4
        elif n == 127:
            if len(data) < 10:
                break
            n, width, i = struct.unpack("!Q", data[2:10])[0], 9, 10
        masked = bool(b1 & 0x80)
        if masked:
            i += 4
        if len(data) < i + n:
            break
        out.append((b0 & 0x0F, width, n, masked, data[i : i + n]))
        data = data[i + n :]
    return out


def talk(messages, idle=1.0, handshake=None):
    """Open ``/ws`` (``handshake``: these request bytes), send each text message, and read
    what the server writes."""
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    s.sendall(handshake or hs())
    head = b""
    end = time.monotonic() + 5
    while b"\r\n\r\n" not in head and time.monotonic() < end:
        part = s.recv(65536)
        if not part:
            break
        head += part
    status_line, _, rest = head.partition(b"\r\n\r\n")
    if b" 101 " not in status_line.split(b"\r\n")[0]:
        s.close()
        return None
    for msg in messages:
        s.sendall(frame(1, msg.encode()))
        time.sleep(0.05)
    more, _ = read_all(s, idle=idle, total=6)
    s.close()
    return raw_frames(rest + more)


def width_for(n):
    return 1 if n <= 125 else 3 if n <= 65535 else 9


def check(name, ok, detail):
    if FILT and FILT not in name:
        return
    COUNT["all"] += 1
    COUNT["pass"] += bool(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")


def sizes():
    for kind, op in (("size", 1), ("bytes", 2)):
        for n in (0, 125, 126, 127, 65535, 65536, 70000):
            frames = talk([f"{kind} {n}"])
            data = [f for f in frames or [] if f[0] == op]
            f = data[0] if data else None
            ok = (
                f is not None
                and f[2] == n
                and f[1] == width_for(n)
                and not f[3]
                and len(data) == 1
            )
            detail = "no frame" if f is None else f"len {f[2]} in {f[1]} byte(s), masked {f[3]}"
            check(f"5.2 {kind} {n}: minimal length encoding, unmasked", ok, detail)


def controls():
    for n in (0, 125):
        frames = talk([f"ping {n}"])
        pings = [f for f in frames or [] if f[0] == 9]
        ok = len(pings) == 1 and pings[0][2] == n and pings[0][1] == 1
        check(f"5.5.2 ping of {n} bytes sent", ok, [(f[0], f[2]) for f in frames or []])
    for n in (126, 200):
        frames = talk([f"ping {n}"])
        ok = frames is not None and all(f[2] <= 125 for f in frames if f[0] >= 8)
        check(
            f"5.5 ping of {n} bytes never written as one control frame",
            ok,
            [(f[0], f[2], f[4][:30]) for f in frames or []],
        )
    for n in (0, 123):
        frames = talk([f"close {n}"])
        closes = [f for f in frames or [] if f[0] == 8]
        ok = len(closes) == 1 and closes[0][2] == n + 2
        check(f"5.5.1 close with a {n}-byte reason sent", ok, [(f[0], f[2]) for f in frames or []])
    for n in (124, 300):
        frames = talk([f"close {n}"])
        ok = frames is not None and all(f[2] <= 125 for f in frames if f[0] >= 8)
        check(
            f"5.5 close with a {n}-byte reason never written as one control frame",
            ok,
            [(f[0], f[2], f[4][:30]) for f in frames or []],
        )


def utf8():
    frames = talk(["é€😀"])
    texts = [f for f in frames or [] if f[0] == 1]
    ok = len(texts) == 1 and texts[0][4].decode("utf-8") == "é€😀"
    check("5.6 a text message echoed as UTF-8", ok, [(f[0], f[4]) for f in texts])


def urls():
    # RFC 9110 5.3: two Upgrade lines are one list; a handshake taken from the second
    # line is a websocket request, so its URL is ws:// (Sanic refuses it with a 426).
    for name, extra in (("one line", ""), ("second line", "Upgrade: h2c\r\n")):
        req = hs(upgrade=None, extra=extra + "Upgrade: websocket\r\n")
        frames = talk(["url"], handshake=req)
        texts = [f[4] for f in frames or [] if f[0] == 1]
        ok = frames is None or texts == [b"ws ws://x/ws"]
        check(f"5.3 request.url of a handshake with Upgrade on the {name}", ok,
              texts or "refused")


if __name__ == "__main__":
    sizes()
    controls()
    utf8()
    urls()
    print(f"summary: {COUNT['pass']}/{COUNT['all']} pass")
