"""``sanic.touchup.schemes``: Rewrite schemes (never applied)."""

from hurtle_app.touchup import BaseScheme

__all__ = ["BaseScheme"]
