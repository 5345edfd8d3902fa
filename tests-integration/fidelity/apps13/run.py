"""Run the thirteenth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json`` (``../apps_round.py``: a response's ``date`` and the fields named in
``IGNORE`` left out, each remaining difference labelled in ``KEPT``). Apps with a
``NAME_reqs.py`` (websocket and streaming drivers, ``python app.py``) go through
``../apps_compare.py`` (``--main`` where the reqs file's docstring says so):

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py [--main]

    python3 tests-integration/fidelity/apps13/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, thirteenth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("packtchat", 3): "HEAD of a static file: the GET's length and cache-control (listed)",
    ("packtchat", 4): "a static 304 keeps cache-control (RFC 9110 15.4.5, listed)",
    ("packtchat", 9): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("packtstream", 3): "a chunked trailer is read and ignored (RFC 9112 7.1.2); Sanic "
    "reads it as the next request and answers 400 (listed)",
    ("hatena", 12): "a static folder without index: 404; Sanic 500 IsADirectoryError (listed)",
    ("hatena", 15): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("tradenotif", 19): "an OPTIONS route added after router.reset() in a listener: served; "
    "Sanic 500 `'types.SimpleNamespace' object has no attribute 'request_middleware'` (listed)",
    ("xmppfile", 7): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("fridgemon", 7): "request.token takes `bearer` in any case (RFC 9110 11.1, listed); "
    "Sanic keeps the whole value, so the token is unknown (403)",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
