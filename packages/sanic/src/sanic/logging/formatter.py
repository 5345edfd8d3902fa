"""``sanic.logging.formatter``: Log formatters."""

from hurtle_app.logging.color import LEVEL_COLORS as LEVEL_COLORS
from hurtle_app.logging.formatter import (
    AutoAccessFormatter,
    AutoFormatter,
    DebugAccessFormatter,
    DebugFormatter,
    JSONAccessFormatter,
    JSONFormatter,
    LegacyAccessFormatter,
    LegacyFormatter,
    ProdAccessFormatter,
    ProdFormatter,
)
from hurtle_app.motd import is_atty as is_atty
from hurtle_http.response import json_dumps as json_dumps

__all__ = [
    "AutoAccessFormatter",
    "AutoFormatter",
    "DebugAccessFormatter",
    "DebugFormatter",
    "JSONAccessFormatter",
    "JSONFormatter",
    "LegacyAccessFormatter",
    "LegacyFormatter",
    "ProdAccessFormatter",
    "ProdFormatter",
]
