"""`app.py` under uvicorn (or hypercorn) with Sanic 25.12 and with Hurtle, side by side:
raw answers, streams cut by the client, request streaming, websockets, lifespan, and
the app's events (listeners, `http.lifecycle.*`, what handlers learn), scenario by scenario.

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python SANIC_PATH=/tmp/x \
        .venv/bin/python tests-integration/fidelity/asgi8/probe.py [-v] [--env K=V] \
        [--uvargs "--root-path /pre"] [--server hypercorn|served] [--only NAME,...] [--fail] [--stop] [--versus-served]

`--versus-served` compares Hurtle served (left) with Hurtle under the server.
`--server served` runs `served.py` (each framework's own server) for the reference.
`SANIC_PATH` is put on Sanic's `PYTHONPATH` (a `--target` folder with uvicorn and
hypercorn, so the reference venv stays as it is). `--fail` runs only the start-up
failure matrix (one listener raising at a time); `--stop` sends SIGINT with a websocket
waiting in `recv()` and a 4 s stream in flight. Servers listen on 127.0.0.1 only, are
stopped by their own PID (SIGINT, then SIGKILL after 8 s)."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import compare_asgi_unframed
import websockets

HERE = os.path.dirname(os.path.abspath(__file__))
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", ".venv/bin/python")
LISTENERS = ("main_process_start", "main_process_ready", "before_server_start",
             "after_server_start", "before_server_stop", "after_server_stop",
             "main_process_stop")


def req(method: str, path: str, *extra: str, body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: h.example", "Connection: close", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(*parts: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


HTTP: list[tuple[str, bytes]] = [
    ("ctx", req("GET", "/ctx")),
    ("info", req("GET", "/info")),
    ("info xff", req("GET", "/info", "X-Forwarded-For: 1.2.3.4, 5.6.7.8",
                     "X-Forwarded-Proto: https", "X-Forwarded-Host: f.example")),
    ("info forwarded", req("GET", "/info", 'Forwarded: for="[::1]:9";proto=https;'
                           "host=g.example;secret=s3cr3t;path=/p")),
    ("info forwarded nosecret", req("GET", "/info", "Forwarded: for=9.9.9.9;proto=https")),
    ("info real-ip", req("GET", "/info", "X-Real-IP: 7.7.7.7")),
    ("info pre", req("GET", "/pre/info")),
    ("head GET", req("GET", "/head")),
    ("head HEAD", req("HEAD", "/head")),
    ("head file", req("HEAD", "/file")),
    ("head fstream", req("HEAD", "/fstream")),
    ("file 304", req("GET", "/file", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT")),
    ("file range", req("GET", "/file", "Range: bytes=0-4")),
    ("stream_in cl", req("POST", "/stream_in", "Content-Length: 20", body=b"x" * 20)),
    ("stream_in chunked", req("POST", "/stream_in", "Transfer-Encoding: chunked",
                              body=chunked(b"a" * 5, b"b" * 7))),
    ("stream_in big cl", req("POST", "/stream_in", "Content-Length: 3000", body=b"x" * 3000)),
    ("stream_in big chunked", req("POST", "/stream_in", "Transfer-Encoding: chunked",
                                  body=chunked(b"a" * 1500, b"b" * 1500))),
    ("body big cl", req("POST", "/body", "Content-Length: 3000", body=b"x" * 3000)),
    ("body big chunked", req("POST", "/body", "Transfer-Encoding: chunked",
                             body=chunked(b"a" * 1500, b"b" * 1500))),
    ("expect stream_in", req("POST", "/stream_in", "Content-Length: 5",
                             "Expect: 100-continue", body=b"hello")),
    ("expect big", req("POST", "/body", "Content-Length: 3000", "Expect: 100-continue")),
    ("expect stream big", req("POST", "/stream_in", "Content-Length: 3000",
                              "Expect: 100-continue")),
    ("raise", req("GET", "/raise")),
    ("slow", req("GET", "/slow")),
    *((f"HEAD hstream {k}", req("HEAD", f"/hstream/{k}")) for k in ("respond", "rstream", "file")),
    ("stream ignored then GET", (req("POST", "/stream_ignore", "Content-Length: 300000")
                                 .replace(b"Connection: close", b"Connection: keep-alive")
                                 + b"x" * 300000 + req("GET", "/head"))),
    ("stream ignored chunked then GET", (
        req("POST", "/stream_ignore", "Transfer-Encoding: chunked")
        .replace(b"Connection: close", b"Connection: keep-alive")
        + chunked(*[b"y" * 30000] * 10) + req("GET", "/head"))),
    ("big upload", req("POST", "/stream_in", "Content-Length: 5000000", body=b"u" * 5000000)),
    *((f"fail mid {k}", req("GET", f"/fail_mid/{k}")) for k in ("respond", "respond_after_eof", "rstream")),
    ("nonstream read", req("POST", "/nonstream_read", "Content-Length: 5", body=b"hello")),
    ("receive_body", req("POST", "/receive_body", "Transfer-Encoding: chunked",
                         body=chunked(b"abc", b"de"))),
    *((f"status body {m} {c}", req(m, f"/status_body/{c}")) for m in ("GET", "HEAD")
      for c in (204, 304, 205)),
    ("conn_info.ctx kept alive", req("GET", "/connctx").replace(b"close", b"keep-alive") * 2
     + req("GET", "/connctx")),
    ("transport", req("GET", "/transport")),
    ("transport close", req("GET", "/transport_close")),
]

CUT = ["/respond", "/rstream", "/fstream", "/stubborn", "/background"]
WS = [("/ws/proto", ["a", "b"]), ("/ws/proto", ["x"]), ("/ws/proto", None),
      ("/ws/after_close", None), ("/ws/send_after_own_close", None), ("/ws/reason", None),
      ("/ws/raise", None), ("/ws/misc", None), ("/ws/iter", None), ("/ws/badclose", None),
      ("/ws/two_readers", None), ("/ws/returns", None)]
ABORT = ["/ws/pump", "/ws/wait"]


def mask(text: str) -> str:
    text = re.sub(r"\b[1-6]\d{4}\b", "PORT", text)
    text = re.sub(r"(process|worker) \[\d+\]", r"\1 [PID]", text, flags=re.I)
    text = re.sub(r"(?im)^date: .*\n", "", text)
    return re.sub(r"\d\d:\d\d:\d\d[,.]?\d*", "TIME", text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def command(server: str, port: int, extra: list[str]) -> list[str]:
    if server == "served":
        return ["served.py", str(port)]
    if server == "hypercorn":
        return ["-m", "hypercorn", "app:app", "--bind", f"127.0.0.1:{port}", *extra]
    return ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", str(port), *extra]


def launch(python: str, side: str, server: str, port: int, extra: list[str]) -> subprocess.Popen:
    env = dict(os.environ)
    if side == "sanic" and os.environ.get("SANIC_PATH"):
        env["PYTHONPATH"] = os.environ["SANIC_PATH"]
    return subprocess.Popen([python, *command(server, port, extra)], cwd=HERE, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_listening(proc: subprocess.Popen, port: int) -> bool:
    for _ in range(100):
        if proc.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(proc: subprocess.Popen, sig: int = signal.SIGINT) -> str:
    try:
        os.killpg(proc.pid, sig)
        proc.wait(8)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
        return "killed after 8 s"
    return f"exit {proc.returncode}"


def cut_stream(port: int, path: str) -> str:
    """Read the head and a few KB of a long stream, then close the socket."""
    sock = socket.create_connection(("127.0.0.1", port), 2)
    sock.sendall(req("GET", path))
    sock.settimeout(3)
    got = b""
    while len(got) < 8192:
        chunk = sock.recv(4096)
        if not chunk:
            break
        got += chunk
    sock.close()
    head = got.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    return mask(head.replace("\r\n", "\n"))


def ws_abort(port: int, path: str) -> str:
    """Open a websocket by hand, read a little, then reset the TCP connection (no close
    frame)."""
    sock = socket.create_connection(("127.0.0.1", port), 2)
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n".encode())
    sock.settimeout(3)
    head = b""
    try:
        while b"\r\n\r\n" not in head and len(head) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
        time.sleep(0.3)
    except TimeoutError:
        pass
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    sock.close()
    return head.split(b"\r\n", 1)[0].decode("latin-1")


def talk(port: int, data: bytes, timeout: float) -> str:
    """Send ``data``; what comes back until the server closes or is quiet for ``timeout``."""
    sock = socket.create_connection(("127.0.0.1", port), 2)
    sock.sendall(data)
    sock.settimeout(timeout)
    got = b""
    try:
        for _ in range(200):
            chunk = sock.recv(65536)
            if not chunk:
                break
            got += chunk
    except (TimeoutError, ConnectionResetError) as error:
        got += f"<{type(error).__name__}>".encode()
    sock.close()
    return mask(got.decode("utf-8", "replace").replace("\r\n", "\n"))


def slow_body(port: int) -> str:
    """Send a head promising 10 bytes, 2 of them, then wait up to 4 s for an answer."""
    return talk(port, req("POST", "/body", "Content-Length: 10") + b"ab", 4)


def exchange(port: int, data: bytes) -> str:
    if "--unframed" in sys.argv:
        return mask(compare_asgi_unframed.exchange(port, data))
    return talk(port, data, 3)


async def ws_talk(port: int, path: str, protocols: list[str] | None) -> str:
    got: list[str] = []
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}{path}", open_timeout=5,
                                      subprotocols=protocols) as ws:
            got.append(f"subprotocol={ws.subprotocol!r}")
            await ws.send("m")
            if path == "/ws/misc":
                await asyncio.sleep(0.5)
                await ws.send("second")
                await ws.send("third")
            if path == "/ws/iter":
                await ws.send(b"two")
                await ws.close(1001, "away")
            if path == "/ws/after_close":
                await asyncio.sleep(0.2)
                await ws.close(4002, "client bye")
            try:
                for _ in range(5):
                    got.append(str(await asyncio.wait_for(ws.recv(), 3)))
            except websockets.ConnectionClosed:
                pass
            except TimeoutError:
                got.append("timeout")
        return f"{got} close={ws.close_code} {ws.close_reason!r}"
    except Exception as error:
        return f"{got} {type(error).__name__}: {str(error)[:200]}"


class Events:
    def __init__(self, side: str) -> None:
        self.path = os.path.join(tempfile.gettempdir(), f"asgi8_ev_{side}.txt")
        open(self.path, "w").close()
        os.environ["EVENTS"] = self.path
        self.mark = 0

    def take(self) -> str:
        with open(self.path) as f:
            lines = f.read().splitlines()
        new, self.mark = lines[self.mark:], len(lines)
        return "\n".join(new)


def run(python: str, side: str, server: str, only: set[str], extra: list[str]) -> dict:
    events = Events(side)
    port = free_port()
    proc = launch(python, side, server, port, extra)
    seen: dict[str, str] = {}
    up = wait_listening(proc, port)
    time.sleep(0.3)
    seen["startup events"] = events.take()
    try:
        if not up:
            return seen
        for name, data in HTTP:
            if only and name not in only:
                continue
            seen[name] = exchange(port, data) + "\n" + (time.sleep(0.3) or events.take())
        for path in CUT:
            if only and path not in only:
                continue
            answer = cut_stream(port, path)
            time.sleep(3)
            seen[f"cut {path}"] = answer + "\n" + events.take()
        for path in ABORT:
            if only and path not in only:
                continue
            seen[f"abort {path}"] = ws_abort(port, path) + "\n" + (time.sleep(1) or events.take())
        if not only or "slow body" in only:
            seen["slow body"] = slow_body(port) + "\n" + (time.sleep(0.3) or events.take())
        for path, protocols in WS:
            key = f"{path} {protocols}"
            if only and key not in only and path not in only:
                continue
            answer = asyncio.run(ws_talk(port, path, protocols))
            time.sleep(0.5)
            seen[key] = answer + "\n" + events.take()
    finally:
        seen["stop"] = stop(proc)
        log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        seen["shutdown events"] = events.take()
        seen["log"] = mask(log)
    return seen


def fail_matrix(python: str, side: str, server: str, extra: list[str]) -> dict:
    seen: dict[str, str] = {}
    for event in LISTENERS:
        os.environ["FAIL"] = event
        events = Events(side)
        port = free_port()
        proc = launch(python, side, server, port, extra)
        up = wait_listening(proc, port)
        time.sleep(0.3)
        ended = stop(proc) if proc.poll() is None else f"exit {proc.returncode} by itself"
        log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        seen[f"FAIL={event}"] = (f"listening={up} {ended}\n" + events.take() + "\n--log--\n"
                                 + mask(log))
    os.environ.pop("FAIL", None)
    return seen


async def busy_stop(proc: subprocess.Popen, port: int) -> list[str]:
    """A websocket waiting in recv() and a 4 s stream in flight at SIGINT: what each
    client sees."""
    out: list[str] = []

    async def stream() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(req("GET", "/long"))
        got = b""
        try:
            for _ in range(200):
                chunk = await asyncio.wait_for(reader.read(65536), 8)
                if not chunk:
                    break
                got += chunk
        except (TimeoutError, ConnectionError) as error:
            got += f"<{type(error).__name__}>".encode()
        writer.close()
        body = got.split(b"\r\n\r\n", 1)[-1]
        out.append(f"stream: {got[:15]!r} body {body.count(b'z')} z, ends {got[-7:]!r}")

    async def ws() -> None:
        try:
            async with websockets.connect(f"ws://127.0.0.1:{port}/ws/wait") as conn:
                await asyncio.sleep(0.1)
                try:
                    await asyncio.wait_for(conn.recv(), 8)
                except websockets.ConnectionClosed:
                    pass
            out.append(f"ws: close={conn.close_code} {conn.close_reason!r}")
        except Exception as error:
            out.append(f"ws: {type(error).__name__}: {str(error)[:100]}")

    tasks = [asyncio.create_task(stream()), asyncio.create_task(ws())]
    await asyncio.sleep(0.6)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    await asyncio.gather(*tasks)
    try:
        await asyncio.to_thread(proc.wait, 10)
    except subprocess.TimeoutExpired:
        pass
    out.append(f"server ended: {proc.poll()} ({'under' if time.monotonic() - started < 3.5 else 'over'} 3.5 s)")
    return out


def stop_matrix(python: str, side: str, server: str, extra: list[str]) -> dict:
    events = Events(side)
    port = free_port()
    proc = launch(python, side, server, port, extra)
    wait_listening(proc, port)
    time.sleep(0.3)
    events.take()
    try:
        seen = {"busy stop": "\n".join(sorted(asyncio.run(busy_stop(proc, port))))}
    finally:
        ended = stop(proc, signal.SIGKILL) if proc.poll() is None else "ended"
    seen["busy stop"] += f"\n{ended}\n" + events.take()
    log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    seen["log"] = mask(log)
    return seen


def main() -> int:
    args = sys.argv[1:]
    extra: list[str] = []
    only: set[str] = set()
    server = "uvicorn"
    while "--env" in args:
        at = args.index("--env")
        key, value = args[at + 1].split("=", 1)
        os.environ[key] = value
        del args[at:at + 2]
    while "--uvargs" in args:
        at = args.index("--uvargs")
        extra += shlex.split(args[at + 1])
        del args[at:at + 2]
    if "--server" in args:
        at = args.index("--server")
        server = args[at + 1]
        del args[at:at + 2]
    if "--only" in args:
        at = args.index("--only")
        only = set(args[at + 1].split(","))
        del args[at:at + 2]
    verbose = "-v" in args
    sides = {}
    pairs = [("sanic", SANIC_PY, server), ("hurtle", HURTLE_PY, server)]
    if "--versus-served" in args:  # Hurtle served (left) against Hurtle under `server`
        pairs = [("hurtle", HURTLE_PY, "served"), ("hurtle", HURTLE_PY, server)]
    for at, (side, python, server) in enumerate(pairs):
        if "--stop" in args:
            sides[at] = stop_matrix(python, side, server, extra)
        elif "--fail" in args:
            sides[at] = fail_matrix(python, side, server, extra)
        else:
            sides[at] = run(python, side, server, only, extra)
    left, right = (f"{side} {server}" for side, _, server in pairs)
    same = 0
    for key in sides[0]:
        a, b = sides[0][key], sides[1].get(key, "<missing>")
        if a == b:
            same += 1
            if verbose:
                print(f"== {key}: same\n    " + a.replace("\n", "\n    "))
            continue
        print(f"== {key}\n  {left}:\n    " + a.replace("\n", "\n    ")
              + f"\n  {right}:\n    " + b.replace("\n", "\n    "))
    print(f"{len(sides[0])} keys, {same} same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
