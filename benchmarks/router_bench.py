"""Router micro-benchmark: our ``sanic_routing`` vs the real sanic-routing from PyPI.

Usage:  python3 benchmarks/router_bench.py [--routes 1000] [--requests 3000]

Same seeded route set (static, typed dynamic, regex) and request list for both; each
implementation runs in its own subprocess with the SAME interpreter (the benchmark-only venv
``~/.cache/hurtle/bench-envs/sanic-routing``, created with uv on first use): the real package
from its site-packages, ours by putting ``packages/router/src`` first on ``PYTHONPATH``.
Prints resolve time per call for each kind, finalize time, and the ratio (ref / ours: above
1.0 means ours is faster). Times are process CPU time (the machine may be shared), best of
several interleaved rounds. Not a test: numbers vary with the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUR_SRC = ROOT / "packages" / "router" / "src"
ENVS = Path(os.environ.get("HURTLE_BENCH_ENVS", Path.home() / ".cache/hurtle/bench-envs"))
ENV = ENVS / "sanic-routing"
ENV_PY = ENV / "bin" / "python"


# -- the workload (pure data, identical in both subprocesses) ---------------------------


def workload(n_routes: int, n_requests: int, seed: int = 1234):
    """(routes, requests by kind): routes are paths; requests are concrete paths."""
    rnd = random.Random(seed)
    routes: list[str] = []
    requests: dict[str, list[str]] = {"static": [], "dynamic": [], "regex": [], "missing": []}
    makers = {
        "static": [
            lambda i: (f"/s{i}", [f"/s{i}"]),
            lambda i: (f"/api/v1/s{i}/list", [f"/api/v1/s{i}/list"]),
            lambda i: (f"/docs/s{i}/a/b/c", [f"/docs/s{i}/a/b/c"]),
        ],
        "dynamic": [
            lambda i: (f"/d{i}/<id:int>", [f"/d{i}/{rnd.randint(1, 99999)}"]),
            lambda i: (
                f"/users{i}/<name>/posts/<pid:int>",
                [f"/users{i}/bob{rnd.randint(1, 99)}/posts/{rnd.randint(1, 999)}"],
            ),
            lambda i: (f"/blog{i}/<slug:slug>", [f"/blog{i}/hello-world-{rnd.randint(1, 9)}"]),
            lambda i: (
                f"/day{i}/<d:ymd>",
                [f"/day{i}/2024-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"],
            ),
            lambda i: (f"/api/d{i}/<a:alpha>/<f:float>", [f"/api/d{i}/abc/{rnd.random():.3f}"]),
        ],
        "regex": [
            lambda i: (rf"/r{i}/<code:[A-Z]{{3}}\d{{2}}>", [f"/r{i}/ABC{rnd.randint(10, 99)}"]),
            lambda i: (f"/files{i}/<rest:path>", [f"/files{i}/a/b/{rnd.randint(1, 9)}.txt"]),
        ],
    }
    weights = {"static": 0.4, "dynamic": 0.45, "regex": 0.15}
    for i in range(n_routes):
        kind = rnd.choices(list(weights), weights=list(weights.values()))[0]
        path, examples = rnd.choice(makers[kind])(i)
        routes.append(path)
        requests[kind].extend(examples)
    for kind in ("static", "dynamic", "regex"):
        pool = requests[kind]
        requests[kind] = [rnd.choice(pool) for _ in range(n_requests)]
    requests["missing"] = [f"/nope{rnd.randint(0, 10**6)}/x" for _ in range(n_requests)]
    return routes, requests


# -- the measurement (runs inside the subprocess) ----------------------------------------


def measure(n_routes: int, n_requests: int) -> dict:
    import sanic_routing
    from sanic_routing import BaseRouter
    from sanic_routing.exceptions import NotFound

    class Router(BaseRouter):
        DEFAULT_METHOD = "GET"
        ALLOWED_METHODS = ("GET", "POST")

        def get(self, *args, **kwargs):  # pragma: no cover - unused
            raise NotImplementedError

    def handler():
        return None

    routes, requests = workload(n_routes, n_requests)

    def build():
        router = Router()
        for path in routes:
            router.add(path, handler, methods=["GET"])
        return router

    finalize = []
    for _ in range(3):
        router = build()
        start = time.process_time()
        router.finalize()
        finalize.append(time.process_time() - start)

    resolve = router.resolve
    out = {"impl": sanic_routing.__file__, "finalize_s": min(finalize), "resolve_ns": {}}
    for kind, paths in requests.items():
        for path in paths[:50]:  # warm up, and check the workload resolves
            try:
                resolve(path, method="GET")
            except NotFound:
                if kind != "missing":
                    raise
        best = float("inf")
        for _ in range(5):
            start = time.process_time_ns()
            for path in paths:
                try:
                    resolve(path, method="GET")
                except NotFound:
                    pass
            best = min(best, (time.process_time_ns() - start) / len(paths))
        out["resolve_ns"][kind] = best
    return out


# -- orchestration -----------------------------------------------------------------------


def ensure_env() -> None:
    if ENV_PY.exists():
        return
    uv = shutil.which("uv")
    if uv is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "uv"], check=True)
        uv = shutil.which("uv") or "uv"
    subprocess.run([uv, "venv", "-q", "-p", "3.11", str(ENV)], check=True)
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(ENV_PY), "sanic-routing"], check=True
    )


def run_impl(which: str, n_routes: int, n_requests: int) -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if which == "ours":
        env["PYTHONPATH"] = str(OUR_SRC)
    cmd = [
        str(ENV_PY),
        str(Path(__file__).resolve()),
        "--worker",
        "--routes",
        str(n_routes),
        "--requests",
        str(n_requests),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def best_of(results: list[dict]) -> dict:
    best = dict(results[0])
    best["finalize_s"] = min(r["finalize_s"] for r in results)
    best["resolve_ns"] = {
        kind: min(r["resolve_ns"][kind] for r in results) for kind in results[0]["resolve_ns"]
    }
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--routes", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved runs per side")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.routes, args.requests)))
        return
    ensure_env()
    # The machine is shared: interleave rounds and keep each implementation's best.
    runs: dict[str, list[dict]] = {"ref": [], "ours": []}
    for _ in range(args.rounds):
        for which in ("ref", "ours"):
            runs[which].append(run_impl(which, args.routes, args.requests))
    ref, ours = (best_of(runs["ref"]), best_of(runs["ours"]))
    if "packages/router/src" not in ours["impl"] or "site-packages" not in ref["impl"]:
        raise SystemExit(f"wrong implementations loaded: {ours['impl']} / {ref['impl']}")
    print(
        f"Router benchmark: {args.routes} routes, {args.requests} requests per kind, "
        f"best of {args.rounds} interleaved rounds, Python {sys.version.split()[0]}\n"
    )
    print("| kind | sanic-routing 23.12 (ns/resolve) | ours (ns/resolve) | ratio ref/ours |")
    print("|---|---:|---:|---:|")
    for kind in ref["resolve_ns"]:
        r, o = ref["resolve_ns"][kind], ours["resolve_ns"][kind]
        print(f"| {kind} | {r:,.0f} | {o:,.0f} | {r / o:.2f}x |")
    rf, of = ref["finalize_s"], ours["finalize_s"]
    print(
        f"| finalize ({args.routes} routes) | {rf * 1000:,.1f} ms | {of * 1000:,.1f} ms | "
        f"{rf / of:.2f}x |"
    )


if __name__ == "__main__":
    main()
