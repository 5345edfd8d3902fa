"""``sanic.logging.color``: Terminal colours for log output."""

from hurtle_app.logging.color import COLORIZE, LEVEL_COLORS, Colors

__all__ = ["COLORIZE", "LEVEL_COLORS", "Colors"]
