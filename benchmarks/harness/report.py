"""Medians, ratios and the markdown report of one benchmark run."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence

__all__ = ["geomean", "median", "render", "summarize"]

NA = "n/a"


def median(values: Iterable[float]) -> float | None:
    """The median, or ``None`` for no values."""
    items = list(values)
    return statistics.median(items) if items else None


def geomean(values: Iterable[float | None]) -> float | None:
    """The geometric mean of the positive values, or ``None`` if any is missing."""
    items = list(values)
    if not items or any(v is None or v <= 0 for v in items):
        return None
    return math.exp(sum(math.log(v) for v in items) / len(items))


def summarize(samples: Sequence[dict]) -> dict[tuple[str, str], dict[str, float | None]]:
    """Per (target, route): medians over rounds of req/s, p99, CPU per request and RSS."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for sample in samples:
        grouped[sample["target"], sample["route"]].append(sample)
    out = {}
    for key, rows in grouped.items():
        out[key] = {
            "rps": median(r["rps"] for r in rows),
            "p99_ms": median(r["p99_ms"] for r in rows),
            "cpu_us": median(r["cpu_us"] for r in rows if r["cpu_us"]),
            "rss_mib": median(r["rss_kib"] / 1024 for r in rows if r["rss_kib"]),
            "errors": sum(r["errors"] + r["non2xx"] for r in rows),
            "rounds": len(rows),
        }
    return out


def _fmt(value: float | None, spec: str) -> str:
    return NA if value is None else format(value, spec)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    lines[1] = "|---|" + "|".join("---:" for _ in header[1:]) + "|"
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _metric_table(
    summary: dict,
    targets: list[str],
    routes: list[str],
    metric: str,
    spec: str,
    *,
    ratios: bool,
    higher_is_better: bool = True,
) -> list[str]:
    pairs = [
        (a, b)
        for a, b in (("hurtle", "sanic"), ("hurtle", "floor"), ("hurtle-core", "floor"))
        if a in targets and b in targets
    ]
    header = ["route", *targets]
    if ratios:
        header += [f"{a}/{b}" for a, b in pairs]
    rows = []
    per_pair: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    per_target: dict[str, list[float | None]] = defaultdict(list)
    for route in routes:
        values = {t: summary.get((t, route), {}).get(metric) for t in targets}
        row = [route] + [_fmt(values[t], spec) for t in targets]
        for t in targets:
            per_target[t].append(values[t])
        if ratios:
            for a, b in pairs:
                r = (
                    _ratio(values[a], values[b])
                    if higher_is_better
                    else _ratio(values[b], values[a])
                )
                per_pair[a, b].append(r)
                row.append(_fmt(r, ".2f"))
        rows.append(row)
    if ratios:
        geo = ["**geo-mean**"] + [_fmt(geomean(per_target[t]), spec) for t in targets]
        geo += [f"**{_fmt(geomean(per_pair[p]), '.2f')}**" for p in pairs]
        rows.append(geo)
    return _table(header, rows)


def render(
    *,
    meta: dict,
    samples: Sequence[dict],
    targets: list[str],
    routes: list[str],
    unavailable: dict[str, str],
    idle_rss: dict[str, list[int]],
    startup: dict[str, list[dict]],
    workers: dict[str, dict] | None = None,
) -> str:
    """The markdown report of one run."""
    summary = summarize(samples)
    lines = [f"# Hurtle benchmark — {meta['started']}", ""]
    lines += [f"- {key}: {value}" for key, value in meta.items() if key != "started"]
    for name, why in unavailable.items():
        lines.append(f"- **{name} not measured**: {why}")
    lines += [
        "",
        "## Throughput (req/s, median over rounds; higher is better)",
        "",
        *_metric_table(summary, targets, routes, "rps", ".0f", ratios=True),
        "",
        "## Server CPU per request (µs, median; lower is better; ratios are speed-ups)",
        "",
        *_metric_table(
            summary, targets, routes, "cpu_us", ".1f", ratios=True, higher_is_better=False
        ),
        "",
        "## p99 latency (ms, median over rounds)",
        "",
        *_metric_table(summary, targets, routes, "p99_ms", ".2f", ratios=False),
        "",
        "## RSS after load (MiB, median over rounds)",
        "",
        *_metric_table(summary, targets, routes, "rss_mib", ".1f", ratios=False),
        "",
        "## Memory per worker (one single-process server = one worker's footprint)",
        "",
    ]
    mem_rows = []
    for t in targets:
        after = [summary[k]["rss_mib"] for k in summary if k[0] == t and summary[k]["rss_mib"]]
        mem_rows.append(
            [
                t,
                _fmt(median(v / 1024 for v in idle_rss.get(t, [])), ".1f"),
                _fmt(max(after) if after else None, ".1f"),
            ]
        )
    lines += _table(["target", "RSS idle after start (MiB)", "RSS after load, max (MiB)"], mem_rows)
    if workers:
        lines += ["", "With the worker manager, `app.run(workers=2)`, idle after warm-up:", ""]
        rows = [
            [
                t,
                _fmt(w["worker_kib"] / 1024, ".1f"),
                _fmt(w["main_kib"] / 1024, ".1f"),
                _fmt(w["total_kib"] / 1024, ".1f"),
                str(w["processes"]),
            ]
            for t, w in workers.items()
        ]
        lines += _table(
            [
                "target",
                "RSS per worker (MiB)",
                "main process (MiB)",
                "all processes (MiB)",
                "processes",
            ],
            rows,
        )
    if startup:
        lines += ["", "## Start-up with 1,000 routes (process start to first response)", ""]
        rows = []
        for t, runs in startup.items():
            secs = [r["seconds"] for r in runs if r.get("seconds") is not None]
            rows.append(
                [
                    t,
                    _fmt(median(secs), ".3f"),
                    _fmt(min(secs) if secs else None, ".3f"),
                    _fmt(median(r["rss_kib"] / 1024 for r in runs if r.get("rss_kib")), ".1f"),
                    str(len(secs)),
                ]
            )
        lines += _table(["target", "median (s)", "best (s)", "RSS (MiB)", "runs"], rows)
    errors = {k: v["errors"] for k, v in summary.items() if v["errors"]}
    if errors:
        lines += ["", "## Errors / non-2xx responses", ""]
        lines += [f"- {t} {r}: {n}" for (t, r), n in sorted(errors.items())]
    lines += ["", *_verdict(summary, targets, routes, idle_rss, startup, workers or {})]
    return "\n".join(lines) + "\n"


def _verdict(summary, targets, routes, idle_rss, startup, workers) -> list[str]:
    if "hurtle" not in targets:
        return []
    out = ["## Against the targets of issue 9", ""]

    def rps(t: str, r: str) -> float | None:
        return summary.get((t, r), {}).get("rps")

    if "sanic" in targets:
        g = geomean(_ratio(rps("hurtle", r), rps("sanic", r)) for r in routes)
        out.append(f"- Hurtle/Sanic req/s geo-mean: {_fmt(g, '.2f')} (target >= 3.0)")
    if "floor" in targets and "GET /" in routes:
        f = _ratio(rps("hurtle", "GET /"), rps("floor", "GET /"))
        out.append(f"- Hurtle/floor on GET /: {_fmt(f, '.2f')} (target >= 0.4)")
    if idle_rss.get("hurtle") and idle_rss.get("sanic"):
        h, s = median(idle_rss["hurtle"]), median(idle_rss["sanic"])
        out.append(
            f"- RSS per worker, idle: Hurtle {h / 1024:.1f} MiB vs Sanic {s / 1024:.1f} MiB (target <=)"
        )
    if workers.get("hurtle") and workers.get("sanic"):
        h, s = workers["hurtle"]["worker_kib"], workers["sanic"]["worker_kib"]
        out.append(
            f"- RSS per worker, 2 workers: Hurtle {h / 1024:.1f} MiB vs Sanic {s / 1024:.1f} MiB"
        )
    if startup.get("hurtle"):
        h = median(r["seconds"] for r in startup["hurtle"] if r.get("seconds") is not None)
        s = None
        if startup.get("sanic"):
            s = median(r["seconds"] for r in startup["sanic"] if r.get("seconds") is not None)
        out.append(
            f"- Start-up with 1,000 routes: Hurtle {_fmt(h, '.3f')} s vs Sanic {_fmt(s, '.3f')} s "
            "(target: <= 0.5 s and <= Sanic)"
        )
    return out
