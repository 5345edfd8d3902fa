"""Run the seventeenth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json`` (``../apps_round.py``: a response's ``date`` and the fields named in
``IGNORE`` left out, each remaining difference labelled in ``KEPT``). Apps with a
``NAME_reqs.py`` (websocket and event-stream drivers) go through ``../apps_compare.py``:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py

    python3 tests-integration/fidelity/apps17/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# Kept differences (README, "Real-world apps, seventeenth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("oauth", 29): "`Basic` credentials whose password holds `:`: user and password read "
    "(RFC 7617 2, listed); Sanic's request.credentials is None",
    ("catalog", 14): "a 304 carries no `Last-Modified` (RFC 9110 15.4.5: the ETag is there; "
    "listed); Sanic keeps the handler's",
    ("catalog", 15): "as 14 (`If-None-Match: *`)",
    ("catalog", 16): "as 14 (`If-Modified-Since`)",
    ("catalog", 19): "HEAD on a path served by four routes (GET PUT PATCH DELETE): 405 in "
    "both; Hurtle's carries `Allow` (RFC 9110 15.5.6 MUST), Sanic's none (listed)",
    ("catalog", 37): "as 19 (POST)",
    ("files", 7): "url_for of a non-ASCII or spaced name percent-encoded (RFC 3986 2.1, "
    "listed); Sanic leaves the raw characters",
    ("files", 10): "file(filename=) with a non-ASCII name: `filename=\"?ber plan.txt\"; "
    "filename*=UTF-8''...` (RFC 6266/8187, listed); Sanic writes the raw UTF-8 bytes",
    ("files", 11): "as 10 (CJK)",
    ("files", 19): "as 10 (file_stream)",
    ("files", 26): "as 7",
    ("files", 35): "a static file's HEAD carries its GET's `cache-control: no-cache` "
    "(RFC 9110 9.3.2, listed)",
    ("files", 36): "as 7 (url_for('pub', filename=...))",
    ("webhook", 12): "a chunked body's trailer section is read and ignored (RFC 9112 7.1.2, "
    "listed); Sanic answers the trailer line as a next request (400, close)",
    ("tenants", 3): "`Host: ACME.saas.test` reaches the `acme.saas.test` blueprint (RFC 9110 "
    "4.2.3: the host is case-insensitive; listed); Sanic 404",
    ("tenants", 25): "url_for(_external=True, _server=...) of a route on two hosts builds the "
    "URL on `_server` (listed); Sanic raises `Host is ambiguous` (500)",
    ("gql", 24): "HTML error page (route `error_format=\"html\"`): same status and title, "
    "Hurtle's own markup (listed: Sanic's CSS and JavaScript are not copied)",
    ("gql", 26): "as 24 (`auto` judged by `Accept: text/html`)",
    ("custom", 4): "a Config subclass's update() override sees Sanic's own `_init` item set at "
    "the end of its constructor; Hurtle keeps no such item (listed: Sanic's config mapping "
    "holds its own state)",
    ("dashboard", 10): "a stream to HTTP/1.0 is not chunked, the close ends it (RFC 9112 7.1, "
    "listed); Sanic sends chunked framing to the 1.0 client",
    ("envconfig", 4): "`Expect: 100-continue` with a Content-Length over REQUEST_MAX_SIZE (from "
    "the environment): the 413 without a 100 first (listed); Sanic sends 100, then 413",
    ("prefs", 1): "`add_cookie(expires=datetime)`: rfc1123-date `04 Mar 2031` (RFC 6265 4.1.1, "
    "listed); Sanic writes `04-Mar-2031`",
    ("negotiate", 11): "a malformed `Accept` (`;;;, text`) read by request.accept: 400 "
    "`Invalid header value` (listed); Sanic's error page negotiation fails again: 500 `An "
    "error occurred while handling an error` with `content-type: None`",
    ("negotiate", 13): "`Accept: TEXT/HTML;Q=0.5`: `Q` read as the weight, 0.5 (RFC 9110 5.6.6: "
    "parameter names are case-insensitive; listed); Sanic 1.0",
    ("notes", 6): "the 405's Allow sorted; Sanic's in set order (listed)",
    ("notes", 8): "`empty(status=200)` from a view's `head`: no `content-type` (listed: "
    "`None` is not a media type, RFC 9110 8.3); Sanic sends `content-type: None`",
    ("notes", 9): "as 8 (404)",
    ("notes", 15): "as 6",
    ("mirror", 1): "url_for(request.route.name) of the original blueprint's route: its own URL "
    "(listed: Blueprint.copy); Sanic's name index holds the last copy's, `/ver3/new/items`",
    ("mirror", 3): "url_for of a copied blueprint's route by its own name: built (listed); "
    "Sanic `Endpoint with name ... was not found` (500)",
    ("mirror", 4): "as 3 (the second copy)",
    ("mirror", 16): "as 3 (url_for('base_v2.items') in the view)",
    ("keepalive", 5): "a handler's `Connection: close` is honoured: the connection ends after "
    "that answer, the pipelined request after it is not served (RFC 9112 9.6, listed); Sanic "
    "writes `connection: keep-alive` over it and reads on",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
