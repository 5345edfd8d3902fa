"""``sanic.touchup.service``: ``TouchUp`` (no-op)."""

from hurtle_app.touchup import BaseScheme as BaseScheme
from hurtle_app.touchup import TouchUp

__all__ = ["TouchUp"]
