"""compare.py [NAME ...] [--show] [--raw]: the fifth audit's scenarios (scenarios5.py), Sanic
25.12 vs Hurtle, with the fourth audit's runner (workers4/compare.py: real processes on
127.0.0.1, each in its own session, every wait bounded; pids, times and ports masked)."""

from __future__ import annotations

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
_spec = importlib.util.spec_from_file_location(
    "workers4_compare", os.path.join(HERE, "..", "workers4", "compare.py"))
assert _spec and _spec.loader
workers4 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(workers4)

from scenarios5 import SCENARIOS  # noqa: E402

if __name__ == "__main__":
    workers4.main(SCENARIOS)
