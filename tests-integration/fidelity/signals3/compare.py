"""Run every signals3 probe under real Sanic and under this tree; print what differs.

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        python3 tests-integration/fidelity/signals3/compare.py [NAME...]

Lines that differ by nature are dropped before the diff: the servers' own log lines
(``Main ...``), ports and the ``Date`` field in raw heads.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", str(HERE.parents[2] / ".venv/bin/python"))
RAISING = [
    f"{event} {mode}"
    for event in (
        "server.init.before", "server.init.after", "server.shutdown.before",
        "server.shutdown.after", "http.lifecycle.begin", "http.lifecycle.read_head",
        "http.lifecycle.request", "http.lifecycle.handle", "http.routing.before",
        "http.routing.after", "http.middleware.before", "http.middleware.after",
        "http.handler.before", "http.handler.after", "http.lifecycle.read_body",
        "http.lifecycle.exception", "http.lifecycle.response", "http.lifecycle.send",
        "http.lifecycle.complete",
    )
    for mode in ("raise", "noargs", "sync")
]  # fmt: skip
RUNS = (
    [("builtin_events.py", "")]
    + [("ws_events.py", c) for c in ("send_before", "raise_before", "raise_after", "raise_exc")]
    + [("dispatch_api.py", ""), ("report_events.py", "all"), ("report_events.py", "listener")]
    + [("bp_signals.py", ""), ("waits_served.py", "")]
    + [("raising_events.py", args) for args in RAISING]
)
NOISE = re.compile(r"127\.0\.0\.1:\d+|Sec-WebSocket-(Key|Accept): [^\\]*|0x[0-9a-f]+")
#: Hurtle sends a Date field (RFC 9110 6.6.1), Sanic none: dropped from raw heads.
DATE = re.compile(r"[dD]ate: [^\\]*\\r\\n")


def observe(python: str, script: str, args: str) -> list[str]:
    proc = subprocess.run(
        [python, str(HERE / script), *args.split()],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=HERE,
    )
    kept: list[str] = []
    in_frame = False  # (a traceback's source lines follow its "  File" line)
    for line in proc.stdout.splitlines():
        if line.startswith("  File "):
            in_frame = True
            continue
        if in_frame and line.startswith("    "):
            continue
        in_frame = False
        if not line.startswith("Main "):
            kept.append(NOISE.sub("~", DATE.sub("", line)))
    return kept


def main() -> int:
    wanted = sys.argv[1:]
    differ = 0
    runs = [r for r in RUNS if not wanted or any(w in f"{r[0]} {r[1]}" for w in wanted)]
    for script, args in runs:
        ref, ours = observe(SANIC_PY, script, args), observe(HURTLE_PY, script, args)
        diff = list(difflib.unified_diff(ref, ours, "sanic", "hurtle", lineterm="", n=1))
        print(f"== {script} {args}: {'same' if not diff else 'differs'}")
        if diff:
            differ += 1
            print("\n".join(diff[2:]))
    print(f"{len(runs)} runs, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
