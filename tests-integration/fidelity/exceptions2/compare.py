"""Run a probe of this folder under Sanic 25.12 and under this tree; print the diff.

    python3 tests-integration/fidelity/exceptions2/compare.py api [SECTION ...]
    python3 tests-integration/fidelity/exceptions2/compare.py logs [noisy]

SANIC_PY (default /tmp/st-ref/bin/python) and HURTLE_PY (default this tree's .venv).
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parents[2]
PYS = {
    "sanic": os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python"),
    "hurtle": os.environ.get("HURTLE_PY", str(TREE / ".venv/bin/python")),
}


def run(py: str, probe: str, args: list[str]) -> list[str]:
    out = subprocess.run(
        [py, str(HERE / f"{probe}.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd="/tmp",
    ).stdout
    out = re.sub(r" at 0x[0-9a-f]+", " at 0x..", out)
    # The servers' own console lines (banner, worker start and stop) are not compared.
    return [line for line in out.splitlines() if not re.match(r"(Main|Srv \d+) +\d{4}-", line)]


def main() -> int:
    probe, args = sys.argv[1], sys.argv[2:]
    a = run(PYS["sanic"], probe, args)
    b = run(PYS["hurtle"], probe, args)
    diff = list(difflib.unified_diff(a, b, "sanic", "hurtle", n=0, lineterm=""))
    print("\n".join(diff))
    print(
        f"{probe} {' '.join(args)}: {len(a)} lines (sanic), {len(b)} (hurtle), "
        f"{sum(1 for d in diff if d[:1] in '+-' and d[:3] not in ('+++', '---'))} differing"
    )
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
