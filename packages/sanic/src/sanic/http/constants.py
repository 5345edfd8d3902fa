"""``sanic.http.constants``: HTTP stages."""

from enum import IntEnum

from hurtle_http.stages import Stage


class HTTP(IntEnum):
    """HTTP versions."""

    VERSION_1 = 1
    VERSION_3 = 3

    def display(self) -> str:
        """``HTTP/1.1`` or ``HTTP/3``."""
        return "HTTP/1.1" if self is HTTP.VERSION_1 else "HTTP/3"


__all__ = ["Stage", "HTTP"]
