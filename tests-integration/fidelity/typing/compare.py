#!/usr/bin/env python3
"""Type-check the typed user snippets (``snippets/``) the way a Sanic user's mypy run
would, and compare what mypy reveals and reports.

    python compare.py                        Hurtle (this interpreter) against expected.txt
    python compare.py --write                store this interpreter's reveals in expected.txt
    python compare.py --against PYTHON       this interpreter against another one (e.g. a
                                             venv holding sanic==25.12.0 and mypy), module
                                             paths stripped so only the types differ

Each snippet is a small module of its own (handlers, custom Config/ctx/Request classes,
listeners, middleware, blueprints, signals, views, websockets, responses, exceptions);
``reveal_type`` lines are the expressions users rely on. Exit status 1 on any difference
or any mypy error under this interpreter.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNIPPETS = HERE / "snippets"
EXPECTED = HERE / "expected.txt"
_NOTE = re.compile(r"^(\S+?\.py):(\d+): (\w+): (.*)$")


def run_mypy(python: str) -> tuple[list[str], list[str]]:
    """(revealed types as "file:line: type", error lines) for ``python -m mypy``."""
    files = sorted(str(p.name) for p in SNIPPETS.glob("t*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "mypy.ini"
        config.write_text("[mypy]\n")
        proc = subprocess.run(
            [python, "-m", "mypy", "--config-file", str(config), "--cache-dir",
             str(Path(tmp) / "cache"), "--no-error-summary", *files],
            capture_output=True, text=True, cwd=SNIPPETS, timeout=600,
        )
    revealed, errors = [], []
    for line in proc.stdout.splitlines():
        match = _NOTE.match(line)
        if not match:
            continue
        name, number, kind, text = match.groups()
        if kind == "note" and text.startswith("Revealed type is "):
            revealed.append(f"{name}:{number}: {text[len('Revealed type is '):].strip(chr(34))}")
        elif kind == "error":
            errors.append(line)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stdout + proc.stderr)
    return sorted(revealed, key=_order), errors


def _order(line: str) -> tuple[str, int]:
    name, number, _ = line.split(":", 2)
    return name, int(number)


def _strip_modules(line: str) -> str:
    return re.sub(r"\b(?:[A-Za-z_]\w*\.)+([A-Za-z_]\w*)", r"\1", line)


def _keyed(line: str) -> tuple[str, str]:
    where, revealed = line.split(": ", 1)
    return where, _strip_modules(revealed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--against", metavar="PYTHON")
    args = parser.parse_args()
    revealed, errors = run_mypy(sys.executable)
    for line in errors:
        print("error:", line)
    if args.write:
        EXPECTED.write_text("\n".join(revealed) + "\n")
        print(f"{len(revealed)} revealed types written to {EXPECTED.name}")
        return 1 if errors else 0
    if args.against:
        other, other_errors = run_mypy(args.against)
        mine = {_keyed(x) for x in revealed}
        theirs = {_keyed(x) for x in other}
        where = sorted({k for k, _ in mine ^ theirs}, key=lambda k: _order(k + ":"))
        for key in where:
            print(key)
            print("   other:", [t for k, t in theirs if k == key])
            print("   this: ", [t for k, t in mine if k == key])
        for line in other_errors:
            print("other error:", line)
        print(f"{len(where)} of {len(mine | theirs)} revealed lines differ; errors: "
              f"this {len(errors)}, other {len(other_errors)}")
        return 1 if where or errors else 0
    expected = EXPECTED.read_text().splitlines()
    missing = [x for x in expected if x not in revealed]
    extra = [x for x in revealed if x not in expected]
    for line in missing:
        print("-", line)
    for line in extra:
        print("+", line)
    return 1 if missing or extra or errors else 0


if __name__ == "__main__":
    sys.exit(main())
