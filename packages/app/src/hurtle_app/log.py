"""``sanic.log``: the loggers, ``LOGGING_CONFIG_DEFAULTS``, ``Colors``, ``deprecation``.

Access lines are written by the HTTP core on ``sanic.access`` only when ``ACCESS_LOG``
is on, so logging costs nothing on the request path otherwise.
"""

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
