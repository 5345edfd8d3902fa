"""Black-box comparison beyond raw HTTP: websockets, lifecycle, signals, streams, ASGI (uvicorn).

    python compare_ws_asgi.py observe [--mode serve|asgi]   # with the interpreter to observe
    python3 compare_ws_asgi.py diff [-v]                      # real Sanic vs Hurtle, both modes

``observe`` serves live_app.py with the running interpreter (``python live_app.py PORT`` or
``python -m uvicorn live_app:app``) on a free loopback port, runs scripted clients (raw HTTP
and a minimal raw websocket client, so every frame and close code is visible) and prints
JSON observations. ``diff`` runs ``observe`` under /work/ref-sanic/bin/python (real Sanic)
and under this checkout's .venv/bin/python (Hurtle) and prints what differs. Not a test:
CI has no Sanic; each difference fixed became a pytest test.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
REF_PY = os.environ.get("REF_PYTHON", "/work/ref-sanic/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", str(HERE.parent.parent / ".venv/bin/python"))
DROP_HEADERS = {"date"}
OPS = {0: "cont", 1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------- raw HTTP

def parse_head(head: bytes) -> tuple[int, list[list[str]]]:
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = []
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            if name.lower() not in DROP_HEADERS:
                headers.append([name.lower(), value.strip()])
    return status, sorted(headers)


def dechunk(body: bytes) -> tuple[bytes, int]:
    out, count = b"", 0
    for _ in range(10000):
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
        count += 1
    return out, count


async def http(method: str, path: str, body: bytes | list[bytes] = b"",
               headers: dict[str, str] | None = None, port: int = 0) -> dict[str, Any]:
    reader, writer = await asyncio.open_connection(HOST, port)
    hdrs = {"host": "x", "connection": "close", **(headers or {})}
    if isinstance(body, list):
        hdrs["transfer-encoding"] = "chunked"
    elif body or method == "POST":
        hdrs["content-length"] = str(len(body))
    writer.write(f"{method} {path} HTTP/1.1\r\n".encode()
                 + b"".join(f"{k}: {v}\r\n".encode() for k, v in hdrs.items()) + b"\r\n")
    if isinstance(body, list):
        for part in body:
            writer.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            await writer.drain()
            await asyncio.sleep(0.05)
        writer.write(b"0\r\n\r\n")
    else:
        writer.write(body)
    try:
        raw = await asyncio.wait_for(reader.read(), 5)
    except TimeoutError:
        raw = b"<timeout>"
    except ConnectionResetError:
        raw = b"<reset>"
    writer.close()
    head, _, payload = raw.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/"):
        return {"raw": raw[:200].decode("latin-1")}
    status, header_list = parse_head(head)
    obs: dict[str, Any] = {"status": status, "headers": header_list}
    if ["transfer-encoding", "chunked"] in header_list:
        payload, count = dechunk(payload)
        obs["chunks"] = count
    obs["body"] = payload.decode("utf-8", "replace")[:4000]
    return obs


# ---------------------------------------------------------------------------- raw websocket

class WS:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, path: str, port: int, extra: dict[str, str] | None = None
                   ) -> tuple[WS | None, dict[str, Any]]:
        reader, writer = await asyncio.open_connection(HOST, port)
        key = base64.b64encode(os.urandom(16)).decode()
        hdrs = {"host": "x", "upgrade": "websocket", "connection": "Upgrade",
                "sec-websocket-key": key, "sec-websocket-version": "13", **(extra or {})}
        writer.write(f"GET {path} HTTP/1.1\r\n".encode()
                     + b"".join(f"{k}: {v}\r\n".encode() for k, v in hdrs.items()) + b"\r\n")
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        except (TimeoutError, asyncio.IncompleteReadError) as exc:
            writer.close()
            return None, {"handshake_error": type(exc).__name__}
        status, headers = parse_head(head[:-4])
        expect = base64.b64encode(hashlib.sha1(key.encode() + GUID).digest()).decode()
        accept = [v for k, v in headers if k == "sec-websocket-accept"]
        shown = [[k, v] for k, v in headers if k != "sec-websocket-accept"]
        obs = {"status": status, "headers": shown, "accept_ok": accept == [expect]}
        if status != 101:
            with contextlib.suppress(asyncio.TimeoutError):
                obs["body"] = (await asyncio.wait_for(reader.read(), 2)).decode()[:200]
            writer.close()
            return None, obs
        return cls(reader, writer), obs

    def send(self, opcode: int, payload: bytes, fin: bool = True, mask: bool = True) -> None:
        first = (0x80 if fin else 0) | opcode
        n = len(payload)
        mbit = 0x80 if mask else 0
        if n < 126:
            head = struct.pack("!BB", first, mbit | n)
        elif n < 65536:
            head = struct.pack("!BBH", first, mbit | 126, n)
        else:
            head = struct.pack("!BBQ", first, mbit | 127, n)
        if mask:
            key = os.urandom(4)
            payload = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
            head += key
        self.writer.write(head + payload)

    def close_frame(self, code: int, reason: str = "") -> None:
        self.send(8, struct.pack("!H", code) + reason.encode())

    async def frame(self, timeout: float = 3.0) -> str:
        try:
            b1, b2 = await asyncio.wait_for(self.reader.readexactly(2), timeout)
            n = b2 & 0x7F
            if n == 126:
                (n,) = struct.unpack("!H", await self.reader.readexactly(2))
            elif n == 127:
                (n,) = struct.unpack("!Q", await self.reader.readexactly(8))
            payload = await asyncio.wait_for(self.reader.readexactly(n), timeout)
        except TimeoutError:
            return "<timeout>"
        except (asyncio.IncompleteReadError, ConnectionError):
            return "<eof>"
        op = OPS.get(b1 & 0x0F, str(b1 & 0x0F))
        if op == "close":
            if len(payload) >= 2:
                code = struct.unpack("!H", payload[:2])[0]
                return f"close {code} {payload[2:].decode('utf-8', 'replace')!r}"
            return "close <no code>"
        if op == "text":
            return f"text {payload.decode('utf-8', 'replace')!r}"
        if op == "ping" and not payload:
            return "ping <empty>"
        return f"{op} {payload!r}" if op != "ping" else "ping <payload>"

    async def frames(
        self, limit: int = 6, timeout: float = 3.0, skip_pings: bool = True,
        reply_close: bool = True,
    ) -> list[str]:
        out: list[str] = []
        for _ in range(limit):
            f = await self.frame(timeout)
            if skip_pings and f.startswith("ping"):
                continue
            out.append(f)
            if f.startswith(("close", "<")):
                break
        if out and out[-1].startswith("close"):
            if reply_close and "<no code>" not in out[-1]:
                # Like a real client: answer the server's close, then see TCP close.
                self.close_frame(int(out[-1].split(" ")[1]))
            out.append(await self.frame(2))  # does the server then close TCP?
        return out

    def abort(self) -> None:
        self.writer.transport.abort()


async def ws_scenarios(port: int) -> dict[str, Any]:
    obs: dict[str, Any] = {}

    async def run(name: str, path: str, steps, extra: dict[str, str] | None = None) -> None:
        ws, hand = await WS.open(path, port, extra)
        obs[f"{name}.handshake"] = hand
        if ws is not None:
            try:
                obs[name] = await asyncio.wait_for(steps(ws), 15)
            except Exception as exc:
                obs[name] = f"client error {type(exc).__name__}: {exc}"
            ws.abort()

    async def echo(ws: WS):
        ws.send(1, b"hello")
        ws.send(2, b"\x00\x01")
        ws.send(1, b"frag", fin=False)
        ws.send(0, b"mented")
        got = [await ws.frame() for _ in range(3)]
        ws.close_frame(1000, "done")
        return got + await ws.frames()
    await run("ws_echo", "/ws/echo", echo)

    async def only_frames(ws: WS):
        return await ws.frames()
    for proto_name, proto in (("two", "superchat, chat"), ("unknown", "other"), ("absent", None)):
        extra = {"sec-websocket-protocol": proto} if proto else None
        await run(f"ws_proto_{proto_name}", "/ws/proto", only_frames, extra)
    await run("ws_proto_on_plain_route", "/ws/echo", lambda ws: ws.frame(0.3),
              {"sec-websocket-protocol": "chat"})

    async def recv_timeout(ws: WS):
        first = await ws.frame()
        ws.send(1, b"x")
        return [first] + await ws.frames()
    await run("ws_recv_timeout", "/ws/recv_timeout", recv_timeout)

    async def ping(ws: WS):
        ws.send(9, b"abc")
        got = await ws.frame()
        ws.close_frame(1000)
        return [got] + await ws.frames()
    await run("ws_client_ping", "/ws/echo", ping)

    async def server_ping(ws: WS):
        got = await ws.frame(2.0)
        return got.split(" ")[0]
    await run("ws_server_ping", "/ws/echo", server_ping)

    async def no_reply(ws: WS):
        return await ws.frames(reply_close=False)
    await run("ws_return_client_silent", "/ws/return", no_reply)

    for name in ("return", "raise", "close_custom", "close_default", "ctx", "info"):
        await run(f"ws_{name}", f"/ws/{name}" + ("?q=1" if name == "info" else ""), only_frames)

    async def bp(ws: WS):
        first = await ws.frame()
        ws.send(1, b"bp-echo")
        return [first] + await ws.frames()
    await run("ws_blueprint", "/bp/ws", bp)

    async def client_close(ws: WS):
        ws.close_frame(1000, "client bye")
        return await ws.frames()
    await run("ws_client_close", "/ws/client_close", client_close)
    obs["ws_client_close.seen"] = (await http("GET", "/ws/seen", port=port)).get("body")

    async def client_close_iter(ws: WS):
        ws.send(1, b"a")
        await asyncio.sleep(0.1)
        ws.close_frame(1001)
        return await ws.frames()
    await run("ws_client_close_iter", "/ws/client_close_iter", client_close_iter)
    obs["ws_client_close_iter.seen"] = (await http("GET", "/ws/seen", port=port)).get("body")

    async def abrupt(ws: WS):
        ws.send(1, b"one")
        await asyncio.sleep(0.1)
        ws.abort()
        return "aborted"
    await run("ws_client_abort", "/ws/client_close", abrupt)
    obs["ws_client_abort.seen"] = (await http("GET", "/ws/seen", port=port)).get("body")

    async def too_big(ws: WS):
        ws.send(1, b"x" * 2000)
        return await ws.frames()
    await run("ws_max_size", "/ws/echo", too_big)

    async def bad_utf8(ws: WS):
        ws.send(1, b"\xff\xfe")
        return await ws.frames()
    await run("ws_invalid_utf8", "/ws/echo", bad_utf8)

    async def unmasked(ws: WS):
        ws.send(1, b"nomask", mask=False)
        return await ws.frames()
    await run("ws_unmasked", "/ws/echo", unmasked)

    obs["ws_plain_get"] = await http("GET", "/ws/echo", port=port)
    obs["ws_missing_route"] = (await WS.open("/ws/nope", port))[1]
    obs["ws_bad_version"] = (await WS.open("/ws/echo", port, {"sec-websocket-version": "8"}))[1]
    return obs


async def http_scenarios(port: int) -> dict[str, Any]:
    obs: dict[str, Any] = {}
    obs["hello"] = await http("GET", "/hello", port=port)
    obs["error"] = await http("GET", "/error", port=port)
    obs["error_json"] = await http("GET", "/error", headers={"accept": "application/json"}, port=port)
    obs["ctx"] = await http("GET", "/ctx", port=port)
    for name in ("wait", "unknown", "timeout"):
        obs[f"event_{name}"] = await http("GET", f"/event/{name}", port=port)
    for probe in ("probe", "probe_error", "probe_post"):
        await http("GET", "/signals/reset", port=port)
        post = probe == "probe_post"
        await http("POST" if post else "GET", f"/signals/{probe}", b"data" if post else b"",
                   port=port)
        obs[f"signals_{probe}"] = (await http("GET", "/signals", port=port)).get("body")
    parts = [b"abc", b"defg", b"hi"]
    for name in ("read", "iter", "receive_body"):
        obs[f"stream_{name}_chunked"] = await http("POST", f"/stream/{name}", parts, port=port)
        obs[f"stream_{name}_length"] = await http("POST", f"/stream/{name}", b"abcdefghi", port=port)
        obs[f"stream_{name}_empty"] = await http("POST", f"/stream/{name}", b"", port=port)
    obs["plain_receive_body"] = await http("POST", "/plain/receive_body", b"abc", port=port)
    obs["plain_receive_body_chunked"] = await http("POST", "/plain/receive_body", parts, port=port)
    for name in ("basic", "headers", "no_eof", "then_return"):
        obs[f"respond_{name}"] = await http("GET", f"/respond/{name}", port=port)
        obs[f"respond_{name}_head"] = await http("HEAD", f"/respond/{name}", port=port)
    obs["stream_response"] = await http("GET", "/stream/response", port=port)
    return obs


# ---------------------------------------------------------------------------- driver

def wait_port(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.5):
            return
        time.sleep(0.05)
    raise TimeoutError("server did not listen")


def observe(mode: str) -> dict[str, Any]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        events = Path(tmp) / "events"
        log = Path(tmp) / "log"
        if mode == "asgi":
            cmd = [sys.executable, "-m", "uvicorn", "live_app:app", "--host", HOST, "--port",
                   str(port), "--lifespan", "on", "--no-access-log"]
        else:
            cmd = [sys.executable, "live_app.py", str(port)]
        env = {**os.environ, "LIVE_EVENTS": str(events), "PYTHONUNBUFFERED": "1"}
        with open(log, "w") as logfh:
            proc = subprocess.Popen(cmd, cwd=HERE, env=env, stdout=logfh, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        obs: dict[str, Any] = {}
        try:
            wait_port(port, proc)
            time.sleep(0.3)
            obs.update(asyncio.run(http_scenarios(port)))
            obs.update(asyncio.run(ws_scenarios(port)))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        obs["exit_code"] = proc.returncode
        obs["events"] = events.read_text().splitlines() if events.exists() else []
        text = log.read_text(errors="replace")
        obs["log_main_process"] = sorted({
            line.split("]: ", 1)[-1].strip() for line in text.splitlines()
            if "main_process" in line.lower()})
        obs["log_tail"] = text.splitlines()[-8:]
    return obs


def unframed(obs: Any) -> Any:
    """An HTTP observation without its framing (content-length, transfer-encoding, chunks)."""
    if not isinstance(obs, dict) or "headers" not in obs:
        return obs
    drop = {"content-length", "transfer-encoding"}
    out = {k: v for k, v in obs.items() if k != "chunks"}
    out["headers"] = [h for h in obs["headers"] if h[0] not in drop]
    return out


def diff(verbose: bool) -> int:
    total_same = total_diff = 0
    for mode in ("serve", "asgi"):
        results = {}
        for label, py in (("sanic", REF_PY), ("hurtle", HURTLE_PY)):
            env = dict(os.environ)
            if label == "hurtle" and os.environ.get("HURTLE_PYTHONPATH"):
                env["PYTHONPATH"] = os.environ["HURTLE_PYTHONPATH"]  # e.g. an older tree's src/
            out = subprocess.run([py, __file__, "observe", "--mode", mode], capture_output=True,
                                 text=True, timeout=300, env=env)
            if out.returncode:
                print(f"[{mode}] {label} failed:\n{out.stderr[-3000:]}")
                return 2
            results[label] = json.loads(out.stdout)
            Path(f"{tempfile.gettempdir()}/compare_ws_asgi_{mode}_{label}.json").write_text(out.stdout)
        same = diffs = framing = 0
        for key in sorted(set(results["sanic"]) | set(results["hurtle"])):
            if key == "log_tail":
                continue
            a, b = results["sanic"].get(key), results["hurtle"].get(key)
            if a != b and mode == "asgi" and unframed(a) == unframed(b):
                # Sanic streams every ASGI response (chunked); Hurtle sends Content-Length
                # when the body is whole. Counted apart, shown with -v.
                framing += 1
                if verbose:
                    print(f"[{mode}] FRAMING {key}")
                continue
            if a == b:
                same += 1
                if verbose:
                    print(f"[{mode}] SAME {key}: {json.dumps(a)[:200]}")
            else:
                diffs += 1
                print(f"[{mode}] DIFF {key}\n   sanic : {json.dumps(a)}\n   hurtle: {json.dumps(b)}")
        extra = f" (+{framing} differing only in Content-Length vs chunked)" if framing else ""
        print(f"[{mode}] {same} same, {diffs} different{extra}")
        total_diff += framing
        total_same += same
        total_diff += diffs
    print(f"total: {total_same} same, {total_diff} different")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "observe":
        mode = sys.argv[sys.argv.index("--mode") + 1] if "--mode" in sys.argv else "serve"
        print(json.dumps(observe(mode), indent=1))
    elif len(sys.argv) > 1 and sys.argv[1] == "diff":
        sys.exit(diff("-v" in sys.argv))
    else:
        print(__doc__)
