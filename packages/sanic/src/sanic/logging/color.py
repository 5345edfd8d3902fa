"""``sanic.logging.color``: Terminal colours for log output."""

from hurtle_app.logging.color import COLORIZE, LEVEL_COLORS, Colors
from hurtle_app.motd import is_atty as is_atty

__all__ = ["COLORIZE", "LEVEL_COLORS", "Colors"]
