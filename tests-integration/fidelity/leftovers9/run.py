"""Leftovers, ninth pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers9/run.py [--show]

Runs probe.py under each interpreter (REF_PYTHON, HURTLE_PYTHON) with ``probed.py`` and
prints, for every observation that differs, both values and the reason it is kept, or
``NOT KEPT``. Exit status 1 when a difference is not kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from probed import compare  # noqa: E402  (the shared runner)

PARAM = ("url_for escapes every '%' of a parameter (%25): the route gets back the value it "
         "was built with; Sanic's raw '%' makes no URI or another value (RFC 3986 2.1)")
STRAY = ("a '%' that starts no escape becomes %25 (RFC 3986 2.1: in a URI '%' only starts "
         "one); escapes as given are kept")
NO_QVALUE = ("a q that is no qvalue (RFC 9110 12.4.2: a decimal from 0 to 1) makes its range "
             "malformed, skipped; Sanic reads it with float()")
MALFORMED = "a malformed range is skipped; Sanic refuses the whole header (InvalidHeader)"
Q0 = "a q=0 range never matches (RFC 9110 12.4.2); Sanic matches it"

KEPT: dict[str, str] = {}
for value in ["a%", "a%zz", "a%2", "%E2%82", "a%41"]:
    KEPT[f"2 url_for param {value!r}"] = PARAM
for value in ["a%", "a%zz", "a%2"]:
    KEPT[f"2 url_for _anchor {value!r}"] = STRAY
for target in ["/a%", "/a%zz", "/a%2", "http://x/a%"]:
    KEPT[f"2 redirect {target!r}"] = STRAY
for q in ["nan", "inf", "-1", "2", "1.0001", ".5", "1e-1", "+0.5"]:
    KEPT[f"5 Accept a/a;q={q}, b/b;q=0.4"] = NO_QVALUE
KEPT["5 Accept a/a;q=-0, b/b;q=0.4"] = NO_QVALUE + "; " + Q0
KEPT["5 Accept a/a;q=0.5abc, b/b;q=0.4"] = MALFORMED
for q in ["0", "0."]:
    KEPT[f"5 Accept a/a;q={q}, b/b;q=0.4"] = Q0
KEPT['4 c._get_prefixed_cookie("plain")'] = (
    "private helper: None here, Sanic raises KeyError('__Secure-plain') when no prefixed "
    "cookie exists; the public get/getlist/[]/attributes are alike")


if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT, timeout=600))
