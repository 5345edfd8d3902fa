"""Leftovers, eighth pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers8/run.py [--show]

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

PORT_0 = (
    "Sanic reads port 0 as 'not given' and binds 8000; Hurtle binds the port the system "
    "picks (the socket API's meaning), and its banner, app.state.port and serve_location "
    "name that port (in Sanic's worker app.state.port stays 0)"
)

KEPT = {
    "1 app.run(port=0, single_process=True)": PORT_0,
    "1 app.run(port=0) with a worker": PORT_0,
    "7 Blueprint has register_listener": (
        "an extra method (Sanic's blueprints have only listener()): the non-decorator form "
        "Sanic's app has; it shadows nothing, and code written for Sanic never calls it"
    ),
}
# Same in both, kept (see the README): 2 a handler's own 408 keeps the connection (the
# request was read whole; the server's own 408 closes); 3 no `Vary: Accept` on error
# pages; 4 a 405 raised without methods sends no Allow; 6 close code 1000 when a
# websocket handler raises (RFC 6455 7.4.1 has 1011).


if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT, timeout=300))
