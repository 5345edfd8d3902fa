"""Diff listeners and tasks under real processes: real Sanic vs Hurtle.

    python3 tests-integration/fidelity/lifecycle2/life_run.py [-v] [SCENARIO...]
"""

from __future__ import annotations

import os
import re
import signal
import sys
import tempfile
import time

from _drive import (
    PYTHONS,
    free_port,
    get,
    log_lines,
    main_compare,
    start,
    stop,
    summarize_response,
    wait_file,
    wait_port,
)

# name: (mode, extra env, signal, use the CLI)
SCENARIOS = {
    "single": ("single", {}, signal.SIGINT, False),
    "single_term": ("single", {}, signal.SIGTERM, False),
    "w1": ("w1", {}, signal.SIGINT, False),
    "w2": ("w2", {}, signal.SIGINT, False),
    "w2_term": ("w2", {}, signal.SIGTERM, False),
    "cli_single": ("single", {}, signal.SIGINT, True),
    "cli_w2": ("w2", {}, signal.SIGINT, True),
    "noargs": ("single", {"PROBE_NOARGS": "1"}, signal.SIGINT, False),
    "early_named": ("single", {"PROBE_EARLY_NAMED": "1"}, signal.SIGINT, False),
    "sync_task": ("single", {"PROBE_SYNC_TASK": "1"}, signal.SIGINT, False),
}
for ev in ("before_server_start", "after_server_start", "before_server_stop", "after_server_stop",
           "main_process_start", "main_process_ready", "main_process_stop"):
    for who in ("listener", "bp"):
        SCENARIOS[f"raise_{ev}_{who}"] = ("single", {"PROBE_RAISE": f"{ev}:{who}"}, signal.SIGINT, False)
    SCENARIOS[f"raise_{ev}_sync_w2"] = ("w2", {"PROBE_RAISE": f"{ev}:sync"}, signal.SIGINT, False)


def sort_roles(lines: list[str]) -> list[str]:
    by: dict[str, list[str]] = {}
    for line in lines:
        r, _, rest = line.partition(": ")
        by.setdefault(r, []).append(rest)
    out = []
    for r in sorted(by, key=lambda x: (x != "main", x)):
        out.append(f"[{r}]")
        out += ["  " + x for x in by[r]]
    return out


def observe(kind: str, name: str) -> list[str]:
    mode, env, sig, cli = SCENARIOS[name]
    port = free_port()
    fd, events = tempfile.mkstemp(prefix=f"life_{kind}_")
    os.close(fd)
    env = dict(env, PROBE_EVENTS=events, PROBE_MODE=mode)
    if cli:
        argv = ["-m", "sanic", "life_app:app", "--host", "127.0.0.1", "--port", str(port), "--no-motd"]
        argv += ["--single-process"] if mode == "single" else [f"--workers={mode[1:]}"]
        # the CLI process is "main"; its pid is only known once started
    else:
        argv = ["life_app.py", str(port)]
    proc = start(PYTHONS[kind], argv, env)
    lines = []
    nworkers = 2 if mode == "w2" else 1
    if wait_port(port, proc) and wait_file(events, "after_server_start priority=3", nworkers, 10):
        time.sleep(0.5)
        lines += summarize_response(get(port, "/"), ())
        lines += summarize_response(get(port, "/addtask"), ())
        time.sleep(0.3)
    else:
        lines.append("not serving")
    rc, out, err = stop(proc, sig, 30)
    text = open(events).read()
    os.unlink(events)
    if cli:
        text = text.replace(f"{proc.pid}", "MAIN")
    ev = [x for x in text.splitlines() if x]
    lines += sort_roles(ev)
    lines.append(f"exit {rc}")
    lines += [re.sub(r"0x[0-9a-f]+", "0xADDR", re.sub(r"\d+\.\d+ ?s", "T s", x)) for x in log_lines(err + out)]
    return lines


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    names = [n for n in SCENARIOS if not args or any(a in n for a in args)]
    main_compare(observe, names, "-v" in sys.argv)
