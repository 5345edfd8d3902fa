"""`app.py` three ways: uvicorn with Sanic 25.12, uvicorn with Hurtle, Hurtle's own server.
Raw answers, websocket closes and the app's events, request by request, side by side.

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        .venv/bin/python tests-integration/fidelity/asgi7/probe.py [-v] [--only NAME,...]

All servers listen on 127.0.0.1 and are stopped by their own PID."""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import compare_asgi_raw as raw_tool
import compare_asgi_unframed
import websockets

HERE = os.path.dirname(os.path.abspath(__file__))
LATER = "Wed, 01 Jan 2100 00:00:00 GMT"


def get(method: str, path: str, *extra: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: h.example", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


HTTP: list[tuple[str, bytes]] = [
    ("float", get("GET", "/float", "Connection: close")),
    *((f"upgrade {k}", get("GET", f"/upgrade/{k}")) for k in ("up", "upclose", "close2", "plain")),
    ("file ims", get("GET", "/file", f"If-Modified-Since: {LATER}", "Connection: close")),
    ("file ims HEAD", get("HEAD", "/file", f"If-Modified-Since: {LATER}", "Connection: close")),
    ("file ims OPTIONS", get("OPTIONS", "/file", f"If-Modified-Since: {LATER}",
                             "Connection: close")),
    ("file ims POST", get("POST", "/file", f"If-Modified-Since: {LATER}", "Content-Length: 0",
                          "Connection: close")),
    ("file ims two lines", get("GET", "/file", f"If-Modified-Since: {LATER}",
                               f"If-Modified-Since: {LATER}", "Connection: close")),
    ("file inm star", get("GET", "/file", "If-None-Match: *", "Connection: close")),
    ("file inm empties", get("GET", "/file", "If-None-Match: ,, *,", "Connection: close")),
    ("file inm star OPTIONS", get("OPTIONS", "/file", "If-None-Match: *", "Connection: close")),
    ("file im none", get("GET", "/file", 'If-Match: "nope"', "Connection: close")),
    ("file im empties", get("GET", "/file", 'If-Match: , ,', "Connection: close")),
    ("file ius old", get("GET", "/file", "If-Unmodified-Since: Sat, 01 Jan 2000 00:00:00 GMT",
                         "Connection: close")),
    ("file404 ims", get("GET", "/file404", f"If-Modified-Since: {LATER}", "Connection: close")),
    ("file404 inm", get("GET", "/file404", "If-None-Match: *", "Connection: close")),
    *((f"maxage {v}", get("GET", f"/maxage/{v}", "Connection: close")) for v in
      ("1.5", "60.0", "-5", "0.4")),
    ("read_head fail", get("GET", "/upgrade/plain", "X-Fail-Head: 1")),
    ("upgrade given", get("GET", "/upgrade/given")),
    ("upgrade alone", get("GET", "/upgrade/alone")),
    ("ws route plain GET", get("GET", "/ws/big", "Connection: close")),
    ("ws route old version", get("GET", "/ws/big", "Connection: Upgrade", "Upgrade: websocket",
                                 "Sec-WebSocket-Version: 8",
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")),
    ("sig before", get("GET", "/sig/before", "Connection: close")),
    ("sig dispatch inline", get("GET", "/sig/dispatch/1", "Connection: close")),
    ("sig dispatch task", get("GET", "/sig/dispatch/0", "Connection: close")),
    *((f"sig {k}", get("GET", f"/sig/{k}", "Connection: close")) for k in
      ("request", "handle", "response", "routing", "after")),
    *((f"status {k}", get("GET", f"/status/{k}", "Connection: close")) for k in
      ("true", "http", "stream", "empty")),
    ("static ims two lines", get("GET", "/st/app.py", f"If-Modified-Since: {LATER}",
                                 f"If-Modified-Since: {LATER}", "Connection: close")),
    ("static ims", get("GET", "/st/app.py", f"If-Modified-Since: {LATER}", "Connection: close")),
    ("static ims OPTIONS", get("OPTIONS", "/st/app.py", f"If-Modified-Since: {LATER}",
                               "Connection: close")),
    ("static inm empties", get("GET", "/st/app.py", "If-None-Match: ,, *,", "Connection: close")),
    ("static if-range two lines", get("GET", "/st/app.py", "Range: bytes=0-3",
                                      f"If-Range: {LATER}", f"If-Range: {LATER}",
                                      "Connection: close")),
    ("nostatus", get("GET", "/nostatus", "Connection: close")),
    ("nonresponse", get("GET", "/nonresponse", "Connection: close")),
]


async def ws_talk(port: int, path: str, message: str | list[str]) -> str:
    got: list[str] = []
    started = time.monotonic()
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}{path}", open_timeout=5,
                                      max_size=None) as ws:
            try:  # a handler that closes at once may have closed before this arrives
                await ws.send(message)
            except websockets.ConnectionClosed:
                pass
            try:
                for _ in range(5):
                    got.append(str(await asyncio.wait_for(ws.recv(), 3)))
            except websockets.ConnectionClosed:
                pass
            except TimeoutError:
                got.append("timeout")
        waited = "under 1 s" if time.monotonic() - started < 1 else "1 s or more"
        return f"{got} close={ws.close_code} {ws.close_reason!r} ({waited})"
    except Exception as error:
        return f"{got} {type(error).__name__}: {str(error)[:200]}"


def exchange(port: int, data: bytes) -> str:
    """The answer with its framing undone; kept-alive connections end after 1 s."""
    text = compare_asgi_unframed.exchange(port, data)
    head, sep, rest = text.partition("\n\n")
    body, _, end = rest.rpartition("\n-- ")
    if len(body) > 120:
        body = f"<{len(body)} characters>"
    text = f"{head}{sep}{body}\n-- {end}"
    text = re.sub(r"(?im)^(date|last-modified|etag): .*\n", r"\1: X\n", text)
    return re.sub(r"(?im)^expires: .*\n", "expires: X\n", text)


def run(python: str, side: str, only: set[str]) -> dict[str, str]:
    events = os.path.join(tempfile.gettempdir(), f"asgi7_ev_{side}.txt")
    open(events, "w").close()
    os.environ["EVENTS"] = events
    port = raw_tool.free_port()
    if side == "served":
        proc = raw_tool.start(python, "", port, HERE, command=["app.py", str(port)])
    else:
        proc = raw_tool.start(python, "app:app", port, HERE, "uvicorn")
    seen: dict[str, str] = {}
    mark = 0

    def events_now() -> str:
        nonlocal mark
        time.sleep(0.2)
        with open(events) as f:
            lines = f.read().splitlines()
        new, mark = lines[mark:], len(lines)
        return "\n".join(new)

    try:
        for name, data in HTTP:
            if only and name not in only:
                continue
            seen[name] = exchange(port, data) + "\n" + events_now()
        for name, path, message in (("ws before", "/ws/before", "m"),
                                    ("ws big", "/ws/big", "x" * 200),
                                    ("ws small", "/ws/big", "x" * 50),
                                    ("ws fragments", "/ws/big", ["x" * 60, "x" * 60]),
                                    ("ws after", "/ws/after", "m"),
                                    ("ws late", "/ws/late", "x" * 200),
                                    *((f"ws deny {k}", f"/ws/deny/{k}", "m") for k in
                                      ("403", "403f", "600", "101", "204")),
                                    ("ws exception", "/ws/exception", "m")):
            if only and name not in only:
                continue
            seen[name] = asyncio.run(ws_talk(port, path, message)) + "\n" + events_now()
    finally:
        raw_tool.stop(proc)
        log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        seen["log"] = "\n".join(line for line in log.splitlines()
                                if "Error" in line or "error" in line)
    return seen


def served_alike(text: str) -> str:
    """An answer as to be compared between uvicorn and Hurtle's server: field names in
    lower case and sorted, without uvicorn's `server` and the own server's keep-alive.
    A websocket's outcome is compared as it is."""
    if not text.startswith("HTTP/"):
        return text
    head, sep, rest = text.partition("\n\n")
    lines = head.split("\n")
    fields = sorted(
        line.split(":", 1)[0].lower() + ":" + line.split(":", 1)[1] for line in lines[1:]
        if ":" in line and line.lower() not in ("server: uvicorn", "connection: keep-alive")
    )
    return "\n".join([lines[0], *fields]) + sep + rest


def main() -> int:
    args = sys.argv[1:]
    only: set[str] = set()
    if "--only" in args:
        only = set(args[args.index("--only") + 1].split(","))
    verbose = "-v" in args
    sides = {s: run(p, s, only) for s, p in (("sanic", raw_tool.SANIC_PY),
                                             ("hurtle", raw_tool.HURTLE_PY),
                                             ("served", raw_tool.HURTLE_PY))}
    same = 0
    for key in sides["sanic"]:
        values = {s: sides[s].get(key, "<missing>") for s in sides}
        if len(set(values.values())) == 1:
            same += 1
            if verbose:
                print(f"== {key}: same\n    " + values["sanic"].replace("\n", "\n    "))
            continue
        print(f"== {key}")
        for side, value in values.items():
            print(f"  {side}:\n    " + value.replace("\n", "\n    "))
    print(f"{len(sides['sanic'])} keys, {same} same in all three")
    apart = [key for key in sides["hurtle"] if key != "log" and served_alike(sides["hurtle"][key])
             != served_alike(sides["served"].get(key, "<missing>"))]
    print(f"Hurtle under uvicorn vs served, field case/order, `server`, keep-alive aside: "
          f"{len(apart)} differ: {', '.join(apart)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
