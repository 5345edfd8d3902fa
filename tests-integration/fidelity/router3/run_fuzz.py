"""Run gen_fuzz.py apps through sanic-diff (via ../routing2/wire_diff.py); summarise.

    python3 run_fuzz.py FIRST_SEED COUNT [OUTDIR]

Prints each app's differences (Date aside) and a total line. An app that real Sanic
cannot start (its router's generated code fails to compile on some regex mixes) is counted
apart and skipped.
"""
from __future__ import annotations

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WIRE = os.path.join(HERE, "..", "routing2", "wire_diff.py")


def split_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in lines:
        if line.startswith("["):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    return blocks


def allow_only(block: list[str]) -> bool:
    """Only `Allow` differs, by order or by Sanic leaving it out of a 405 (both kept)."""
    for line in block[1:]:
        if not line.strip().startswith("allow:"):
            return False
        sanic, _, hurtle = line.split("allow: sanic ", 1)[1].partition("  hurtle ")
        if sanic != "None" and sorted(sanic.strip("'").split(", ")) != sorted(hurtle.strip("'").split(", ")):
            return False
    return True


def main(argv: list[str]) -> int:
    first, count = int(argv[1]), int(argv[2])
    out = argv[3] if len(argv) > 3 else "/tmp/router3_fuzz"
    os.makedirs(out, exist_ok=True)
    total = differ = skipped = allow = 0
    for seed in range(first, first + count):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_fuzz.py"), str(seed), out], check=True)
        res = subprocess.run([sys.executable, WIRE, f"{out}/app_{seed}.py", f"{out}/req_{seed}.http"],
                             capture_output=True, text=True, check=False)
        last = res.stdout.strip().splitlines()[-1:] or [""]
        if not last[0].startswith("wire_diff:") or "responses sanic 0 " in res.stdout:
            skipped += 1
            print(f"seed {seed}: no comparison (a server did not start)")
            continue
        n = int(last[0].split()[1])
        blocks = split_blocks(res.stdout.strip().splitlines()[:-1])
        real = [b for b in blocks if not allow_only(b)]
        total, differ, allow = total + n, differ + len(real), allow + len(blocks) - len(real)
        print(f"seed {seed}: {n} requests, {len(real)} differ, {len(blocks) - len(real)} Allow only")
        for b in real:
            print("\n".join(b))
    print(f"run_fuzz: {count} apps ({skipped} not started), {total} requests, {differ} differ, "
          f"{allow} differ in Allow only (order, or Sanic's 405 without it: kept)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
