#!/usr/bin/env python3
"""In-process A/B bench of the request path: no sockets, no load generator.

Usage: python3 benchmarks/inproc.py [--requests N] [--repeat R] [--routes "GET /,POST /echo"]
                                    [--core] [--calls]

Builds the benchmark app (``apps/sanic_app.py``, or ``apps/core_app.py`` with ``--core``) on
uvloop, connects an ``HttpProtocol`` to an in-memory transport and feeds it N keep-alive
requests, one at a time, letting the loop run between them (one ``sleep(0)`` per request,
the same for every variant). Prints process CPU µs per request (best of R) and, with
``--calls``, the calls per request cProfile sees. Kernel time (syscalls, epoll) is not in
these numbers, so they are lower than ``run.py``'s; use it to compare two versions of the
Python path quickly on a busy machine, then confirm with ``run.py``.
"""

from __future__ import annotations

import sys

# benchmarks/profile.py would shadow the stdlib module cProfile imports.
sys.path[:] = [p for p in sys.path if not p.rstrip("/").endswith("benchmarks")]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import uvloop  # noqa: E402

BENCH = Path(__file__).resolve().parent

ROUTES = {
    "GET /": b"GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n",
    "GET /json": b"GET /json HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n",
    "GET /user/123": b"GET /user/123 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n",
    "POST /echo": b"POST /echo HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nContent-Length: 1024\r\n\r\n"
    + b"x" * 1024,
}
# a chunked body in the read of its head (the head's read, then framing.joined_first_chunks)
ROUTES["chunked POST /echo"] = (
    b"POST /echo HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"400\r\n" + b"x" * 1024 + b"\r\n0\r\n\r\n"
)
for _name, _raw in list(ROUTES.items()):
    _method, _path = _name.split(" ", 1)
    _mw_path = "/mw" + (_path if _path != "/" else "")
    ROUTES[f"mw {_name}"] = _raw.replace(_path.encode() + b" HTTP", _mw_path.encode() + b" HTTP", 1)
# GET / with the fields a browser sends (not in run.py's routes; for per-field costs)
ROUTES["browser GET /"] = (
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; "
    b"rv:120.0) Gecko/20100101 Firefox/120.0\r\nAccept: text/html,application/xhtml+xml,"
    b"application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\n"
    b"Accept-Encoding: gzip, deflate, br\r\nConnection: keep-alive\r\n"
    b"Cookie: session=abc123; theme=dark\r\nUpgrade-Insecure-Requests: 1\r\n"
    b"Sec-Fetch-Dest: document\r\nSec-Fetch-Mode: navigate\r\n\r\n"
)


class _Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0
        self.last = b""
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes += 1
        self.last = data

    def get_extra_info(self, name: str, default: object = None) -> object:
        return {"peername": ("127.0.0.1", 5555), "sockname": ("127.0.0.1", 8000)}.get(
            name, default
        )

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None: ...

    def resume_reading(self) -> None: ...


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


async def _app(core: bool, path: str = ""):
    from hurtle_http.server import as_app

    if core:
        return as_app(_load(Path(path) if path else BENCH / "apps" / "core_app.py").handler)
    app = _load(Path(path) if path else BENCH / "apps" / "sanic_app.py").app
    await app._startup()
    return app


async def _drive(app, raw: bytes, n: int) -> tuple[float, _Transport]:
    from hurtle_http.protocol import HttpProtocol

    loop = asyncio.get_running_loop()
    proto = HttpProtocol(loop=loop, app=app)
    transport = _Transport()
    proto.connection_made(transport)
    received = proto.data_received
    sleep = asyncio.sleep
    t0 = time.process_time()
    for _ in range(n):
        received(raw)
        await sleep(0)
    elapsed = time.process_time() - t0
    await sleep(0)
    proto.connection_lost(None)
    if transport.writes != n or not transport.last.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"expected {n} 200 responses, got {transport.writes}: {transport.last[:80]!r}")
    return elapsed, transport


async def main_async(args: argparse.Namespace) -> None:
    app = await _app(args.core, args.app)
    routes = [r.strip() for r in args.routes.split(",")] if args.routes else list(ROUTES)
    print(f"| route | µs/req (best of {args.repeat}) | calls/req | Python calls/req |")
    print("|---|---:|---:|---:|")
    for name in routes:
        raw = ROUTES[name]
        await _drive(app, raw, 2000)  # warm-up (router cache, imports)
        best = min([(await _drive(app, raw, args.requests))[0] for _ in range(args.repeat)])
        calls = py_calls = ""
        if args.calls:
            n = 2000
            profiler = cProfile.Profile()
            profiler.enable()
            await _drive(app, raw, n)
            profiler.disable()
            stats = pstats.Stats(profiler)
            # minus the driver's own per-request calls: sleep(0) and data_received's caller
            own = {"sleep", "_drive"}
            total = prim = 0
            for (filename, _line, func), (cc, _nc, _tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
                if func in own or "inproc.py" in filename or "asyncio/tasks.py" in filename and func == "sleep":
                    continue
                if func in ("process_time", "<method 'disable' of '_lsprof.Profiler' objects>"):
                    continue
                total += cc
                if not filename.startswith("~"):
                    prim += cc
            calls, py_calls = f"{total / n:.1f}", f"{prim / n:.1f}"
            if args.dump:
                stats.sort_stats("tottime").print_stats(args.dump)
        print(f"| {name} | {best / args.requests * 1e6:.2f} | {calls} | {py_calls} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--routes", default="")
    parser.add_argument("--core", action="store_true", help="the HTTP core alone (core_app.py)")
    parser.add_argument("--app", default="", help="another app file (same routes)")
    parser.add_argument("--calls", action="store_true", help="count calls with cProfile")
    parser.add_argument("--dump", type=int, default=0, help="print the top N functions")
    args = parser.parse_args()
    uvloop.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
