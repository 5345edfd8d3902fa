"""Run the clients2 probes (`c_*.py`) under Sanic 25.12 + sanic-testing 24.6 and Hurtle.

Not a test (CI has no Sanic). From the worktree root:

    SANIC_PY=/tmp/st-ref/bin/python python3 tests-integration/fidelity/clients2/run.py [-v] [names]

Reuses `probes/run.py` (same diff, same environment scrubbing); the probes import
`probes/_probe.py`. Each probe prints one fact per line; lines marked `KEPT` in the probe
sources are the differences listed in the README section "The test clients, second audit".
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "probes"))

import run as probes_run  # noqa: E402  (probes/run.py)

if __name__ == "__main__":
    probes_run.HERE = HERE
    sys.exit(probes_run.main())
