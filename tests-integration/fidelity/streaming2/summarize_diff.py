"""Condense `sanic-diff --json` output: drop what is listed as kept everywhere (Hurtle's
`date`, Sanic's literal `content-type: None`), print the rest one line per response.

python summarize_diff.py RESULT.json
"""

import json
import sys


def norm(side: dict) -> list:
    out = []
    for r in side["responses"]:
        fields = sorted(
            f"{k}: {v}"
            for k, v in r["headers"]
            if k != "date" and not (k == "content-type" and v == "None")
        )
        out.append(f"{r['status_line']} {fields} {r.get('body_text', '')[:120]!r}")
    out.append(f"[{side['connection']}] {side.get('unparsed', '')[:80]!r}")
    return out


def main() -> None:
    data = json.load(open(sys.argv[1]))
    n = same = 0
    for req in data["requests"]:
        n += 1
        s, h = norm(req["sanic"]), norm(req["hurtle"])
        if s == h:
            same += 1
            continue
        print(f"[{req['index']}] {req['name']}")
        for line in s:
            print("   S", line)
        for line in h:
            print("   H", line)
    print(f"{n} requests, {same} same after the kept normalisations, {n - same} differ")


if __name__ == "__main__":
    main()
