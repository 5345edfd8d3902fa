"""``sanic.worker``: the worker manager and what runs inside each worker process."""

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
