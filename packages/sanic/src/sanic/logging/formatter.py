"""``sanic.logging.formatter``: Log formatters."""

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
