"""Diff middleware order, short-circuits and http.lifecycle signals: real Sanic vs Hurtle.

    python3 tests-integration/fidelity/lifecycle2/mw_run.py [-v]
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
import time

from _drive import (
    PYTHONS,
    diff,
    free_port,
    get,
    log_lines,
    raw,
    start,
    stop,
    summarize_response,
    wait_port,
)

KEEP = ("x-seen", "x-short", "content-type", "content-length", "transfer-encoding")

REQUESTS = [
    "/ok", "/sync", "/nope", "POST /ok", "/err", "/err?kind=custom",
    "/g/bp1/x", "/g/bp2/x", "/bp3/x",
    "/ok?short=a_prio5", "/ok?short=a_deco", "/ok?short=a_sync", "/ok?short=a_prio_neg",
    "/g/bp1/x?short=grp", "/g/bp1/x?short=bp1", "/bp3/x?short=bp3",
    "/ok?raise=a_deco", "/ok?raise=a_deco&kind=custom", "/ok?raise=a_deco&kind=sanic",
    "/ok?raise=r_deco", "/ok?raise=r_deco&kind=custom", "/ok?raise=r_prio5",
    "/ok?replace=r_prio_neg", "/ok?replace=r_deco", "/ok?replace=r_prio5",
    "/g/bp1/x?raise=bp1", "/g/bp1/x?raise=grp&kind=custom", "/bp3/x?raise=bp3",
    "/bp3/x?raise=bp3_prio9", "/nope?raise=a_deco", "/nope?short=a_deco", "/nope?replace=r_deco",
    "/nope?raise=r_deco", "/err?raise=r_deco", "/err?short=a_prio5",
    "/stream", "/stream?raise=r_deco", "/stream?replace=r_deco", "/stream_ret", "/stream_ret?replace=r_deco",
    "/static/a.txt", "/static/missing.txt", "/static/a.txt?short=a_onreq",
    "WS /ws", "WS /ws?short=a_deco",
]


REQUESTS2 = [
    "/ok", "/ok?ret=str", "/ok?ret=dict", "/ok?ret=int", "/ok?ret=headers", "/nope?ret=str",
    "/ok?rret=str", "/ok?rret=none_body", "/ok?rret=text", "/nope?rret=text",
    "HEAD /head", "OPTIONS /ok", "/named", "/bp/x", "/bp/nope",
    "POST /stream", "POST /body", "/empty", "/raw", "/redirect", "/empty?rret=text",
    "/stream_fail", "/gen_fail", "KA /ok", "CHUNKED /stream", "CHUNKED /body", "ABORT /body",
]
REQUESTS3 = ["/out/in/i1/x", "/out/in/i2/x", "/out/t/x", "/again/x", "/solo/x", "/out/in/i1/nope"]
APPS = {
    "mw": ("mw_app.py", REQUESTS), "mw2": ("mw2_app.py", REQUESTS2), "mw3": ("mw3_app.py", REQUESTS3)
}


def one(port: int, events: str, target: str) -> list[str]:
    with open(events, "a") as fh:
        fh.write(f"== {target}\n")
    if target.startswith("WS "):
        key = base64.b64encode(b"0123456789abcdef").decode()
        data = raw(port, (
            f"GET {target[3:]} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode(), limit=1.5)
        head = data.split(b"\r\n\r\n")[0].decode(errors="replace").split("\r\n")
        return [f"status: {head[0]}"] + [f"  {h.lower()}" for h in head[1:] if h.split(":")[0].lower() in KEEP]
    method, _, path = target.rpartition(" ")
    if method == "KA":
        one_req = f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"
        data = (one_req + one_req.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")).encode()
        return summarize_response(raw(port, data), KEEP)
    if method == "CHUNKED":
        data = (f"POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").encode()
        return summarize_response(raw(port, data), KEEP)
    if method == "ABORT":
        data = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc".encode()
        return summarize_response(raw(port, data, limit=1.0), KEEP)
    extra = ""
    if method == "POST":
        extra = "Content-Length: 5\r\n"
        data = f"POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{extra}\r\nhello".encode()
        return summarize_response(raw(port, data), KEEP)
    return summarize_response(get(port, path, method or "GET"), KEEP)


def observe(kind: str, name: str) -> list[str]:
    script, requests = APPS[name]
    port = free_port()
    fd, events = tempfile.mkstemp(prefix=f"mw_{kind}_")
    os.close(fd)
    proc = start(PYTHONS[kind], [script, str(port)], {"PROBE_EVENTS": events})
    lines: list[str] = []
    if not wait_port(port, proc):
        rc, out, err = stop(proc)
        return [f"did not start rc={rc}", *err.splitlines()[-10:]]
    answers = {}
    for target in requests:
        answers[target] = one(port, events, target)
        time.sleep(0.1)
    rc, out, err = stop(proc)
    chunks: dict[str, list[str]] = {}
    current = None
    for line in open(events).read().splitlines():
        if line.startswith("== "):
            current = line[3:]
            chunks[current] = []
        elif current:
            chunks[current].append("    " + line)
    for target in requests:
        lines.append(f"-- {target}")
        lines += answers[target]
        lines += chunks.get(target, [])
    lines.append(f"exit {rc}")
    lines += log_lines(err)
    os.unlink(events)
    return lines


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    name = ([a for a in sys.argv[1:] if not a.startswith("-")] or ["mw"])[0]
    ref = observe("sanic", name)
    ours = observe("hurtle", name)
    diff(name, ref, ours)
    if verbose:
        print("-- sanic:", *ref, "-- hurtle:", *ours, sep="\n")
