#!/usr/bin/env python3
"""Benchmark Hurtle against Sanic, Starlette on uvicorn, and a bare uvloop + httptools floor.

Usage: python3 benchmarks/run.py [--quick] [--rounds N] [--duration S] [--targets a,b]
                                 [--routes "GET /,mw GET /json"] [--no-startup]

Each target runs in its own virtualenv under ~/.cache/hurtle/bench-envs (created with uv);
servers are pinned to one core and the load generator (wrk, or benchmarks/loadgen.py) to
another; rounds are interleaved (every target, route by route, then the next round) and
medians reported. The markdown report is printed and written to benchmarks/results/.
Everything talks to 127.0.0.1 only, and only processes started here are stopped, by PID.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.client import HttpClientError, KeepAliveClient, build_request
from harness.envs import REPO, EnvError, ensure_env
from harness.load import LoadError, ensure_wrk, run_load
from harness.report import render
from harness.servers import ServerError, ServerProcess, descendants, free_port, rss_kib
from harness.targets import ROUTES, TARGETS, Route, Target

__all__ = ["main"]

RESULTS = Path(__file__).resolve().parent / "results"


def log(message: str) -> None:
    """Progress output (stderr, so the report on stdout stays clean)."""
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 round of 1 s per route (~1 min)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5; quick 1)")
    parser.add_argument("--duration", type=int, help="seconds per load run (default 3; quick 1)")
    parser.add_argument("--connections", type=int, default=64, help="keep-alive connections")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated targets")
    parser.add_argument("--routes", help='comma-separated route names, e.g. "GET /,mw GET /json"')
    parser.add_argument("--startup-rounds", type=int, help="start-up runs per target")
    parser.add_argument("--no-startup", action="store_true", help="skip the 1,000-route start-up")
    parser.add_argument(
        "--no-workers", action="store_true", help="skip memory per worker with 2 workers"
    )
    parser.add_argument(
        "--load", choices=("auto", "wrk", "python"), default="auto", help="load generator"
    )
    parser.add_argument("--out", type=Path, help="results folder (default benchmarks/results/)")
    args = parser.parse_args(argv)
    args.rounds = args.rounds or (1 if args.quick else 5)
    args.duration = args.duration or (1 if args.quick else 3)
    args.startup_rounds = args.startup_rounds or (2 if args.quick else 5)
    if not 1 <= args.rounds <= 50 or not 1 <= args.duration <= 120:
        parser.error("--rounds must be 1..50 and --duration 1..120 seconds")
    if not 1 <= args.connections <= 1000:
        parser.error("--connections must be 1..1000")
    return args


def cores() -> tuple[int | None, int | None]:
    """(server core, load core): two different cores when the machine has them."""
    available = sorted(os.sched_getaffinity(0))
    if len(available) >= 2:
        return available[0], available[1]
    return None, None


def prepare_targets(names: list[str]) -> tuple[list[Target], dict[str, str]]:
    """Create the environments; keep the targets that import, explain the others."""
    ready, unavailable = [], {}
    for name in names:
        target = TARGETS[name]
        try:
            python = ensure_env(target.env, log=log)
        except EnvError as exc:
            unavailable[name] = str(exc)
            continue
        check = subprocess.run(
            [str(python), "-c", target.check_import],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=str(target.script.parent),
        )
        if check.returncode != 0:
            last = (check.stderr.strip().splitlines() or ["import failed"])[-1]
            unavailable[name] = f"cannot import its framework yet ({last})"
            continue
        ready.append(target)
    return ready, unavailable


def versions(targets: list[Target]) -> str:
    """Distribution versions in each environment, for the report header."""
    code = (
        "import importlib.metadata as m\n"
        "for d in ('hurtle','hurtle-app','hurtle-http-core','sanic','uvicorn','starlette',"
        "'uvloop','httptools'):\n"
        "    try: print(d + ' ' + m.version(d))\n"
        "    except Exception: pass\n"
    )
    seen: dict[str, str] = {}
    for target in targets:
        out = subprocess.run(
            [str(target.python), "-c", code], capture_output=True, text=True, timeout=60
        ).stdout
        for line in out.splitlines():
            name, _, version = line.partition(" ")
            seen.setdefault(name, version)
    return ", ".join(f"{k} {v}" for k, v in seen.items())


def verify_and_warm(server: ServerProcess, target: Target, routes: list[Route], n: int) -> dict:
    """Check every route answers as expected and warm it up; return {route: problem}."""
    problems = {}
    for route in routes:
        raw = build_request(route.method, route.path, route.body)
        try:
            with KeepAliveClient(server.port) as client:
                first = client.request(raw)
                for _ in range(n):
                    client.request(raw)
        except (OSError, HttpClientError) as exc:
            problems[route.name] = f"request failed: {exc}"
            continue
        if first.status != 200 or first.body != route.expect:
            problems[route.name] = f"got {first.status} {first.body[:60]!r}"
        elif target.middleware and route.middleware and first.headers.get("x-middleware") != "1":
            problems[route.name] = "response middleware did not run (no x-middleware header)"
    return problems


def git_commit() -> str:
    out = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "packages"],
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout.strip()
    return out.stdout.strip() + (" (+ uncommitted changes in packages/)" if dirty else "")


def run_rounds(args, targets, routes, server_cpu, load_cpu, wrk, logs) -> tuple[list, dict]:
    """The interleaved load rounds; returns (samples, idle RSS per target)."""
    samples: list[dict] = []
    idle_rss: dict[str, list[int]] = {t.name: [] for t in targets}
    warm = 30 if args.quick else 200
    load_python = str(TARGETS["floor"].python) if TARGETS["floor"].python.exists() else None
    for rnd in range(1, args.rounds + 1):
        log(f"[round {rnd}/{args.rounds}] starting servers")
        servers: dict[str, ServerProcess] = {}
        skip: set[tuple[str, str]] = set()
        try:
            for target in targets:
                port = free_port()
                server = ServerProcess(
                    target.name,
                    target.argv(port),
                    port,
                    cpu=server_cpu,
                    log_path=logs / f"{target.name}.log",
                    cwd=target.script.parent,
                )
                server.start()
                try:
                    server.wait_ready("/", timeout=60)
                except ServerError as exc:
                    log(f"  ! {exc}")
                    server.stop()
                    continue
                servers[target.name] = server
                idle_rss[target.name].append(server.rss_kib())
                for route_name, problem in verify_and_warm(server, target, routes, warm).items():
                    log(f"  ! {target.name} {route_name}: {problem} (not measured)")
                    skip.add((target.name, route_name))
            for route in routes:
                for target in targets:
                    server = servers.get(target.name)
                    if server is None or (target.name, route.name) in skip:
                        continue
                    if server.proc.poll() is not None:
                        log(f"  ! {target.name} exited; see {server.log_path}")
                        del servers[target.name]
                        continue
                    before = server.cpu_ns()
                    try:
                        result = run_load(
                            server.port,
                            route.path,
                            duration=args.duration,
                            connections=args.connections,
                            body_size=route.body_size,
                            cpu=load_cpu,
                            wrk=wrk,
                            python=load_python,
                        )
                    except LoadError as exc:
                        log(f"  ! {target.name} {route.name}: {exc}")
                        continue
                    cpu_ns = server.cpu_ns() - before
                    sample = {
                        "round": rnd,
                        "target": target.name,
                        "route": route.name,
                        "requests": result.requests,
                        "rps": result.rps,
                        "p50_ms": result.p50_ms,
                        "p99_ms": result.p99_ms,
                        "errors": result.errors,
                        "non2xx": result.non2xx,
                        "cpu_us": cpu_ns / 1000 / result.requests if result.requests else None,
                        "rss_kib": server.rss_kib(),
                    }
                    samples.append(sample)
                    log(
                        f"  {target.name:9} {route.name:18} {result.rps:9.0f} req/s  "
                        f"p99 {result.p99_ms:6.2f} ms  cpu {sample['cpu_us'] or 0:6.1f} us/req"
                        + (
                            f"  errors {result.errors + result.non2xx}"
                            if result.errors + result.non2xx
                            else ""
                        )
                    )
        finally:
            for server in servers.values():
                server.stop()
    return samples, idle_rss


def run_startup(args, targets, server_cpu, logs) -> dict[str, list[dict]]:
    """Process start to the first response of the 1,000-route app, per capable target."""
    results: dict[str, list[dict]] = {}
    capable = [t for t in targets if t.many_routes]
    # round 0, not timed: every target's bytecode is cached before the timed starts
    for rnd in range(args.startup_rounds + 1):
        for target in capable:
            port = free_port()
            server = ServerProcess(
                f"{target.name}-startup",
                target.argv(port, target.many_routes),
                port,
                cpu=server_cpu,
                log_path=logs / f"{target.name}-startup.log",
                cwd=target.many_routes.parent,
            )
            server.start()
            try:
                seconds = server.wait_ready("/r999/1", timeout=60, interval=0.001)
                run = {"seconds": seconds, "rss_kib": server.rss_kib()}
                log(f"  startup {target.name:7} round {rnd}: {seconds:.3f} s")
            except ServerError as exc:
                log(f"  ! {exc}")
                run = {"seconds": None, "rss_kib": 0}
            finally:
                server.stop()
            if rnd:
                results.setdefault(target.name, []).append(run)
    return results


def run_workers(args, targets, server_cpu, logs, workers: int = 2) -> dict[str, dict]:
    """RSS per worker with the worker manager (``app.run(workers=N)``), idle after warm-up."""
    results: dict[str, dict] = {}
    for target in targets:
        if not target.many_routes:  # the Sanic-API targets
            continue
        port = free_port()
        server = ServerProcess(
            f"{target.name}-workers",
            [*target.argv(port), str(workers)],
            port,
            cpu=server_cpu,
            log_path=logs / f"{target.name}-workers.log",
            cwd=target.script.parent,
        )
        server.start()
        tree: list[tuple[int, str]] = []
        try:
            server.wait_ready("/", timeout=60)
            for _ in range(4):  # connections land on different workers
                with KeepAliveClient(port) as client:
                    for _ in range(100):
                        client.request(build_request("GET", "/json"))
            time.sleep(0.5)
            tree = descendants(server.pid)
            kids = [(pid, rss_kib(pid)) for pid, cmd in tree if "resource_tracker" not in cmd]
            sizes = sorted(r for _, r in kids if r)
            # the biggest `workers` children are the serving workers
            worker_sizes = sizes[-workers:] if len(sizes) >= workers else sizes
            results[target.name] = {
                "main_kib": server.rss_kib(),
                "worker_kib": sorted(worker_sizes)[len(worker_sizes) // 2] if worker_sizes else 0,
                "total_kib": server.rss_kib() + sum(rss_kib(pid) for pid, _ in tree),
                "processes": 1 + len(tree),
            }
            log(f"  workers {target.name:7}: {results[target.name]}")
        except (ServerError, OSError, HttpClientError) as exc:
            log(f"  ! {target.name} with {workers} workers: {exc}")
        finally:
            server.stop(timeout=10)
            for pid, _ in tree:  # children the manager left behind
                if rss_kib(pid):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the markdown report and write it to the results folder."""
    args = parse_args(argv)
    names = [n.strip() for n in args.targets.split(",") if n.strip()]
    for name in names:
        if name not in TARGETS:
            log(f"unknown target {name!r}; choose from {', '.join(TARGETS)}")
            return 2
    routes = ROUTES
    if args.routes:
        wanted = [r.strip() for r in args.routes.split(",")]
        routes = [r for r in ROUTES if r.name in wanted]
        if len(routes) != len(wanted):
            log(f"unknown route in {wanted}; routes are: {', '.join(r.name for r in ROUTES)}")
            return 2
    started = datetime.now(UTC)
    out = (args.out or RESULTS) / started.strftime("%Y%m%dT%H%M%SZ")
    logs = out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    wrk = None
    if args.load in ("auto", "wrk"):
        wrk = ensure_wrk(log=log)
        if wrk is None and args.load == "wrk":
            log("wrk is not installed and could not be installed with apt-get")
            return 2
    targets, unavailable = prepare_targets(names)
    if "floor" not in names and wrk is None:
        ensure_env("uvicorn", log=log)  # loadgen.py runs there, with uvloop
    for name, why in unavailable.items():
        log(f"[skip] {name}: {why}")
    if not targets:
        log("no target can run")
        return 1
    server_cpu, load_cpu = cores()
    t0 = time.monotonic()
    samples, idle_rss = run_rounds(args, targets, routes, server_cpu, load_cpu, wrk, logs)
    startup = {} if args.no_startup else run_startup(args, targets, server_cpu, logs)
    workers = {} if args.no_workers else run_workers(args, targets, server_cpu, logs)
    meta = {
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "mode": "quick" if args.quick else "full",
        "commit": git_commit(),
        "rounds": f"{args.rounds} x {args.duration} s per route and target, interleaved",
        "load": (
            f"wrk -t1 -c{args.connections} (keep-alive)"
            if wrk
            else f"benchmarks/loadgen.py, {args.connections} keep-alive connections"
        ),
        "pinning": f"server on core {server_cpu}, load on core {load_cpu}"
        if server_cpu is not None
        else "none (one core)",
        "machine": f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
        "versions": versions(targets),
        "elapsed": f"{time.monotonic() - t0:.0f} s",
    }
    report = render(
        meta=meta,
        samples=samples,
        targets=[t.name for t in targets],
        routes=[r.name for r in routes],
        unavailable=unavailable,
        idle_rss=idle_rss,
        startup=startup,
        workers=workers,
    )
    (out / "report.md").write_text(report)
    (out / "samples.json").write_text(
        json.dumps(
            {
                "meta": meta,
                "samples": samples,
                "idle_rss_kib": idle_rss,
                "startup": startup,
                "workers": workers,
            },
            indent=1,
        )
    )
    shutil.copyfile(out / "report.md", out.parent / "latest.md")
    print(report)
    log(f"[done] written to {out}/ (and {out.parent / 'latest.md'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
