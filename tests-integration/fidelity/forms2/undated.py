"""Reads `sanic-diff --json` output and shows only the requests that differ in more than the
`date` field Hurtle sends (kept on purpose): `sanic-diff --json APP REQS | python3 undated.py`.
With `--text`, reads sanic-diff's plain output instead (its --json cannot write a lone
surrogate that a response echoed)."""

import json
import re
import sys


def real_lines(diff: str) -> list[str]:
    out = []
    for line in diff.splitlines():
        if line.startswith(("+++", "---")):
            continue
        if line.startswith(("+", "-")) and line[1:] != "date: <ignored>":
            out.append(line)
    return out


def from_text(text: str) -> dict:
    """The fields of the --json document that main() reads, from the plain output."""
    items = []
    for block in re.split(r"\n(?=\[\d+\] )", text):
        head = re.match(r"\[(\d+)\] (.*)", block)
        if not head:
            continue
        same = "\n    = same" in block
        diff = "" if same else block.split("≠ differ", 1)[1].replace("\n    ", "\n")
        items.append({"index": int(head[1]), "name": head[2], "same": same, "diff": diff})
    return {"requests": items, "summary": {"requests": len(items)}}


def main() -> None:
    data = from_text(sys.stdin.read()) if "--text" in sys.argv else json.load(sys.stdin)
    items = data["requests"]
    differ = [it for it in items if not it["same"] and real_lines(it["diff"])]
    for it in differ:
        print(f"[{it['index']}] {it['name']}")
        print("    " + it["diff"].replace("\n", "\n    "))
    n = data["summary"]["requests"]
    print(f"undated: {n} requests, {n - len(differ)} alike, {len(differ)} differ")


if __name__ == "__main__":
    main()
