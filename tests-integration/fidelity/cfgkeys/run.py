"""Run app.py under Sanic 25.12 and Hurtle once per configuration case (sanic-diff).

    python3 tests-integration/fidelity/cfgkeys/run.py [--checkout DIR] [CASE ...]

Each case is a JSON object of config keys (given to the app as CFGKEYS). Prints, per
case, the requests whose status, headers (``date`` aside), body or connection end
differ; the kept differences are listed in the README's "Configuration keys" section.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOL = "/work/shared/tools/sanic-diff"
CASES = [
    {"REQUEST_TIMEOUT": 0},
    {"RESPONSE_TIMEOUT": 0},
    {"RESPONSE_TIMEOUT": 1},
    {"KEEP_ALIVE_TIMEOUT": 0},
    {"KEEP_ALIVE": False},
    {"REQUEST_MAX_SIZE": 10},
    {"REQUEST_MAX_HEADER_SIZE": 100},
    {"REQUEST_BUFFER_SIZE": 5000},
    {"REQUEST_ID_HEADER": "X-Custom-Id"},
    {"REQUEST_ID_HEADER": ""},
    {"PROXIES_COUNT": 1},
    {"PROXIES_COUNT": 0},
    {"REAL_IP_HEADER": "X-Real-IP"},
    {"FORWARDED_SECRET": "s3"},
    {"FORWARDED_FOR_HEADER": "X-Real-IP", "PROXIES_COUNT": 1},
    {"FALLBACK_ERROR_FORMAT": "json"},
    {"NOISY_EXCEPTIONS": True},
]


def _view(side: dict) -> list:
    responses = [
        (r["status"], sorted(h for h in r["headers"] if h[0] != "date"), r["body_text"])
        for r in side["responses"]
    ]
    return [responses, side["connection"]]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkout", default=str(HERE.parents[2]))
    parser.add_argument("case", nargs="*", help="a JSON object of config keys")
    args = parser.parse_args()
    cases = [json.loads(c) for c in args.case] or CASES
    differing = 0
    for case in cases:
        env = {**os.environ, "CFGKEYS": json.dumps(case)}
        cmd = [TOOL, "--checkout", args.checkout, "--json", "--idle", "2", "--settle", "0.3",
               "--total", "6", str(HERE / "app.py"), str(HERE / "requests.http")]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        try:
            result = json.loads(done.stdout)
        except ValueError:
            print(f"{json.dumps(case)}: setup failed\n{done.stderr[-1500:]}")
            differing += 1
            continue
        names = [r["name"] for r in result["requests"]
                 if _view(r["sanic"]) != _view(r["hurtle"])]
        differing += bool(names)
        print(f"{json.dumps(case)}: {'differ: ' + ', '.join(names) if names else 'same'}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
