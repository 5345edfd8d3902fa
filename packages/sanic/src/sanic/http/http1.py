"""``sanic.http.http1``: The HTTP/1.1 connection."""

from hurtle_http.http import Http

__all__ = ["Http"]
