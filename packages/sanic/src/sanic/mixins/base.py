"""``sanic.mixins.base``: naming helpers shared by apps and blueprints."""

from __future__ import annotations

from typing import Protocol

from hurtle_app.registration import Registrar as BaseMixin
from sanic.base.meta import SanicMeta


class NameProtocol(Protocol):
    """Anything with a ``name``."""

    name: str


class DunderNameProtocol(Protocol):
    """Anything with a ``__name__``."""

    __name__: str


__all__ = ["BaseMixin", "DunderNameProtocol", "NameProtocol", "SanicMeta"]
