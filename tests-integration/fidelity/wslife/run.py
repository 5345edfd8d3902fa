"""Open websockets across the server's life (stops, keepalive, odd clients): Sanic 25.12 vs Hurtle.

    python3 tests-integration/fidelity/wslife/run.py [-v] [NAME-SUBSTRING ...]

Serves app.py under each interpreter (REF_PYTHON, HURTLE_PYTHON; single process, or
``workers=2``), opens websockets (the ``websockets`` client, or raw sockets for clients
that never read, half-close TCP or never answer pings), stops the server (SIGTERM, SIGINT,
``app.stop()``) and compares what the clients got (close code and reason), what handlers,
``websocket.handler.*`` signals and stop listeners logged, and when the server exited.
``kept()`` labels the differences kept on purpose (README, "Websockets across the server's
life").
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import websockets
from websockets.asyncio.client import connect

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from served import HURTLE_PY, REF_PY, free_port  # noqa: E402  (the shared helper)

HANDSHAKE = (
    "GET {route} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)

# name -> (mode, config, clients [(kind, route, count)], stop, seconds before the stop)
S = "single"
CASES: dict[str, tuple] = {}
for stop in ("SIGTERM", "SIGINT", "app.stop"):
    for n in (1, 10, 100):
        CASES[f"{stop}, {n} in recv"] = (S, {}, [("ws", "/recv", n)], stop, 0.6)
    CASES[f"{stop}, idle (sleep)"] = (S, {}, [("ws", "/sleep", 1)], stop, 0.6)
    CASES[f"{stop}, async for"] = (S, {}, [("ws-echo", "/afor", 1)], stop, 0.6)
    CASES[f"{stop}, mid-send 32 MB"] = (S, {}, [("raw-noread", "/send", 1)], stop, 0.6)
CASES["SIGTERM, 10 mixed"] = (
    S, {}, [("ws", "/recv", 4), ("ws", "/sleep", 3), ("ws-echo", "/afor", 3)], "SIGTERM", 0.6)
CASES["SIGTERM, stubborn, grace 2"] = (
    S, {"GRACEFUL_SHUTDOWN_TIMEOUT": 2}, [("ws", "/stubborn", 1)], "SIGTERM", 0.6)
CASES["SIGTERM, stubborn, grace 6"] = (
    S, {"GRACEFUL_SHUTDOWN_TIMEOUT": 6}, [("ws", "/stubborn", 1)], "SIGTERM", 0.6)
CASES["SIGTERM, client half-closed TCP"] = (
    S, {}, [("raw-halfclose", "/recv", 1)], "SIGTERM", 0.6)
CASES["client half-closed TCP, no stop"] = (
    S, {}, [("raw-halfclose", "/recv", 1)], "SIGTERM", 3.0)
CASES["client sent close, never reads"] = (
    S, {}, [("raw-closenoread", "/recv", 1)], "SIGTERM", 3.0)
CASES["client sent close, never reads, handler sending"] = (
    S, {}, [("raw-closenoread", "/send", 1)], "SIGTERM", 3.0)
CASES["recv after the peer's close frame"] = (
    S, {}, [("raw-msgclose", "/recv2", 1)], "SIGTERM", 2.0)
CASES["recv after the peer's FIN"] = (S, {}, [("raw-msgfin", "/recv2", 1)], "SIGTERM", 2.0)
CASES["pings unanswered 1/1"] = (
    S, {"WEBSOCKET_PING_INTERVAL": 1, "WEBSOCKET_PING_TIMEOUT": 1},
    [("raw-deaf", "/recv", 1)], "SIGTERM", 3.5)
CASES["handler close(4001, bye) while client sends"] = (
    S, {}, [("ws-sender", "/closesend", 1)], "SIGTERM", 2.0)
for stop in ("SIGTERM", "SIGINT"):
    CASES[f"workers=2, {stop}, 10 in recv"] = (
        "workers2", {}, [("ws", "/recv", 10)], stop, 1.0)
CASES["workers=2, SIGTERM, stubborn, grace 2"] = (
    "workers2", {"GRACEFUL_SHUTDOWN_TIMEOUT": 2}, [("ws", "/stubborn", 1)], "SIGTERM", 1.0)


def parse_frames(data: bytes) -> list[str]:
    """Server frames (unmasked) as short strings; the payload of big ones left out."""
    out, i = [], 0
    while i + 2 <= len(data):
        op, ln = data[i] & 0x0F, data[i + 1] & 0x7F
        j = i + 2
        if ln == 126:
            ln, j = struct.unpack("!H", data[j:j + 2])[0], j + 2
        elif ln == 127:
            ln, j = struct.unpack("!Q", data[j:j + 8])[0], j + 8
        payload = data[j:j + ln]
        if len(payload) < ln:
            out.append(f"partial op{op} ({len(payload)} of {ln} bytes)")
            break
        if op == 8:
            code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
            out.append(f"close {code} {payload[2:].decode(errors='replace')!r}")
        elif op == 9:
            out.append("ping")
        else:
            out.append(f"op{op} {ln} bytes")
        i = j + ln
    return out


def mask(opcode: int, payload: bytes) -> bytes:
    key = b"\x01\x02\x03\x04"
    body = bytes(b ^ key[k % 4] for k, b in enumerate(payload))
    return struct.pack("!BB", 0x80 | opcode, 0x80 | len(payload)) + key + body


async def raw_client(kind: str, port: int, route: str, started: float) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(HANDSHAKE.format(route=route).encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        if b" 101 " not in head.split(b"\r\n")[0]:
            return f"no upgrade: {head.split(chr(13).encode())[0]!r}"
        if kind in ("raw-msgclose", "raw-msgfin"):
            writer.write(mask(1, b"a"))
            await asyncio.sleep(0.1)
        if kind in ("raw-halfclose", "raw-msgfin"):
            writer.write_eof()
        elif kind in ("raw-closenoread", "raw-msgclose"):
            writer.write(mask(8, struct.pack("!H", 1000)))
        if kind in ("raw-noread", "raw-closenoread"):
            # read nothing for 5 s (the stop comes meanwhile), or 12 (until the server is gone)
            await asyncio.sleep(5 if kind == "raw-noread" else 12)
        data, eof = b"", False
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and len(data) < (40 << 20):
            try:
                chunk = await asyncio.wait_for(reader.read(1 << 20), 1 if kind != "raw-deaf" else 6)
            except asyncio.TimeoutError:
                break
            except ConnectionError as e:
                data += f"<{type(e).__name__}>".encode()
                break
            if not chunk:
                eof = True
                break
            data += chunk
        frames = parse_frames(data)
        if len(frames) > 3:
            frames = frames[:1] + [f"... {len(frames) - 2} frames"] + frames[-1:]
        return f"{', '.join(frames) or 'nothing'}{' EOF' if eof else ' (open)'}"
    finally:
        writer.transport.abort()


async def ws_client(kind: str, port: int, route: str) -> str:
    try:
        async with connect(f"ws://127.0.0.1:{port}{route}", ping_interval=None,
                           open_timeout=5, close_timeout=5, max_size=None) as ws:
            try:
                if kind == "ws-echo":
                    await ws.send("hello")
                    await asyncio.wait_for(ws.recv(), 5)
                if kind == "ws-sender":
                    for i in range(1000):
                        await ws.send(f"m{i}")
                        await asyncio.sleep(0.01)
                    return "sent 1000, not closed"
                await asyncio.wait_for(ws.recv(), 25)
                return "got a message"
            except websockets.ConnectionClosed as e:
                rcvd = f"close {e.rcvd.code} {e.rcvd.reason!r}" if e.rcvd else "no close frame"
                return f"{rcvd} ({type(e).__name__})"
    except (OSError, asyncio.TimeoutError, websockets.InvalidHandshake) as e:
        return f"{type(e).__name__}"


async def drive(case: tuple, python: str) -> dict:
    mode, cfg, clients, stop, before = case
    log = Path(tempfile.mkstemp(prefix="wslife-", suffix=".log")[1])
    env = dict(os.environ, WSLIFE_CFG=json.dumps(cfg), WSLIFE_LOG=str(log))
    port = free_port()
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(  # noqa: ASYNC220  (a one-off start)
        [python, str(HERE / "serve.py"), str(port), mode],
        env=env, stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True,
    )
    result: dict = {}
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                    probe.sendall(b"GET /ready HTTP/1.1\r\nHost: x\r\n\r\n")
                    if probe.recv(100).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{python}: the server did not start")
            await asyncio.sleep(0.1)
        started = time.time()
        tasks = []
        for kind, route, count in clients:
            for _ in range(count):
                coro = (raw_client(kind, port, route, started) if kind.startswith("raw")
                        else ws_client(kind, port, route))
                tasks.append(asyncio.ensure_future(coro))
        await asyncio.sleep(before + 0.02 * len(tasks))
        t0 = time.time()
        if stop == "app.stop":
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /stop HTTP/1.1\r\nHost: x\r\n\r\n")
            await writer.drain()
        else:
            proc.send_signal(getattr(signal, stop))
        exited = None
        for _ in range(250):  # 25 s at most
            if proc.poll() is not None:
                exited = time.time() - t0
                break
            await asyncio.sleep(0.1)
        done, pending = await asyncio.wait(tasks, timeout=20)
        for t in pending:
            t.cancel()
        outcomes = Counter(t.result() if t in done and not t.exception() else
                           ("client still waiting" if t in pending else repr(t.exception()))
                           for t in tasks)
        result["clients"] = dict(sorted(outcomes.items()))
        result["exit"] = (f"exit {proc.returncode} after "
                          + ("< 2 s" if exited < 2 else f"~{round(exited)} s")
                          if exited is not None else "still running after 25 s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
        with contextlib.suppress(ProcessLookupError):  # (workers left behind: our group)
            os.killpg(proc.pid, signal.SIGKILL)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
        errors.close()
    events = [json.loads(line) for line in log.read_text().splitlines()]  # noqa: ASYNC240
    log.unlink()  # noqa: ASYNC240
    result["events"] = dict(sorted(Counter(
        e[2] for e in events if "server_stop" not in e[2]).items()))
    # where the stop listeners fall among the handlers' ends, in each process that had any
    orders: dict[int, list[str]] = {}
    for _, pid, what in sorted(events):
        what = ("handler end" if what.endswith(" finally") else what)
        order = orders.setdefault(pid, [])
        if what in ("handler end", "before_server_stop", "after_server_stop"):
            if not order or order[-1] != what:
                order.append(what)
    # (a set: how connections spread over workers is the kernel's)
    result["order"] = sorted({" < ".join(o) for o in orders.values() if "handler end" in o})
    timed = [round((e[0] - t0) * 2) / 2 for e in events if e[2].endswith(" finally")]
    result["handlers ended"] = (("before the stop" if max(timed) < 0 else
                                 f"~{min(timed)}..{max(timed)} s after the stop") if timed
                                else "never")
    result["stderr"] = sorted({line.split("]")[-1].strip()[:100] for line in stderr.splitlines()
                               if "Error" in line or "Warning" in line or "WARN" in line})
    return result


def normal(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "stderr"}


def _ends(events: dict) -> dict:
    """Handler events with how a handler learnt of the end made one: Sanic cancels it,
    Hurtle's websocket call raises ConnectionClosed (or WebsocketClosed, or ``async for``
    ends and the handler returns, with its ``after`` signal)."""
    out: Counter = Counter()
    for what, n in events.items():
        for end in ("CancelledError", "ConnectionClosedOK", "ConnectionClosedError",
                    "WebsocketClosedOK", "WebsocketClosedError", "WebsocketClosed"):
            what = what.replace(f"raised {end}", "raised <the end>")
        if what == "afor returned":
            what = "afor raised <the end>"
        if what == "signal after" and events.get("afor returned"):
            n -= events["afor returned"]
        if n:
            out[what] += n
    return dict(out)


KEPT_END = ("the end reaches the handler as ConnectionClosed from its websocket call "
            "(async for ends), not as Sanic's CancelledError (kept before)")


def kept(name: str, key: str, sanic, hurtle) -> str | None:
    """Why a difference is kept on purpose, or None."""
    if key == "clients" and all(k.startswith("close 1001 'Server shutting down'") for k in hurtle):
        if all(k.startswith(("close 1000 ''", "close 1001 ''")) for k in sanic):
            return ("RFC 6455 7.4.1: 1001 for a server going away, with a reason (Sanic: 1000 "
                    "no reason; 1001 no reason for a handler still running)")
    if key == "events" and _ends(sanic) == _ends(hurtle):
        return KEPT_END
    if "mid-send" in name or "handler sending" in name:
        return ("a send waits for the peer to read (bounded buffer; Sanic buffers the "
                "whole message at once and returns), so the stop's close frame waits "
                "behind the frame being sent (RFC 6455 5.4: no control frame inside a "
                "frame) up to close_timeout (10 s); after the peer's close frame Hurtle "
                "sends no data (RFC 6455 5.5.1), Sanic's buffered send went on; after its "
                "close frame Hurtle waits for the client's (RFC 6455 7.1.1), Sanic ends TCP")
    if name.startswith("SIGTERM, stubborn") and key == "events":
        return ("a handler that swallows cancellation: Sanic cancels it again at the "
                "grace period's end, Hurtle once; both exit at the grace period's end")
    return None


def main() -> int:
    verbose = "-v" in sys.argv
    wanted = [a for a in sys.argv[1:] if a != "-v"]
    names = [n for n in CASES if not wanted or any(w in n for w in wanted)]
    differ = labelled = 0
    for name in names:
        ref = asyncio.run(drive(CASES[name], REF_PY))
        ours = asyncio.run(drive(CASES[name], HURTLE_PY))
        a, b = normal(ref), normal(ours)
        diffs = [k for k in a if a[k] != b.get(k)]
        if not diffs:
            print(f"same    {name}: {json.dumps(a)}")
            continue
        for key in diffs:
            differ += 1
            why = kept(name, key, a[key], b.get(key))
            labelled += why is not None
            print(f"{'KEPT' if why else 'DIFFER':7} {name} [{key}]\n   sanic  {a[key]}\n"
                  f"   hurtle {b.get(key)}" + (f"\n   kept:  {why}" if why else ""))
        if verbose:
            print(f"   sanic stderr  {ref['stderr']}\n   hurtle stderr {ours['stderr']}")
    print(f"wslife: {len(names)} cases, {differ} differences, {labelled} of them kept")
    return 1 if differ > labelled else 0


if __name__ == "__main__":
    sys.exit(main())
