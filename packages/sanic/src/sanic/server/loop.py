"""``sanic.server.loop``: Event loop helpers."""

from hurtle_http.server import try_use_uvloop

__all__ = ["try_use_uvloop"]
