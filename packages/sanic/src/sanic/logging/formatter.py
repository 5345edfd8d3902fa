"""``sanic.logging.formatter``: Log formatters."""

from hurtle_app.logging.color import LEVEL_COLORS as LEVEL_COLORS
from hurtle_app.logging.formatter import *  # noqa: F403 - the same names, listed there once
from hurtle_app.logging.formatter import __all__ as __all__
from hurtle_app.motd import is_atty as is_atty
from hurtle_http.response import json_dumps as json_dumps
