"""broker_app.py (danhojin/algo-trading-korea-equities) run as Sanic's start-up error
suggests: `Sanic.start_method = "fork"` before the same `init()`, so the forked workers
inherit the app made in `__main__` and the queues."""

import os

from broker_app import init

from sanic import Sanic

if __name__ == "__main__":
    Sanic.start_method = "fork"
    init(int(os.environ.get("APP_PORT", 8000)), 2)
