"""``sanic.server.socket``: Socket binding.

Sanic's helpers, for code that binds its own sockets (to hand one to ``app.run(sock=...)``
or to serve it by other means). They give what Sanic's give: blocking sockets, a TCP one
inheritable by child processes. Hurtle's own runner binds with ``hurtle_http.server``.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from hurtle_http import server as _server
from hurtle_http.server import remove_unix_socket
from sanic.http.constants import HTTP as HTTP


def bind_socket(
    host: str, port: int, *, backlog: int = 100, reuse_port: bool = False
) -> socket.socket:
    """A listening TCP socket on ``host:port``, blocking and inheritable."""
    sock = _server.bind_socket(host, port, backlog=backlog, reuse_port=reuse_port)
    sock.setblocking(True)
    sock.set_inheritable(True)
    return sock


def bind_unix_socket(
    path: str | os.PathLike, *, mode: int = 0o666, backlog: int = 100
) -> socket.socket:
    """A listening, blocking UNIX socket at ``path`` with permissions ``mode`` (a socket
    file already there is replaced; anything else there is refused)."""
    sock = _server.bind_unix_socket(path, mode=mode, backlog=backlog)
    sock.setblocking(True)
    return sock


def configure_socket(server_settings: dict[str, Any]) -> socket.socket | None:
    """The listening socket a server's settings ask for, as Sanic's: a unix socket at
    ``unix`` (recorded there as a ``Path``), else ``sock`` as given, else TCP on
    ``host``:``port``, recorded as the settings' ``sock`` (``host`` and ``port`` then
    ``None``). ``None`` when none is asked for."""
    sock = server_settings.get("sock")
    backlog = server_settings.get("backlog")
    backlog = 100 if backlog is None else backlog
    unix = server_settings.get("unix")
    if unix:
        sock = bind_unix_socket(unix, backlog=backlog)
        server_settings["unix"] = Path(unix)
        return sock
    if sock is not None:
        return sock
    host, port = server_settings.get("host"), server_settings.get("port")
    if host is None or port is None:
        return None
    sock = bind_socket(host, port, backlog=backlog)
    server_settings.update(sock=sock, host=None, port=None)
    return sock


__all__ = ["bind_socket", "bind_unix_socket", "configure_socket", "remove_unix_socket"]
