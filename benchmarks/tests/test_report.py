"""The report's arithmetic and tables."""

import math

from harness.report import geomean, median, render, summarize
from hypothesis import given
from hypothesis import strategies as st


def sample(target, route, rps, rnd=1, cpu=10.0):
    return {
        "round": rnd, "target": target, "route": route, "requests": int(rps), "rps": rps,
        "p50_ms": 1.0, "p99_ms": 2.0, "errors": 0, "non2xx": 0, "cpu_us": cpu, "rss_kib": 2048,
    }  # fmt: skip


@given(st.lists(st.floats(min_value=1e-3, max_value=1e6), min_size=1, max_size=20))
def test_geomean_lies_between_min_and_max(values):
    g = geomean(values)
    assert min(values) * (1 - 1e-9) <= g <= max(values) * (1 + 1e-9)


def test_geomean_is_none_when_a_value_is_missing():
    assert geomean([2.0, None]) is None
    assert geomean([]) is None
    assert math.isclose(geomean([2.0, 8.0]), 4.0)


def test_median_of_rounds_is_reported():
    rows = [sample("sanic", "GET /", rps, rnd) for rnd, rps in enumerate((100, 300, 200))]
    assert summarize(rows)["sanic", "GET /"]["rps"] == 200
    assert median([]) is None


def test_report_has_ratios_and_geomean_row():
    rows = [
        sample("hurtle", "GET /", 300, cpu=10),
        sample("sanic", "GET /", 100, cpu=40),
        sample("floor", "GET /", 600, cpu=5),
        sample("hurtle", "GET /json", 200),
        sample("sanic", "GET /json", 100),
        sample("floor", "GET /json", 400),
    ]
    text = render(
        meta={"started": "now"},
        samples=rows,
        targets=["hurtle", "sanic", "floor"],
        routes=["GET /", "GET /json"],
        unavailable={"starlette": "not installed"},
        idle_rss={"hurtle": [1024], "sanic": [2048]},
        startup={"hurtle": [{"seconds": 0.25, "rss_kib": 4096}]},
    )
    assert "| GET / | 300 | 100 | 600 | 3.00 | 0.50 |" in text
    assert f"**{math.sqrt(3 * 2):.2f}**" in text  # Hurtle/Sanic geo-mean of 3x and 2x
    assert "| GET / | 10.0 | 40.0 | 5.0 | 4.00 | 0.50 |" in text  # CPU: speed-up ratios
    assert "starlette not measured" in text
    assert "Hurtle/floor on GET /: 0.50" in text
