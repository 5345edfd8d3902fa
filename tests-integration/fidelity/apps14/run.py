"""Run the fourteenth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json`` (``../apps_round.py``: a response's ``date`` and the fields named in
``IGNORE`` left out, each remaining difference labelled in ``KEPT``). Apps with a
``NAME_reqs.py`` (websocket drivers) go through ``../apps_compare.py``:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py

    python3 tests-integration/fidelity/apps14/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, fourteenth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("trivia", 14): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
    ("trivia", 15): "a websocket handler that cannot start (a sync decorator returning a "
    "response): Sanic writes its HTTP 500 page into the upgraded stream (not frames, RFC 6455 "
    "5.2) and closes 1001 at once; Hurtle closes 1000 and waits for the client's close",
    ("trivia", 16): "as 15, the token missing",
    ("cdnlb", 6): "redirect(url with a space): `%20` in the path; Sanic's `+` names another "
    "path (RFC 3986 2.1, 3.3, listed)",
    ("cdnlb", 8): "as 6 (the CR LF is dropped by urlparse alike; the space after it differs)",
    ("cdnlb", 15): "as 6: `a+b` in the query argument reads as `a b`, redirected as `a%20b`",
    ("splitwise", 27): "a request line of HTTP/1.2 is served as 1.1 (RFC 9112 2.3, listed); "
    "Sanic answers 400 (here through the app's ErrorHandler)",
    ("pyexample", 1): "empty(status=200): Sanic's `content-type: None` (listed)",
    ("pyexample", 2): "empty(status=200): Sanic's `content-type: None` (listed)",
    ("pyexample", 14): "an OPTIONS route added after router.reset() in a listener: served; "
    "Sanic 500 `'types.SimpleNamespace' object has no attribute 'request_middleware'` (listed)",
    ("pyexample", 15): "as 14",
    ("realworld", 24): "NotFound(message, 404): an HTTPException subclass takes a status "
    "second, as the seed documents show (listed); Sanic's has no such argument, so its "
    "`TypeError` is the 500 the app's catch-all handler answers",
    ("wifi", 4): "the HTML 500 page: same title and text, different markup (Sanic's carries "
    "tracerite's style and script, 70 kB; listed)",
    ("wifi", 5): "as 4",
    ("wifi", 6): "as 4",
    ("wifi", 7): "two Host fields: 400 and close (RFC 9112 3.2, listed); Sanic serves it",
    ("wifi", 8): "as 4 (HTTP/1.0 without Host: the app's `None.split` is a 500 in both)",
    ("wifi", 26): "multipart with boundary `b` and a value `Bob`: parsed; Sanic's parser splits "
    "on the bare boundary text inside the value (`ValueError: substring not found`, the form "
    "empty; RFC 2046 5.1.1: only `--b` at a line start delimits)",
    ("mogtemplate", 3): "the 405's Allow sorted; Sanic's in set order (listed)",
    ("qtconnect", 3): "HTTPResponse(status=200): no content-type; Sanic sends the literal "
    "`content-type: None` (listed)",
    ("qtconnect", 4): "HTTPResponse(status=200): Sanic's `content-type: None` (listed)",
    ("qtconnect", 10): "a static folder without index: 404; Sanic 500 IsADirectoryError (listed)",
    ("qtconnect", 14): "HTTPResponse(status=200): Sanic's `content-type: None` (listed)",
    ("chatbot", 7): "a stream to HTTP/1.0 is not chunked, the close ends it (RFC 9112 "
    "7.1, listed)",
    ("chatbot", 18): "HEAD of a static file: the GET's length, type and cache-control (listed)",
    ("qtconnect", 15): "the 426 names the protocol in Upgrade (RFC 9110 15.5.22, listed)",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
