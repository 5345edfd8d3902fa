"""``sanic.touchup``: TouchUp: a documented no-op (Hurtle compiles at start-up instead of rewriting source)."""

from hurtle_app.touchup import TouchUp, TouchUpMeta

__all__ = ["TouchUp", "TouchUpMeta"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
