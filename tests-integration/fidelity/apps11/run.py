"""Run the eleventh round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json``; a response's ``date`` field (Hurtle's, kept) and the fields named in
``IGNORE`` are left out before the two sides are compared. Apps with a ``NAME_reqs.py``
(websocket drivers, ``python app.py``) go through ``../apps_compare.py``:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py [--main]

    python3 tests-integration/fidelity/apps11/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

# educhamp sets TOUCHUP = False, with which Sanic sends an empty alt-svc (kept).
IGNORE = {"educhamp": {"alt-svc"}}
# Kept differences (README, "Real-world apps, eleventh round"), by app and request number.
KEPT = {
    ("bl", 14): "static HEAD: Hurtle's cache-control and the file's length (listed before)",
    ("cookbook", 11): "HTML error page markup",
    ("esa", 20): "a 405 for a dynamic path served by several routes carries Allow (RFC 9110)",
    ("interview", 6): "`basic` in lower case is Basic (RFC 9110 11.1); Sanic: no credentials",
    ("metrograph", 13): "OPTIONS routes added after router.reset() in a listener are served",
    ("metrograph", 14): "OPTIONS routes added after router.reset() in a listener are served",
    ("metrograph", 17): "a 405 for a dynamic path served by several routes carries Allow",
    ("weetags", 10): "content-type: None of a request.respond() stream (Sanic's literal)",
    ("weetags", 21): "content-type: None of a request.respond() stream (Sanic's literal)",
    ("weetags", 22): "a static folder listing's markup",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
