"""The framework's loggers, under Sanic's names (``sanic.root``, ``sanic.access`` ...)."""

from __future__ import annotations

import logging

from hurtle_app.logging.filter import VerbosityFilter

_verbosity_filter = VerbosityFilter()

logger = logging.getLogger("sanic.root")
"""General messages (start-up, shutdown)."""
error_logger = logging.getLogger("sanic.error")
"""Errors, with tracebacks."""
access_logger = logging.getLogger("sanic.access")
"""One line per response when ``ACCESS_LOG`` is on."""
server_logger = logging.getLogger("sanic.server")
"""Server and worker process events."""
websockets_logger = logging.getLogger("sanic.websockets")
"""Websocket connection events."""
# As Sanic: WARNING until a logging set-up says otherwise (the default one sets INFO), so
# with ``configure_logging=False`` a root logger at DEBUG does not get every frame.
websockets_logger.setLevel(logging.WARNING)

for _logger in (logger, error_logger, server_logger, websockets_logger):
    _logger.addFilter(_verbosity_filter)

__all__ = [
    "VerbosityFilter",
    "access_logger",
    "error_logger",
    "logger",
    "server_logger",
    "websockets_logger",
]
