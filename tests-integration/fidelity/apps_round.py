"""The sanic-diff runner of the real-world app rounds (``apps11/run.py``, ``apps12/run.py``).

Each ``NAME_app.py`` of a round's folder is sent its ``NAME.http`` under Sanic 25.12 and
this checkout; responses are compared without ``date`` and the round's ``IGNORE`` fields,
and every difference must be labelled in the round's ``KEPT`` (by app and request number).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
SANIC_DIFF = os.environ.get("SANIC_DIFF", "/work/shared/tools/sanic-diff")


def _side(exchange: dict, ignore: set[str]) -> list:
    out = []
    for resp in exchange["responses"]:
        headers = sorted((k, v) for k, v in resp["headers"] if k not in ignore)
        out.append((resp["status_line"], headers, resp.get("body_json", resp.get("body_text"))))
    return [out, exchange["connection"], exchange["unparsed"]]


def run(
    here: Path, name: str, ignore_of: dict[str, set[str]], kept: dict[tuple[str, int], str]
) -> int:
    ignore = {"date"} | ignore_of.get(name, set())
    proc = subprocess.run(
        [SANIC_DIFF, "--checkout", str(CHECKOUT), "--json", f"{name}_app.py", f"{name}.http"],
        cwd=here, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTHONHASHSEED="0"),
    )
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        print(f"{name}: no report\n{proc.stderr[-2000:]}")
        return 1
    differ = [r for r in report["requests"] if _side(r["sanic"], ignore) != _side(r["hurtle"], ignore)]
    unexplained = [r for r in differ if (name, r["index"]) not in kept]
    print(f"{name}: {len(report['requests'])} requests, {len(differ)} differ, "
          f"{len(unexplained)} unexplained")
    for r in differ:
        print(f"  [{r['index']}] {r['name']}: {kept.get((name, r['index']), 'NOT LABELLED')}")
    return 1 if unexplained else 0


def main(
    here: Path, argv: list[str], ignore_of: dict[str, set[str]], kept: dict[tuple[str, int], str]
) -> int:
    """Run the apps named in ``argv`` (all with a ``.http`` file when none): exit status."""
    names = argv or sorted(
        p.name[: -len("_app.py")]
        for p in here.glob("*_app.py")
        if (here / (p.name[: -len("_app.py")] + ".http")).exists()
    )
    return max(run(here, n, ignore_of, kept) for n in names)
