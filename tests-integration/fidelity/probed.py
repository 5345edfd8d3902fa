"""One folder's ``probe.py`` run under Sanic 25.12 and this checkout, its observations compared.

``compare(folder, kept, timeout=...)`` runs ``folder/probe.py`` under each interpreter
(``REF_PYTHON``, ``HURTLE_PYTHON``, as ``served.py`` reads them); the probe prints one JSON
object of observations as its last line. For every observation that differs it prints
both values and the reason it is kept (``kept[key]``), or ``NOT KEPT``; ``--show`` on the
command line lists the equal ones too. Returns the exit status: 1 when a difference is not
kept. Used by the scripts of "Leftovers, fifth pass" and "Leftovers, sixth pass".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from served import HURTLE_PY, REF_PY


def observe(python: str, folder: Path, timeout: float) -> dict[str, object]:
    """``folder/probe.py``'s observations under ``python``."""
    proc = subprocess.run(
        [python, str(folder / "probe.py")],
        capture_output=True, text=True, timeout=timeout, cwd=folder,
    )
    if proc.returncode:
        raise SystemExit(f"{python} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(folder: Path, kept: dict[str, str], *, timeout: float = 120) -> int:
    """Print the differing observations (kept or not) and the counts; the exit status."""
    ref, ours = observe(REF_PY, folder, timeout), observe(HURTLE_PY, folder, timeout)
    keys = sorted(set(ref) | set(ours))
    differ = unkept = 0
    for key in keys:
        if ref.get(key) == ours.get(key):
            if "--show" in sys.argv:
                print(f"same  {key}: {ref.get(key)}")
            continue
        differ += 1
        reason = kept.get(key)
        unkept += reason is None
        print(f"{'kept' if reason else 'NOT KEPT'}  {key}\n  sanic:  {ref.get(key)}\n"
              f"  hurtle: {ours.get(key)}" + (f"\n  why: {reason}" if reason else ""))
    print(f"{len(keys)} observations, {differ} differ, {unkept} not kept")
    return 1 if unkept else 0
