"""What the middleware probe apps share: ``note`` (one line to $PROBE_EVENTS), and
``record_signals`` (every ``http.*`` signal of an app, with the type of each argument)."""

from __future__ import annotations

import os

EVENTS = os.environ.get("PROBE_EVENTS", "")


def note(line: str) -> None:
    """Append ``line`` to the events file (if the runner named one)."""
    if EVENTS:
        with open(EVENTS, "a") as fh:
            fh.write(line + "\n")


def record_signals(app, note) -> None:
    """Make ``app`` call ``note(line)`` for each ``http.lifecycle/routing/handler`` signal."""
    for _event in (
        "http.lifecycle.begin", "http.lifecycle.read_head", "http.lifecycle.request",
        "http.lifecycle.handle", "http.lifecycle.read_body", "http.lifecycle.exception",
        "http.lifecycle.response", "http.lifecycle.send", "http.lifecycle.complete",
        "http.routing.before", "http.routing.after", "http.handler.before", "http.handler.after",
    ):
        def _make(event: str):
            async def sig(**kwargs):
                parts = []
                for k in sorted(kwargs):
                    v = kwargs[k]
                    desc = type(v).__name__
                    if k == "exception":
                        desc += f"({v})"
                    if k == "response" and v is not None and hasattr(v, "status"):
                        desc += f"({v.status})"
                    if k == "data":
                        # (a response head's size differs by Hurtle's Date field: kept)
                        n = len(v) if v is not None else None
                        desc += f"({'head' if n and n > 100 and bytes(v).startswith(b'HTTP/') else n})"
                    if k == "body":
                        desc += f"({bytes(v)!r})"
                    if k == "route" and v is not None:
                        desc += f"({v.name})"
                    parts.append(f"{k}={desc}")
                note(f"sig {event} {' '.join(parts)}")
            return sig

        app.signal(_event)(_make(_event))
