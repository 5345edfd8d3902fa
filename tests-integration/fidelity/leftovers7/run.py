"""Leftovers, seventh pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers7/run.py [--show]

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

RFC_3986_EMPTY_SEGMENT = (
    "kept-RFC: Sanic's `//x` has an empty segment (RFC 3986 3.3), another resource than "
    "the route's `/x`; the trailing slash of SERVER_NAME joins with one"
)
RFC_9110_HOST = (
    "kept-RFC: RFC 9110 4.2.3, a host in any case and with the default port is the same "
    "host; Sanic's host route is a 404 then"
)

KEPT = {
    "1 url_for external, SERVER_NAME 'example.com/'": RFC_3986_EMPTY_SEGMENT,
    "1 url_for external, SERVER_NAME 'https://example.com/'": RFC_3986_EMPTY_SEGMENT,
    "1 url_for external, SERVER_NAME 'example.com:8080/'": RFC_3986_EMPTY_SEGMENT,
    "1 url_for external, SERVER_NAME 'https://example.com/api/'": RFC_3986_EMPTY_SEGMENT,
    "2 Host A.EXAMPLE": RFC_9110_HOST,
    "2 Host a.example:80": RFC_9110_HOST,
    "2 Host B.Example:8080": RFC_9110_HOST,
    "3 redirect to bücher.example": (
        "kept-RFC: RFC 3986 3.2.2, a producer SHOULD give an IDN in IDNA form, the form "
        "DNS resolves (Sanic percent-encodes its UTF-8)"
    ),
    "5 ASGI close(), is_closing()": (
        "close() raises NotImplementedError as Sanic's; is_closing() answers False "
        "(Sanic: NotImplementedError), Hurtle's pipeline asks it when a send fails"
    ),
    "6 create_server(port=0)": (
        "Sanic reads port 0 as 'not given' and binds 8000; Hurtle binds the port the "
        "system picks (the socket API's meaning) and its banner names that port"
    ),
    "7 _future_listeners after register_listener": (
        "private: Sanic records no future listener for register_listener; the listeners "
        "run alike (7 listeners ran)"
    ),
    "7 _future_listeners after listener": "the same private count, one more in Hurtle",
    "8 identifier set after import": (
        "Hurtle reads SANIC_WORKER_IDENTIFIER when a formatter is made (Sanic: at import): "
        "its fork and forkserver children set it after the module was imported"
    ),
}


if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT, timeout=300))
