"""Config loading under Sanic 25.12 and Hurtle, compared case by case (black box).

    python3 tests-integration/fidelity/config2/loading.py [--hurtle PY] [--sanic PY] [NAME ...]

Each case is a snippet run by one interpreter per side, one after the other, with its own
environment variables, a scratch directory as the working directory, and the app
registry and the modules it imported cleared; ``show(x)`` records
``repr(x)`` and its type, an exception records its type and message. Prints the cases
whose records differ (the kept ones are listed in the README's "Configuration in depth").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loading_cases import CASES

HARNESS = r"""
import json, sys, os, warnings, logging, io, tempfile
out = []
def show(*values):
    for v in values:
        out.append(f"{type(v).__name__}: {v!r}")
def note(e):
    out.append(f"EXC {type(e).__name__}: {e}")
class Catch:
    def __enter__(self): return self
    def __exit__(self, t, e, tb):
        if e is not None:
            note(e)
        return True
catch = Catch
import sanic
from sanic import Sanic
cases = json.load(sys.stdin)
base_env = dict(os.environ)
base_modules = set(sys.modules)
base_path = list(sys.path)
results = {}
for case in cases:
    out = []
    os.environ.clear(); os.environ.update(base_env); os.environ.update(case["env"])
    for m in set(sys.modules) - base_modules:
        if not m.startswith(("sanic", "hurtle", "encodings", "_")):
            sys.modules.pop(m, None)
    Sanic._app_registry.clear()
    warnings.resetwarnings(); warnings.simplefilter("ignore")
    scratch = tempfile.mkdtemp()
    for name, text in case["files"].items():
        with open(os.path.join(scratch, name), "w") as f:
            f.write(text)
    os.chdir(scratch)
    sys.path[:] = [scratch] + base_path
    try:
        exec(compile(case["code"], "<case>", "exec"), {"show": show, "catch": catch, "__name__": "case"})
    except BaseException as e:
        note(e)
    results[case["name"]] = [line.replace(scratch, "<scratch>") for line in out]
print(json.dumps(results))
"""


def run(py: str, cases: list[dict]) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
    proc = subprocess.run(
        [py, "-c", HARNESS],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        sys.exit(f"{py} crashed: rc={proc.returncode} {proc.stderr[-2000:]}")


def _view(records: list[str], strict: bool) -> list[str]:
    """The records, exception messages left out unless strict (ours say more)."""
    if strict:
        return records
    return [r.split(":", 1)[0] if r.startswith("EXC ") else r for r in records]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--hurtle", default=str(Path(__file__).resolve().parents[3] / ".venv/bin/python")
    )
    parser.add_argument("--sanic", default="/tmp/st-ref/bin/python")
    parser.add_argument("-v", action="store_true", help="print every case")
    parser.add_argument(
        "--strict", action="store_true", help="compare exception messages too, not only types"
    )
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    differing = 0
    cases = [c for c in CASES if not args.names or c["name"] in args.names]
    sanic_out = run(args.sanic, cases)
    hurtle_out = run(args.hurtle, cases)
    for case in cases:
        s = sanic_out[case["name"]]
        h = hurtle_out[case["name"]]
        if _view(s, args.strict) != _view(h, args.strict):
            differing += 1
            print(f"--- {case['name']}")
            for i in range(max(len(s), len(h))):
                sv = s[i] if i < len(s) else "<none>"
                hv = h[i] if i < len(h) else "<none>"
                mark = "  " if sv == hv else "!!"
                print(f" {mark} sanic : {sv}")
                if sv != hv:
                    print(f" {mark} hurtle: {hv}")
        elif args.v:
            print(f"=== {case['name']}: {s}")
    print(f"{len(cases)} cases, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
