"""Leftovers, sixth pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers6/run.py [--show]

Runs probe.py under each interpreter (REF_PYTHON, HURTLE_PYTHON) with ``probed.py``
and prints, for every observation that differs, both values and the reason it is kept (``KEPT``), or
``NOT KEPT``. Exit status 1 when a difference is not kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from probed import compare  # noqa: E402  (the shared runner)

KEPT = {
    # Hurtle's worker acknowledges its start after the after_server_start listeners
    # (kept since "Workers, first round"); the keys are Sanic's.
    "3 START": "ack after after_server_start: STARTED there (Sanic: ACKED), kept before",
    # Sanic leaves a failing complete handler's task exception to asyncio, which logs
    # it when the task is collected (or never); Hurtle logs it at once on sanic.error.
    # Not item 6: an in-process client whose request arrives as a failing begin handler
    # closes the connection; Hurtle's close comes first (reset), as on main before.
    "6 begin client": "left alone: scheduling of the close against the request's arrival",
    "6 complete log": "Sanic's bug: an unretrieved task exception, logged by asyncio at GC",
}


if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT, timeout=300))
