"""``sanic.models``: Data types."""

__all__ = []

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
