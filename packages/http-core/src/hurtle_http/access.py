"""The access log (``sanic.access``) of websockets.

An HTTP response's line is written by the response writer when the response ends; a
websocket gets two, as in Sanic: one when it opens and one when its connection closes, its
``status`` the close code and its ``byte`` what the code means and which side closed.
"""

from __future__ import annotations

import logging
from typing import Any

access_logger = logging.getLogger("sanic.access")

#: As Sanic's lines: the codes it names; the others show only the side that closed.
_CLOSE_NAMES = {1000: "NORMAL", 1001: "GOING AWAY", 1005: "NO STATUS", 1006: "ABNORMAL",
                1011: "SERVER ERR"}


def access_host(request: Any, protocol: Any) -> str:
    """The client an access line names: as the trusted proxies tell it (``PROXIES_COUNT``,
    ``FORWARDED_SECRET``, ``REAL_IP_HEADER``), else the peer's address, with its port
    (as ``ResponseWriter.log_response`` names it for an HTTP response)."""
    conn_info = protocol.conn_info
    if conn_info is None:
        return ""
    try:
        client = request.remote_addr or conn_info.client_ip
    except Exception:  # a malformed forwarding header must not stop the log line
        client = conn_info.client_ip
    if client or not isinstance(conn_info.sockname, str):
        return f"{client}:{conn_info.client_port}"
    # A UNIX socket has no peer address: as Sanic, four hex digits that tell this
    # connection from the others open at the same time, then "unx".
    return f"{id(protocol) >> 4 & 0xFFFF:04X}unx"


def log_websocket_open(host: str, url: str) -> tuple[str, str]:
    """Log a websocket's opening; returns what its closing line names again."""
    target = f" \N{ELECTRIC PLUG} {url}"
    access_logger.info(
        "OPEN", extra={"host": host, "request": target, "status": "", "byte": "", "duration": ""}
    )
    return host, target


def log_websocket_close(
    opened: tuple[str, str], code: Any, reason: str | None, by_server: bool, abnormal: bool
) -> None:
    """Log a websocket's closing: ``CLOSE``, or ``CLOSE_ABN`` when the connection ended
    without a closing handshake finished while the handler ran (it had returned, or the
    peer was gone)."""
    what = repr(reason) if reason else _CLOSE_NAMES.get(code, "")
    side = "server" if by_server else "client"
    host, target = opened
    access_logger.info(
        "CLOSE_ABN" if abnormal else "CLOSE",
        extra={"host": host, "request": target, "status": code, "byte": f"{what} from {side}",
               "duration": ""},
    )


__all__ = ["access_host", "access_logger", "log_websocket_close", "log_websocket_open"]
