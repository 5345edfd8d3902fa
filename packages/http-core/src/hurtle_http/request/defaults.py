"""Slots that read as a default value until assigned (``Request``'s parsed parts, caches).

A ``Request`` leaves most of its slots unset when it is built (see ``Request.__init__``).
A class-level ``__getattr__`` could supply their defaults, but it would make every
attribute read on every request slower: CPython does not specialise attribute access on
a class with ``__getattr__`` (benchmarks/inproc.py: about 2.7 % of ``GET /``, 4 % of
``POST /echo``). Instead each such slot's descriptor is wrapped in a ``DefaultedSlot``,
and only those slots pay for the default.
"""

from __future__ import annotations

from typing import Any


class DefaultedSlot:
    """A data descriptor over a slot's own descriptor: reads ``default`` while unset."""

    __slots__ = ("_get", "_set", "_delete", "default", "name")

    def __init__(self, member: Any, name: str, default: Any) -> None:
        self._get = member.__get__
        self._set = member.__set__
        self._delete = member.__delete__
        self.name = name
        self.default = default

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        try:
            return self._get(obj, owner)
        except AttributeError:
            return self.default

    def __set__(self, obj: Any, value: Any) -> None:
        self._set(obj, value)

    def __delete__(self, obj: Any) -> None:
        self._delete(obj)

    def __repr__(self) -> str:
        return f"<slot {self.name!r}, {self.default!r} until assigned>"


class FactorySlot(DefaultedSlot):
    """A slot that, read while unset, is assigned a new value made by ``default()`` (a
    container of its own per object, e.g. an empty ``defaultdict``)."""

    __slots__ = ()

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        try:
            return self._get(obj, owner)
        except AttributeError:
            value = self.default()
            self._set(obj, value)
            return value

    def __repr__(self) -> str:
        return f"<slot {self.name!r}, a new {self.default!r} until assigned>"


def install_defaults(
    cls: type, defaults: dict[str, Any], factories: dict[str, Any] | None = None
) -> None:
    """Make each slot of ``cls`` named in ``defaults`` read as its default until assigned,
    and each named in ``factories`` read as a new value its factory makes."""
    for name, default in defaults.items():
        member = cls.__dict__[name]
        setattr(cls, name, DefaultedSlot(member, name, default))
    for name, factory in (factories or {}).items():
        member = cls.__dict__[name]
        setattr(cls, name, FactorySlot(member, name, factory))


__all__ = ["DefaultedSlot", "FactorySlot", "install_defaults"]
