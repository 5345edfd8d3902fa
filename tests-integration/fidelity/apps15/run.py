"""Run the fifteenth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json`` (``../apps_round.py``: a response's ``date`` and the fields named in
``IGNORE`` left out, each remaining difference labelled in ``KEPT``). Apps with a
``NAME_reqs.py`` (websocket drivers) go through ``../apps_compare.py``:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py

    python3 tests-integration/fidelity/apps15/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, fifteenth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("sanicauth", 2): "empty(status=201): Sanic's `content-type: None` (listed)",
    ("sanicauth", 8): "empty(status=404): Sanic's `content-type: None` (listed)",
    ("sanicauth", 17): "`Authorization: bearer T`: request.token is `T`, the scheme matched in any "
    "case (RFC 9110 11.1, listed); Sanic keeps the whole field, the app's decode fails: 500",
    ("sanicauth", 19): "empty(status=400): Sanic's `content-type: None` (listed)",
    ("tuchusers", 7): "empty(401): Sanic's `content-type: None` (listed)",
    ("tuchusers", 11): "empty(401): Sanic's `content-type: None` (listed)",
    ("tuchusers", 13): "empty(404): Sanic's `content-type: None` (listed)",
    ("tuchusers", 14): "empty(401): Sanic's `content-type: None` (listed)",
    ("tuchusers", 16): "empty(401): Sanic's `content-type: None` (listed)",
    ("tuchusers", 17): "empty(404): Sanic's `content-type: None` (listed)",
    ("cleanarch", 1): "empty(status=200): Sanic's `content-type: None` (listed)",
    ("cleanarch", 22): "not a difference: the request line is refused before its fields are "
    "read in both, so the app's middleware draws a uuid4 for X-Request-ID (the same shape, "
    "another value each run)",
    ("contracts", 19): "the 405's Allow sorted; Sanic's in set order (listed)",
    ("experiments", 18): "the 405's Allow sorted; Sanic's in set order (listed)",
    ("experiments", 19): "as 18 (HEAD is not a method of the view: 405 in both)",
    ("experiments", 20): "absolute-form target: request.url carries the target's authority, "
    "the Host field ignored (RFC 9112 3.2.2, listed); Sanic's uses Host",
    ("sanicauth", 20): "empty(status=200): Sanic's `content-type: None` (listed)",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
