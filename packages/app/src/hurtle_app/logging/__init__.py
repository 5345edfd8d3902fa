"""Logging under Sanic's names: loggers, default config, formatters, filter, colours."""

from hurtle_app.logging.color import Colors
from hurtle_app.logging.default import LOGGING_CONFIG_DEFAULTS
from hurtle_app.logging.deprecation import deprecation
from hurtle_app.logging.filter import VerbosityFilter
from hurtle_app.logging.loggers import (
    access_logger,
    error_logger,
    logger,
    server_logger,
    websockets_logger,
)
from hurtle_app.logging.setup import setup_logging

__all__ = [
    "LOGGING_CONFIG_DEFAULTS",
    "Colors",
    "VerbosityFilter",
    "access_logger",
    "deprecation",
    "error_logger",
    "logger",
    "server_logger",
    "setup_logging",
    "websockets_logger",
]
