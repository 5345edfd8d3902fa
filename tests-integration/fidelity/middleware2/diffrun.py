"""Run sanic-diff on APP.py REQUESTS and report differences, not counting Hurtle's `Date`.

Hurtle sends `Date` on every response (RFC 9110 6.6.1, kept); Sanic 25.12 does not. This
drops that field from both sides, then diffs what is left.

    HURTLE_PY=.venv/bin/python SANIC_PY=/tmp/st-ref/bin/python \
        python3 tests-integration/fidelity/middleware2/diffrun.py APP.py REQUESTS
"""

import difflib
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TOOL = "/work/shared/tools/sanic-diff"


def side(result: dict) -> list[str]:
    lines = []
    for resp in result["responses"]:
        lines.append(resp["status_line"])
        lines += [f"{k}: {v}" for k, v in sorted(resp["headers"]) if k != "date"]
        lines += ["", *resp.get("body_text", "").splitlines()]
    lines.append(f"-- {result['connection']} {result.get('unparsed', '')!r}")
    return lines


def main() -> int:
    proc = subprocess.run(
        [TOOL, *sys.argv[1:], "--json"], capture_output=True, text=True, timeout=600
    )
    if proc.returncode == 2 or not proc.stdout.strip():
        print(proc.stderr[-4000:])
        return 2
    data = json.loads(proc.stdout)
    same = differ = 0
    for req in data["requests"]:
        a, b = side(req["sanic"]), side(req["hurtle"])
        if a == b:
            same += 1
            continue
        differ += 1
        print(f"[{req['index']}] {req['name']}: {req['request'].splitlines()[0]}")
        for line in difflib.unified_diff(a, b, "sanic", "hurtle", lineterm="", n=2):
            print("   ", line)
    print(f"{len(data['requests'])} requests, {same} same, {differ} differ")
    return 1 if differ else 0


def run_generated(make: Callable[[int], tuple[str, str]], seeds: list[int]) -> int:
    """For each seed, ``make(seed)`` gives an app's source and its requests; run them
    through this script and print one line per seed (and the differences). 1 if any
    differ (the app is then kept as /tmp/mw2fuzz_SEED.py to rerun)."""
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            source, requests = make(seed)
            app = Path(tmp, f"mw2fuzz_{seed}.py")
            app.write_text(source)
            http = Path(tmp, f"mw2fuzz_{seed}.http")
            http.write_text(requests)
            proc = subprocess.run(
                [sys.executable, __file__, str(app), str(http)],
                capture_output=True,
                text=True,
                timeout=300,
            )
            print(f"seed {seed}: {proc.stdout.strip().splitlines()[-1]}")
            if proc.returncode:
                status = 1
                print(proc.stdout[-6000:])
                Path(f"/tmp/mw2fuzz_{seed}.py").write_text(source)
    return status


if __name__ == "__main__":
    sys.exit(main())
