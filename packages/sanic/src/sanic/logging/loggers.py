"""``sanic.logging.loggers``: The loggers."""

from hurtle_app.logging.loggers import (
    VerbosityFilter,
    access_logger,
    error_logger,
    logger,
    server_logger,
    websockets_logger,
)

__all__ = [
    "VerbosityFilter",
    "access_logger",
    "error_logger",
    "logger",
    "server_logger",
    "websockets_logger",
]
