"""``sanic.touchup.meta``: ``TouchUpMeta`` (no-op)."""

from hurtle_app.touchup import TouchUpMeta

__all__ = ["TouchUpMeta"]
