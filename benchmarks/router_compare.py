"""Differential check: our ``sanic_routing`` vs the real sanic-routing, on random route sets.

Usage:  python3 benchmarks/router_compare.py [--seed 1] [--cases 300] [--hosts 0.0]

Generates seeded random route sets (static parts, every parameter type, inline regexes,
``path`` parameters, strict slashes, methods, optional host requirements) and random
requests, resolves them with both implementations (each in its own subprocess of the
benchmark venv used by ``router_bench.py``) and prints every difference in outcome
(route, params, or exception type and allowed methods), then a summary. Differences that
are deliberate are reported separately (see the router README: parameters of ``path``
routes are cast to their declared type). A development tool, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from router_bench import ENV_PY, OUR_SRC, ensure_env

STATIC = ["a", "b", "c", "ab", "1", "x.y"]
PARAMS = [
    "<p:int>",
    "<p:float>",
    "<p:alpha>",
    "<p:slug>",
    "<p:uuid>",
    "<p>",
    "<p:strorempty>",
    r"<p:[a-c]+>",
    "<p:path>",
]
VALUES = [
    "a",
    "b",
    "c",
    "1",
    "-2",
    "1.5",
    "abc",
    "a-b",
    "2020-01-02",
    "123e4567-e89b-12d3-a456-426614174000",
    "",
    "x.png",
    "1.txt",
    "AbC",
    "x.y",
    "ab",
    "%20",
    "a%20b",
    "nan",
]


def cases(seed: int, count: int, host_rate: float) -> list[dict]:
    """The seeded workload: route declarations and requests, as plain data."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        routes = []
        for _ in range(rnd.randint(1, 8)):
            parts, names = [], 0
            for _ in range(rnd.randint(1, 4)):
                if rnd.random() < 0.5:
                    parts.append(rnd.choice(STATIC))
                else:
                    parts.append(rnd.choice(PARAMS).replace("<p", f"<p{names}", 1))
                    names += 1
            path = "/" + "/".join(parts) + ("/" if rnd.random() < 0.1 else "")
            kwargs: dict = {"methods": [rnd.choice(["GET", "POST"])], "strict": rnd.random() < 0.2}
            if rnd.random() < host_rate:
                kwargs["requirements"] = {"host": rnd.choice(["h1", "h2"])}
            routes.append([path, kwargs])
        requests = []
        for _ in range(15):
            segs = [rnd.choice(VALUES + STATIC) for _ in range(rnd.randint(1, 4))]
            path = "/" + "/".join(segs) + ("/" if rnd.random() < 0.15 else "")
            extra = {"host": rnd.choice(["h1", "h2"])} if rnd.random() < host_rate else None
            requests.append([path, rnd.choice(["GET", "POST", "PUT"]), extra])
        out.append({"routes": routes, "requests": requests})
    return out


def run_cases(workload: list[dict]) -> list[dict]:
    """Inside the subprocess: outcome of every declaration and request."""
    from sanic_routing import BaseRouter

    class Router(BaseRouter):
        DEFAULT_METHOD = "GET"
        ALLOWED_METHODS = ("GET", "POST", "PUT")

        def get(self, *args, **kwargs):  # pragma: no cover - unused
            raise NotImplementedError

    results = []
    for case in workload:
        router = Router()
        added = []
        for idx, (path, kwargs) in enumerate(case["routes"]):

            def handler():
                return None

            handler.__name__ = f"h{idx}"
            try:
                router.add(path, handler, **kwargs)
                added.append("ok")
            except Exception as exc:
                added.append(type(exc).__name__)
        try:
            router.finalize()
            final = "ok"
        except Exception as exc:
            final = type(exc).__name__
        outcomes = []
        for path, method, extra in case["requests"] if final == "ok" else []:
            try:
                route, handler, params = router.resolve(path, method=method, extra=extra)
                has_path = any(p.label == "path" for p in route.params.values())
                outcomes.append(
                    ["OK", handler.__name__, {k: repr(v) for k, v in params.items()}, has_path]
                )
            except Exception as exc:
                outcomes.append(
                    [type(exc).__name__, sorted(getattr(exc, "allowed_methods", None) or [])]
                )
        results.append({"added": added, "final": final, "outcomes": outcomes})
    return results


def run_impl(which: str, args: argparse.Namespace) -> list[dict]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if which == "ours":
        env["PYTHONPATH"] = str(OUR_SRC)
    cmd = [
        str(ENV_PY),
        str(Path(__file__).resolve()),
        "--worker",
        "--seed",
        str(args.seed),
        "--cases",
        str(args.cases),
        "--hosts",
        str(args.hosts),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def deliberate(ref: list, ours: list) -> bool:
    """Ours casts typed parameters of path routes; sanic-routing leaves them strings."""
    return (
        ref[0] == ours[0] == "OK"
        and ref[1] == ours[1]
        and ours[3]
        and ref[2].keys() == ours[2].keys()
        and all(v.startswith("'") for v in ref[2].values())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--hosts", type=float, default=0.0, help="share of host requirements")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    workload = cases(args.seed, args.cases, args.hosts)
    if args.worker:
        print(json.dumps(run_cases(workload)))
        return
    ensure_env()
    ref, ours = run_impl("ref", args), run_impl("ours", args)
    kinds: Counter = Counter()
    for case, a, b in zip(workload, ref, ours, strict=True):
        if a["final"] != "ok":
            kinds["sanic-routing could not finalize"] += 1
            continue
        if a["added"] != b["added"] or a["final"] != b["final"]:
            kinds["registration differs"] += 1
            print(
                "REGISTRATION",
                case["routes"],
                a["added"],
                a["final"],
                "| ours",
                b["added"],
                b["final"],
            )
            continue
        for request, ra, rb in zip(case["requests"], a["outcomes"], b["outcomes"], strict=True):
            if ra == rb:
                kinds["same"] += 1
            elif deliberate(ra, rb):
                kinds["deliberate (typed path-route params)"] += 1
            else:
                kinds[f"{ra[0]} vs ours {rb[0]}"] += 1
                print(
                    "ROUTES",
                    [
                        " ".join(
                            map(
                                str,
                                [
                                    r[0],
                                    *r[1]["methods"],
                                    *(["strict"] if r[1]["strict"] else []),
                                    r[1].get("requirements", ""),
                                ],
                            )
                        ).strip()
                        for r in case["routes"]
                    ],
                    "\n  REQUEST",
                    request,
                    "\n  sanic-routing",
                    ra,
                    "\n  ours         ",
                    rb,
                )
    print("\nsummary:", dict(kinds))


if __name__ == "__main__":
    main()
