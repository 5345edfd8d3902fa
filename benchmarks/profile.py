#!/usr/bin/env python3
"""Profile one route on Hurtle and on Sanic: Python calls and CPU time per request.

Usage: python3 benchmarks/profile.py ROUTE [--requests N] [--targets hurtle,sanic] [--top K]
                                         [--py-spy SECONDS]
ROUTE: a route name or path of the benchmark app (``/``, ``json``, ``/user/123``, ``echo``,
``/mw/json``, ``"mw POST /echo"`` ...).

For each target the benchmark app is served in one process (in the target's environment,
pinned to one core), warmed up, then driven with N sequential keep-alive requests twice:
first without a profiler (CPU time per request from /proc), then under cProfile switched on
by a signal just for those requests. Prints, side by side, calls per request (all calls, and
Python-level functions only) and CPU per request, then each target's top functions with
per-request numbers. With ``--py-spy S`` each target is also sampled by py-spy (non-blocking,
so the server runs at full speed) for S seconds under wrk load, and functions are listed with their share of the samples
and µs per request. Stats files go to benchmarks/results/profile-<time>/.
"""

from __future__ import annotations

import argparse
import os
import pstats
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.client import HttpClientError, KeepAliveClient, build_request
from harness.envs import REPO, EnvError, ensure_env
from harness.sampling import SampleProfile, ensure_py_spy, sample_under_load
from harness.servers import ServerError, ServerProcess, free_port
from harness.targets import TARGETS, Route, find_route

__all__ = ["main"]

BENCH = Path(__file__).resolve().parent
WRAPPER = BENCH / "apps" / "_profiled_server.py"


def log(message: str) -> None:
    """Progress output on stderr."""
    print(message, file=sys.stderr, flush=True)


def drive(port: int, route: Route, n: int) -> None:
    """``n`` sequential requests on one keep-alive connection; each must answer 200."""
    raw = build_request(route.method, route.path, route.body)
    with KeepAliveClient(port) as client:
        for _ in range(n):
            response = client.request(raw)
            if response.status != 200:
                raise HttpClientError(
                    f"{route.name} answered {response.status}: {response.body[:80]!r}"
                )


def _wait_for(path: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            return True
        time.sleep(0.01)
    return False


def profile_target(name: str, route: Route, n: int, out: Path) -> dict:
    """Serve the app on ``name``, measure and profile ``n`` requests; return the numbers."""
    target = TARGETS[name]
    python = ensure_env(target.env, log=log)
    stats_file = out / f"{name}.pstats"
    port = free_port()
    cpus = sorted(os.sched_getaffinity(0))
    server = ServerProcess(
        name,
        [str(python), str(WRAPPER), str(target.script), str(port)],
        port,
        cpu=cpus[0] if len(cpus) > 1 else None,
        log_path=out / f"{name}.log",
        cwd=target.script.parent,
        env={"BENCH_PROFILE_OUT": str(stats_file)},
    )
    server.start()
    try:
        server.wait_ready("/", timeout=60)
        drive(port, route, min(n, 500))  # warm-up: lazy initialisation, caches
        before = server.cpu_ns()
        t0 = time.perf_counter()
        drive(port, route, n)
        wall = time.perf_counter() - t0
        cpu_us = (server.cpu_ns() - before) / 1000 / n
        os.kill(server.pid, signal.SIGUSR1)
        if not _wait_for(stats_file.with_suffix(".on"), 10):
            raise ServerError(f"{name} did not start profiling on SIGUSR1")
        drive(port, route, n)
        os.kill(server.pid, signal.SIGUSR2)
        if not _wait_for(stats_file, 30):
            raise ServerError(f"{name} wrote no profile on SIGUSR2")
        time.sleep(0.2)  # let the dump finish
    finally:
        server.stop()
    stats = pstats.Stats(str(stats_file))
    python_calls = sum(nc for (file, _, _), (_, nc, _, _, _) in stats.stats.items() if file != "~")  # type: ignore[attr-defined]
    return {
        "cpu_us": cpu_us,
        "wall_us": wall / n * 1e6,
        "calls": stats.total_calls / n,  # type: ignore[attr-defined]
        "python_calls": python_calls / n,
        "profiled_us": stats.total_tt / n * 1e6,  # type: ignore[attr-defined]
        "stats": stats,
    }


def short_path(file: str) -> str:
    """A readable location: relative to site-packages, the repo's packages, or the repo."""
    for marker in ("site-packages/", "/src/", str(REPO) + "/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def top_lines(stats: pstats.Stats, n: int, top: int, sort: str) -> list[str]:
    """The ``top`` functions by ``sort``, as per-request numbers."""
    index = {"tottime": 2, "cumtime": 3, "calls": 1}[sort]
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][index], reverse=True)  # type: ignore[attr-defined]
    lines = [f"{'calls/req':>9} {'own µs/req':>10} {'cum µs/req':>10}  function"]
    for (file, line, func), (_, nc, tt, ct, _) in rows[:top]:
        where = "<builtin>" if file == "~" else f"{short_path(file)}:{line}"
        lines.append(f"{nc / n:9.2f} {tt / n * 1e6:10.2f} {ct / n * 1e6:10.2f}  {func}  ({where})")
    return lines


def pyspy_target(name: str, route: Route, seconds: int, out: Path) -> dict:
    """Serve the app on ``name`` and sample it with py-spy under load."""
    target = TARGETS[name]
    python = ensure_env(target.env, log=log)
    spy = ensure_py_spy(python)
    cpus = sorted(os.sched_getaffinity(0))
    port = free_port()
    server = ServerProcess(
        name,
        target.argv(port),
        port,
        cpu=cpus[0] if len(cpus) > 1 else None,
        log_path=out / f"{name}-pyspy.log",
        cwd=target.script.parent,
    )
    server.start()
    try:
        server.wait_ready("/", timeout=60)
        drive(port, route, 500)
        prof, cpu_us, rps = sample_under_load(
            server,
            spy,
            route.path,
            seconds=seconds,
            body_size=route.body_size,
            connections=64,
            load_cpu=cpus[1] if len(cpus) > 1 else None,
            out=out,
        )
    finally:
        server.stop()
    return {"profile": prof, "cpu_us": cpu_us, "rps": rps}


# Frames that hold the whole server (their share is the event loop's C work, not a cost).
_OUTER = (
    "<module>",
    "serve (",
    "serve_single",
    "Runner.run (",
    "_serve_http_1",
    "_run_server_forever",
    "run_forever",
)


def sample_lines(prof: SampleProfile, cpu_us: float, top: int) -> list[str]:
    """Own and inclusive tables: share of samples and µs per request."""
    total = prof.total or 1
    lines = [
        f"{'own %':>6} {'µs/req':>7}  function (self time; C calls such as transport.write and"
        " the event loop's own C work count for the Python frame that runs them)"
    ]
    for frame, n in prof.own.most_common(top):
        lines.append(f"{n / total * 100:6.1f} {n / total * cpu_us:7.2f}  {short_path(frame)}")
    lines += ["", f"{'incl %':>6} {'µs/req':>7}  Python function (inclusive)"]
    shown = 0
    for frame, n in prof.inclusive.most_common():
        if ".py)" not in frame or any(m in frame for m in _OUTER):
            continue
        lines.append(f"{n / total * 100:6.1f} {n / total * cpu_us:7.2f}  {short_path(frame)}")
        shown += 1
        if shown >= top:
            break
    return lines


def main(argv: list[str] | None = None) -> int:
    """Profile the route on each target and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("route", help="route name or path, e.g. / or json or /mw/json")
    parser.add_argument("--requests", type=int, default=5000, help="requests to drive (N)")
    parser.add_argument("--targets", default="hurtle,sanic", help="comma-separated targets")
    parser.add_argument("--top", type=int, default=25, help="functions to list per target")
    parser.add_argument("--sort", choices=("tottime", "cumtime", "calls"), default="tottime")
    parser.add_argument(
        "--py-spy", type=int, default=0, metavar="SECONDS", help="also sample under load"
    )
    args = parser.parse_args(argv)
    if not 0 <= args.py_spy <= 120:
        parser.error("--py-spy must be 0..120 seconds")
    if not 1 <= args.requests <= 200_000:
        parser.error("--requests must be 1..200000")
    try:
        route = find_route(args.route)
    except KeyError as exc:
        parser.error(str(exc))
    names = [t.strip() for t in args.targets.split(",") if t.strip()]
    for name in names:
        if name not in TARGETS:
            parser.error(f"unknown target {name!r}; choose from {', '.join(TARGETS)}")
    out = BENCH / "results" / ("profile-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"))
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in names:
        log(f"[profile] {name}: {route.name} x {args.requests}")
        try:
            results[name] = profile_target(name, route, args.requests, out)
        except (EnvError, ServerError, HttpClientError, OSError, subprocess.SubprocessError) as exc:
            log(f"  ! {name}: {exc}")
    if not results:
        return 1
    n = args.requests
    lines = [
        f"# Profile of {route.name}: {n} sequential requests on one keep-alive connection",
        "",
        "| per request | " + " | ".join(results) + " |",
        "|---|" + "|".join("---:" for _ in results) + "|",
    ]
    rows = [
        ("server CPU µs (no profiler)", "cpu_us", ".1f"),
        ("wall µs round trip (no profiler)", "wall_us", ".1f"),
        ("calls (cProfile, incl. builtins)", "calls", ".1f"),
        ("Python function calls", "python_calls", ".1f"),
        ("profiled own time µs (inflated)", "profiled_us", ".1f"),
    ]
    for label, key, spec in rows:
        lines.append(
            f"| {label} | " + " | ".join(format(r[key], spec) for r in results.values()) + " |"
        )
    for name, result in results.items():
        lines += ["", f"## {name}: top {args.top} by {args.sort}", "", "```"]
        lines += top_lines(result["stats"], n, args.top, args.sort)
        lines += ["```"]
    if args.py_spy:
        for name in names:
            log(f"[py-spy] {name}: {route.name} for {args.py_spy} s under load")
            try:
                sampled = pyspy_target(name, route, args.py_spy, out)
            except (
                EnvError,
                ServerError,
                HttpClientError,
                OSError,
                subprocess.SubprocessError,
            ) as exc:
                log(f"  ! {name}: {exc}")
                continue
            lines += [
                "",
                f"## {name} under load (py-spy, {sampled['profile'].total} samples, "
                f"{sampled['rps']:.0f} req/s, {sampled['cpu_us']:.1f} µs CPU/request while sampled)",
                "",
                "```",
                *sample_lines(sampled["profile"], sampled["cpu_us"], args.top),
                "```",
            ]
    text = "\n".join(lines) + "\n"
    (out / "profile.md").write_text(text)
    print(text)
    log(f"[done] stats and report in {out}/ (open a .pstats file with python3 -m pstats)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
