"""``sanic.logging.deprecation``: ``deprecation()`` warnings."""

from hurtle_app.logging.deprecation import deprecation

__all__ = ["deprecation"]
