"""Access-log lines of a websocket connection (``sanic.access``), as Sanic writes them.

``OPEN`` once the handshake is answered; when the connection is gone, ``CLOSE`` if the
closing handshake completed, else ``CLOSE_ABN``, with the close code as ``status`` and, as
``byte``, the close reason (``repr``) or the code's name, then who closed first
(``'bye' from client``, ``NORMAL from server``, ``ABNORMAL from client``).
"""

from __future__ import annotations

import logging
from typing import Any

from websockets.frames import CloseCode

access_logger = logging.getLogger("sanic.access")

_NAMES = {1000: "NORMAL", 1006: "ABNORMAL"}


def _code_name(code: int) -> str:
    name = _NAMES.get(code)
    if name is None:
        try:
            name = CloseCode(code).name.removesuffix("_CLOSURE")
        except ValueError:
            name = "UNKNOWN"
    return name


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
        message = "CLOSE" if rcvd is not None and sent is not None else "CLOSE_ABN"
        code, said, side = frame.code, frame.reason, "client" if by_client else "server"
    text = repr(said) if said else _code_name(code)
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
