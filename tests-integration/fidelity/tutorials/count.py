"""Count sanic-diff text output, treating a difference that is only Hurtle's
`date` field (kept on purpose, see ../README.md) as alike; print the rest."""

import re
import sys

total = alike = 0
for path in sys.argv[1:]:
    blocks = re.split(r"^(?=\[\d+\] )", open(path).read(), flags=re.M)[1:]
    for block in blocks:
        total += 1
        block = block.split("\n----- sanic server log")[0]
        lines = [
            ln.strip()
            for ln in block.splitlines()
            if re.match(r"    [+-](?![+-]{2} )", ln) and ln.strip() != "+date: <ignored>"
        ]
        if not lines:
            alike += 1
        else:
            print(f"{path}: {block.splitlines()[0]}")
            print("   " + "\n   ".join(lines[:12]))
print(f"requests {total}, alike {alike}, differ {total - alike}")
