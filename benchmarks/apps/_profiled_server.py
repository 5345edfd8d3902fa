"""Run a benchmark app with cProfile switched on and off by signals (used by profile.py).

Run: ``BENCH_PROFILE_OUT=FILE python _profiled_server.py APP.py PORT``. SIGUSR1 starts
profiling (then ``FILE.on`` appears), SIGUSR2 stops it and dumps the stats to ``FILE``. So
only the driven requests are profiled, not imports or start-up.
"""

from __future__ import annotations

import cProfile
import os
import runpy
import signal
import sys
from pathlib import Path

OUT = Path(os.environ["BENCH_PROFILE_OUT"])
PROFILER = cProfile.Profile()


def _start(signum, frame) -> None:
    PROFILER.enable()
    OUT.with_suffix(".on").write_text("on")


def _stop(signum, frame) -> None:
    PROFILER.disable()
    PROFILER.dump_stats(str(OUT))


signal.signal(signal.SIGUSR1, _start)
signal.signal(signal.SIGUSR2, _stop)
app_file = sys.argv[1]
sys.argv = [app_file, *sys.argv[2:]]
runpy.run_path(app_file, run_name="__main__")
