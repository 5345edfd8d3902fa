"""sentry-sdk's Sanic integration reports errors from a Hurtle app as it does from Sanic.

The integration replaces ``Sanic._startup`` (to register its ``http.lifecycle.request``,
``http.routing.after`` and ``http.lifecycle.response`` signals) and ``ErrorHandler.lookup``
(to capture each exception and what an exception handler raises). ``sentry_app/check.py``
runs an app with it, events kept by an in-process transport (no network), in a child
process so the patched classes never reach the other tests. sentry-sdk is installed by the
integration environment (scripts/run_tests.py, hatch.toml); nothing is installed here.
The expected lines are what the same script printed under Sanic 25.12 with sentry-sdk 2.76.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import sentry_sdk  # noqa: F401  (installed by the integration environment: fail, not skip)
from helpers import run_checked

SCRIPT = Path(__file__).parent / "sentry_app" / "check.py"


def _event(transaction: str, kind: str, **fields: object) -> dict[str, object]:
    return {
        "data": None, "errors": [], "message": None, "method": "GET", "query": "",
        "source": "component", "status": None, "transaction": transaction, "type": kind,
        **fields,
    }


def expected(host: str) -> list[dict[str, object]]:
    item = {"query": "verbose=1", "url": f"http://{host}/items/7"}
    divide = {
        "method": "POST", "query": "twice=no", "data": {"by": 0},
        "url": f"http://{host}/divide",
    }
    lookup = {"url": f"http://{host}/lookup"}
    return [
        {"answer": ["GET", "/items/7?verbose=1", 200]},
        {"answer": ["POST", "/divide?twice=no", 500]},
        {"answer": ["GET", "/gone", 404]},
        {"answer": ["GET", "/lookup", 500]},
        {"answer": ["GET", "/nowhere", 404]},
        # capture_message in a handler: the request, and the route as transaction name
        _event("show_item", "event", message="item 7", **item),
        _event("show_item", "transaction", status="ok", **item),
        # an unhandled error: captured once, with the request's data
        _event("divide", "event", errors=[["ZeroDivisionError", "sanic"]], **divide),
        _event("divide", "transaction", status="internal_error", **divide),
        # the NotFound raised by /gone and the 404 of /nowhere are neither errors nor
        # (404 being unsampled) transactions; an exception handler that fails reports
        # the exception it handled, then its own chained to it
        _event("lookup", "event", errors=[["KeyError", "sanic"]], **lookup),
        _event("lookup", "event", errors=[["KeyError", "sanic"], ["ValueError", "sanic"]], **lookup),
        _event("lookup", "transaction", status="internal_error", **lookup),
    ]


def events(mode: str) -> list[dict[str, object]]:
    output = run_checked(sys.executable, str(SCRIPT), mode, timeout=120)
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_events_through_a_served_app() -> None:
    assert events("served") == expected("127.0.0.1")


def test_events_through_the_asgi_app() -> None:
    assert events("asgi") == expected("mockserver")
