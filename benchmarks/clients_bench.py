"""How long 1,000 requests take through each in-process test client.

Run it under Hurtle's venv and under a venv with real Sanic + sanic-testing; it measures
whatever clients the running interpreter has and prints one line per client:

    .venv/bin/python benchmarks/clients_bench.py
    /path/to/sanic-venv/bin/python benchmarks/clients_bench.py

The app is the same in both: one JSON route, one path-parameter route, one request
middleware.  Each figure is the best of ``--rounds`` runs of ``--requests`` requests
after a warm-up; listeners run once per client (outside the timed part where the client
allows it).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)


def build_app() -> Any:
    """The benchmark app (``sanic.Sanic`` if importable, else ``hurtle_app.Sanic``)."""
    try:
        from sanic import Sanic
        from sanic.response import json
    except ImportError:  # only the framework package is installed
        from hurtle_app import Sanic
        from hurtle_http.response import json

    app = Sanic("BenchClients")

    @app.on_request
    async def tag(request: Any) -> None:
        request.ctx.tagged = True

    @app.get("/")
    async def index(request: Any) -> Any:
        return json({"hello": "world"})

    @app.get("/users/<user_id:int>")
    async def user(request: Any, user_id: int) -> Any:
        return json({"id": user_id, "tagged": request.ctx.tagged})

    return app


async def _time(send: Callable[[str], Awaitable[Any]], requests: int) -> float:
    start = time.perf_counter()
    for i in range(requests):
        _, response = await send("/" if i % 2 else f"/users/{i}")
        if response.status != 200:
            raise RuntimeError(f"unexpected status {response.status}")
    return time.perf_counter() - start


async def bench_sanic_asgi(requests: int, rounds: int) -> float:
    from sanic_testing.testing import SanicASGITestClient

    client = SanicASGITestClient(build_app())
    await _time(client.get, 20)
    return min([await _time(client.get, requests) for _ in range(rounds)])


async def bench_inprocess(requests: int, rounds: int) -> float:
    from sanic_testing import AsyncInProcessClient

    async with AsyncInProcessClient(build_app()) as client:
        await _time(client.get, 20)
        return min([await _time(client.get, requests) for _ in range(rounds)])


def main() -> None:
    """Print seconds per ``--requests`` requests for each available client."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import sanic_testing

    hurtle = hasattr(sanic_testing, "AsyncInProcessClient")
    label = "hurtle" if hurtle else "sanic"
    results = {f"{label} SanicASGITestClient": bench_sanic_asgi}
    if hurtle:
        results["hurtle AsyncInProcessClient"] = bench_inprocess
    for name, bench in results.items():
        seconds = asyncio.run(bench(args.requests, args.rounds))
        per = seconds / args.requests * 1e6
        print(f"{name:34s} {args.requests} requests: {seconds:.3f} s ({per:.0f} us/request)")


if __name__ == "__main__":
    main()
