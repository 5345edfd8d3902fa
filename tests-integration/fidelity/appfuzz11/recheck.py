"""Send each difference of an appfuzz ``--json`` file whose bucket matches a word to a fresh
app, alone, under Sanic: does Sanic then answer as Hurtle did? (README, "Random apps,
eleventh round"; the apps and requests are in ``APPFUZZ_WORK``.)

    python3 recheck.py /tmp/r11.json cached [--work /tmp/appfuzz11]
"""

from __future__ import annotations

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import appfuzz  # noqa: E402
from appfuzz_round11 import normal11  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("diffs")
    ap.add_argument("word")
    ap.add_argument("--work", default=os.environ.get("APPFUZZ_WORK", "/tmp/appfuzz"))
    ap.add_argument("--ref-python", default=appfuzz.REF_PYTHON)
    args = ap.parse_args()
    with open(args.diffs) as fh:
        diffs = [d for d in json.load(fh) if args.word in d["bucket"]]
    alike = 0
    for n, d in enumerate(diffs[:20]):
        app_file = os.path.join(args.work, f"app_{d['seed']}.py")
        reqs_file = os.path.join(args.work, f"recheck_{n}.json")
        with open(reqs_file, "w") as fh:
            json.dump([d["request"]], fh)
        out = appfuzz.run_side(args.ref_python, app_file, reqs_file,
                               os.path.join(args.work, f"recheck_{n}_out.json"), 60)
        fresh = normal11(out["answers"][0], appfuzz.normal) if out["answers"] else {}
        same = fresh == d["hurtle"]
        alike += same
        print(d["seed"], d["request"].split(" HTTP")[0], "fresh Sanic as Hurtle:", same)
    print(f"recheck: {alike} of {min(len(diffs), 20)} answered by a fresh Sanic app as by Hurtle")
    return 0 if alike == min(len(diffs), 20) else 1


if __name__ == "__main__":
    sys.exit(main())
