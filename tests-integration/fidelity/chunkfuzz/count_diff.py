"""Counts sanic-diff's requests that differ in more than the Date header Hurtle sends
(RFC 9110 6.6.1; kept, see README), and names them.

    .venv/bin/python tests-integration/fidelity/chunkfuzz/count_diff.py SANIC_DIFF_OUTPUT
"""

import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.split(r"\n(?=\[\d+\] )", text)
same = differ = 0
for block in blocks[1:]:
    lines = [line[4:] for line in block.splitlines()[1:]]  # (sanic-diff's indent)
    changed = [
        line for line in lines
        if line[:1] in "+-" and not line.startswith(("+++ ", "--- ", "+date:"))
    ]
    if changed:
        differ += 1
        print(block.splitlines()[0][:70], "|", " ; ".join(changed)[:240])
    else:
        same += 1
print(f"{same + differ} requests, {same} alike (but for Date), {differ} differ")
