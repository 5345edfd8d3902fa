"""``sanic.touchup.meta``: ``TouchUpMeta`` (no-op)."""

from hurtle_app.touchup import TouchUp as TouchUp
from hurtle_app.touchup import TouchUpMeta
from hurtle_http.exceptions import SanicException as SanicException
from sanic.base.meta import SanicMeta as SanicMeta

__all__ = ["TouchUpMeta"]
