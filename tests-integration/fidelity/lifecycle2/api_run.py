"""Diff ``tasks_api.py`` (``python api_run.py [SCRIPT]``) between real Sanic and Hurtle."""

from __future__ import annotations

import re
import sys

from _drive import PYTHONS, diff, free_port, start, stop


def observe(kind: str, script: str) -> list[str]:
    proc = start(PYTHONS[kind], [script, str(free_port())], {})
    try:
        o, e = proc.communicate(timeout=60)
        rc, out, err = proc.returncode, o.decode(), e.decode()
    except Exception:
        rc, out, err = stop(proc)
    lines = [x for x in out.splitlines() if x.startswith("::")]
    lines += [f"exit {rc}"]
    lines += [re.sub(r"0x[0-9a-f]+", "ADDR", x[x.find(": ") :]) for x in (err + out).splitlines()
              if ("WARNING" in x or "ERROR" in x or "Error" in x) and "Priority" not in x]
    return lines


if __name__ == "__main__":
    script = sys.argv[1] if len(sys.argv) > 1 else "tasks_api.py"
    diff(script, observe("sanic", script), observe("hurtle", script))
