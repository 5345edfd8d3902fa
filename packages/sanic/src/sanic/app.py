"""``sanic.Sanic``: the framework app composed with multi-process running."""

from __future__ import annotations

from hurtle_app import Sanic as _FrameworkSanic


class Sanic(_FrameworkSanic):
    """A Sanic application: the framework's app plus the worker-manager runner."""


__all__ = ["Sanic"]
