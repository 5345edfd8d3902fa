"""``sanic.cli``: the ``sanic`` command line (Hurtle's ``hurtle_cli``)."""

__all__: list[str] = []

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
