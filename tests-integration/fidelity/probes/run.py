"""Run every API probe under real Sanic 25.12 and under Hurtle; print a diff per probe.

Not a test (CI has no Sanic). Usage, from the worktree root:

    python3 tests-integration/fidelity/probes/run.py              # every probe
    python3 tests-integration/fidelity/probes/run.py config resp  # probes whose name matches
    python3 tests-integration/fidelity/probes/run.py -v config    # also print both outputs

Each probe (`p_<topic>.py`) prints one observed fact per line. Lines come out in the same
order under both interpreters, so a plain unified diff shows what a user would see differ.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SANIC_PY = os.environ.get("SANIC_PY", "/work/ref-sanic/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", str(ROOT / ".venv" / "bin" / "python"))
TIMEOUT = 120


def run_one(python: str, probe: Path) -> list[str]:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    for key in list(env):
        if key.startswith("SANIC_"):
            del env[key]
    try:
        proc = subprocess.run(
            [python, str(probe)], cwd=HERE, env=env, capture_output=True, text=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        return out.splitlines() + [f"!! timed out after {TIMEOUT} s"]
    lines = proc.stdout.splitlines()
    if proc.returncode:
        tail = proc.stderr.strip().splitlines()[-6:]
        lines += [f"!! exit {proc.returncode}"] + [f"!! {t}" for t in tail]
    return lines


def compare(probe: Path, verbose: bool) -> tuple[str, int]:
    ref = run_one(SANIC_PY, probe)
    ours = run_one(HURTLE_PY, probe)
    diff = list(difflib.unified_diff(ref, ours, "sanic", "hurtle", lineterm="", n=0))
    out = [
        f"== {probe.stem}: {len(ref)} lines, {sum(1 for d in diff if d.startswith('-') and not d.startswith('---'))} differ"
    ]
    out += diff
    if verbose:
        out += ["-- sanic:"] + ref + ["-- hurtle:"] + ours
    return "\n".join(out), len(diff)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="substrings of probe names to run")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    probes = sorted(HERE.glob("p_*.py"))
    if args.names:
        probes = [p for p in probes if any(n in p.stem for n in args.names)]
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda p: compare(p, args.verbose), probes))
    differing = 0
    for text, ndiff in results:
        print(text)
        differing += bool(ndiff)
    print(f"{len(probes) - differing} of {len(probes)} probes identical")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
