"""A keep-alive HTTP/1.1 load generator, used when ``wrk`` is not available.

Run: ``python loadgen.py --port P --path / [--connections 64] [--duration 5] [--body-size 0]``.
Opens many connections to 127.0.0.1, sends one request at a time on each for a fixed
duration, counts responses and records latencies; prints one ``BENCH_JSON {...}`` line like
the harness's wrk script. Stops by itself: the duration and every read are bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

__all__ = ["Connection", "main", "run"]

MAX_SAMPLES = 2_000_000


class Connection(asyncio.Protocol):
    """One keep-alive connection that re-sends its request after each full response."""

    def __init__(self, request: bytes, deadline: float, stats: dict, done: asyncio.Future) -> None:
        self.request = request
        self.deadline = deadline
        self.stats = stats
        self.done = done
        self.buf = b""
        self.sent_at = 0.0
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self._send()

    def _send(self) -> None:
        self.sent_at = time.perf_counter()
        self.transport.write(self.request)

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buf[:end].lower()
            start = head.find(b"content-length:")
            if start < 0:
                self._fail()
                return
            stop = head.find(b"\r\n", start)
            size = int(head[start + 15 : stop if stop > 0 else len(head)])
            total = end + 4 + size
            if len(self.buf) < total:
                return
            now = time.perf_counter()
            stats = self.stats
            stats["requests"] += 1
            if not self.buf.startswith(b"HTTP/1.1 2"):
                stats["non2xx"] += 1
            if len(stats["latencies"]) < MAX_SAMPLES:
                stats["latencies"].append(now - self.sent_at)
            self.buf = self.buf[total:]
            if now >= self.deadline:
                self.transport.close()
                return
            self._send()

    def _fail(self) -> None:
        self.stats["errors"] += 1
        self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            self.done.set_result(None)


async def run(port: int, path: str, connections: int, duration: float, body_size: int) -> dict:
    """Drive the server for ``duration`` seconds; return the summary."""
    loop = asyncio.get_running_loop()
    body = b"x" * body_size
    method = "POST" if body_size else "GET"
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body_size:
        head += f"Content-Type: application/octet-stream\r\nContent-Length: {body_size}\r\n"
    request = head.encode() + b"\r\n" + body
    stats = {"requests": 0, "errors": 0, "non2xx": 0, "latencies": []}
    started = time.perf_counter()
    deadline = started + duration
    waiters = []
    for _ in range(connections):
        done = loop.create_future()
        try:
            await loop.create_connection(
                lambda d=done: Connection(request, deadline, stats, d), "127.0.0.1", port
            )
        except OSError:
            stats["errors"] += 1
            continue
        waiters.append(done)
    if waiters:
        await asyncio.wait(waiters, timeout=duration + 10)
    elapsed = time.perf_counter() - started
    lat = sorted(stats["latencies"])

    def pct(p: float) -> int:
        return int(lat[min(len(lat) - 1, int(len(lat) * p))] * 1e6) if lat else 0

    return {
        "requests": stats["requests"],
        "duration_us": int(elapsed * 1e6),
        "errors": stats["errors"],
        "non2xx": stats["non2xx"],
        "p50_us": pct(0.50),
        "p99_us": pct(0.99),
        "mean_us": round(sum(lat) / len(lat) * 1e6, 1) if lat else 0.0,
        "max_us": int(lat[-1] * 1e6) if lat else 0,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--body-size", type=int, default=0)
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 3600:
        parser.error("--duration must be in (0, 3600] seconds")
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(run(args.port, args.path, args.connections, args.duration, args.body_size))
    print("BENCH_JSON " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
