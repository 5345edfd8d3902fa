"""``sanic.server.socket``: Socket binding."""

from __future__ import annotations

import socket
from typing import Any

from hurtle_http.server import bind_socket, bind_unix_socket, remove_unix_socket
from sanic.http.constants import HTTP as HTTP


def configure_socket(server_settings: dict[str, Any]) -> socket.socket | None:
    """The listening socket a server's settings ask for: ``sock`` as given, else a unix
    socket at ``unix``, else TCP on ``host``:``port`` (``None`` when none is asked for)."""
    sock = server_settings.get("sock")
    if sock is not None:
        return sock
    backlog = server_settings.get("backlog") or 100
    unix = server_settings.get("unix")
    if unix:
        return bind_unix_socket(unix, backlog=backlog)
    host, port = server_settings.get("host"), server_settings.get("port")
    if host is None or port is None:
        return None
    return bind_socket(host, port, backlog=backlog)


__all__ = ["bind_socket", "bind_unix_socket", "configure_socket", "remove_unix_socket"]
