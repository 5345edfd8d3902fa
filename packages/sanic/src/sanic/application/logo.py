"""``sanic.application.logo``: the banner logo."""

from hurtle_app.motd import BASE_LOGO, COFFEE_LOGO, get_logo, is_atty

__all__ = ["BASE_LOGO", "COFFEE_LOGO", "get_logo", "is_atty"]
