"""Filter a `sanic-diff --show` transcript down to the requests that differ in more than
the `date` field Hurtle adds (and the content-length that follows a body difference).

    sanic-diff app_req_cookies.py req_cookies.http --show > /tmp/out.txt
    python3 realdiffs.py /tmp/out.txt
"""

from __future__ import annotations

import re
import sys


def main(path: str) -> int:
    text = open(path, errors="replace").read()
    count = 0
    for block in re.split(r"\n(?=\[\d+\] )", text):
        lines = block.splitlines()
        if len(lines) > 1 and lines[1].strip() == "= same":
            continue
        diffs = [
            line
            for line in lines[1:]
            if re.match(r"    [-+](?![-+]{2} )", line)
            and "date: <ignored>" not in line
            and "content-length:" not in line
        ]
        if diffs:
            count += 1
            print(lines[0])
            for line in diffs:
                print(line[:300])
    print(f"requests with real differences: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
