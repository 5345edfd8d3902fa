"""Run each probe of this folder under Sanic 25.12 and under this tree; print a diff per probe.

Not a test (CI has no Sanic). From the worktree root:

    python3 tests-integration/fidelity/blueprints2/run.py            # every probe
    python3 tests-integration/fidelity/blueprints2/run.py matrix     # probes whose name matches
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", str(ROOT / ".venv" / "bin" / "python"))


def run(python: str, probe: Path) -> list[str]:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(HERE.parent / "probes"))
    proc = subprocess.run(
        [python, str(probe)], cwd=HERE, env=env, capture_output=True, text=True, timeout=300
    )
    lines = proc.stdout.splitlines()
    if proc.returncode:
        lines.append(f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}")
    return lines


def main() -> int:
    wanted = sys.argv[1:]
    differ = 0
    for probe in sorted(HERE.glob("p_*.py")):
        if wanted and not any(w in probe.stem for w in wanted):
            continue
        a, b = run(SANIC_PY, probe), run(HURTLE_PY, probe)
        diff = list(difflib.unified_diff(a, b, "sanic", "hurtle", lineterm="", n=0))
        print(
            f"== {probe.stem}: {len(a)} lines, {sum(1 for d in diff if d[:1] == '+' and d[:3] != '+++')} differ"
        )
        for line in diff:
            print(line)
        differ += bool(diff)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
