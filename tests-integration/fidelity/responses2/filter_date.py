"""Drop sanic-diff blocks whose only difference is Hurtle's Date field (RFC 9110 6.6.1)."""

import re
import sys

text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
blocks = re.split(r"(?m)^(?=\[\d+\] )", text)
left = 0
for b in blocks[1:]:
    lines = [
        ln for ln in b.splitlines()
        if re.match(r"^    [+-](?![+-])", ln) and "date: <ignored>" not in ln
    ]
    if lines:
        left += 1
        print(b.rstrip())
print(f"differ beyond Date: {left} of {len(blocks) - 1}")
