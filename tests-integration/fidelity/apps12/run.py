"""Run the twelfth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json``; a response's ``date`` field (Hurtle's, kept) and the fields named in
``IGNORE`` are left out before the two sides are compared, and each remaining difference
must be labelled in ``KEPT``. Apps with a ``NAME_reqs.py`` (websocket drivers, ``python
app.py``, the ``sanic`` command line) go through ``../apps_compare.py`` (``--main`` for
tornado, sdut, zmqsched, broker, brokerfork, starterkit, airtickets and jwoos; kiki_reqs.py
names its ``CMD``):

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py [--main]

    python3 tests-integration/fidelity/apps12/run.py [NAME ...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parents[2]
SANIC_DIFF = os.environ.get("SANIC_DIFF", "/work/shared/tools/sanic-diff")
IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, twelfth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("storage", 1): "content-type: None of empty() (Sanic's literal field, listed)",
    ("storage", 2): "content-type: None of empty() (Sanic's literal field, listed)",
    ("tornado", 15): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("synse", 18): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("blogv2", 19): "a 405 for a dynamic path served by several routes carries Allow (listed)",
    ("starterkit", 12): "Allow in set order in Sanic, sorted in Hurtle (listed)",
    ("notetera", 17): "Allow in set order in Sanic (varies from run to run), sorted in Hurtle (listed)",
    ("notetera", 9): "chunk data not followed by CRLF: 400 (RFC 9112 7.1); Sanic runs the handler",
    ("pythoneer", 16): "a static folder without index: 404; Sanic 500 IsADirectoryError (listed)",
}


def _side(exchange: dict, ignore: set[str]) -> list:
    out = []
    for resp in exchange["responses"]:
        headers = sorted((k, v) for k, v in resp["headers"] if k not in ignore)
        out.append((resp["status_line"], headers, resp.get("body_json", resp.get("body_text"))))
    return [out, exchange["connection"], exchange["unparsed"]]


def run(name: str) -> int:
    ignore = {"date"} | IGNORE.get(name, set())
    proc = subprocess.run(
        [SANIC_DIFF, "--checkout", str(CHECKOUT), "--json", f"{name}_app.py", f"{name}.http"],
        cwd=HERE, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTHONHASHSEED="0"),
    )
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        print(f"{name}: no report\n{proc.stderr[-2000:]}")
        return 1
    differ = [r for r in report["requests"] if _side(r["sanic"], ignore) != _side(r["hurtle"], ignore)]
    unexplained = [r for r in differ if (name, r["index"]) not in KEPT]
    print(f"{name}: {len(report['requests'])} requests, {len(differ)} differ, "
          f"{len(unexplained)} unexplained")
    for r in differ:
        print(f"  [{r['index']}] {r['name']}: {KEPT.get((name, r['index']), 'NOT LABELLED')}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    names = sys.argv[1:] or sorted(p.name[: -len("_app.py")] for p in HERE.glob("*_app.py")
                                   if (HERE / (p.name[: -len("_app.py")] + ".http")).exists())
    sys.exit(max(run(n) for n in names))
