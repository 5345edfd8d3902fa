"""Run the in-process error-handling probes under Sanic 25.12 and this tree; show what differs.

    python3 tests-integration/fidelity/errors4/run.py [NAME-SUBSTRING ...]

Each probe in ``inproc/`` prints what a user's code sees (exception attributes, handler
lookups, pages, log records, signals). It is run once per interpreter (``SANIC_PY``,
``HURTLE_PY``; defaults: /tmp/st-ref/bin/python and this tree's .venv), the console
lines (banner, tracebacks, ports, addresses, module paths) are dropped, and the two
outputs are diffed. Differences kept on purpose are listed in the README section
"Error handlers and exception pages, fourth audit".
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parents[2]
SANIC_PY = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PY", str(TREE / ".venv/bin/python"))

# (probe, arguments, environment)
RUNS: list[tuple[str, list[str], dict[str, str]]] = [
    ("exc_attrs", [], {}),
    ("exc_args_pickle", [], {}),
    ("eh_api", [], {}),
    ("lookup_cache", [], {}),
    ("lookup_mro", [], {}),
    ("renderer_api", [], {}),
    ("logs_signals", [], {}),
    ("invalid_report", [], {}),
    ("invalid_report", ["exc"], {}),
    ("no_status", [], {}),
    ("report_kinds", ["sync"], {}),
    ("report_kinds", ["raise"], {}),
    ("report_kinds", ["twoargs"], {}),
    ("report_kinds", ["bp"], {}),
    ("report_kinds", ["catch"], {}),
    ("format_config", [], {}),
    ("asgi_errors", [], {}),
    ("ws_errors", ["/ws"], {}),
    ("ws_errors", ["/ws?m=send"], {}),
    ("ws_errors", ["/ws?m=nf"], {}),
    ("ws_errors", ["/ws?mw=1"], {}),
]
RUNS += [
    ("listener_errors", [], {"WHICH": which})
    for which in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
        "main_process_start",
        "main_process_ready",
        "main_process_stop",
    )
]

# Console lines: the log's own output, tracebacks (the probes' indented lines have 3
# spaces), blank lines.
_DROP = re.compile(
    r"^(Main|Srv \d+) +\d{4}-|^\s*$|^Traceback|^  \S|^    |^During handling|"
    r"^The above exception|^[\w.]+(Error|Exception|Closed|Status\w*|Code): "
)


def _clean(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if _DROP.search(line):
            continue
        line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
        line = re.sub(r" at 0x[0-9a-f]+", " at 0x...", line)
        line = re.sub(r"\[\d+\]", "[PID]", line)
        line = line.replace("hurtle_app.errorpages", "sanic.errorpages")
        # The websockets library of each venv (the test client's), not the server.
        line = line.replace("InvalidStatusCode", "InvalidStatus")
        line = re.sub(r"(Exception during request: \[InvalidStatus).*", r"\1...", line)
        lines.append(line)
    return lines


def _run(python: str, probe: str, args: list[str], env: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [python, str(HERE / "inproc" / f"{probe}.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        cwd="/tmp",
    )
    # Tracebacks and warnings go to stderr; the probes print what they saw on stdout.
    return _clean(result.stdout)


def main() -> int:
    wanted = sys.argv[1:]
    differing = 0
    for probe, args, env in RUNS:
        label = " ".join([probe, *args, *(f"{k}={v}" for k, v in env.items())])
        if wanted and not any(w in label for w in wanted):
            continue
        sanic = _run(SANIC_PY, probe, args, env)
        hurtle = _run(HURTLE_PY, probe, args, env)
        diff = list(difflib.unified_diff(sanic, hurtle, "sanic", "hurtle", lineterm="", n=0))
        print(f"{'same  ' if not diff else 'DIFFER'} {label}")
        if diff:
            differing += 1
            print("\n".join("    " + line for line in diff[2:]))
    print(f"{differing} probe runs differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
