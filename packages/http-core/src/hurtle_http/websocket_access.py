"""Access-log lines of a websocket connection (``sanic.access``), as Sanic writes them.

``OPEN`` once the handshake is answered; when the connection is gone, ``CLOSE`` if the
client closed it with a close frame, else ``CLOSE_ABN`` (the server closed it, even
cleanly, or the client vanished), with the close code as ``status`` and, as ``byte``, the
close reason (``repr``) or the code's name, then who closed first (``'bye' from client``,
``NORMAL from server``, ``GOING AWAY from client``, ``ABNORMAL from client``).
"""

from __future__ import annotations

import logging
from typing import Any

access_logger = logging.getLogger("sanic.access")


# The names Sanic shows for a close code without a reason (other codes: none).
_NAMES = {1000: "NORMAL", 1001: "GOING AWAY", 1006: "ABNORMAL", 1011: "SERVER ERR"}


def log_open(host: str, url: str) -> tuple[str, str]:
    """Log the connection's ``OPEN`` line; what its ``CLOSE`` line needs."""
    target = f" \U0001f50c {url}"
    # The fields in the order of an HTTP access line's (as Sanic).
    extra = {"status": "", "byte": "", "host": host, "request": target, "duration": ""}
    access_logger.info("OPEN", extra=extra)
    return host, target


def log_close(opened: tuple[str, str], ws_proto: Any) -> None:
    """Log how the connection ``opened`` by :func:`log_open` ended."""
    host, target = opened
    rcvd, sent = ws_proto.close_rcvd, ws_proto.close_sent
    if rcvd is None and sent is None:
        message, code, said, side = "CLOSE_ABN", 1006, "", "client"
    else:
        by_client = rcvd is not None and (sent is None or bool(ws_proto.close_rcvd_then_sent))
        frame = rcvd if by_client else sent
        message = "CLOSE" if by_client else "CLOSE_ABN"
        code, said, side = frame.code, frame.reason, "client" if by_client else "server"
    text = repr(said) if said else _NAMES.get(code, "")
    access_logger.info(
        message,
        extra={
            "status": code,
            "byte": f"{text} from {side}",
            "host": host,
            "request": target,
            "duration": "",
        },
    )


__all__ = ["log_close", "log_open"]
