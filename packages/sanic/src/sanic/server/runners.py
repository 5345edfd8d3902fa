"""``sanic.server.runners``: ``serve``."""

from hurtle_http.server import serve

__all__ = ["serve"]
