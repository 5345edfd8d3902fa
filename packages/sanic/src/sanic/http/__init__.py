"""``sanic.http``: The HTTP/1.1 connection state machine."""

from hurtle_http.http import Http
from hurtle_http.stages import Stage

__all__ = ["Http", "Stage"]
