"""``sanic.base.meta``: the metaclass name of Sanic's app and blueprint classes."""

from __future__ import annotations


class SanicMeta(type):
    """A plain metaclass: Hurtle's classes use no metaclass magic, this name is kept so
    that code naming it (type hints, ``metaclass=SanicMeta``) still works."""


__all__ = ["SanicMeta"]
