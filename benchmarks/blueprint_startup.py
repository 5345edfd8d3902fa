"""Wall time to declare, register and finalize a blueprint of many routes.

    python benchmarks/blueprint_startup.py [ROUTES]      # default 5000

Runs under any interpreter that has `sanic` (Hurtle's checkout or Sanic 25.12), so the two
can be compared; prints the seconds of each step (best of 3 runs).
"""

from __future__ import annotations

import sys
import time

from sanic import Blueprint, Sanic
from sanic.response import text


async def handler(request):
    return text("ok")


def once(n: int, run: int) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    bp = Blueprint(f"bp{run}", url_prefix="/bp")
    for i in range(n):
        bp.add_route(handler, f"/r{i}", name=f"r{i}")
    t1 = time.perf_counter()
    app = Sanic(f"startup{run}")
    app.blueprint(bp)
    t2 = time.perf_counter()
    app.router.finalize()
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = [once(n, run) for run in range(3)]
    best = min(runs, key=sum)
    print(
        f"{n} routes: declare {best[0]:.3f} s, register {best[1]:.3f} s, "
        f"finalize {best[2]:.3f} s, total {sum(best):.3f} s (best of {len(runs)})"
    )


if __name__ == "__main__":
    main()
