"""Leftovers, fifth pass: Sanic 25.12 vs Hurtle on the items of that README section.

    python3 tests-integration/fidelity/leftovers5/run.py [--show]

Runs probe.py under each interpreter (REF_PYTHON, HURTLE_PYTHON) with ``probed.py``
and prints, for every observation that differs, both values and the reason it is kept (``kept()``), or
``NOT KEPT``. Exit status 1 when a difference is not kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from probed import compare  # noqa: E402  (the shared runner)

KEPT = {
    # Sanic takes a wait whose last part merely starts with "<" (unclosed, or "<>") as a
    # wait on the namespace, and no dispatch wakes it: it times out. Hurtle's NotFound
    # says at once that nothing can be waited for.
    "1 wait a.b.<q / a.b.z": "Sanic: a wait nothing can wake (Hurtle: NotFound)",
    "1 wait a.b.%3Cq / a.b.z": "Sanic: a wait nothing can wake (Hurtle: NotFound)",
    "1 wait a.b.<> / a.b.z": "Sanic: a wait nothing can wake (Hurtle: NotFound)",
    # Sanic also waits on the namespace for a last part that is no parameter but starts
    # with "<" and holds a ">" ("<q> ", "<q>x", decoded or not); Hurtle: NotFound, as for
    # any name that is no signal's.
    "1 wait a.b.%3Cq%3E%20 / a.b.z": "Sanic: a malformed parameter names the namespace",
    # A static signal whose name holds a %xx: Sanic's wait on it is never woken by its own
    # dispatch (it decodes the name looked up). Sanic's bug.
    "1 wait st.%61.c / st.%61.c": "Sanic's bug: the wait on its own static signal never wakes",
    # Sanic adds __blueprint__ to the caller's dict; mutating an argument is a bug.
    "3 bp.dispatch leaves the caller's condition": "Sanic mutates the caller's dict",
    # Both refuse with a KeyError; Hurtle's (UnknownNameError) says to use @app.signal.
    "6 register_listener BEFORE_SERVER_START": "same type (KeyError), Hurtle's message",
}


if __name__ == "__main__":
    sys.exit(compare(HERE, KEPT))
