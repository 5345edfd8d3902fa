"""``sanic.server.async_server``: ``AsyncioServer``."""

from hurtle_app.serving import AsyncioServer

__all__ = ["AsyncioServer"]
