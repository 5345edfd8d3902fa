"""``sanic.touchup.schemes.ode``: Optional dispatch event scheme (never applied)."""

from hurtle_app.touchup import OptionalDispatchEvent, RemoveDispatch

__all__ = ["RemoveDispatch", "OptionalDispatchEvent"]
