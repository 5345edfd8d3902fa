"""Run sanic-diff --json on an app and a request file; print what differs beyond `Date`.

    python3 wire_diff.py app_params.py requests_params.http

Hurtle sends `Date` (RFC 9110 6.6.1) and Sanic does not: that header is dropped on both
sides before comparing. Each remaining difference prints the request name, then both
status lines, the headers that differ and both bodies.
"""
from __future__ import annotations

import json
import subprocess
import sys

TOOL = "/work/shared/tools/sanic-diff"


def view(side: dict) -> list:
    out = []
    for r in side.get("responses", []):
        hdrs = sorted((k, v) for k, v in r["headers"] if k != "date")
        out.append((r["status"], hdrs, r.get("body_text")))
    return out


def main(argv: list[str]) -> int:
    args = [TOOL, *argv[1:], "--json", "--idle", "1", "--settle", "0.2"]
    res = subprocess.run(args, capture_output=True, text=True, check=False)
    data = json.loads(res.stdout)
    n = differ = 0
    for req in data["requests"]:
        n += 1
        a, b = view(req["sanic"]), view(req["hurtle"])
        if a == b:
            continue
        differ += 1
        print(f"[{req['index']}] {req['name'] or req['request'].splitlines()[0]}")
        for x, y in zip(a, b, strict=False):
            if x[0] != y[0]:
                print(f"   status sanic {x[0]}  hurtle {y[0]}")
            hx, hy = dict(x[1]), dict(y[1])
            for k in sorted(set(hx) | set(hy)):
                if hx.get(k) != hy.get(k):
                    print(f"   {k}: sanic {hx.get(k)!r}  hurtle {hy.get(k)!r}")
            if x[2] != y[2]:
                print(f"   body sanic : {(x[2] or '')[:400]!r}")
                print(f"   body hurtle: {(y[2] or '')[:400]!r}")
        if len(a) != len(b):
            print(f"   responses sanic {len(a)} hurtle {len(b)}")
    print(f"wire_diff: {n} requests, {differ} differ (Date aside)")
    return 1 if differ else 0


sys.exit(main(sys.argv))
