"""``sanic.application.motd``: the start-up banner."""

from hurtle_app.motd import MOTD, MOTDTTY, MOTDBasic, is_atty, logger

__all__ = ["MOTD", "MOTDTTY", "MOTDBasic", "is_atty", "logger"]
