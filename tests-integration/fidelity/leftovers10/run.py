"""Leftovers, tenth pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers10/run.py [--show]

Runs probe.py under each interpreter (REF_PYTHON, HURTLE_PYTHON) and prints, for every
observation that differs, both values and the reason it is kept, or ``NOT KEPT``. Exit
status 1 when a difference is not kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from probed import compare  # noqa: E402  (the shared runner)

Q_WEIGHT = ("a weight named Q is the weight (RFC 9110 5.6.6: parameter names are "
            "case-insensitive; 12.4.2: Q=0 is 'not acceptable'); Sanic reads Q as another "
            "parameter, weight 1")
NEXT_ANSWERED = ("after a streamed answer to HEAD the connection serves its next request "
                 "(RFC 9112 9.3); Sanic never answers it, and never finishes the stream")

KEPT: dict[str, str] = {
    "3 ASGI start-up, app.config.pop('USE_UVLOOP'): (startup, warned)": (
        "Sanic's start-up fails reading the key it lacks; Hurtle starts, without the "
        "'You have set USE_UVLOOP' warning (nobody set it)"),
}
for when in ["before_server_start", "after_server_start"]:
    KEPT[f"7 {when} register_middleware: the middleware ran"] = (
        "Sanic drops middleware given to register_middleware() once the server starts, "
        "while on_request() and @app.middleware there run; Hurtle runs every form alike "
        "from the next request (sanic-org/sanic#2699: meant to work)")
for header in ["a/a;Q=0, b/b", "a/a;Q=0.5, b/b;q=0.7", "a/a;Q=nan, b/b", "a/a;q=0.3;Q=0.6"]:
    KEPT[f"4 Accept {header}"] = Q_WEIGHT
for target in ["HEAD /file", "HEAD /own", "HEAD /zero"]:
    KEPT[f"5 {target} then GET /ended: (statuses, tail)"] = NEXT_ANSWERED

if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT, timeout=600))
