"""``sanic.touchup.schemes.ode``: Optional dispatch event scheme (never applied)."""

from hurtle_app.log import logger as logger
from hurtle_app.touchup import BaseScheme as BaseScheme
from hurtle_app.touchup import OptionalDispatchEvent, RemoveDispatch

__all__ = ["RemoveDispatch", "OptionalDispatchEvent"]
