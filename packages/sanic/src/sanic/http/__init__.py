"""``sanic.http``: The HTTP/1.1 connection state machine."""

from hurtle_http.http import Http
from hurtle_http.stages import Stage

__all__ = ["Http", "Stage"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
