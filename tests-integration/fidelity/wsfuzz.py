"""Differential fuzzing of websockets at the frame level: real Sanic 25.12 vs this tree.

``wsfuzz_app.py`` (websocket routes with varied handlers: echo loop, ``recv(timeout)``,
``async for``, calls after ``close()``, a handler that returns at once, one that raises,
subprotocols, ``recv_burst``, ``recv_streaming``; ``WEBSOCKET_MAX_SIZE`` 64) is served by
each interpreter (single process, free loopback ports). A seeded generator builds cases:
a handshake (mostly valid; else subprotocol lists, extension offers, versions, missing or
bad keys, field names and tokens in odd case, no Host, HTTP/1.0) and, once the 101 is in,
a sequence of frames built by hand: whole and fragmented messages with pings and pongs
between fragments, UTF-8 split over fragments, pings, pongs, close frames (no code, a
1-byte payload, codes valid and not, reasons that are not UTF-8 or long), continuation
frames with no message open, a data frame inside a fragmented message, unmasked frames,
RSV bits, reserved opcodes, long or fragmented control frames, invalid UTF-8, messages
over the size limit, 64-bit lengths; sent one frame per write, all in one write, or cut at
random points (split over TCP reads), and ending by waiting, a half-close (FIN) or a reset,
sometimes in the middle of a frame. The client answers the server's close frame (unless
the case says not to) and reads until the server closes or goes quiet.

Compared per case: the handshake's status and websocket fields, every frame the client
received (close code and reason included), how the connection ended (closed, reset, left
open), what the handler recorded (values received, results and exceptions of its calls,
how it ended) and the server's log lines (level and first line; tracebacks by their last
line). Cases run one at a time (both servers at once), so a log line belongs to its case.
Differences that are known and kept on purpose get a label (``KEPT`` below, listed in the
README's section); the others are bucketed by what differs and shown with one example.

    .venv/bin/python tests-integration/fidelity/wsfuzz.py --seed 1 --count 300
    .venv/bin/python tests-integration/fidelity/wsfuzz.py --seed 1 --case 17 -v   # one case
    .venv/bin/python tests-integration/fidelity/wsfuzz.py --seed 1 --count 50 --route echo

Not a test (CI has no Sanic); every difference fixed became a pytest test.
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import json
import os
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from typing import Any

from compare_ws_api import wait_port
from difffuzz import free_port

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REF_PYTHON = os.environ.get("REF_PYTHON", "/tmp/st-ref/bin/python")
HURTLE_PYTHON = os.environ.get("HURTLE_PYTHON", os.path.join(ROOT, ".venv", "bin", "python"))
APP = os.path.join(HERE, "wsfuzz_app.py")
MAX_SIZE = 64  # the app's WEBSOCKET_MAX_SIZE

ROUTES = [
    "echo", "iter", "timeout", "after_close", "returns", "send_return", "raises",
    "raise_now", "proto", "closer", "burst", "streaming",
]

# ------------------------------------------------------------------------------ handshakes


def handshake(rnd: random.Random, path: str, notes: list[str]) -> bytes:
    """The opening handshake: valid most of the time, else one or two odd parts."""
    key = base64.b64encode(rnd.randbytes(16)).decode()
    fields: list[tuple[str, str]] = [
        ("Host", "127.0.0.1"),
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", key),
        ("Sec-WebSocket-Version", "13"),
    ]
    version = "HTTP/1.1"
    method = "GET"

    def set_field(name: str, value: str | None) -> None:
        fields[:] = [(n, v) for n, v in fields if n.lower() != name.lower()]
        if value is not None:
            fields.append((name, value))

    odd = rnd.random() < 0.35
    for _ in range(rnd.randint(1, 2) if odd else 0):
        kind = rnd.choice(
            ["proto", "proto", "ext", "version", "key", "case", "tokens", "host", "http10",
             "method", "twolines"]
        )
        notes.append(f"hs:{kind}")
        if kind == "proto":
            set_field("Sec-WebSocket-Protocol", rnd.choice(
                ["chat", "superchat, chat", "foo", "foo, bar", "", "chat,superchat",
                 "CHAT", " chat ", "foo,, chat", '"chat"', "superchat"]
            ))
        elif kind == "ext":
            set_field("Sec-WebSocket-Extensions", rnd.choice(
                ["permessage-deflate", "permessage-deflate; client_max_window_bits",
                 "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                 "x-webkit-deflate-frame", "foo, permessage-deflate", "permessage-deflate;;"]
            ))
        elif kind == "version":
            set_field("Sec-WebSocket-Version", rnd.choice(
                [None, "8", "14", "13, 8", "0", "", "13 ", "1 3", "thirteen"]
            ))
        elif kind == "key":
            set_field("Sec-WebSocket-Key", rnd.choice(
                [None, "", "abc", "!!!!!!!!!!!!!!!!!!!!!!!=", key.rstrip("="),
                 base64.b64encode(rnd.randbytes(15)).decode(), key + " "]
            ))
        elif kind == "case":
            how = rnd.choice([str.lower, str.upper, str.swapcase])
            fields[:] = [(how(n), v) for n, v in fields]
        elif kind == "tokens":
            set_field("Upgrade", rnd.choice(["WebSocket", "WEBSOCKET", "websocket, h2c", "h2c"]))
            set_field("Connection", rnd.choice(
                ["upgrade", "UPGRADE", "keep-alive, Upgrade", "close, Upgrade", "keep-alive"]
            ))
        elif kind == "host":
            set_field("Host", None)
        elif kind == "http10":
            version = "HTTP/1.0"
        elif kind == "method":
            method = rnd.choice(["POST", "HEAD", "get"])
        elif kind == "twolines":
            fields.append((rnd.choice(["Sec-WebSocket-Key", "Sec-WebSocket-Protocol",
                                       "Sec-WebSocket-Version", "Upgrade"]),
                           rnd.choice([key, "chat", "13", "websocket"])))
    if path.startswith("/proto") and not any(n.lower() == "sec-websocket-protocol"
                                             for n, _ in fields):
        if rnd.random() < 0.8:
            fields.append(("Sec-WebSocket-Protocol", rnd.choice(["chat", "superchat, chat"])))
    head = f"{method} {path} {version}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in fields)
    return (head + "\r\n").encode("latin-1")


# ------------------------------------------------------------------------------ frames


def frame(rnd: random.Random, opcode: int, payload: bytes = b"", *, fin: bool = True,
          mask: bool = True, rsv: int = 0, length: int | None = None) -> bytes:
    """One frame as a client writes it (masked unless told), any RSV bits and opcode;
    ``length`` overrides the declared payload length."""
    n = len(payload) if length is None else length
    b0 = (0x80 if fin else 0) | (rsv << 4) | opcode
    mb = 0x80 if mask else 0
    if n < 126:
        head = struct.pack("!BB", b0, mb | n)
    elif n < 65536:
        head = struct.pack("!BBH", b0, mb | 126, n)
    else:
        head = struct.pack("!BBQ", b0, mb | 127, n)
    if not mask:
        return head + payload
    key = rnd.randbytes(4)
    return head + key + bytes(c ^ key[i % 4] for i, c in enumerate(payload))


TEXTS = ["hi", "", "héllo", "日本語", "emoji 🎉", "x" * 60, "close 4000 bye", "close 1000",
         "close 1001 going", "close 1011 oops", "close 3000", "close 1005", "close 999",
         "close 1006", "close 4999 " + "r" * 50, "close 4000 long", "close 1000 é", "ping?"]
BAD_UTF8 = [b"\xff", b"ab\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"ok\x80ok", b"\xf4\x90\x80\x80"]
CLOSE_CODES = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 4000, 4999,
               1004, 1005, 1006, 1015, 999, 5000, 0, 1016, 2999, 1012, 1014]


def text_payload(rnd: random.Random) -> bytes:
    return rnd.choice(TEXTS).encode()


def split_points(rnd: random.Random, data: bytes, parts: int) -> list[bytes]:
    cuts = sorted(rnd.randint(0, len(data)) for _ in range(parts - 1))
    return [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]


def step(rnd: random.Random, route: str, notes: list[str]) -> list[bytes]:
    """One step of a case: the frames it sends (usually one message's)."""
    kind = rnd.choices(
        ["text", "binary", "fragmented", "ping", "pong", "close", "continuation", "interleave",
         "unmasked", "rsv", "opcode", "long_control", "frag_control", "bad_utf8",
         "bad_utf8_split", "utf8_split", "oversize", "oversize_frag", "len64", "empty_frags"],
        weights=[14, 6, 8, 5, 3, 6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 2, 1, 2],
    )[0]
    notes.append(kind)
    f = lambda *a, **k: frame(rnd, *a, **k)  # noqa: E731
    if kind == "text":
        return [f(1, text_payload(rnd))]
    if kind == "binary":
        return [f(2, rnd.randbytes(rnd.choice([0, 1, 5, 64])))]
    if kind in ("fragmented", "utf8_split"):
        op = 1 if kind == "utf8_split" or rnd.random() < 0.6 else 2
        data = "añ日🎉z".encode() if kind == "utf8_split" else (
            text_payload(rnd) if op == 1 else rnd.randbytes(rnd.randint(0, 40)))
        pieces = split_points(rnd, data, rnd.randint(2, 4))
        out = []
        for i, piece in enumerate(pieces):
            out.append(f(op if i == 0 else 0, piece, fin=i == len(pieces) - 1))
            if i < len(pieces) - 1 and rnd.random() < 0.4:
                out.append(f(rnd.choice([9, 10]), rnd.randbytes(rnd.randint(0, 8))))
        return out
    if kind == "empty_frags":
        return [f(1, b"", fin=False), f(0, b"", fin=False), f(0, b"")]
    if kind == "ping":
        return [f(9, rnd.choice([b"", b"p", rnd.randbytes(125), "ü".encode()]))]
    if kind == "pong":
        return [f(10, rnd.choice([b"", b"unsolicited"]))]
    if kind == "close":
        how = rnd.choice(["empty", "one_byte", "code", "code", "code", "bad_reason", "long"])
        if how == "empty":
            payload = b""
        elif how == "one_byte":
            payload = b"\x03"
        else:
            code = rnd.choice(CLOSE_CODES)
            reason = {"code": rnd.choice([b"", b"bye", "адьё".encode()]),
                      "bad_reason": rnd.choice(BAD_UTF8),
                      "long": b"r" * 123}[how]
            payload = struct.pack("!H", code) + reason
        notes.append(f"close:{how}:{payload[:2].hex()}")
        return [f(8, payload)]
    if kind == "continuation":
        return [f(0, b"orphan", fin=rnd.random() < 0.5)]
    if kind == "interleave":
        return [f(1, b"one", fin=False), f(rnd.choice([1, 2]), b"two")]
    if kind == "unmasked":
        return [f(rnd.choice([1, 2, 9, 8]), b"plain", mask=False)]
    if kind == "rsv":
        return [f(rnd.choice([1, 2, 9]), b"rsv", rsv=rnd.choice([1, 2, 4, 7]))]
    if kind == "opcode":
        return [f(rnd.choice([3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), b"op")]
    if kind == "long_control":
        return [f(rnd.choice([8, 9, 10]), b"\x03\xe8" + b"c" * 124)]
    if kind == "frag_control":
        return [f(rnd.choice([8, 9, 10]), b"\x03\xe8", fin=False)]
    if kind == "bad_utf8":
        return [f(1, b"x" + rnd.choice(BAD_UTF8))]
    if kind == "bad_utf8_split":
        return [f(1, b"ok\xe6\x97", fin=False), f(0, rnd.choice([b"\xa5!", b"!!", b"\xa5\xff"]))]
    if kind == "oversize":
        return [f(rnd.choice([1, 2]), b"o" * rnd.choice([MAX_SIZE + 1, 200, 70000]))]
    if kind == "oversize_frag":
        return [f(1, b"a" * 40, fin=False), f(0, b"b" * 40)]
    if kind == "len64":
        return [f(2, b"", length=2**63 + 5)]
    raise AssertionError(kind)


def gen_case(seed: int, index: int, only_route: str | None = None) -> dict[str, Any]:
    """Case ``index`` of ``seed``: the route, handshake, writes and how the client ends."""
    rnd = random.Random(f"{seed}:{index}")
    route = only_route or rnd.choice(ROUTES)
    notes: list[str] = []
    hs = handshake(rnd, f"/{route}?case={index}", notes)
    frames: list[bytes] = []
    for _ in range(rnd.choices([1, 2, 3, 5, 8], weights=[3, 3, 3, 2, 1])[0]):
        frames += step(rnd, route, notes)
    end = rnd.choices(["wait", "close_frame", "fin", "reset", "cut_fin", "cut_reset"],
                      weights=[4, 4, 2, 1, 1, 1])[0]
    if end == "close_frame":
        frames.append(frame(rnd, 8, struct.pack("!H", rnd.choice([1000, 1001, 4000])) + b"ok"))
    if end.startswith("cut") and frames:
        last = frames.pop()
        frames.append(last[: rnd.randint(1, max(1, len(last) - 1))])
    # Where each whole frame ends in the byte stream, and the ends of close frames: the
    # client answers the server's close only between its own frames.
    ends, close_ends, at = [0], [], 0
    for f in frames:
        at += len(f)
        if len(f) >= 2 and f[0] & 0x0F == 8 and len(f) >= 6 + (f[1] & 0x7F):
            close_ends.append(at)
        ends.append(at)
    how = rnd.choices(["per_frame", "one_write", "random_cuts"], weights=[5, 2, 3])[0]
    if how == "per_frame":
        writes = frames
    elif how == "one_write":
        writes = [b"".join(frames)]
    else:
        data = b"".join(frames)
        writes = split_points(rnd, data, min(len(data), rnd.randint(2, 12)) or 1)
    notes += [f"end:{end}", f"send:{how}"]
    return {
        "index": index, "route": route, "handshake": hs, "writes": writes, "end": end,
        "reply_close": rnd.random() < 0.85, "notes": notes,
        "eager": rnd.random() < 0.05,
        "ends": set(ends), "close_ends": close_ends,
    }


# ------------------------------------------------------------------------------ the client


def parse_frames(buf: bytearray) -> list[tuple[int, bool, int, bytes]]:
    """Whole frames at the start of ``buf`` (removed from it): (opcode, fin, rsv, payload)."""
    out = []
    while len(buf) >= 2:
        b0, b1 = buf[0], buf[1]
        n, i = b1 & 0x7F, 2
        if n == 126:
            if len(buf) < 4:
                break
            n, i = struct.unpack("!H", buf[2:4])[0], 4
        elif n == 127:
            if len(buf) < 10:
                break
            n, i = struct.unpack("!Q", buf[2:10])[0], 10
        if b1 & 0x80:
            i += 4  # (a server must not mask: shown as rsv 8)
        if len(buf) < i + n:
            break
        out.append((b0 & 0x0F, bool(b0 & 0x80), (b0 >> 4) & 7 | (8 if b1 & 0x80 else 0),
                    bytes(buf[i:i + n])))
        del buf[:i + n]
    return out


def describe(op: int, fin: bool, rsv: int, payload: bytes) -> str:
    extra = ("" if fin else " fin=0") + (f" rsv={rsv}" if rsv else "")
    if op == 8:
        code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
        return f"close {code} {payload[2:].decode('utf-8', 'replace')!r}{extra}"
    name = {1: "text", 2: "binary", 9: "ping", 10: "pong", 0: "cont"}.get(op, f"op{op}")
    data = payload.decode("utf-8", "replace") if op == 1 else payload
    shown = repr(data[:60]) + (f"+{len(payload) - 60}" if len(payload) > 60 else "")
    return f"{name} {shown}{extra}"


def run_client(port: int, case: dict[str, Any], idle: float = 0.6,
               total: float = 4.0) -> dict[str, Any]:
    """Play ``case`` against the server on ``port``: what the client saw."""
    obs: dict[str, Any] = {}
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    rnd = random.Random(case["index"])
    buf = bytearray()
    frames: list[str] = []
    state: dict[str, Any] = {
        "sent_close": False, "got_close": False, "end": None, "sent": 0, "reply": None,
        "pongs": [],
    }

    def reply() -> None:
        """Answer the server's close frame, once, and its pings (when the case says so),
        between two of the client's frames."""
        if state["sent_close"] or state["sent"] not in case["ends"]:
            return
        while state["pongs"]:
            try:
                s.sendall(frame(rnd, 10, state["pongs"].pop(0)))
            except OSError:
                pass
        if state["reply"] is not None:
            state["sent_close"] = True
            try:
                s.sendall(frame(rnd, 8, state["reply"]))
            except OSError:
                pass

    writes = list(case["writes"])
    try:
        if case["eager"] and writes:
            # Frames in the handshake's packet, before the 101 (RFC 6455 4.1: a client
            # MUST wait for it).
            s.sendall(case["handshake"] + writes.pop(0))
            state["sent"] = len(case["writes"][0])
        else:
            s.sendall(case["handshake"])
        head = b""
        s.settimeout(3)
        while b"\r\n\r\n" not in head:
            chunk = s.recv(65536)
            if not chunk:
                break
            head += chunk
        h, _, rest = head.partition(b"\r\n\r\n")
        lines = h.decode("latin-1").split("\r\n")
        obs["status"] = lines[0].split(" ", 2)[1] if lines[0].startswith("HTTP/") else lines[0]
        fields = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower().startswith("sec-websocket") or name.lower() == "upgrade":
                name = name.lower()
                if name == "sec-websocket-accept":
                    value = "<present>"
                fields[name] = fields.get(name, "") + value.strip()
        obs["fields"] = fields
        if obs["status"] != "101":
            more, closed = _read_rest(s, 0.5, 2.0)
            body = (rest + more).decode("utf-8", "replace")
            obs["body"] = body.split("\r\n\r\n")[-1][:200]
            obs["tcp"] = closed
            return obs
        buf += rest
        # The handler's first steps (a send, returning, raising) come before the frames:
        # which comes first within a millisecond of the 101 is timing, not fidelity.
        time.sleep(0.02)

        def pump(timeout: float) -> bool:
            """Read what comes within ``timeout`` and answer a close frame (also one
            already buffered); False once the server closed."""
            alive = True
            s.settimeout(timeout)
            try:
                chunk = s.recv(65536)
                if chunk:
                    buf.extend(chunk)
                else:
                    state["end"], alive = "closed", False
            except TimeoutError:
                pass
            except ConnectionResetError:
                state["end"], alive = "reset", False
            for op, fin, rsv, payload in parse_frames(buf):
                frames.append(describe(op, fin, rsv, payload))
                if op == 9 and case.get("pong"):
                    state["pongs"].append(payload)
                    reply()
                if op == 8 and not state["got_close"]:
                    state["got_close"] = True
                    if case["reply_close"]:
                        state["reply"] = payload[:2]  # (the code echoed; none for none)
                        reply()
            return alive

        alive = True
        for data in writes:
            try:
                s.sendall(data)
            except OSError as e:
                obs["send_error"] = type(e).__name__  # (timing: not compared)
                break
            state["sent"] += len(data)
            if any(end <= state["sent"] for end in case["close_ends"]):
                state["sent_close"] = True
            reply()
            alive = pump(0.03) and alive
            if not alive:
                break
        end = case["end"]
        if alive and end in ("reset", "cut_reset"):
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
            state["end"] = "client reset"
        else:
            if alive and end in ("fin", "cut_fin"):
                try:
                    s.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            deadline = time.monotonic() + total
            while alive and time.monotonic() < deadline:
                before = len(frames), len(buf)
                alive = pump(idle)
                if alive and (len(frames), len(buf)) == before:
                    state["end"] = "open"  # quiet for ``idle``
                    break
    except OSError as e:
        state["end"] = f"error {type(e).__name__}"
    finally:
        s.close()
    obs["frames"] = frames
    if buf:
        obs["partial"] = bytes(buf[:40]).hex()
    obs["tcp"] = state["end"]
    return obs


def _read_rest(s: socket.socket, idle: float, total: float) -> tuple[bytes, str]:
    out, end = b"", time.monotonic() + total
    s.settimeout(idle)
    while time.monotonic() < end:
        try:
            chunk = s.recv(65536)
        except TimeoutError:
            return out, "open"
        except ConnectionResetError:
            return out, "reset"
        if not chunk:
            return out, "closed"
        out += chunk
    return out, "open"


# ------------------------------------------------------------------------------ servers


class Server:
    """One interpreter serving wsfuzz_app.py; its handler notes and log, read per case."""

    def __init__(self, name: str, python: str, tmp: str, app: str = APP,
                 env: dict[str, str] | None = None) -> None:
        self.name = name
        self.port = free_port()
        self.notes = os.path.join(tmp, f"{name}.notes")
        self.logfile = os.path.join(tmp, f"{name}.log")
        self.log = open(self.logfile, "w")
        env = {**os.environ, **(env or {}), "WSFUZZ_OUT": self.notes, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [python, app, str(self.port)], cwd=HERE, env=env, stdout=self.log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.notes_at = self.log_at = 0

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
            self.proc.wait(10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        self.log.close()

    def _new(self, path: str, attr: str) -> str:
        try:
            with open(path, "rb") as f:
                f.seek(getattr(self, attr))
                data = f.read()
        except FileNotFoundError:
            return ""
        setattr(self, attr, getattr(self, attr) + len(data))
        return data.decode("utf-8", "replace")

    def run(self, case: dict[str, Any]) -> dict[str, Any]:
        obs = run_client(self.port, case)
        # The handler's last words: wait (bounded) for its `end` note.
        notes: list[Any] = []
        text = ""
        deadline = time.monotonic() + (3.0 if obs.get("status") == "101" else 0.3)
        while True:
            text += self._new(self.notes, "notes_at")
            if '"end"' in text or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        time.sleep(0.1)
        text += self._new(self.notes, "notes_at")
        for line in text.splitlines():
            rec = json.loads(line)
            if rec["case"] != str(case["index"]):
                rec["ev"] = [f"(case {rec['case']})", *rec["ev"]]
            notes.append(" ".join(map(str, rec["ev"])))
        obs["handler"] = notes
        obs["log"] = log_lines(self._new(self.logfile, "log_at"), self.port)
        return obs


LOG_HEAD = re.compile(r"^\w+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} (\w+): (.*)$")
# Sanic's `connection closed` INFO line (the websockets library's) shows only when the
# client's EOF happens to come before the server closes: timing, left out (README).
LOG_SKIP = {"INFO connection closed"}


def log_lines(text: str, port: int) -> list[str]:
    """The server's log, one line per record: level and first line, a traceback by its
    last line; addresses and ports normalised."""
    out: list[str] = []
    in_tb = False
    for line in text.splitlines():
        m = LOG_HEAD.match(line)
        if m:
            in_tb = False
            if f"{m.group(1)} {m.group(2)}" not in LOG_SKIP:
                out.append(f"{m.group(1)} {m.group(2)}")
        elif line.startswith("Task exception was never retrieved"):
            out.append("asyncio: " + line)  # (asyncio's own, without the log format)
        elif line.startswith("Traceback"):
            in_tb = True
        elif in_tb and line and not line.startswith(" "):
            out.append(f"  -> {line}")
            in_tb = False
    return [re.sub(rf":{port}\b", ":PORT", re.sub(r"127\.0\.0\.1:\d+(?!/)", "PEER", x))
            for x in out]


# ------------------------------------------------------------------------------ kept causes


CLOSED_EXC = re.compile(r"(CancelledError|ConnectionClosed(Error|OK)|WebsocketClosed): .*$")
SANIC_GONE = re.compile(r"CancelledError: $")
REST_OK = re.compile(
    r"^(recv|iter|pieces|burst|subprotocol|loop ended|end returned|close ok|end ValueError: boom)"
    r"|<closed>"
)

SEND_AFTER_CLOSE = "Cannot write to websocket interface after it is closed."
KEPT = {
    "utf8": "invalid UTF-8 in a text message: 1007 (RFC 6455 8.1), Sanic ignores the frame",
    "gone": "connection end seen by the handler: its call raises ConnectionClosed (or returns"
            " what was received), Sanic's raises CancelledError",
    "class": "use after close: Hurtle's WebsocketClosed is also a ConnectionClosedOK/Error"
             " (class name WebsocketClosedOK/WebsocketClosedError)",
    "wait_close": "after its close frame Hurtle waits for the client's (RFC 6455 7.1.1),"
                  " Sanic ends TCP at once",
    "fail_fast": "TCP ends within the client's writes after a close or a failure in Hurtle,"
                 " later in Sanic (it reads one message ahead: a bad frame or close behind"
                 " unread messages waits for its handler)",
    "sanic_unretrieved": "Sanic logs `Task exception was never retrieved` (a"
                         " UnicodeDecodeError) for text it cannot decode, also a text frame"
                         " cut by the client's FIN",
    "busy_pending": "a handler busy elsewhere when the client leaves is cancelled; Sanic's"
                    " is not while a message it has not read is pending",
    "logged": "a handler's error raised once the connection is closed is logged, Sanic's is"
              " not (its log hides an app's bug)",
    "readahead": "a handler busy elsewhere: Hurtle reads on (up to 32 messages or"
                 " WEBSOCKET_MAX_SIZE bytes queued), Sanic reads one message ahead",
    "echo_race": "a handler's echo and the failure a later frame causes come in either"
                 " order (Sanic's echo fails first more often: it parses on while its handler"
                 " wakes)",
    "pong_after_close": "a ping read after the server's close frame is answered"
                        " (RFC 6455 5.5.2 MUST), Sanic does not",
}


def _handler_alike(a: list[str], b: list[str]) -> str | None:
    """Which kept label explains the difference of the handler notes (Sanic ``a``,
    Hurtle ``b``), if one does."""
    rename = [re.sub(r"WebsocketClosed(Error|OK):", "WebsocketClosed:", n) for n in b]
    if rename == a:
        return "class"
    # Sanic's handler: its websocket call raises CancelledError once the connection is
    # gone (a `recv` that would have returned a message already received included);
    # Hurtle's call raises ConnectionClosed, or returns what came before the end.
    for i, note in enumerate(a):
        if SANIC_GONE.search(note):
            rest = [CLOSED_EXC.sub("<closed>", n) for n in rename[i:]]
            if rename[:i] == a[:i] and all(REST_OK.search(n) for n in rest):
                return "gone"
            break
    return None


def _handshake_label(case: dict[str, Any]) -> str | None:
    hs = case["handshake"].decode("latin-1").lower()
    if " http/1.0\r\n" in hs.split("\r\n")[0] + "\r\n":
        return "handshake HTTP/1.0: 426 (RFC 9110 7.8), Sanic switches or 400s"
    if "\r\nhost:" not in hs:
        return "handshake without Host: 400 (RFC 6455 4.2.1), Sanic 101"
    version = re.findall(r"\r\nsec-websocket-version:([^\r]*)", hs)
    if version and [v.strip() for v in version] != ["13"] or not version:
        return "handshake version not 13: 426 with sec-websocket-version (RFC 6455 4.4), Sanic 400"
    if re.search(r"\r\nupgrade: *(websocket, *h2c|h2c)\r\n", hs) or hs.count("\r\nupgrade:") > 1:
        return "Upgrade list: websocket picked (RFC 9110 7.8), a 426 names it (15.5.22)"
    if hs.count("\r\nsec-websocket-protocol:") > 1:
        return "Sec-WebSocket-Protocol over two lines read as one list (RFC 9110 5.3), Sanic 400"
    if re.search(r"\r\nsec-websocket-(key|version):[^\r]* \r\n", hs) or "version: 13 \r" in hs:
        return "trailing space after a handshake field value ignored (RFC 9110 5.5), Sanic 400"
    return None


def kept(case: dict[str, Any], a: dict[str, Any], b: dict[str, Any], parts: list[str]) -> str | None:
    """The label of a known difference kept on purpose (README, section "Websocket frames,
    fuzzed"), when such labels explain every differing part; else None."""
    if case["eager"] and a.get("status") == b.get("status") == "101":
        return "frames sent with the handshake, before the 101, are read; Sanic drops them"
    if (
        case["eager"]
        and a.get("status") == b.get("status")
        and "400 — Bad Request" in (b.get("body") or "")
        and set(parts) <= {"fields", "body", "tcp"}
    ):
        return ("frames sent with a refused handshake are the next request: a 400 at once"
                " (RFC 9112), Sanic waits for more bytes")
    if {"status", "fields", "body"} & set(parts) or a.get("status") != "101":
        if parts == ["fields"] and a["status"] == b["status"] == "426" and b["fields"] == {
            **a["fields"], "upgrade": "websocket"
        }:
            return "a 426 names the protocol in Upgrade (RFC 9110 15.5.22), Sanic's does not"
        return _handshake_label(case)
    notes = case["notes"]
    fa, fb = a.get("frames") or [], b.get("frames") or []
    ha, hb = a.get("handler") or [], b.get("handler") or []
    if case["route"] == "burst" and hb[-1:] == ["end CancelledError: "] and (
        hb[:-1] == ha[:len(hb) - 1] and len(ha) >= len(hb)
    ):
        return KEPT["busy_pending"]  # (what Sanic's handler then does differs too)
    bad_utf8 = bool({"bad_utf8", "bad_utf8_split"} & set(notes))
    if (
        bad_utf8
        and any(f.startswith("close 1007 'invalid UTF-8") for f in fb)
        and not any(f.startswith("close 1007 'invalid UTF-8") for f in fa)
    ):
        return KEPT["utf8"]  # (what follows differs too: the handler, the end)
    echo_race = (
        [f for f in fb if not f.startswith(("text ", "binary "))]
        == [f for f in fa if not f.startswith(("text ", "binary "))]
        and a["handler"][-1:] == ["end WebsocketClosed: " + SEND_AFTER_CLOSE]
        and [n for n in a["handler"] if n.startswith(("recv", "iter"))]
        == [n for n in b["handler"] if n.startswith(("recv", "iter"))]
    )
    labels = []
    for part in parts:
        label = None
        if part == "log":
            sanic_only = [x for x in a["log"] if x not in b["log"]]
            hurtle_only = [x for x in b["log"] if x not in a["log"]]
            found = []
            # Sanic's task reading the frames dies on text it cannot decode (invalid UTF-8,
            # or a frame cut by the client's FIN), unretrieved.
            if sanic_only and all(
                "never retrieved" in x or "UnicodeDecodeError" in x for x in sanic_only
            ):
                found.append("sanic_unretrieved")
            elif sanic_only:
                found.append(None)
            if (
                len(hurtle_only) == 2
                and hurtle_only[0].startswith("ERROR Exception occurred while handling uri")
                and b["handler"][-1:] == [f"end {hurtle_only[1][5:]}"]
            ):
                # The handler raised; Sanic's did too and logged nothing (the connection
                # was closed), or Sanic's was cancelled before the message it fails on.
                if a["handler"][-1:] == b["handler"][-1:]:
                    found.append("logged")
                elif a["handler"][:1] == ["end CancelledError: "]:
                    found.append("gone")
                else:
                    found.append(None)
            elif hurtle_only:
                found.append(None)
            if found and None not in found:
                labels += [KEPT[x] for x in found[:-1]]
                label = found[-1]
        elif part == "frames":
            closed_at = next((i for i, f in enumerate(fb) if f.startswith("close ")), None)
            if closed_at is not None and fb[:closed_at + 1] + [
                f for f in fb[closed_at + 1:] if not f.startswith("pong ")
            ] == fa:
                label = "pong_after_close"
            elif (
                fb[:len(fa)] == fa
                and all(f.startswith(("text ", "binary ")) for f in fb[len(fa):])
                and any(SANIC_GONE.search(n) for n in a["handler"])
            ):
                label = "gone"  # Hurtle's handler echoed what Sanic's was cancelled before
            elif echo_race:
                label = "echo_race"
        elif part == "tcp":
            server_closed = any(f.startswith("close ") for f in fb)
            if (
                a["tcp"] == "closed"
                and server_closed
                and (b["tcp"] == "client reset" or b["tcp"] == "open" and not case["reply_close"])
            ):
                label = "wait_close"  # (a client reset: right after its close reply)
            elif a["tcp"] == "client reset" and b["tcp"] == "closed" and server_closed:
                label = "fail_fast"
        elif part == "handler":
            label = _handler_alike(a["handler"], b["handler"]) or (
                "echo_race" if echo_race else None
            )
        if label is None and case["route"] == "burst" and (
            fb[-1:] == fa[-1:] or fb[:len(fa)] == fa
        ) and any(
            SANIC_GONE.search(n) for n in a["handler"]
        ):
            # (its recv_burst after a sleep: what Hurtle had read meanwhile, Sanic had not)
            label = "readahead"
        if label is None:
            return None
        labels.append(KEPT[label])
    return " + ".join(dict.fromkeys(labels))


# ------------------------------------------------------------------------------ driver


PARTS = ["status", "fields", "body", "frames", "partial", "tcp", "handler", "log"]


def differing(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return [p for p in PARTS if a.get(p) != b.get(p)]


def show(case: dict[str, Any]) -> str:
    writes = b"|".join(case["writes"])
    return (f"case {case['index']} /{case['route']} notes={' '.join(case['notes'])} "
            f"reply_close={case['reply_close']} eager={case['eager']}\n   handshake: {case['handshake']!r}\n"
            f"   writes: {writes[:400].hex(' ') if writes else ''}")


def arguments(doc: str | None, routes: list[str]) -> argparse.ArgumentParser:
    """The command line of a websocket fuzzer (this round's or a later one's)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--start", type=int, default=0, help="first case index")
    ap.add_argument("--case", type=int, action="append", help="only these case indexes")
    ap.add_argument("--route", choices=routes, help="every case on this route")
    ap.add_argument("--time", type=float, default=900, help="overall budget, seconds")
    ap.add_argument("--ref-python", default=REF_PYTHON)
    ap.add_argument("--hurtle-python", default=HURTLE_PYTHON)
    ap.add_argument("-v", "--verbose", action="store_true", help="every differing case, whole")
    ap.add_argument("--kept", action="store_true", help="also show the kept buckets' examples")
    ap.add_argument("--json", metavar="FILE", help="write every differing case to FILE")
    ap.add_argument("--reruns", type=int, default=2,
                    help="runs again of a case whose difference no label explains (timing)")
    return ap


def main() -> int:
    args = arguments(__doc__, ROUTES).parse_args()
    return drive(args, gen_case, kept, "wsfuzz")


def drive(args: argparse.Namespace, gen: Any, label: Any, name: str, app: str = APP,
          env: dict[str, str] | None = None, noise: Any = None) -> int:
    """Run ``gen(seed, index, route)``'s cases against both servers of ``app``; a
    difference is kept when ``label(case, sanic, hurtle, parts)`` names it; ``noise``
    (if given) takes what is random out of each observation first."""

    def play(srv: Server, case: dict[str, Any]) -> dict[str, Any]:
        obs = srv.run(case)
        return noise(obs) if noise else obs

    indexes = args.case or list(range(args.start, args.start + args.count))
    deadline = time.monotonic() + args.time
    tmp = tempfile.mkdtemp(prefix="wsfuzz-")
    servers = [Server("sanic", args.ref_python, tmp, app, env),
               Server("hurtle", args.hurtle_python, tmp, app, env)]
    buckets: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    ran = 0
    try:
        for srv in servers:
            wait_port(srv.port, srv.proc)
        for srv in servers:
            end = time.monotonic() + 10
            while "Worker ready" not in open(srv.logfile).read() and time.monotonic() < end:
                time.sleep(0.05)
            srv._new(srv.logfile, "log_at")  # the start-up lines
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for index in indexes:
                if time.monotonic() > deadline:
                    break
                case = gen(args.seed, index, args.route)
                a, b = pool.map(lambda srv, c=case: play(srv, c), servers)
                ran += 1
                parts = differing(a, b)
                if not parts:
                    continue
                why = label(case, a, b, parts)
                key = (f"KEPT {why}",) if why else tuple(parts)
                for _ in range(args.reruns if not why else 0):
                    # A difference that does not come back, or an outcome that changes
                    # from run to run, is the servers' timing (which of a handler's step
                    # and a client's frame comes first, under load).
                    a2, b2 = pool.map(lambda srv, c=case: play(srv, c), servers)
                    parts2 = differing(a2, b2)
                    unstable = differing(a, a2) or differing(b, b2)
                    if not parts2 or label(case, a2, b2, parts2) or unstable:
                        key = ("TIMING " + ", ".join(parts),)
                        break
                buckets[key].append((case, a, b))
    finally:
        for srv in servers:
            srv.stop()
    if args.json:
        with open(args.json, "w") as fh:
            json.dump([{"bucket": list(k), "case": show(c), "sanic": a, "hurtle": b}
                       for k, v in buckets.items() for c, a, b in v], fh, indent=1,
                      ensure_ascii=False)
    diff_count = sum(len(v) for v in buckets.values())
    kept_count = sum(len(v) for k, v in buckets.items() if k[0].startswith("KEPT"))
    timing = sum(len(v) for k, v in buckets.items() if k[0].startswith("TIMING"))
    for key in sorted(buckets, key=lambda k: (k[0].startswith(("KEPT", "TIMING")), k)):
        items = buckets[key]
        if key[0].startswith(("KEPT", "TIMING")) and not args.kept:
            print(f"== [{len(items)}] {key[0]}")
            continue
        print(f"== [{len(items)}] {', '.join(key)}")
        for case, a, b in items if args.verbose else items[:1]:
            print("  ", show(case))
            for part in PARTS:
                if a.get(part) != b.get(part) or args.verbose:
                    print(f"   {part}: sanic  {json.dumps(a.get(part), ensure_ascii=False)[:900]}")
                    print(f"   {part}: hurtle {json.dumps(b.get(part), ensure_ascii=False)[:900]}")
    print(f"{name}: seed {args.seed}, {ran} cases, {diff_count} differ "
          f"({kept_count} kept on purpose, {timing} timing: not the same in "
          f"{args.reruns} reruns), {len(buckets)} buckets; logs in {tmp}")
    return 1 if diff_count > kept_count + timing else 0


if __name__ == "__main__":
    sys.exit(main())
