"""``sanic.server.async_server``: ``AsyncioServer``."""

from hurtle_app.serving import AsyncioServer
from hurtle_http.exceptions import SanicException as SanicException

__all__ = ["AsyncioServer"]
