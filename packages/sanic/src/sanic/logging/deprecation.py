"""``sanic.logging.deprecation``: ``deprecation()`` warnings."""

from hurtle_app.logging.color import Colors as Colors
from hurtle_app.logging.deprecation import deprecation
from hurtle_app.motd import is_atty as is_atty

__all__ = ["deprecation"]
