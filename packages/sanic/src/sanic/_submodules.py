"""Submodules reachable as attributes of their package, loaded on first use.

``import sanic`` in Sanic imports nearly every module as a side effect, so code may write
``sanic.handlers.error.ErrorHandler`` or ``from sanic import handlers; handlers.error``
without importing the submodule itself. Here each package's ``__getattr__`` (PEP 562)
imports such a submodule when it is first asked for, keeping ``import sanic`` cheap.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from types import ModuleType
from typing import Any


def lazy_submodules(package: str) -> Callable[[str], ModuleType]:
    """A module ``__getattr__`` for ``package`` that imports its submodules on demand."""

    def __getattr__(name: str) -> ModuleType:
        if not name.startswith("_"):
            qualified = f"{package}.{name}"
            if importlib.util.find_spec(qualified) is not None:
                return importlib.import_module(qualified)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


def lazy_names(
    module: str,
    names: dict[str, str],
    fallback: Callable[[str], Any] | None = None,
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``module`` giving each of ``names`` (name ->
    ``"module:attribute"``) imported on first use, and asking ``fallback`` (or raising
    ``AttributeError``) for any other name. For names whose import costs every worker
    memory (the ``websockets`` library) while most apps never use them."""

    def __getattr__(name: str) -> Any:
        target = names.get(name)
        if target is not None:
            source, _, attribute = target.partition(":")
            return getattr(importlib.import_module(source), attribute)
        if fallback is not None:
            return fallback(name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__


__all__ = ["lazy_names", "lazy_submodules"]
