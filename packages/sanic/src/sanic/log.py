"""``sanic.log``: Loggers and the default logging config."""

from hurtle_app.log import *  # noqa: F403 - the same names, listed there once
from hurtle_app.log import __all__ as __all__
