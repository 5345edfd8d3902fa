"""Websockets, second fuzz round: the handler API under odd sequences, Sanic 25.12 vs this tree.

``wsfuzz2_app.py`` runs the client's text messages as commands (``send:dict``, ``ping``
awaiting the pong, ``recv:0.3``, ``close:999:r124``, ``return``, ``raise:value``,
``attrs``, ``iter`` to go on with ``async for``...) and records what each call returned or
raised, what the ``websocket.handler.*`` signals and the request middleware saw, and how
the handler ended. Its routes: the same handler at ``/cmd``, with subprotocols, with
``strict_slashes``, with a trailing slash, with a typed parameter, in a blueprint group
(prefixes, a version). A seeded generator builds each case from ``wsfuzz.py``'s parts: a
handshake (valid most of the time, else odd subprotocol lists (duplicates, whitespace,
case), missing or invalid keys, version 12, other methods, HTTP/1.0, ``Connection`` and
``Upgrade`` variants, a body), a path (slashes, prefixes, a bad parameter), then commands,
whole or fragmented with pings and pongs between fragments, fragmented messages whose
total is just at or over ``WEBSOCKET_MAX_SIZE`` (64), and some of round one's frames. The
client answers pings in most cases (so an awaited pong comes or times out) and the server's
close. Run, compared and labelled as ``wsfuzz.py`` (its driver, client and servers):

    .venv/bin/python tests-integration/fidelity/wsfuzz2.py --seed 1 --count 300
    .venv/bin/python tests-integration/fidelity/wsfuzz2.py --seed 1 --case 17 -v
    .venv/bin/python tests-integration/fidelity/wsfuzz2.py --seed 2 --route g/bp/cmd

Not a test (CI has no Sanic); every difference fixed became a pytest test.
"""

from __future__ import annotations

import base64
import collections
import os
import random
import re
import struct
import sys
from typing import Any

import wsfuzz
from wsfuzz import HERE, frame, split_points

APP = os.path.join(HERE, "wsfuzz2_app.py")
MAX_SIZE = wsfuzz.MAX_SIZE

ROUTES = [
    "cmd", "cmd", "cmd", "cmd/", "proto", "proto", "strict", "strict/", "slash", "slash/",
    "typed/5", "typed/x", "g/bp/cmd", "g/bp/cmd/", "g/bp/strict/", "v2/g/v/cmd/",
    "v2/g/v/cmd", "missing", "CMD",
]

COMMANDS = (
    [f"send:{k}" for k in ("str", "bytes", "empty", "dict", "list", "int", "none",
                           "bytearray", "memoryview", "float", "bool", "tuple", "big")]
    + ["ping", "ping", "ping:str", "ping:bytes", "ping:long", "ping:int", "ping:none",
       "pong", "pong:str", "pong:int", "recv:0.3", "recv:none", "recv:-1", "burst",
       "return", "raise:value", "raise:sanic403", "raise:notfound", "raise:cancel",
       "attrs", "attrs", "iter", "iter", "hello", "hello"]
)
CLOSE_CODES = [1000, 1001, 1011, 3000, 4999, 999, 1004, 1005, 1006, 1015, 5000, 0, 65535,
               2999, 1012, 1016]
REASONS = ["", "bye", "r123", "r124", "e62", "surrogate", "nul"]

PROTOCOLS = ["chat", "Chat", "CHAT", "chat, chat", " chat ", "\tchat\t", "v2.x, chat",
             "chat,v2.x", "foo, Chat", "chat;q=1", "", ",", ",chat", "chat,", "foo"]


def handshake(rnd: random.Random, path: str, notes: list[str]) -> bytes:
    """The opening handshake: valid most of the time, else one or two odd parts."""
    key = base64.b64encode(rnd.randbytes(16)).decode()
    fields: list[tuple[str, str]] = [
        ("Host", "127.0.0.1"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", key), ("Sec-WebSocket-Version", "13"),
    ]
    version, method, body = "HTTP/1.1", "GET", ""

    def set_field(name: str, value: str | None) -> None:
        fields[:] = [(n, v) for n, v in fields if n.lower() != name.lower()]
        if value is not None:
            fields.append((name, value))

    if path.startswith("/proto") and rnd.random() < 0.8:
        set_field("Sec-WebSocket-Protocol", rnd.choice(PROTOCOLS))
    for _ in range(rnd.randint(1, 2) if rnd.random() < 0.4 else 0):
        kind = rnd.choice(["proto", "proto", "proto2", "key", "version", "method", "http10",
                           "connection", "upgrade", "body", "fieldcase"])
        notes.append(f"hs:{kind}")
        if kind == "proto":
            set_field(rnd.choice(["Sec-WebSocket-Protocol", "sec-websocket-protocol"]),
                      rnd.choice(PROTOCOLS))
        elif kind == "proto2":  # the field twice
            set_field("Sec-WebSocket-Protocol", rnd.choice(PROTOCOLS))
            fields.append(("Sec-WebSocket-Protocol", rnd.choice(PROTOCOLS)))
        elif kind == "key":
            choice = rnd.choice(["none", "empty", "short", "long", "bad", "nopad", "twice",
                                 "space"])
            notes.append(f"key:{choice}")
            value = {
                "none": None, "empty": "", "short": base64.b64encode(rnd.randbytes(15)).decode(),
                "long": base64.b64encode(rnd.randbytes(17)).decode(),
                "bad": "*" * 22 + "==", "nopad": key.rstrip("="), "twice": key,
                "space": " " + key,
            }[choice]
            set_field("Sec-WebSocket-Key", value)
            if choice == "twice":
                fields.append(("Sec-WebSocket-Key", key))
        elif kind == "version":
            choice = rnd.choice([None, "12", "12", "13, 12", "013", "13,13"])
            set_field("Sec-WebSocket-Version", choice)
            if choice == "12" and rnd.random() < 0.5:
                fields.append(("Sec-WebSocket-Version", "13"))
        elif kind == "method":
            method = rnd.choice(["POST", "PUT", "HEAD", "OPTIONS", "DELETE"])
        elif kind == "http10":
            version = "HTTP/1.0"
        elif kind == "connection":
            set_field("Connection", rnd.choice(
                [None, "keep-alive", "keep-alive, Upgrade", "Upgrade, keep-alive", "close",
                 "Upgrade, close", "upgrade", "Keep-Alive,Upgrade"]))
        elif kind == "upgrade":
            set_field("Upgrade", rnd.choice(
                [None, "", "WebSocket", "websocket/13", "h2c, websocket", "websocket2"]))
        elif kind == "body":
            body = "hello"
            set_field("Content-Length", "5")
        elif kind == "fieldcase":
            how = rnd.choice([str.lower, str.upper])
            fields[:] = [(how(n), v) for n, v in fields]
    head = f"{method} {path} {version}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in fields)
    return (head + "\r\n" + body).encode("latin-1")


def command(rnd: random.Random) -> str:
    if rnd.random() < 0.12:
        return f"close:{rnd.choice(CLOSE_CODES)}:{rnd.choice(REASONS)}"
    return rnd.choice(COMMANDS)


def step(rnd: random.Random, route: str, notes: list[str]) -> list[bytes]:
    """One step: a command (whole or in fragments with control frames between), a
    fragmented message at or just over the size limit, or one of round one's steps."""
    kind = rnd.choices(["cmd", "cmd_frag", "total", "round1"], weights=[10, 4, 2, 2])[0]
    f = lambda *a, **k: frame(rnd, *a, **k)  # noqa: E731
    if kind == "round1":
        return wsfuzz.step(rnd, route, notes)
    if kind == "total":
        size = rnd.choice([MAX_SIZE, MAX_SIZE + 1, MAX_SIZE * 2])
        op = rnd.choice([1, 2])
        data = b"q" * size
        notes.append(f"total:{size}:{op}")
    else:
        cmd = command(rnd)
        notes.append(cmd)
        op, data = 1, cmd.encode()
        if kind == "cmd":
            return [f(1, data)]
    out = []
    pieces = split_points(rnd, data, rnd.randint(2, 5))
    for i, piece in enumerate(pieces):
        out.append(f(op if i == 0 else 0, piece, fin=i == len(pieces) - 1))
        if i < len(pieces) - 1 and rnd.random() < 0.5:
            out.append(f(rnd.choice([9, 9, 10]), rnd.randbytes(rnd.randint(0, 6))))
    return out


def gen_case(seed: int, index: int, only_route: str | None = None) -> dict[str, Any]:
    """Case ``index`` of ``seed`` (as ``wsfuzz.gen_case``, with this round's parts)."""
    rnd = random.Random(f"r2:{seed}:{index}")
    route = only_route or rnd.choice(ROUTES)
    notes: list[str] = []
    hs = handshake(rnd, f"/{route}?case={index}", notes)
    frames: list[bytes] = []
    for _ in range(rnd.choices([1, 2, 3, 5, 8], weights=[2, 3, 3, 3, 2])[0]):
        frames += step(rnd, route, notes)
    end = rnd.choices(["wait", "close_frame", "fin", "reset"], weights=[6, 4, 1, 1])[0]
    if end == "close_frame":
        frames.append(frame(rnd, 8, struct.pack("!H", rnd.choice([1000, 1001, 4000])) + b"ok"))
    ends, close_ends, at = [0], [], 0
    for f in frames:
        at += len(f)
        if len(f) >= 2 and f[0] & 0x0F == 8 and len(f) >= 6 + (f[1] & 0x7F):
            close_ends.append(at)
        ends.append(at)
    how = rnd.choices(["per_frame", "one_write", "random_cuts"], weights=[7, 1, 2])[0]
    if how == "per_frame":
        writes = frames
    elif how == "one_write":
        writes = [b"".join(frames)]
    else:
        data = b"".join(frames)
        writes = split_points(rnd, data, min(len(data), rnd.randint(2, 8)) or 1)
    notes += [f"end:{end}", f"send:{how}"]
    return {
        "index": index, "route": route, "handshake": hs, "writes": writes, "end": end,
        "reply_close": rnd.random() < 0.9, "pong": rnd.random() < 0.75, "notes": notes,
        "eager": False, "ends": set(ends), "close_ends": close_ends,
    }


KEPT2 = {
    "ping_type": "a ping or pong payload that is not str or bytes: TypeError with Hurtle's"
                 " own message (Sanic's is `object of type 'int' has no len()`)",
    "upgrade_list": "an Upgrade list holding websocket (`h2c, websocket`): 101 (RFC 9110"
                    " 7.8), or what the rest of the handshake deserves; Sanic 426",
    "conn_upgrade": "an error answer to a request with `Connection: Upgrade` but no"
                    " websocket Upgrade keeps the connection (RFC 9112 9.3), Sanic closes it",
    "pong_ahead": "a pong awaited while messages the handler has not read are pending"
                  " arrives (Hurtle reads on), or the wait ends with the failure a later"
                  " frame caused; Sanic reads one message ahead, so the pong (or that"
                  " frame) is not read and the wait times out",
    "logged": "a handler's end once the connection had failed: its error is logged and goes"
              " to websocket.handler.exception, a return to websocket.handler.after; Sanic"
              " does neither (its log and signal hide an app's bug)",
    "pong_ran_on": "Sanic's handler, waiting out that pong, read only the messages"
                   " before it and was cancelled at the end; Hurtle's ran on through the"
                   " rest of the case (each frame Sanic sent, Hurtle sent too)",
    "burst_paused": "recv_burst returns what was read: reading pauses once"
                    " WEBSOCKET_MAX_SIZE bytes (64 here) or 32 messages are queued, so"
                    " messages behind them wait in the socket; Sanic's returns them too",
    "ping_leak": "a ping refused (126 bytes: control frame too long; an int: TypeError) can"
                 " be tried again (the same error); Sanic kept its pong waiter, so the same"
                 " ping again raises `ValueError: already waiting for a pong with the same"
                 " data`",
    "eof_ahead": "the client's FIN (no close frame) behind messages or an awaited pong:"
                 " Hurtle reads on to it, the connection is closed (RFC 6455 7.1.5: 1006,"
                 " the websockets library's state), so a waiting ping ends with"
                 " ConnectionClosedError and the handler's later sends raise WebsocketClosed"
                 " while it still gets the queued messages; Sanic, reading one message ahead,"
                 " sees the FIN only once they are read (its ping times out, its sends reach"
                 " the half-closed client), then its handler is cancelled",
    "gone": "a handler whose connection ended (the client's close, failure or reset) while"
            " messages read before the end were queued: Hurtle's handler gets them (and"
            " runs its commands, logs its error), Sanic's is cancelled (CancelledError)",
}
PING_TYPE = re.compile(r"^((?:ping|pong):\w+ TypeError): .*$")
GONE_LOG = re.compile(r"^(ERROR Exception occurred while handling uri: .*|  -> .*)$")


# (Sanic's RequestCancelled is its CancelledError)
CLOSED = re.compile(r"(CancelledError|RequestCancelled|ConnectionClosed(Error|OK)"
                    r"|WebsocketClosed(Error|OK)?): .*$")
RECV_CLOSED = "Cannot receive from websocket interface after it is closed."
AUTO_PING = re.compile(r"""^ping (?!b'(abc|xyz|p+)')b['"].*['"]$""")


def noise(obs: dict[str, Any]) -> dict[str, Any]:
    """The payload of a ``ping()`` without data is random (4 bytes in both)."""
    if obs.get("frames"):
        obs["frames"] = [AUTO_PING.sub("ping <random>", f) for f in obs["frames"]]
    return obs


def _normal(obs: dict[str, Any]) -> dict[str, Any]:
    """``obs`` with what a round-two label explains made alike: TypeError messages of
    ping/pong payloads, the class names of Hurtle's WebsocketClosed."""
    notes = [PING_TYPE.sub(r"\1", n) for n in obs.get("handler") or []]
    notes = [re.sub(r"WebsocketClosed(Error|OK):", "WebsocketClosed:", n) for n in notes]
    return {**obs, "handler": notes}


def kept(case: dict[str, Any], a: dict[str, Any], b: dict[str, Any], parts: list[str]) -> str | None:
    """Round one's labels, then this round's (README, "Websockets, second fuzz round")."""
    labels: list[str] = []
    a2, b2 = _normal(a), _normal(b)
    leak = re.compile(r"^(ping:\w+) ValueError: already waiting for a pong with the same data$")
    if any(leak.search(n) for n in a2["handler"]):
        # (Sanic's failed ping left its pong waiter behind)
        # (the error the refused ping raised the first time: too long, or not bytes)
        hb2 = b2["handler"]
        a2["handler"] = [
            hb2[i] if (m := leak.search(n)) and i < len(hb2) and hb2[i].startswith(
                (f"{m.group(1)} ProtocolError", f"{m.group(1)} TypeError")
            ) else n
            for i, n in enumerate(a2["handler"])
        ]
        labels.append(KEPT2["ping_leak"])
    if [PING_TYPE.sub(r"\1", n) for n in b.get("handler") or []] != b.get("handler"):
        labels.append(KEPT2["ping_type"])
    hs = case["handshake"].decode("latin-1").lower()
    upgrade = re.findall(r"\r\nupgrade:([^\r]*)", hs)
    if (
        a.get("status") == "426"
        and "invalid Upgrade header" in (a.get("body") or "")
        and any("websocket" in [t.strip() for t in v.split(",")] and "," in v for v in upgrade)
    ):
        return KEPT2["upgrade_list"]  # (what follows the 101 differs too)
    if (
        a.get("status") == b.get("status") != "101"
        and a.get("tcp") == "closed" and b.get("tcp") == "open"
        and "websocket" not in "".join(upgrade)
        and re.search(r"\r\nconnection:[^\r]*upgrade", hs)
    ):
        labels.append(KEPT2["conn_upgrade"])
        b2["tcp"] = "closed"
    parts2 = wsfuzz.differing(a2, b2)
    if not parts2:
        return " + ".join(labels) or wsfuzz.KEPT["class"]
    first = (
        wsfuzz.kept(case, a2, b2, parts2)
        or _gone(a2, b2, parts2)
        or _race(a2, b2, parts2, case)
        or _logged(a2, b2, parts2)
        or _eof_ahead(a2, b2, parts2, case)
    )
    return " + ".join([*labels, first]) if first else None


def _late_pongs(fa: list[str], fb: list[str]) -> bool:
    """Hurtle's frames are Sanic's but for pongs Hurtle sent after its close frame that
    Sanic sent earlier: pings the client sent after Hurtle's handler had ended."""
    closed_at = next((i for i, f in enumerate(fb) if f.startswith("close ")), None)
    if closed_at is None:
        return False
    late = fb[closed_at + 1:]
    if not late or not all(f.startswith("pong ") for f in late):
        return False
    pongs = [sorted(f for f in frames if f.startswith("pong ")) for frames in (fa, fb)]
    others = [[f for f in frames if not f.startswith("pong ")] for frames in (fa, fb)]
    return pongs[0] == pongs[1] and others[0] == others[1]


def _waited_out(sanic_rest: list[str], fa: list[str], fb: list[str]) -> bool:
    """After the pong it could not read, Sanic's handler only read messages and was
    cancelled at the end, and every frame it sent Hurtle's sent too: what else Hurtle's
    handler did (its pong come, it ran on through the case) is the rest of the case."""
    if not sanic_rest or not wsfuzz.SANIC_GONE.search(sanic_rest[-1]):
        return False
    if not all(line.startswith("msg ") for line in sanic_rest[:-1]):
        return False
    return not collections.Counter(fa) - collections.Counter(fb)


def _race(a: dict[str, Any], b: dict[str, Any], parts: list[str],
          case: dict[str, Any] | None = None) -> str | None:
    """Alike but for the timing of a handler's call and the client's close or failure
    (round one's echo race), or a pong Sanic could not read (it reads one message ahead)."""
    ha, hb = a["handler"], b["handler"]
    i = next((i for i, (x, y) in enumerate(zip(ha, hb, strict=False)) if x != y), None)
    if i is None or not set(parts) <= {"frames", "handler", "log", "tcp"}:
        return None
    keepalive = "WARNING Websocket timed out waiting for pong"
    sanic_keepalive = keepalive in a["log"] and keepalive not in b["log"]
    sanic_waited = re.search(r"^ping(:\w+)? TimeoutError: $", ha[i]) or (
        sanic_keepalive and re.search(r"^ping(:\w+)? ConnectionClosedError: ", ha[i])
    )
    if sanic_waited and (
        hb[i] == "pong None" or re.search(r"^ping(:\w+)? ConnectionClosed", hb[i])
    ):
        b2 = {**b, "handler": hb[:i] + [ha[i]] + hb[i + 1:]}
        if sanic_keepalive:  # (Sanic's keepalive failed on the pong it did not read)
            a = {**a, "log": [x for x in a["log"] if x != keepalive]}
            b2["frames"] = [f for f in b2["frames"] if not f.startswith("close ")]
            a["frames"] = [f for f in a["frames"] if not f.startswith(("close ", "ping <"))]
        rest = wsfuzz.differing(a, b2)
        late = ""
        if "frames" in rest and _late_pongs(a.get("frames") or [], b2.get("frames") or []):
            # (Hurtle's handler, its pong come, ran on and ended before the client's
            # later pings arrived: answered after its close, RFC 6455 5.5.2; Sanic's,
            # waiting out the pong, had read them)
            b2["frames"] = a.get("frames") or []
            late = wsfuzz.KEPT["pong_after_close"]
            rest = wsfuzz.differing(a, b2)
        head = " + ".join(x for x in (KEPT2["pong_ahead"], late) if x)
        if not rest:
            return head
        base = {"route": "", "notes": [], "eager": False, "handshake": b"",
                "reply_close": True}
        more = _gone(a, b2, rest) or _race(a, b2, rest, case) or wsfuzz.kept(
            {**base, **(case or {})}, a, b2, rest)
        if not more and _waited_out(ha[i + 1:], a.get("frames") or [], b2.get("frames") or []):
            more = KEPT2["pong_ran_on"]
        return f"{head} + {more}" if more else None
    if ha[i].startswith("burst [") and hb[i].startswith("burst ["):
        # (reading paused at WEBSOCKET_MAX_SIZE bytes queued: what followed was still in
        # the socket; the handler receives it next)
        sanic, ours = ha[i][len("burst ["):-1], hb[i][len("burst ["):-1]
        fa, fb = a.get("frames") or [], b.get("frames") or []
        if ours and sanic.startswith(ours) and sanic != ours and fb[:len(fa)] == fa and (
            a["log"] == b["log"]
        ):
            return KEPT2["burst_paused"]
        return None
    if not ha[i].endswith("WebsocketClosed: " + wsfuzz.SEND_AFTER_CLOSE):
        return None
    fa, fb = a.get("frames") or [], b.get("frames") or []
    data = ("text ", "binary ")
    if [f for f in fa if not f.startswith(data)] != [f for f in fb if not f.startswith(data)]:
        return None
    if a["log"] != b["log"] or not (
        wsfuzz.SANIC_GONE.search(ha[-1]) or ha[i + 1:] == hb[i + 1:]
    ):
        return None
    return wsfuzz.KEPT["echo_race"]


def _logged(a: dict[str, Any], b: dict[str, Any], parts: list[str]) -> str | None:
    """The handler raised once the connection had failed: Hurtle logs and signals it,
    Sanic neither (round one's ``logged``, with the signal)."""
    ha, hb = a["handler"], b["handler"]
    if not set(parts) <= {"handler", "log"} or not ha or not ha[-1].startswith("end "):
        return None
    error = ha[-1][4:]
    if error == "returned" and hb == [*ha, "signal after"] and a["log"] == b["log"]:
        return KEPT2["logged"]
    if hb != [*ha, f"signal exception {error}"]:
        return None
    extra = [x for x in b["log"] if x not in a["log"]]
    # (a traceback's last line names a class by its module but for builtins:
    # `sanic.exceptions.SanicException: nope`, where the handler's note has the bare name)
    if [x for x in a["log"] if x not in b["log"]] or len(extra) != 2 or not re.fullmatch(
            r"  -> (\w+\.)*" + re.escape(error), extra[1]):
        return None
    return KEPT2["logged"]


def _eof_ahead(a: dict[str, Any], b: dict[str, Any], parts: list[str],
               case: dict[str, Any]) -> str | None:
    """The client's FIN came behind unread messages: from the first note that differs
    Hurtle's calls raise a closed error (its handler still gets the same messages), Sanic's
    worked until its cancellation; Hurtle's frames are Sanic's without the data Sanic sent
    to the half-closed client."""
    ha, hb = a["handler"], b["handler"]
    if case.get("end") != "fin" or not set(parts) <= {"frames", "handler", "log", "tcp"}:
        return None
    if not ha or not wsfuzz.SANIC_GONE.search(ha[-1]):
        return None
    i = next((i for i, (x, y) in enumerate(zip(ha, hb, strict=False)) if x != y), len(hb))
    if i >= len(hb) or not CLOSED.search(hb[i]):
        return None

    def msgs(notes: list[str]) -> list[str]:
        return [n for n in notes if n.startswith("msg ")]

    if msgs(ha[i:]) != msgs(hb[i:]) or not all(
        CLOSED.search(n) for n in hb[i:] if not n.startswith("msg ")
    ):
        return None
    fa, fb = a.get("frames") or [], b.get("frames") or []
    data = ("text ", "binary ")
    if [f for f in fa if not f.startswith(data)] != [f for f in fb if not f.startswith(data)]:
        return None
    da, db = [f for f in fa if f.startswith(data)], [f for f in fb if f.startswith(data)]
    if da[:len(db)] != db or a["log"] != b["log"]:
        return None
    if "tcp" in parts and a["tcp"] != "closed":
        return None
    return KEPT2["eof_ahead"]


def _gone(a: dict[str, Any], b: dict[str, Any], parts: list[str]) -> str | None:
    """Sanic's handler was cancelled when the connection ended; Hurtle's went on with the
    messages it had read before the end (frames it then sent come after Sanic's, its
    error is logged)."""
    ha, hb = a["handler"], b["handler"]
    if ha[-1:] and ha[-1].startswith("signal exception WebsocketClosed: Cannot receive"):
        ha = ha[:-1]  # (Sanic's handler read on, found nothing: the closed connection)
    if not ha or not (
        wsfuzz.SANIC_GONE.search(ha[-1])
        or ha[-1] in ("end WebsocketClosed: " + RECV_CLOSED, "end RequestCancelled: ")
    ):
        return None
    before = ha[:-1]
    if before and CLOSED.search(before[-1]) and not before[-1].startswith("end "):
        before = before[:-1]  # (the call Sanic's cancellation ended)
    closed = [CLOSED.sub("<closed>", n) for n in before]
    if [CLOSED.sub("<closed>", n) for n in hb[:len(before)]] != closed:
        return None
    if not set(parts) <= {"frames", "handler", "log", "tcp"}:
        return None
    fa, fb = a.get("frames") or [], b.get("frames") or []
    # (Hurtle answered pings Sanic left unread, and closed with a reason of its own)
    ours = [f for f in fb if not f.startswith(("close", "pong"))]
    if fb[:len(fa)] != fa and ours != [f for f in fa if not f.startswith(("close", "pong"))]:
        return None
    if any(not GONE_LOG.match(x) for x in b["log"] if x not in a["log"]):
        return None
    if any("never retrieved" not in x and "UnicodeDecodeError" not in x
           for x in a["log"] if x not in b["log"]):
        return None
    if "tcp" in parts and a["tcp"] not in ("closed", "client reset"):
        return None
    return KEPT2["gone"]


def main() -> int:
    ap = wsfuzz.arguments(__doc__, sorted(set(ROUTES)))
    ap.add_argument("--ping", metavar="INTERVAL,TIMEOUT",
                    help="keepalive pings on (WEBSOCKET_PING_INTERVAL, _TIMEOUT)")
    args = ap.parse_args()
    env = {"WSFUZZ2_PING": args.ping} if args.ping else None
    return wsfuzz.drive(args, gen_case, kept, "wsfuzz2", APP, env, noise=noise)


if __name__ == "__main__":
    sys.exit(main())
