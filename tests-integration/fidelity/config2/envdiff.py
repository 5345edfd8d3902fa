"""Serve app.py under Sanic 25.12 and Hurtle with settings from SANIC_* variables (sanic-diff).

    python3 tests-integration/fidelity/config2/envdiff.py [--checkout DIR] [CASE ...]
    python3 tests-integration/fidelity/config2/envdiff.py \
        --requests .../late.http '{}' '{"LATE": "{\"KEEP_ALIVE\": false}"}'

Each case is a JSON object of environment variables (strings, as a shell sets them);
``CFG_FILE`` in it is a settings file given to ``app.config.update_config`` (``{dir}``
in its value is this folder). Prints, per case, the requests whose status, headers
(``date`` aside), body or connection end differ.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cfgkeys"))
from run import _view  # cfgkeys/run.py: a response as compared (no date)

HERE = Path(__file__).resolve().parent

TOOL = "/work/shared/tools/sanic-diff"
CASES = [
    {"SANIC_REQUEST_MAX_SIZE": "10", "SANIC_FOO": "yes"},
    {"SANIC_PROXIES_COUNT": "1", "SANIC_REAL_IP_HEADER": "X-Real-IP", "SANIC_FOO": "Off"},
    {"SANIC_FORWARDED_SECRET": "s3", "SANIC_FOO": "1.5"},
    {"SANIC_FALLBACK_ERROR_FORMAT": "json", "SANIC_NOISY_EXCEPTIONS": "TRUE"},
    {"SANIC_FALLBACK_ERROR_FORMAT": "text", "SANIC_KEEP_ALIVE": "no"},
    {"SANIC_RESPONSE_TIMEOUT": "1", "SANIC_REQUEST_ID_HEADER": "X-Real-IP"},
    {"SANIC_RESPONSE_TIMEOUT": "1.0", "SANIC_KEEP_ALIVE_TIMEOUT": "1"},
    {"SANIC_REQUEST_MAX_SIZE": "1e3", "SANIC_PROXIES_COUNT": "0"},
    {"CFG_ROOT": "{dir}", "CFG_FILE": "${CFG_ROOT}/settings.py"},
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkout", default=str(HERE.parents[2]))
    parser.add_argument("--app", default=str(HERE / "app.py"))
    parser.add_argument("--requests", default=str(HERE / "requests.http"))
    parser.add_argument("case", nargs="*", help="a JSON object of environment variables")
    args = parser.parse_args()
    cases = [json.loads(c) for c in args.case] or CASES
    differing = 0
    for case in cases:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
        env.update({k: v.replace("{dir}", str(HERE)) for k, v in case.items()})
        cmd = [TOOL, "--checkout", args.checkout, "--json", "--idle", "2", "--settle", "0.3",
               "--total", "6", args.app, args.requests]  # fmt: skip
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        try:
            result = json.loads(done.stdout)
        except ValueError:
            print(f"{json.dumps(case)}: setup failed\n{done.stderr[-1500:]}", flush=True)
            differing += 1
            continue
        diffs = [r for r in result["requests"] if _view(r["sanic"]) != _view(r["hurtle"])]
        differing += bool(diffs)
        print(f"{json.dumps(case)}: {'differ' if diffs else 'same'}", flush=True)
        for r in diffs:
            print(
                f"  {r['name']}\n    sanic : {_view(r['sanic'])}\n    hurtle: {_view(r['hurtle'])}"
            )
    print(f"{len(cases)} cases, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
