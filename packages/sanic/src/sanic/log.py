"""``sanic.log``: Loggers and the default logging config."""

from hurtle_app.log import (
    LOGGING_CONFIG_DEFAULTS,
    Colors,
    VerbosityFilter,
    access_logger,
    deprecation,
    error_logger,
    logger,
    server_logger,
    websockets_logger,
)

__all__ = [
    "deprecation",
    "logger",
    "access_logger",
    "error_logger",
    "server_logger",
    "websockets_logger",
    "VerbosityFilter",
    "Colors",
    "LOGGING_CONFIG_DEFAULTS",
]
