"""The HTTP versions an app can be asked to serve (``sanic.http.constants.HTTP``)."""

from __future__ import annotations

from enum import IntEnum


class HTTP(IntEnum):
    """HTTP versions, equal to their number (``HTTP.VERSION_3 == 3``)."""

    VERSION_1 = 1
    VERSION_3 = 3

    def display(self) -> str:
        """``HTTP/1.1`` or ``HTTP/3``."""
        return "HTTP/1.1" if self is HTTP.VERSION_1 else "HTTP/3"


__all__ = ["HTTP"]
