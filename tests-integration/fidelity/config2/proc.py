"""Run procapp.py with ``app.run()`` under Sanic 25.12 and Hurtle, settings from SANIC_*.

    python3 tests-integration/fidelity/config2/proc.py [CASE ...]

Each case is a JSON object of environment variables. Sends GET /, /err and /dispatch,
stops the server with SIGINT, and prints the masked output lines (stdout and stderr
apart) that only one side printed, and the exit codes if they differ. Loopback only;
each wait is bounded; only the child it started is signalled (killed after 15 s).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import HERE, PYTHONS, case_env, free_port, get, stop

CASES = [
    {},
    {"SANIC_ACCESS_LOG": "true"},
    {"SANIC_ACCESS_LOG": "false", "RUN_ACCESS": "1"},
    {"SANIC_MOTD": "false"},
    {"SANIC_MOTD": "no", "SANIC_NOISY_EXCEPTIONS": "yes"},
    {"SANIC_NOISY_EXCEPTIONS": "1"},
    {"SANIC_EVENT_AUTOREGISTER": "true"},
    {"SANIC_AUTO_RELOAD": "true"},
    {"SANIC_DEBUG": "true"},
    {"SANIC_LOG_EXTRA": "true", "SANIC_ACCESS_LOG": "on"},
    {"SANIC_NO_COLOR": "true", "SANIC_ACCESS_LOG": "on"},
    {"SANIC_GRACEFUL_SHUTDOWN_TIMEOUT": "0"},
    {"SANIC_USE_UVLOOP": "false", "SANIC_TOUCHUP": "false"},
    {"SANIC_DEPRECATION_FILTER": "error"},
    {"SANIC_MOTD_DISPLAY": "abc"},
    {"SANIC_KEEP_ALIVE_TIMEOUT": "abc"},
    {"SANIC_REQUEST_TIMEOUT": "abc"},
    {"SANIC_WEBSOCKET_MAX_SIZE": "abc"},
    {"SANIC_INSPECTOR": "true", "SANIC_INSPECTOR_PORT": "0"},
    {"SANIC_FALLBACK_ERROR_FORMAT": "yaml"},
    {"SANIC_LOCAL_CERT_CREATOR": "nope"},
]
MASKS = [
    (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}", "DATE"),
    (r"\d\d:\d\d:\d\d", "TIME"),
    (r"\[\d+\]", "[PID]"),
    (r"127\.0\.0\.1:\d+", "127.0.0.1:PORT"),
    (r"\b\d+\.\d+m?s\b", "D"),
    (r"pid=\d+|PID: \d+|\(\d+\)", "PID"),
    (r"/\S*/site-packages/|/\S*/packages/[a-z-]+/src/", "SITE/"),
    (r"line \d+", "line N"),
    (r"localhost:\d+", "localhost:PORT"),
    (r"Hurtle v\S+ \(Sanic (v\S+) compatible\)", r"Sanic \1"),
    (r", hurtle==\S+", ""),
]


def _mask(text: str) -> list[str]:
    for pattern, repl in MASKS:
        text = re.sub(pattern, repl, text)
    # Traceback frames (file, source, carets) are the framework's own: left out.
    return [
        line.rstrip() for line in text.splitlines()
        if line.strip() and not line.startswith("  ")
    ]  # fmt: skip


def _get(port: int, path: str) -> str:
    data = get(port, path)
    if data is None:
        return "no connection"
    head, _, body = data.partition(b"\r\n\r\n")
    return f"{head.split(b' ')[1:2]} {body[:60]!r}" if data else "nothing"


def run(side: str, case: dict) -> dict:
    port = free_port()
    child = subprocess.Popen(
        [PYTHONS[side], str(HERE / "procapp.py"), str(port)], cwd=HERE,
        env={**case_env(case), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    answers = []
    time.sleep(1.0)
    if child.poll() is None:
        answers = [_get(port, p) for p in ["/", "/err", "/dispatch"]]
        time.sleep(0.3)
    out, err = stop(child)
    return {
        "rc": child.returncode,
        "answers": answers,
        "out": _mask(out.decode(errors="replace")),
        "err": _mask(err.decode(errors="replace")),
    }


def main() -> int:
    cases = [json.loads(c) for c in sys.argv[1:]] or CASES
    differing = 0
    for case in cases:
        s, h = run("sanic", case), run("hurtle", case)
        lines = []
        if s["rc"] != h["rc"]:
            lines.append(f"  rc: sanic {s['rc']}, hurtle {h['rc']}")
        if s["answers"] != h["answers"]:
            lines.append(f"  answers: sanic {s['answers']}\n           hurtle {h['answers']}")
        for stream in ("out", "err"):
            only_s = [x for x in s[stream] if x not in h[stream]]
            only_h = [x for x in h[stream] if x not in s[stream]]
            lines += [f"  {stream} sanic only : {x}" for x in only_s]
            lines += [f"  {stream} hurtle only: {x}" for x in only_h]
        differing += bool(lines)
        print(f"{json.dumps(case)}: {'differ' if lines else 'same'}", *lines, sep="\n", flush=True)
    print(f"{len(cases)} cases, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
