"""Run the eighteenth round's apps under Sanic 25.12 and this checkout (not a test: it needs
real Sanic). Each ``NAME_app.py`` with a ``NAME.http`` goes through the shared
``sanic-diff --json`` (``../apps_round.py``: a response's ``date`` and the fields named in
``IGNORE`` left out, each remaining difference labelled in ``KEPT``). Apps with a
``NAME_reqs.py`` (websocket and event-stream drivers) go through ``../apps_compare.py``:

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \\
        python3 tests-integration/fidelity/apps_compare.py "$PWD/.../NAME_app.py" .../NAME_reqs.py

    python3 tests-integration/fidelity/apps18/run.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from apps_round import main  # noqa: E402

IGNORE: dict[str, set[str]] = {}
# The bad-input blocks badinput.py appends (by title): why each differs (all listed before).
_BAD = {
    "two Host fields": "two `Host` fields: 400 `Multiple Host headers are not allowed` and the "
    "connection closed (RFC 9110 7.2 / RFC 9112 3.2, listed); Sanic serves both requests",
    "no Host": "an HTTP/1.1 request without `Host`: 400 `Missing Host header` (RFC 9112 3.2 "
    "MUST, listed); Sanic serves it",
    "bad chunk size": "a POST with a bad chunk size to a GET route: the 405 says `connection: "
    "close` and closes (RFC 9112 9.6); Sanic's 405 says `keep-alive`, then closes too",
    "NUL in a value": "NUL in a field value: 400 (RFC 9110 5.5 MUST, listed); Sanic serves it",
    "space before colon": "whitespace between a field name and its colon: 400 (RFC 9112 5.1 "
    "MUST, listed); Sanic serves it",
    "TLS hello on plain port": "a TLS ClientHello on the plain port: 400 and closed at once "
    "(RFC 9112 3, listed); Sanic sends nothing and waits",
}
_SEQ = ["garbage between good requests", "HTTP/1.0 without keep-alive, then another",
        "HTTP/1.0 keep-alive twice", "absolute-form target", "obs-fold header",
        "two Host fields", "no Host", "CL and TE together", "bad chunk size", "chunk extension",
        "lower-case method", "bare LF line endings", "keep-alive, close", "fragment in target",
        "NUL in a value", "space before colon", "HTTP/2 preface", "TLS hello on plain port",
        "Content-Length with a plus", "body on a GET, then another"]


def _bad(app: str, first: int, skip: tuple[str, ...] = ()) -> dict[tuple[str, int], str]:
    return {(app, first + i): _BAD[t] for i, t in enumerate(_SEQ) if t in _BAD and t not in skip}


# Kept differences (README, "Real-world apps, eighteenth round"), by app and request number.
KEPT: dict[tuple[str, int], str] = {
    ("resumable", 4): "`empty(status=201)`/`empty(status=200)`: no `content-type` (listed: "
    "`None` is not a media type, RFC 9110 8.3); Sanic sends `content-type: None`",
    ("resumable", 5): "as 4",
    ("resumable", 10): "as 4 (the HEAD after the 413)",
    ("resumable", 15): "`Expect: 100-continue` to a `stream=True` route whose handler refuses "
    "before reading: the 409 alone (RFC 9110 10.1.1, listed); Sanic sends `100 Continue` first",
    ("resumable", 17): "OPTIONS on a path served by four routes: 405 with `Allow` (RFC 9110 "
    "15.5.6, listed); Sanic's has none",
    ("resumable", 18): "as 4 (the bad chunk itself alike since the stream fix)",
    ("resumable", 19): "as 4",
    ("resumable", 20): "as 4",
    ("resumable", 23): "as 4",
    ("gallery", 25): "HEAD on a path served by two routes (GET, DELETE): 405 with `Allow` "
    "(RFC 9110 15.5.6, listed); Sanic's has none",
    ("kv", 1): "`empty(status=201, headers=...)`: no `content-type` (listed, as resumable 4); "
    "Sanic sends `content-type: None`",
    ("kv", 6): "as 1 (`empty(status=200)`)",
    ("kv", 7): "as 1",
    ("kv", 9): "as 1",
    ("kv", 10): "as 1",
    ("wiki", 1): "url_for of an `unquote=True` route's name with a space: percent-encoded "
    "(RFC 3986 2.1, listed); Sanic leaves the space (`+` with `_anchor=`)",
    ("wiki", 3): "as 1 (the 303's Location, `Front+Page` under Sanic)",
    ("wiki", 4): "as 1",
    ("wiki", 7): "as 1 (non-ASCII and a space)",
    ("wiki", 8): "as 1 (Sanic writes the raw UTF-8 bytes into the header)",
    ("wiki", 9): "as 8",
    ("export", 6): "`ResponseStream` without `content_type=`: no `content-type` (listed, as "
    "resumable 4); Sanic sends `content-type: None`",
    ("problems", 17): "a head over the size limit: 431 `RequestHeaderFieldsTooLarge` (RFC 6585 5, "
    "listed); Sanic 413 `PayloadTooLarge`",
    ("inventory", 14): "the 405's `Allow` sorted; Sanic's in the view's method order (listed)",
    ("inventory", 16): "as 14 (OPTIONS)",
    **_bad("metrics", 16), **_bad("ratelimit", 12), **_bad("ledger", 20),
    **_bad("cors", 20, skip=("bad chunk size",)),
    **_bad("problems", 19), **_bad("kv", 21), **_bad("export", 16), **_bad("routesmix", 27),
    ("kv", 30): "a POST to a path served by three routes (GET PUT DELETE): the 405 carries "
    "`Allow` (RFC 9110 15.5.6, listed); Sanic's none",
    ("kv", 31): "as 30 (`get` in lower case: a method of its own, RFC 9110 9.1)",
    ("webdav", 1): "a route for a method the router does not allow: `BadMethod` in both; Hurtle's "
    "message lists the methods by name and names the route (`Must be one of: GET, POST, ... "
    "(route '/dav/<path:path>')`), Sanic's shows the enum members' reprs (kept: a misused API's "
    "message says what to do)",
    **{("webdav", i): "a method the routes of `/dav/<path:path>` (GET, OPTIONS: two routes) do "
       "not serve: 405 with `Allow` (RFC 9110 15.5.6, listed); Sanic's none"
       for i in (2, 3, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16, 17, 18)},
    ("duplex", 5): "a stream to an HTTP/1.0 client: not chunked, the close ends it (RFC 9112 7.1, "
    "listed)",
    ("duplex", 6): "chunk data not followed by CRLF (sizes two bytes too long): the stream's read "
    "raises `Bad chunked encoding` and the answer, already begun, is cut (RFC 9112 7.1, listed in "
    "the twelfth round); Sanic reads the next bytes as data and waits for more",
    ("export", 17): "a `ResponseStream` to an HTTP/1.0 client: not chunked, the close ends it "
    "(RFC 9112 7.1, listed); Sanic sends chunked framing to the 1.0 client",
    ("export", 18): "as 17, with `Connection: keep-alive`: Hurtle closes after the stream (no "
    "length to delimit it), so the second request is not served; Sanic chunks and keeps on",
    ("search", 34): "a GET with a bad chunked body: 400 and closed before the handler (issue 5: "
    "malformed framing is refused whatever the route); Sanic's handler answers 200, then it "
    "closes",
    ("search", 35): "a GET declaring a body over REQUEST_MAX_SIZE: 413 and closed (issue 5: the "
    "limit holds whatever the route); Sanic's handler answers 200, then it closes",
    ("metrics", 36): "the counts after the bad input: the 400s above counted as `NONE` 400s "
    "where Sanic served the requests; and Sanic's response middleware also sees a `NONE *` 500 "
    "for each connection its client left while Sanic waited for another head (listed: 'a "
    "client leaving mid-head'; also after an idle keep-alive connection of two or more "
    "requests), which Hurtle never shows a middleware",
}


if __name__ == "__main__":
    sys.exit(main(HERE, sys.argv[1:], IGNORE, KEPT))
