"""Diff ``mw_clients.py`` (middleware over the test clients) between real Sanic and Hurtle.

    python3 tests-integration/fidelity/lifecycle2/mw_clients_run.py [asgi]
"""

from __future__ import annotations

import subprocess
import sys

from _drive import HERE, PYTHONS, diff


def observe(kind: str, which: str) -> list[str]:
    proc = subprocess.run(
        [PYTHONS[kind], "mw_clients.py", which], cwd=HERE, capture_output=True, text=True,
        timeout=600,
    )
    lines = [x for x in proc.stdout.splitlines() if " INFO: " not in x and " WARNING: " not in x]
    if proc.returncode:
        lines += [f"!! exit {proc.returncode}", *proc.stderr.splitlines()[-5:]]
    return lines


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "sync"
    diff(f"test clients ({which})", observe("sanic", which), observe("hurtle", which))
