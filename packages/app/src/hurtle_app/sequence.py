"""One registration sequence shared by listeners and signal handlers.

Sanic runs a server event's listeners and the signal handlers of the same event as one
list, in the order they were registered (reversed for the shutdown events); numbering
both kinds from one counter lets the app merge them in that order.
"""

from __future__ import annotations

import itertools

next_registration = itertools.count(1).__next__
"""The next registration number (increasing across listeners and signals)."""

__all__ = ["next_registration"]
