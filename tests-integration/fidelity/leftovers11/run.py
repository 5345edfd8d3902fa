"""Leftovers, eleventh pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers11/run.py [--show]

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

HTTPS_SCOPE = ("the ASGI scope's scheme is the URL's (an https:// or wss:// URL gives "
               "https, port 443 unless one is given); Sanic's ASGI mode ignores the scope's "
               "scheme and says http (port 80)")
KEPT: dict[str, str] = {
    f"3 asgi_client.get({url!r})": HTTPS_SCOPE
    for url in ["https://example.com/p", "https://example.com:8443/p", "wss://example.com/p"]
}
KEPT["3 SanicASGITestClient(base_url='https://mine:5').get('/p')"] = (
    "Hurtle sends paths to the client's base_url; sanic-testing ignores it for paths "
    "(mockserver:1234), listed before")

if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT, timeout=300))
