"""``sanic.logging.default``: ``LOGGING_CONFIG_DEFAULTS``."""

from hurtle_app.logging.default import LOGGING_CONFIG_DEFAULTS

__all__ = ["LOGGING_CONFIG_DEFAULTS"]
