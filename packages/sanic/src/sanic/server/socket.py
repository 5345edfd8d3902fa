"""``sanic.server.socket``: Socket binding."""

from hurtle_http.server import bind_socket, bind_unix_socket
from sanic.http.constants import HTTP as HTTP

__all__ = ["bind_socket", "bind_unix_socket"]
