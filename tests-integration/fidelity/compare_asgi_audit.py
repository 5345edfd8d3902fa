"""`asgi_audit_app.py` under uvicorn, with real Sanic and with Hurtle, observed and diffed
("ASGI mode, second audit" in README.md).

    python3 tests-integration/fidelity/compare_asgi_audit.py [NAME] [--env K=V ...]
        [--uvicorn "ARGS"] [--only a,b,ws] [--framing]

Each interpreter serves the app (`python -m uvicorn asgi_audit_app:app`); raw HTTP requests
(one connection each), a `websockets` client, then SIGINT to the server's PID. Compared:
the answers (`date` dropped; the port replaced; with `--framing` off, the default,
`content-length` and chunking are undone, as Sanic's ASGI mode streams every body), the
events file (listeners, tasks, signals, handlers), the exit code and the log lines (numbers
and paths normalised). `--env FAIL=before_server_start` makes that listener raise;
`SERVER_NAME`, `FSECRET`, `PCOUNT`, `RTIMEOUT`, `MAXSIZE`, `REALIP`, `SIGFAIL` are read by
the app. `SANIC_PY` / `HURTLE_PY` choose the interpreters (both need uvicorn and
websockets). Full observations go to `$TMPDIR/asgi_audit_NAME_<sanic|hurtle>.json`.
Servers listen on 127.0.0.1 only and are stopped by their own PID.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
SANIC_PY = os.environ.get("SANIC_PY", "/work/ref-sanic/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", os.path.join(HERE, "..", "..", ".venv", "bin", "python"))
TMP = tempfile.gettempdir()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def raw(port: int, data: bytes, quiet: float = 1.0, total: float = 5.0) -> str:
    """Send ``data`` on a new connection; what comes back until close or ``quiet`` s."""
    out = b""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(data)
        sock.settimeout(quiet)
        start = time.monotonic()
        while time.monotonic() - start < total:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            out += chunk
    return re.sub(rb"date: [^\r]*\r\n", b"", out).decode("latin-1")


def req(port: int, method: str, path: str, headers: list[tuple[str, str]] = (), body: bytes = b"") -> str:  # type: ignore[assignment]
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers)
    if body and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in headers):
        head += f"Content-Length: {len(body)}\r\n"
    return raw(port, (head + "Connection: close\r\n\r\n").encode() + body)


def expect_continue(port: int, length: int, body: bytes) -> list[str]:
    """A POST with ``Expect: 100-continue``: what comes before the body is sent, then after."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            f"POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n"
            "Expect: 100-continue\r\nConnection: close\r\n\r\n".encode()
        )
        sock.settimeout(1.5)
        try:
            first = sock.recv(1000)
        except TimeoutError:
            first = b"(nothing)"
        rest = b""
        try:
            sock.sendall(body)
            sock.settimeout(2)
            while chunk := sock.recv(1000):
                rest += chunk
        except OSError:
            pass
    return [re.sub(r"date: [^\r]*\r\n", "", part.decode("latin-1")) for part in (first, rest)]


async def ws_try(port: int, path: str, steps: Any, **options: Any) -> dict[str, Any]:
    import websockets

    try:
        async with websockets.connect(
            f"ws://127.0.0.1:{port}{path}", open_timeout=3, close_timeout=3, **options
        ) as ws:
            got = await asyncio.wait_for(steps(ws), 5)
            try:
                await asyncio.wait_for(ws.wait_closed(), 2)
            except TimeoutError:
                pass
            return {"got": got, "close": [ws.close_code, ws.close_reason], "sub": ws.subprotocol}
    except Exception as error:
        return {"exc": f"{type(error).__name__}: {error}"[:200]}


async def recv_all(ws: Any) -> list[str]:
    out = []
    try:
        while True:
            out.append(str(await asyncio.wait_for(ws.recv(), 3)))
    except Exception as error:
        out.append(type(error).__name__)
    return out


async def websocket_scenarios(port: int) -> dict[str, Any]:
    async def echo(ws: Any) -> list[Any]:
        await ws.send("hi")
        first = await ws.recv()
        await ws.send("z" * 150)  # over the app's WEBSOCKET_MAX_SIZE (100)
        return [first, await recv_all(ws)]

    async def client_close(ws: Any) -> str:
        await ws.send("hi")
        first = await ws.recv()
        await ws.close(4002, "client bye")
        return first

    return {
        "proto": await ws_try(port, "/ws/proto", recv_all, subprotocols=["superchat", "chat"]),
        "proto_unknown": await ws_try(port, "/ws/proto", recv_all, subprotocols=["other"]),
        "proto_absent": await ws_try(port, "/ws/proto", recv_all),
        "echo_too_big": await ws_try(port, "/ws/echo", echo, max_size=None),
        "client_close": await ws_try(port, "/ws/echo", client_close),
        "raise": await ws_try(port, "/ws/raise", recv_all),
        "close_4001": await ws_try(port, "/ws/close", recv_all),
        "recv_timeout": await ws_try(port, "/ws/timeout", recv_all),
        "missing": await ws_try(port, "/ws/nope", recv_all),
        "http_route": await ws_try(port, "/info", recv_all),
    }


def http_scenarios(port: int, only: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def run(name: str, call: Any) -> None:
        if only and name not in only:
            return
        try:
            out[name] = call()
        except Exception as error:
            out[name] = f"EXC {type(error).__name__}: {error}"

    xff = [
        ("X-Forwarded-For", "1.2.3.4, 5.6.7.8"), ("X-Forwarded-Proto", "https"),
        ("X-Forwarded-Host", "fw.example"),
        ("Forwarded", "for=9.9.9.9;proto=https;host=f.example;secret=sekrit"),
    ]
    chunked = b"5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n"
    big_chunked = b"".join(b"1f4\r\n" + b"y" * 500 + b"\r\n" for _ in range(6)) + b"0\r\n\r\n"
    te = [("Transfer-Encoding", "chunked")]
    run("misc", lambda: req(port, "GET", "/misc"))
    run("tasks", lambda: req(port, "GET", "/tasks"))
    run("info", lambda: client_port(req(port, "GET", "/info")))
    run("info_forwarded", lambda: client_port(req(port, "GET", "/info", xff)))
    run("info_prefix", lambda: req(port, "GET", "/pre/info"))
    run("pre_info", lambda: req(port, "GET", "/pre/info"))
    run("connctx", lambda: req(port, "GET", "/connctx", [("X-Request-ID", "1234"), ("X-Real-IP", "9.8.7.6")]))
    run("stream_chunked", lambda: req(port, "POST", "/stream", te, chunked))
    run("stream_length", lambda: req(port, "POST", "/stream", [], b"x" * 500))
    run("stream_over_max", lambda: req(port, "POST", "/stream", te, big_chunked))
    run("body_over_max_chunked", lambda: req(port, "POST", "/body", te, big_chunked))
    run("body_over_max_length", lambda: req(port, "POST", "/body", [], b"x" * 3000))
    run("expect_100", lambda: expect_continue(port, 5, b"hello"))
    run("expect_100_over_max", lambda: expect_continue(port, 5000, b""))
    run("sleep_2s", lambda: raw(port, b"GET /sleep?t=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", quiet=4, total=6))
    for path in ("/respond", "/file", "/filestream", "/cookies", "/empty", "/empty200", "/304",
                 "/after_start", "/after_eof", "/respond_then_raise", "/eof_then_raise",
                 "/respond_status", "/return_after_respond", "/rstream", "/redirect"):
        run(path, lambda path=path: req(port, "GET", path))
    for path in ("/headroute", "/headstream", "/static/data.bin", "/info"):
        run("HEAD " + path, lambda path=path: req(port, "HEAD", path))
    for name, fields in (
        ("range", [("Range", "bytes=10-19")]), ("range_past_end", [("Range", "bytes=99999-")]),
        ("ims_future", [("If-Modified-Since", "Sun, 06 Dec 2099 00:00:00 GMT")]),
        ("inm_star", [("If-None-Match", "*")]),
    ):
        run("static_" + name, lambda fields=fields: req(port, "GET", "/static/data.bin", fields))
    run("static_missing", lambda: req(port, "GET", "/static/nope.bin"))
    run("cookie_fields", lambda: req(port, "GET", "/cookie_read", [("Cookie", "a=1; a=2; b=x"), ("Cookie", "c=3")]))
    for accept in ("text/html", "application/json", "text/plain"):
        run(f"418 {accept}", lambda accept=accept: req(port, "GET", "/err/x", [("Accept", accept)]))
        run(f"500 {accept}", lambda accept=accept: req(port, "GET", "/err500", [("Accept", accept)]))
    run("405", lambda: req(port, "POST", "/info"))
    run("stop", lambda: req(port, "GET", "/stop"))
    run("after_stop", lambda: req(port, "GET", "/tasks"))
    return out


def client_port(text: str) -> str:
    """The client's (random) port replaced by ``CPORT``."""
    text = re.sub(r"'127\.0\.0\.1', \d+\)", "'127.0.0.1', CPORT)", text)
    text = re.sub(r"'client_port': \d+", "'client_port': CPORT", text)
    return re.sub(r'"port":"int:\d+"', '"port":"int:CPORT"', text)


def unframe(text: Any) -> Any:
    """An HTTP answer with its framing undone: no content-length, chunks joined, the
    header fields sorted (their order means nothing but for repeated names) and their
    names lower-cased."""
    if isinstance(text, list):
        return [unframe(item) for item in text]
    if not isinstance(text, str):
        return text
    head, sep, body = text.partition("\r\n\r\n")
    if not sep or not head.startswith("HTTP/"):
        return text
    lines = head.split("\r\n")
    # Names lower-cased: Hurtle passes them so (the ASGI spec asks it), Sanic as written,
    # and h11 writes its own capitalised.
    lines = lines[:1] + [name.lower() + sep + value for name, sep, value in (line.partition(":") for line in lines[1:])]
    chunked = "transfer-encoding: chunked" in lines
    lines = [line for line in lines if not line.startswith(("content-length:", "transfer-encoding:"))]
    lines = lines[:1] + sorted(lines[1:])
    if chunked:
        joined, rest = "", body
        while "\r\n" in rest:
            size, _, rest = rest.partition("\r\n")
            try:
                length = int(size, 16)
            except ValueError:
                break
            if length == 0:
                rest = ""
                break
            joined, rest = joined + rest[:length], rest[length + 2:]
        body = joined + ("" if not rest else "<trailing>" + rest)
        if body and not text.endswith("0\r\n\r\n"):  # (no body at all: a HEAD answer)
            body += "<unterminated>"
    return "\r\n".join(lines) + "\r\n\r\n" + body


def observe(
    py: str, name: str, env: dict[str, str], uv_args: list[str], only: set[str], framing: bool,
    target: str = "asgi_audit_app:app", http: Any = None, ws: Any = None, tag: str = "asgi_audit",
) -> dict[str, Any]:
    """Serve ``target`` under uvicorn with ``py``, run the ``http(port, only, events)`` and
    ``ws(port)`` scenarios (this file's by default), stop it with SIGINT; what was seen."""
    port = free_port()
    events = os.path.join(TMP, f"{tag}_{name}_events_{os.getpid()}.txt")
    if os.path.exists(events):
        os.remove(events)
    child_env = {**os.environ, "EVENTS": events, **env}
    child_env.pop("PYTHONPATH", None)
    proc = subprocess.Popen(
        [py, "-m", "uvicorn", target, "--host", "127.0.0.1", "--port", str(port), *uv_args],
        cwd=HERE, env=child_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    ready = False
    for _ in range(150):
        if proc.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            ready = True
            break
        except OSError:
            time.sleep(0.1)
    seen: dict[str, Any] = {}
    if ready:
        seen = http(port, only, events) if http else http_scenarios(port, only)
        if not only or "ws" in only:
            seen["ws"] = asyncio.run((ws or websocket_scenarios)(port))
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        log, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        log, _ = proc.communicate()
    if not framing:
        seen = {k: unframe(v) for k, v in seen.items()}
    seen["exit_code"] = proc.returncode
    seen["events"] = open(events).read().splitlines() if os.path.exists(events) else []
    seen["log"] = [
        re.sub(r"\d+", "N", re.sub(r"/\S*/site-packages/|/\S*/src/", "<lib>/", line))
        for line in log.splitlines()
        if not line.startswith(("  ", "Traceback")) and "INFO" not in line
    ]
    text = json.dumps(seen, indent=1, sort_keys=True, ensure_ascii=False)
    return json.loads(text.replace(str(port), "PORT"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", nargs="?", default="base")
    parser.add_argument("--env", action="append", default=[], metavar="K=V")
    parser.add_argument("--uvicorn", default="", help="extra uvicorn arguments")
    parser.add_argument("--only", default="", help="comma-separated scenario names (ws: websockets)")
    parser.add_argument("--framing", action="store_true", help="compare framing too")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    only = set(filter(None, args.only.split(",")))
    results = {}
    for who, py in (("sanic", SANIC_PY), ("hurtle", HURTLE_PY)):
        results[who] = observe(py, args.name, env, args.uvicorn.split(), only, args.framing)
        with open(os.path.join(TMP, f"asgi_audit_{args.name}_{who}.json"), "w") as fh:
            json.dump(results[who], fh, indent=1, sort_keys=True, ensure_ascii=False)
    same = 0
    for key in sorted(set(results["sanic"]) | set(results["hurtle"])):
        a, b = results["sanic"].get(key), results["hurtle"].get(key)
        if a == b:
            same += 1
            continue
        print(f"DIFF {key}")
        left = json.dumps(a, indent=1, sort_keys=True).split("\n")
        right = json.dumps(b, indent=1, sort_keys=True).split("\n")
        lines = list(difflib.unified_diff(left, right, "sanic", "hurtle", lineterm="", n=1))
        for line in lines[:60]:
            print("   " + line[:240])
        if len(lines) > 60:
            print(f"   ... {len(lines) - 60} more lines in the JSON files")
    total = len(set(results["sanic"]) | set(results["hurtle"]))
    print(f"{same} same, {total - same} different")
    return 0


if __name__ == "__main__":
    sys.exit(main())
