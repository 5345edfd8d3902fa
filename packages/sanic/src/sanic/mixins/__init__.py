"""``sanic.mixins``: the decorator families of apps and blueprints.

Hurtle keeps every decorator (routes, static, middleware, listeners, exceptions, signals,
commands) on one registration class shared by ``Sanic`` and ``Blueprint``; each Sanic
mixin name refers to it, so ``isinstance(app, RouteMixin)`` holds and subclassing a mixin
gives the decorators it names.
"""

__all__: list[str] = []

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
