"""Count what differs in an ``apps_compare.py ... asgi_reqs.py`` output beyond the body's
framing (Sanic's ASGI mode streams every body chunked, Hurtle gives a ``content-length``:
listed), printing the remaining changed lines of each request:

    python3 asgi_filter.py OUTPUT.txt
"""

import re
import sys

FRAMING = re.compile(r"\s+[-+](content-length|transfer-encoding):")


def main(path: str) -> None:
    text = open(path, encoding="utf-8", errors="replace").read()
    total = same = 0
    for block in re.split(r"\n(?=[!=~] )", text):
        if not block.startswith(("! ", "= ")):
            continue
        total += 1
        changed = [
            line for line in block.split("\n")[1:]
            if re.match(r"\s+[-+]", line) and not re.match(r"\s+(---|\+\+\+)", line)
        ]
        rest = [line for line in changed if not FRAMING.match(line)]
        if not rest:
            same += 1
            continue
        print(block.split("\n")[0])
        print("\n".join(rest[:12]))
    print(f"{path}: {total} requests, {total - same} differ beyond framing")


if __name__ == "__main__":
    main(sys.argv[1])
