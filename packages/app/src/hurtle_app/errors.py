"""Registration errors that are both what Hurtle raises and what Sanic raised."""

from __future__ import annotations


class UnknownNameError(ValueError, KeyError):
    """An unknown listener event or middleware location.

    Sanic fails on a ``KeyError`` from an enum lookup here; this is a ``ValueError``
    with a message saying what is allowed, and a ``KeyError`` so code catching Sanic's
    type keeps working.
    """

    def __str__(self) -> str:
        # KeyError would show the message quoted, as a key.
        return str(self.args[0]) if self.args else ""


__all__ = ["UnknownNameError"]
