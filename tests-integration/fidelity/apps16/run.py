"""Run the sixteenth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json`` (``../apps_round.py``: a response's ``date`` and the fields named in
``IGNORE`` left out, each remaining difference labelled in ``KEPT``). Apps with a
``NAME_reqs.py`` (websocket and event-stream drivers) go through ``../apps_compare.py``:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py

    python3 tests-integration/fidelity/apps16/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, sixteenth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("upload", 15): "HEAD on a path served by two routes (GET and DELETE): 405 in both; Hurtle's "
    "carries `Allow` (RFC 9110 15.5.6 MUST), Sanic's none (listed)",
    ("jwtapi", 36): "`Authorization: bearer T`: request.token is `T`, the scheme matched in any "
    "case (RFC 9110 11.1, listed); Sanic keeps the whole field, the app's signature check "
    "fails: 401; here the view then fails alike on its url_for (500)",
    ("sessions", 7): "`add_cookie(expires=datetime)`: rfc1123-date `02 Jan 2030` (RFC 6265 4.1.1); "
    "Sanic writes `02-Jan-2030` (listed)",
    ("sessions", 16): "a stream to HTTP/1.0 is not chunked, the close ends it (RFC 9112 7.1, "
    "listed); Sanic sends chunked framing to the 1.0 client",
    ("sessions", 17): "two `Cookie` fields are joined (RFC 9113 8.2.3); Sanic reads the first only "
    "(listed)",
    ("proxy", 16): "url_for(_external=True) percent-encodes a space in a parameter (RFC 3986 2.1); "
    "Sanic leaves it raw (listed)",
    ("proxy", 17): "as 16",
    ("proxy", 19): "request.url_for of a value holding `%20`: `%2520`, so the route gets back the "
    "value it was built with (RFC 3986 2.1, listed); Sanic leaves `%` as is",
    ("staticsite", 5): "a static file's HEAD carries its GET's `cache-control: no-cache` "
    "(RFC 9110 9.3.2, listed); Sanic's HEAD lacks it",
    ("staticsite", 10): "several ranges: the whole 200 (RFC 9110 14.2 allows ignoring Range); "
    "Sanic 416 (listed)",
    ("staticsite", 11): "a range past the end: 416 `bytes */18` (RFC 9110 15.5.17); Sanic an "
    "empty 206 with `content-range: bytes 500-600/18` (listed)",
    ("staticsite", 12): "a Range in an unknown unit is ignored: 200 (RFC 9110 14.2 MUST); "
    "Sanic 416 (listed)",
    ("staticsite", 14): "a 304 carries the 200's `cache-control` (RFC 9110 15.4.5, listed)",
    ("staticsite", 17): "directory_view page markup: Hurtle's own page (listed; Sanic's is "
    "not copied)",
    ("staticsite", 21): "as 17 (an empty folder)",
    ("staticsite", 23): "a static folder without index and view: 404 (here the app's NotFound "
    "handler); Sanic a 500 from IsADirectoryError (listed)",
    ("staticsite", 32): "url_for('static', filename='weird name #1.txt') percent-encoded "
    "(RFC 3986 2.1, listed); Sanic's raw space and `#` make another URL",
    ("staticsite", 38): "`If-Range` with a date that is not the file's Last-Modified: the "
    "whole 200 (RFC 9110 13.1.5 MUST, listed); Sanic 206 whatever If-Range says",
    ("errorsapi", 4): "the blueprint's exception handler raises (the app's bug: no context): "
    "`500 An error occurred while handling an error` in both; Sanic's `content-type: None` "
    "(listed)",
    ("errorsapi", 8): "as 4",
    ("cbv", 12): "the 405's Allow sorted; Sanic's in set order (listed)",
    ("signals", 14): "a 405 on a path served by two routes: Hurtle's `Allow` (RFC 9110 15.5.6 "
    "MUST), Sanic's none (listed)",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
