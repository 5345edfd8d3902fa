"""Raw-socket scenarios for streaming3/app.py under Sanic and Hurtle, diffed.

python drive.py [--asgi] [--loose] [--only NAME ...] [--show]
Reuses streaming2/drive.py's socket helpers (127.0.0.1 only; servers ended by their PID).
"""

import argparse
import difflib
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "streaming2"))
import drive as d2  # noqa: E402

ROOT = d2.ROOT
req, run_steps, seen, chunked = d2.req, d2.run_steps, d2.seen, d2.chunked


class Server(d2.Server):
    def __init__(self, python, asgi, env):
        d2.HERE = HERE  # start streaming3/app.py
        super().__init__(python, asgi, env)


SCENARIOS: dict = {}


def scenario(fn):
    SCENARIOS[fn.__name__] = fn
    return fn


@scenario
def max_size(port):
    out = []
    for how in ("keep", "raise", "lower", "none"):
        for body in (b"m" * 50, b"m" * 5000):
            out += run_steps(port, [("send", req("POST", f"/max/{how}", body))])
            out.append(seen(port))
            out += run_steps(port, [("send", req("POST", f"/max/{how}", chunked=[body[:1000]] * (len(body) // 1000 or 1)))])
            out.append(seen(port))
    head = b"POST /max/raise HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    out += run_steps(port, [("send", head), ("read", 0.5), ("send", b"q" * 5000)])
    out.append(seen(port))
    out += run_steps(port, [("send", req("POST", "/plainmax", b"p" * 100))])
    out += run_steps(port, [("send", req("POST", "/attrs", b"a" * 100))])
    out += run_steps(port, [("send", req("POST", "/attrs", chunked=[b"a" * 10, b"b" * 20]))])
    out.append(seen(port))
    return out


@scenario
def responses(port):
    out = []
    for path in ("/o/props", "/o/return-other", "/o/return-other-nosend", "/o/respond-from-task",
                 "/o/send-from-task", "/o/end-then-return", "/o/empty-end", "/o/none-first",
                 "/o/after-eof-status", "/o/cookie", "/o/cookie-before", "/o/mw", "/o/mw-rs"):
        out += run_steps(port, [("send", req("GET", path, close=False) + req("GET", "/o/props"))])
        out.append(seen(port))
    return out


@scenario
def late_send(port):
    """A task sends on a response after its handler returned, while the connection
    answers the next (slow, streamed) request."""
    out = []
    for path in ("/o/late-sender", "/o/late-plain"):
        out += run_steps(port, [("send", req("GET", path, close=False) + req("GET", "/o/slow-next"))])
        out.append(seen(port))
    return out


@scenario
def disconnect(port):
    """A client that leaves (FIN, then RST) while a handler streams."""
    out = []
    out += run_steps(port, [("send", req("GET", "/o/ticker", close=False)), ("read", 0.2), ("fin",)], idle=1)
    out = [line.split("tick 0")[0] for line in out]  # how many ticks arrived is timing
    out.append(seen(port))
    got = run_steps(port, [("send", req("GET", "/o/ticker", close=False)), ("read", 0.2), ("rst",)])
    out.append(got[0][:40])
    time.sleep(2.5)
    out.append(seen(port))
    return out


@scenario
def http10(port):
    out = []
    for extra in ("", "Connection: keep-alive\r\n"):
        for method in ("GET", "HEAD"):
            out += run_steps(port, [("send", req(method, "/o/http10", headers=extra, close=False, version="1.0"))], idle=1)
    out += run_steps(port, [("send", req("GET", "/rs/options", close=False, version="1.0"))], idle=1)
    out += run_steps(port, [("send", req("GET", "/fs/mime", close=False, version="1.0"))], idle=1)
    return out


@scenario
def rstream(port):
    out = []
    for path in ("/rs/options", "/rs/nothing", "/rs/send", "/rs/cl", "/rs/returned-twice", "/rs/sync",
                 "/rs/raise-first-ka", "/o/memoryview"):
        out += run_steps(port, [("send", req("GET", path, close=False) + req("GET", "/o/props"))])
        out.append(seen(port))
    out += run_steps(port, [("send", req("HEAD", "/rs/options"))])
    return out


@scenario
def files(port):
    out = []
    for how in ("mime", "name", "uname", "headers", "range", "range-fixed", "str", "missing", "txt", "empty", "dir", "big-chunk"):
        for method, extra in (("GET", ""), ("GET", "Range: bytes=5-24\r\n"), ("HEAD", "")):
            out += run_steps(port, [("send", req(method, f"/fs/{how}", headers=extra))])
    return out


def run_all(python, args, env):
    srv = Server(python, args.asgi, env)
    res = {}
    try:
        for name, fn in SCENARIOS.items():
            if args.only and name not in args.only:
                continue
            res[name] = fn(srv.port)
    finally:
        srv.stop()
    return res, srv.logs()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--asgi", action="store_true")
    ap.add_argument("--loose", action="store_true")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    d2.LOOSE = args.loose
    sanic_py = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
    hurtle_py = os.environ.get("HURTLE_PY", os.path.join(ROOT, ".venv", "bin", "python"))
    a, alog = run_all(sanic_py, args, {})
    b, blog = run_all(hurtle_py, args, {})
    same = differ = 0
    for name in a:
        if a[name] == b[name]:
            same += 1
            print(f"= {name}")
            if args.show:
                print("\n".join(a[name]))
        else:
            differ += 1
            print(f"! {name}")
            print("\n".join(difflib.unified_diff(a[name], b[name], "sanic", "hurtle", lineterm="")))
    lines_a = sum(len(v) for v in a.values())
    print(f"streaming3: {same + differ} scenarios ({lines_a} transcript lines), {same} same, {differ} differ")
    if args.show:
        print("--- sanic log ---\n" + alog[-4000:] + "\n--- hurtle log ---\n" + blog[-4000:])


if __name__ == "__main__":
    main()
