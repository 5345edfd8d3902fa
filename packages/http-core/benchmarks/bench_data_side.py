"""Micro-benchmarks of the data side's hot path: building a Request, reading its path,
building text/json responses and their HTTP/1.1 head, parsing query args and cookies.

Run with Hurtle's venv, and with Sanic's to compare (same operations through Sanic's API):

    .venv/bin/python packages/http-core/benchmarks/bench_data_side.py
    /work/ref-sanic/bin/python packages/http-core/benchmarks/bench_data_side.py --sanic

Prints the best of several rounds of process CPU time, in ns per operation (the least
noisy statistic on a shared machine).
"""

from __future__ import annotations

import sys
import time
import timeit
from collections.abc import Callable

if "--sanic" in sys.argv:
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    from sanic import Sanic
    from sanic.compat import Header
    from sanic.headers import format_http1_response
    from sanic.request import Request
    from sanic.response import json, text

    APP = Sanic("bench")
    LABEL = "sanic"
else:
    from hurtle_http.headers import Header, format_http1_response
    from hurtle_http.request import Request
    from hurtle_http.response import json, text

    APP = None
    LABEL = "hurtle"

HEADERS = Header(
    [
        ("Host", "localhost:8000"),
        ("User-Agent", "bench/1.0"),
        ("Accept", "*/*"),
        ("Cookie", "session=abc123; theme=dark; lang=en"),
    ]
)


def request_path() -> str:
    return Request(b"/hello/world?x=1", HEADERS, "1.1", "GET", None, APP).path


def request_args() -> object:
    return Request(b"/s?q=hello+world&page=2&tags=a&tags=b", HEADERS, "1.1", "GET", None, APP).args


def request_cookies() -> object:
    return Request(b"/", HEADERS, "1.1", "GET", None, APP).cookies


def text_head() -> bytes:
    response = text("Hello, world!")
    response.headers["content-length"] = "13"
    response.headers["connection"] = "keep-alive"
    return format_http1_response(response.status, response.processed_headers)


def json_head() -> bytes:
    response = json({"hello": "world", "n": [1, 2, 3]})
    response.headers["connection"] = "keep-alive"
    return format_http1_response(response.status, response.processed_headers) + response.body


CASES: list[Callable[[], object]] = [
    request_path,
    request_args,
    request_cookies,
    text_head,
    json_head,
]


def main() -> None:
    number = 20_000
    for case in CASES:
        # process_time: CPU time of this process only, so time spent descheduled by
        # other load on the machine does not count.
        timings = timeit.repeat(case, number=number, repeat=7, timer=time.process_time)
        best = min(timings) / number * 1e9
        print(f"{LABEL:6} {case.__name__:16} {best:8.0f} ns")


if __name__ == "__main__":
    main()
