"""``sanic.logging.loggers``: The loggers."""

from hurtle_app.logging.loggers import *  # noqa: F403 - the same names, listed there once
from hurtle_app.logging.loggers import __all__ as __all__
