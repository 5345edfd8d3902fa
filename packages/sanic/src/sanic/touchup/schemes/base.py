"""``sanic.touchup.schemes.base``: ``BaseScheme``."""

from hurtle_app.touchup import BaseScheme

__all__ = ["BaseScheme"]
