"""``sanic.startup``: start-up helpers."""

__all__: list[str] = []

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
