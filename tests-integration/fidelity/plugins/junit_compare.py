"""Compare two pytest junit XML files test by test (a plugin's suite under Sanic, then Hurtle).

    python junit_compare.py sanic.xml hurtle.xml

Prints the outcome counts of each run, every test whose outcome differs, and every test
that fails under both with a different message (addresses and ports masked). Used for
the "Real-world test suites" sections of ../README.md.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

_KINDS = {"failure": "fail", "error": "error", "skipped": "skip"}
_NOISE = re.compile(r"0x[0-9a-f]+|port=\d+|:\d{4,5}\b")


def load(path: str) -> dict[str, tuple[str, str]]:
    """``{"class::name": (outcome, message)}`` of one junit XML file."""
    results: dict[str, tuple[str, str]] = {}
    for case in ET.parse(path).iter("testcase"):
        outcome, message = "pass", ""
        for child in case:
            if child.tag in _KINDS:
                outcome = _KINDS[child.tag]
                message = (child.get("message") or "").replace("\n", " | ")
        results[f"{case.get('classname', '')}::{case.get('name')}"] = (outcome, message)
    return results


def main(sanic_xml: str, hurtle_xml: str) -> int:
    sanic, hurtle = load(sanic_xml), load(hurtle_xml)
    print("sanic ", dict(Counter(o for o, _ in sanic.values())))
    print("hurtle", dict(Counter(o for o, _ in hurtle.values())))
    differ = 0
    for key in sorted(set(sanic) | set(hurtle)):
        (a, a_msg), (b, b_msg) = sanic.get(key, ("absent", "")), hurtle.get(key, ("absent", ""))
        if a != b:
            print(
                f"OUTCOME {key}: sanic={a} hurtle={b}\n  sanic:  {a_msg[:300]}\n  hurtle: {b_msg[:300]}"
            )
            differ += 1
        elif a in ("fail", "error") and _NOISE.sub("X", a_msg) != _NOISE.sub("X", b_msg):
            print(f"MESSAGE {key}:\n  sanic:  {a_msg[:300]}\n  hurtle: {b_msg[:300]}")
            differ += 1
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
