"""``sanic.base.meta``: the metaclass of Sanic's app and blueprint classes."""

from __future__ import annotations

from hurtle_app.meta import SanicMeta as SanicMeta

__all__ = ["SanicMeta"]
