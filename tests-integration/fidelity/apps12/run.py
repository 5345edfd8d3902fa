"""Run the twelfth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json``; a response's ``date`` field (Hurtle's, kept) and the fields named in
``IGNORE`` are left out before the two sides are compared, and each remaining difference
must be labelled in ``KEPT``. Apps with a ``NAME_reqs.py`` (websocket drivers, ``python
app.py``, the ``sanic`` command line) go through ``../apps_compare.py`` (``--main`` for
tornado, sdut, zmqsched, broker, brokerfork, starterkit, airtickets and jwoos; kiki_reqs.py
names its ``CMD``):

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py [--main]

    python3 tests-integration/fidelity/apps12/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, twelfth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("storage", 1): "content-type: None of empty() (Sanic's literal field, listed)",
    ("storage", 2): "content-type: None of empty() (Sanic's literal field, listed)",
    ("tornado", 15): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("synse", 18): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("blogv2", 19): "a 405 for a dynamic path served by several routes carries Allow (listed)",
    ("starterkit", 12): "Allow in set order in Sanic, sorted in Hurtle (listed)",
    ("notetera", 17): "Allow in set order in Sanic (varies from run to run), sorted in Hurtle (listed)",
    ("notetera", 9): "chunk data not followed by CRLF: 400 (RFC 9112 7.1); Sanic runs the handler",
    ("pythoneer", 16): "a static folder without index: 404; Sanic 500 IsADirectoryError (listed)",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
