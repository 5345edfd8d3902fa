"""Run each program of this folder under real Sanic and under Hurtle; diff the outcome.

    python3 compare.py [--ref-python /tmp/st-ref/bin/python] [--hurtle-python .venv/bin/python]
                       [--show] [--only NAME]

Each case runs in a scratch copy of this folder (with mod.py and a `static` folder),
`COLUMNS=100`. Compared: the exit code, stdout, and the last line of stderr, after masking
versions, the scratch path and the cursor-up escape Sanic prints before its usage. A
difference is labelled when the case is in KEPT (the reason is printed)."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

CASES: list[tuple[str, list[str]]] = [
    ("p_group_help", ["--help"]),
    ("p_group_help", ["help", "--full"]),
    ("p_old_attach", ["--help"]),
    ("p_old_attach", ["mod:app", "exec", "hello"]),
    ("p_group_prepare", ["mod:app", "exec", "hello", "--name=y"]),
    ("p_group_prepare", ["mod:app", "-c"]),
    ("p_group_prepare", ["mod:app", "-c", "x.json", "--nosuch"]),
    ("p_namespace", []),
    ("p_bool_args", []),
    ("p_registry", []),
    ("p_subclass_run", ["mod:app", "--greeting", "hi", "-p", "9001", "--single-process"]),
    ("p_subclass_run", ["mod:make", "--factory", "-w", "2", "-H", "::1"]),
    ("p_subclass_run", ["mod:app", "--greeting"]),
    ("p_inspector", []),
    ("p_main", []),
    ("p_own_run", ["--single-process", "-p", "{port}", "--greeting", "hey", "--no-motd"]),
    ("p_own_run", ["-p", "{port}", "--greeting", "hey", "--no-motd"]),
    ("p_own_run", ["-p", "{port}", "--cert", "x"]),
]

# (program, args joined by spaces) -> why the difference is kept.
KEPT: dict[tuple[str, str], str] = {
    ("p_old_attach", "--help"): (
        "a group whose attach() takes no `short` is attached all the same (Hurtle's help "
        "shows its options); Sanic 25.12 fails with TypeError (unexpected keyword 'short')"),
    ("p_namespace", ""): (
        "`--coffee/--no-coffee` and `--motd/--no-motd` default to None (an option not given "
        "leaves the app's config alone); Sanic's default False/True. `-p`/`--no-repl` etc. "
        "otherwise the same"),
    ("p_inspector", ""): (
        "options given before an action are kept (`inspect -p 7000 shutdown` is port 7000); "
        "Sanic's sub-parser resets them to the defaults (6457); listed in the CLI sections"),
    ("p_bool_args", ""): (
        "a titled group's argparse title is its name (`Flags`); Sanic's is indented with "
        "two spaces (`  Flags`), its help's layout; destinations, defaults, help and "
        "exclusivity are the same"),
    ("p_own_run", "-p {port} --greeting hey --no-motd"): (
        "with worker processes, `app.stop()` in a worker is logged by the main process "
        "(`Termination requested by a worker; shutting down.`); Sanic stops without that "
        "line. The same otherwise (served, kwargs, `done`, exit 0)"),
    ("p_main", ""): (
        "`SanicCLI().run()` without `attach()` runs the command; Sanic's raises "
        "AttributeError ('Namespace' object has no attribute ...)"),
}


def normalise(text: str, work: str) -> str:
    text = text.replace(work, "WORK").replace("\x1b[1A", "")
    text = re.sub(r"Sanic \d+\.\d+\.\d+; Routing \d+\.\d+\.\d+", "Sanic V; Routing V", text)
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}", "TIME", text)
    text = re.sub(r"\[\d+\]", "[PID]", text)
    return re.sub(r"'port': \d+", "'port': PORT", text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(python: str, program: str, args: list[str]) -> tuple[int, str, str]:
    with tempfile.TemporaryDirectory(prefix="clisub-") as work:
        for item in HERE.glob("*.py"):
            shutil.copy(item, work)
        os.mkdir(os.path.join(work, "static"))
        env = dict(os.environ, COLUMNS="100", PYTHONPATH=work, SANIC_NO_COLOR="1")
        port = str(free_port())
        args = [port if arg == "{port}" else arg for arg in args]
        try:
            done = subprocess.run([python, f"{program}.py", *args], cwd=work, env=env,
                                  capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            return -1, "timeout", ""
        err_lines = [line for line in normalise(done.stderr, work).splitlines() if line.strip()]
        return done.returncode, normalise(done.stdout, work), err_lines[-1] if err_lines else ""


def main() -> int:
    opts = argparse.ArgumentParser()
    opts.add_argument("--ref-python", default="/tmp/st-ref/bin/python")
    opts.add_argument("--hurtle-python", default=str(ROOT / ".venv/bin/python"))
    opts.add_argument("--show", action="store_true")
    opts.add_argument("--only")
    ns = opts.parse_args()
    same = kept = open_ = 0
    for program, args in CASES:
        if ns.only and ns.only != program:
            continue
        ref = run(ns.ref_python, program, args)
        ours = run(ns.hurtle_python, program, args)
        key = (program, " ".join(args))
        title = f"{program} {' '.join(args)}".strip()
        if ref == ours:
            same += 1
            print(f"same   {title}")
            continue
        reason = KEPT.get(key)
        if reason:
            kept += 1
            print(f"kept   {title}: {reason}")
        else:
            open_ += 1
            print(f"DIFFER {title}")
        if ns.show or not reason:
            if ref[0] != ours[0]:
                print(f"    exit: sanic {ref[0]}, hurtle {ours[0]}")
            if ref[2] != ours[2]:
                print(f"    stderr last line:\n      sanic:  {ref[2]}\n      hurtle: {ours[2]}")
            for line in difflib.unified_diff(ref[1].splitlines(), ours[1].splitlines(),
                                             "sanic", "hurtle", lineterm="", n=0):
                print("    " + line)
    print(f"summary: {same} same, {kept} kept, {open_} unlabelled")
    return 1 if open_ else 0


if __name__ == "__main__":
    sys.exit(main())
