"""``sanic.touchup.schemes``: Rewrite schemes (never applied)."""

from hurtle_app.touchup import AltSvcCheck as AltSvcCheck
from hurtle_app.touchup import BaseScheme
from hurtle_app.touchup import OptionalDispatchEvent as OptionalDispatchEvent

__all__ = ["BaseScheme"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
