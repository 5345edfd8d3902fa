"""`asgi4_app.py` under uvicorn, with real Sanic and with Hurtle, observed and diffed
("ASGI mode, fourth audit" in README.md): the `http.lifecycle.*` signals, middleware and
listeners of each exchange (which fire, how often, in what order, with what), what a
request sees of its transport and connection, streamed bodies, HEAD, clients leaving
mid-response and websockets.

    SANIC_PY=... python3 tests-integration/fidelity/compare_asgi4.py [NAME] [--env K=V ...]
        [--uvicorn "ARGS"] [--only a,b,ws]

Built on `compare_asgi_audit.observe` (same servers, framing undone, log normalised).
Before each scenario the driver writes `== NAME` into the events file, so the events are
compared scenario by scenario. Differences that are kept are labelled by `kept()` and
printed as KEPT; the rest as DIFF.
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
import time
from typing import Any

from compare_asgi_audit import (
    HERE,
    HURTLE_PY,
    SANIC_PY,
    TMP,
    client_port,
    free_port,
    observe,
    raw,
    recv_all,
    req,
    ws_try,
)


def keepalive(port: int, first: bytes, second: bytes) -> list[str]:
    """Two requests on one connection, the second sent once the first is answered."""
    out = []
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for data in (first, second):
            sock.sendall(data)
            sock.settimeout(0.8)
            got = b""
            while True:
                try:
                    chunk = sock.recv(65536)
                except TimeoutError:
                    break
                if not chunk:
                    break
                got += chunk
            out.append(re.sub(rb"date: [^\r]*\r\n", b"", got).decode("latin-1"))
    return out


def slow_body(port: int) -> str:
    """A body sent in two halves 1.5 s apart (past a 1 s REQUEST_TIMEOUT)."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\nhello")
        time.sleep(1.5)
        try:
            sock.sendall(b"world")
        except OSError as error:
            return f"send failed: {type(error).__name__}"
        sock.settimeout(3)
        got = b""
        try:
            while chunk := sock.recv(65536):
                got += chunk
        except OSError:
            pass
    return re.sub(r"date: [^\r]*\r\n", "", got.decode("latin-1"))


def leave_early(port: int, path: str, after: float) -> str:
    """Ask for ``path``, read for ``after`` s, then close the connection."""
    got = b""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        sock.settimeout(after)
        try:
            got = sock.recv(100)
        except TimeoutError:
            pass
    time.sleep(2.5)
    return "answered" if got.startswith(b"HTTP/1.1 200") else f"got {got[:30]!r}"


EVENTS: list[str] = []


def mark(name: str) -> None:
    """Start the events of scenario ``name``."""
    with open(EVENTS[0], "a") as fh:
        fh.write(f"== {name}\n")


def http_scenarios(port: int, only: set[str], events: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    EVENTS[:] = [events]

    def run(name: str, call: Any) -> None:
        if only and name not in only:
            return
        mark(name)
        try:
            out[name] = call()
        except Exception as error:
            out[name] = f"EXC {type(error).__name__}: {error}"
        time.sleep(0.2)

    get = f"GET /a HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    get_close = f"GET /a HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode()
    te = [("Transfer-Encoding", "chunked")]
    run("get", lambda: req(port, "GET", "/a"))
    run("keepalive", lambda: keepalive(port, get, get_close))
    run("conn_close_field", lambda: keepalive(port, b"GET /conn_close HTTP/1.1\r\nHost: x\r\n\r\n", get_close))
    run("body", lambda: req(port, "POST", "/body", [], b"hello"))
    run("slow_body", lambda: slow_body(port))
    run("body_chunked", lambda: req(port, "POST", "/body", te, b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"))
    run("stream_empty", lambda: req(port, "POST", "/stream", [("Content-Length", "0")]))
    run("stream_chunked", lambda: req(port, "POST", "/stream", te, b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"))
    run("err", lambda: req(port, "GET", "/err"))
    run("404", lambda: req(port, "GET", "/nope"))
    run("405", lambda: req(port, "DELETE", "/a"))
    run("respond", lambda: req(port, "GET", "/respond"))
    for path in ("/file", "/filestream", "/empty"):
        run("GET " + path, lambda path=path: req(port, "GET", path))
        run("HEAD " + path, lambda path=path: req(port, "HEAD", path))
    run("HEAD /a", lambda: req(port, "HEAD", "/a"))
    run("close", lambda: req(port, "GET", "/close"))
    run("respond_twice", lambda: req(port, "GET", "/respond_twice"))
    run("read_again", lambda: req(port, "POST", "/read_again", [], b"abc"))
    run("stream_noread_empty", lambda: req(port, "POST", "/stream_noread"))
    for path in ("/file_named", "/filestream_named"):
        run("GET " + path, lambda path=path: req(port, "GET", path))
        run("HEAD " + path, lambda path=path: req(port, "HEAD", path))
    run("file_named_range", lambda: req(port, "GET", "/file_named", [("Range", "bytes=0-4")]))
    run("bp", lambda: req(port, "GET", "/bp/x"))
    run("bp_404", lambda: req(port, "GET", "/bp/nope"))
    run("HEAD /headrespond", lambda: req(port, "HEAD", "/headrespond"))
    run("GET /headrespond", lambda: req(port, "GET", "/headrespond"))
    for kind in ("handle_raise", "response_header", "response_raise", "exception_raise", "reqmw_raise",
                 "respmw_raise"):
        run("sig " + kind, lambda kind=kind: req(port, "GET", "/sig/" + kind))
    run("transport", lambda: client_port(req(port, "GET", "/transport")))
    fwd = [("X-Forwarded-For", "1.2.3.4"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "fw.example"),
           ("Forwarded", "for=9.9.9.9;proto=https;host=f.example")]
    run("transport_fwd", lambda: client_port(req(port, "GET", "/transport?x=1", fwd)))
    run("transport_pre", lambda: client_port(req(port, "GET", "/pre/transport")))
    run("transport_http10", lambda: client_port(raw(port, b"GET /transport HTTP/1.0\r\n\r\n")))
    run("leave_slow", lambda: leave_early(port, "/slow", 0.3))
    run("leave_sleep", lambda: leave_early(port, "/sleep?t=1.5", 0.3))
    run("sleep_2s", lambda: raw(port, b"GET /sleep?t=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", quiet=4, total=6))
    run("after", lambda: req(port, "GET", "/a"))
    if only and "ws" not in only:
        mark("stop")  # (else the websocket scenarios mark it)
    return out


async def websocket_scenarios(port: int) -> dict[str, Any]:
    async def echo(ws: Any) -> list[Any]:
        await ws.send("hi")
        return await recv_all(ws)

    async def client_close(ws: Any) -> str:
        await ws.send("one")
        await asyncio.sleep(0.2)
        await ws.close(4000, "client leaves")
        return "closed"

    out = {}
    for name, path, steps, options in (
        ("echo", "/ws/echo", echo, {}),
        ("proto", "/ws/proto", recv_all, {"subprotocols": ["chat"]}),
        ("proto_other", "/ws/proto", recv_all, {"subprotocols": ["x", "chat"]}),
        ("raise", "/ws/raise", recv_all, {}),
        ("early", "/ws/early", recv_all, {}),
        ("missing", "/ws/nope", recv_all, {}),
        ("deny", "/ws/deny", recv_all, {}),
        ("forbidden", "/ws/forbidden", recv_all, {}),
        ("bin", "/ws/bin", recv_all, {}),
        ("proto_none", "/ws/proto", recv_all, {}),
        ("client_close", "/ws/wait", client_close, {}),
    ):
        mark("ws " + name)
        out[name] = await ws_try(port, path, steps, **options)
        await asyncio.sleep(0.2)
    mark("stop")
    return out


def split_events(lines: list[str]) -> dict[str, list[str]]:
    """The events file as {scenario: lines}; before the first marker: ``start``."""
    out: dict[str, list[str]] = {"start": []}
    current = "start"
    for line in lines:
        if line.startswith("== "):
            current = line[3:]
            out[current] = []
        else:
            out[current].append(re.sub(r"\d{4,5}", "N", line))
    if "stop" not in out:  # the websocket scenarios did not run: the stop is in the last one
        out["stop"] = []
    return out


# What a request sees of its transport and connection that differs on purpose: the scope's
# `server` is given (Sanic: None, "" and 0; "ASGI mode, second audit"), `sslcontext` is None
# for http (Sanic: False), and `is_closing()` answers False (Sanic: NotImplementedError).
TRANSPORT_KEPT = {"sockname", "sslcontext", "is_closing", "ci.server", "ci.server_port", "ci.sockname"}
# uvicorn's trusted X-Forwarded-Proto makes the scope https: Hurtle follows the scope, Sanic
# says http ("ASGI mode, third audit"); `conn_info.ssl` follows the scheme.
SANIC_PLUMBING = {"request_body", "_extra", "add_task", "loop", "set_protocol"}
HTTPS_SCOPE_KEPT = {"scheme", "url", "url_for", "url_for_q", "ci.ssl"}
SANIC_WS_BROKEN = "Sanic's ASGI websockets fail (1006 after the handshake, no subprotocol, 500 for no route)"


def flat(body: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in body.items():
        if isinstance(value, dict):
            out.update({f"{name}.{k}": v for k, v in value.items()})
        else:
            out[name] = value
    return out


def transport_kept(sanic: str, hurtle: str) -> str:
    try:
        a, b = (flat(json.loads(text.split("\r\n\r\n", 1)[1])) for text in (sanic, hurtle))
    except (ValueError, IndexError, AttributeError):
        return ""
    differ = {name for name in set(a) | set(b) if a.get(name) != b.get(name)}
    for name in ("stream_api", "transport_api", "protocol_api"):
        # Sanic's plumbing that only its own code calls (listed in the surface section):
        # the rest of each list must be Sanic's names and more.
        if name in differ and set(a.get(name) or ()) - set(b.get(name) or ()) <= SANIC_PLUMBING:
            differ.discard(name)
    # attributes of the stream that only one side has: its own internals, or plumbing
    differ = {
        name for name in differ
        if not name.startswith("stream.") or (name[7:] in a.get("stream_api", ()) and name[7:] not in SANIC_PLUMBING)
    }
    allowed = set(TRANSPORT_KEPT)
    if a.get("scope_scheme") == "str:'https'":
        allowed |= HTTPS_SCOPE_KEPT
    return "" if differ - allowed else "transport/conn_info server, sslcontext, is_closing (and https scope)"


def log_kept(sanic: list[str], hurtle: list[str]) -> str:
    """The log without the records of Sanic's websocket failures and of its repeated
    handling of an error raised by an `http.lifecycle.response` or `.exception` handler
    (both sides; the client gets uvicorn's bare 500 from both)."""
    def records(lines: list[str]) -> list[str]:
        out: list[list[str]] = []
        for line in lines:
            if line.startswith(("Main ", "ERROR:")) or not out:
                out.append([])
            out[-1].append(line)
        text = ["\n".join(record) for record in out]
        noise = ("ws://", "/ws/", "websocket.accept", "response signal boom", "exception signal boom")
        return [t for t in text if not any(word in t for word in noise)]

    def in_order(lines: list[str]) -> list[str]:
        # the task's cancellation line: where it falls is the kept stop order ("events stop")
        cancelled = "was cancelled before it completed"
        out = records(lines)
        return [t for t in out if cancelled not in t] + sorted(t for t in out if cancelled in t)

    if in_order(sanic) == in_order(hurtle):
        return ("Sanic's ASGI websocket failures; errors of response/exception signal handlers "
                "re-handled; where the task cancellation line falls")
    return ""


def ws_request_kept(sanic: list[str], hurtle: list[str]) -> bool:
    """Whether what a websocket handler saw (its ``W`` line) differs only as kept: the
    transport items above, Sanic's missing ``subprotocol``, and Hurtle's websocket
    offering more than Sanic's (its API a superset, the same class name first)."""
    import ast

    a, b = ([ast.literal_eval(x[2:]) for x in lines if x.startswith("W ")] for lines in (sanic, hurtle))
    if len(a) != len(b):
        return False
    for left, right in zip(a, b, strict=True):
        left, right = flat(left), flat(right)
        for name in set(left) | set(right):
            if left.get(name) == right.get(name) or name in TRANSPORT_KEPT or name == "ws_subprotocol":
                continue
            if name == "ws_api" and set(left[name]) <= set(right[name]):
                continue
            if name == "ws_mro" and left[name][0] == right[name][0]:
                continue
            return False
    return True


def kept(key: str, sanic: Any, hurtle: Any) -> str:
    """Why a difference is kept, or ``""``."""
    if key in ("events leave_slow", "events leave_sleep"):
        return "a client leaving cancels the handler (Sanic's ASGI mode runs it on)"
    if key == "events stop":
        # Kept since the first round: tasks are cancelled before after_server_stop.
        # (Sanic's failing websocket exchanges may still be logging their events)
        def own(lines: list[str]) -> list[str]:
            return [line for line in lines if not line.startswith("E ") and "/ws/" not in line]

        if own(sanic) == own(hurtle):
            return "the watcher task is cancelled before after_server_stop (Sanic: after)"
    if key == "read_again":
        return "request.stream.read() after the whole body: None (Sanic's ASGI mode waits forever)"
    if key in ("GET /filestream_named", "HEAD /filestream_named"):
        return "a non-ASCII download name: filename*=UTF-8'' (RFC 6266/8187), Sanic writes raw UTF-8"
    if key == "events close":
        # Sanic's MockTransport.close()/is_closing() raise NotImplementedError (a handler
        # calling close() gets the 500 page); Hurtle's mark it closing (the server owns the
        # connection), and the response is sent under both.
        return "transport.close()/is_closing(): Sanic raises NotImplementedError"
    if key == "stream_chunked":
        return "Sanic's ASGI mode hangs on a stream=True route with a body"
    if key.startswith("events ws ") and not ws_request_kept(sanic, hurtle):
        return ""  # what the handler's request shows must match
    if key == "ws" or key.startswith("events ws "):
        # (its events: the handler's subprotocol is an AttributeError, recv() gives None
        # after the client's close, a response instead of the handshake (no route, a
        # refusal by request middleware) fails with "Expected ASGI message
        # 'websocket.accept'..." and is handled again; a route's subprotocols are not
        # required of the client, kept in "ASGI mode, second audit")
        return SANIC_WS_BROKEN
    if key == "events respond_twice":
        # Kept since the first rounds: Hurtle's message is its server's (and Sanic's).
        return "send() after eof(): ServerError 'Response stream was ended...' (Sanic's ASGI: RuntimeError)"
    if key == "events sig response_raise":
        # Both end with uvicorn's bare 500 ("Exception in ASGI application"); Sanic first
        # handles the error three times over (request middleware run again).
        return "Sanic handles an error of an http.lifecycle.response handler 3 times"
    if key.startswith("transport") and isinstance(sanic, str) and isinstance(hurtle, str):
        return transport_kept(sanic, hurtle)
    if key == "log" and isinstance(sanic, list) and isinstance(hurtle, list):
        return log_kept(sanic, hurtle)
    return ""


def own_server_ws(py: str) -> dict[str, Any]:
    """The websocket scenarios against ``py`` serving the app itself (``app.run``)."""
    port = free_port()
    events = os.path.join(TMP, f"asgi4_own_events_{os.getpid()}.txt")
    EVENTS[:] = [events]
    code = (f"import asgi4_app as m; m.app.run(host='127.0.0.1', port={port}, single_process=True, "
            "access_log=False, motd=False)")
    env = {**os.environ, "EVENTS": events}
    env.pop("PYTHONPATH", None)
    proc = subprocess.Popen([py, "-c", code], cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        return asyncio.run(websocket_scenarios(port))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def compare_ws_own() -> int:
    """Hurtle's ASGI websockets (uvicorn) against Sanic and Hurtle serving the socket."""
    got = {
        "sanic_own": own_server_ws(SANIC_PY),
        "hurtle_own": own_server_ws(HURTLE_PY),
        "hurtle_asgi": observe(HURTLE_PY, "wsown", {}, [], {"ws"}, False, target="asgi4_app:app",
                               http=lambda port, only, events: EVENTS.__setitem__(slice(None), [events]) or {},
                               ws=websocket_scenarios, tag="asgi4")["ws"],
    }
    same = 0
    for name in got["sanic_own"]:
        row = {who: json.dumps(seen.get(name), sort_keys=True) for who, seen in got.items()}
        alike = row["sanic_own"] == row["hurtle_asgi"]
        same += alike
        print(("same " if alike else "DIFF ") + name)
        if not alike:
            for who, text in row.items():
                print(f"   {who:12} {text[:300]}")
    print(f"{same} same, {len(got['sanic_own']) - same} different (Sanic serving vs Hurtle under uvicorn)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", nargs="?", default="base")
    parser.add_argument("--env", action="append", default=[], metavar="K=V")
    parser.add_argument("--uvicorn", default="", help="extra uvicorn arguments")
    parser.add_argument("--only", default="", help="comma-separated scenario names (ws: websockets)")
    parser.add_argument("--ws-own", action="store_true",
                        help="websockets: Hurtle under uvicorn against Sanic (and Hurtle) serving the socket")
    args = parser.parse_args()
    if args.ws_own:
        return compare_ws_own()
    env = dict(item.split("=", 1) for item in args.env)
    only = set(filter(None, args.only.split(",")))
    results = {}
    for who, py in (("sanic", SANIC_PY), ("hurtle", HURTLE_PY)):
        seen = observe(py, args.name, env, args.uvicorn.split(), only, False,
                       target="asgi4_app:app", http=http_scenarios, ws=websocket_scenarios, tag="asgi4")
        text = re.sub(r"expires: [^\\]*GMT", "expires: <time>", json.dumps(seen))
        seen = json.loads(re.sub(r" at Nx[0-9a-fN]+>", " at ADDR>", text))
        for scenario, lines in split_events(seen.pop("events")).items():
            seen["events " + scenario] = lines
        results[who] = seen
        with open(os.path.join(TMP, f"asgi4_{args.name}_{who}.json"), "w") as fh:
            json.dump(seen, fh, indent=1, sort_keys=True, ensure_ascii=False)
    same = labelled = 0
    keys = sorted(set(results["sanic"]) | set(results["hurtle"]))
    for key in keys:
        a, b = results["sanic"].get(key), results["hurtle"].get(key)
        if a == b:
            same += 1
            continue
        why = kept(key, a, b)
        labelled += bool(why)
        print(f"{'KEPT' if why else 'DIFF'} {key}" + (f": {why}" if why else ""))
        if why:
            continue
        left = json.dumps(a, indent=1, sort_keys=True).split("\n")
        right = json.dumps(b, indent=1, sort_keys=True).split("\n")
        lines = list(difflib.unified_diff(left, right, "sanic", "hurtle", lineterm="", n=1))
        for line in lines[:60]:
            print("   " + line[:240])
        if len(lines) > 60:
            print(f"   ... {len(lines) - 60} more lines in the JSON files")
    print(f"{same} same, {len(keys) - same} different ({labelled} kept, {len(keys) - same - labelled} not)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
