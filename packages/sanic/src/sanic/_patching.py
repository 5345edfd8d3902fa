"""Module attributes that a patch of the ``sanic.*`` path reaches where they are used.

Tests written for Sanic replace a module's global to watch it, e.g.
``monkeypatch.setattr(sanic.http.http1, "access_logger", Mock())`` or
``patch("sanic.app.logging")``. Here those modules re-export names whose users live in a
``hurtle_*`` module, so replacing the re-export alone changes nothing. ``forward_patches``
makes setting (and restoring) one of the listed names on the ``sanic`` module set it on
the modules that use it too; every other attribute behaves as usual.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_FORWARDS = "_hurtle_forwards"


class _ForwardingModule(ModuleType):
    """A module whose listed attributes, when set, are set on their users' modules too."""

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        for target in self.__dict__.get(_FORWARDS, {}).get(name, ()):
            setattr(target, name, value)


def forward_patches(module_name: str, forwards: dict[str, tuple[ModuleType, ...]]) -> None:
    """Setting a name of ``forwards`` on the module ``module_name`` sets it on each module
    listed for it (which must already hold that name)."""
    module = sys.modules[module_name]
    for name, targets in forwards.items():
        for target in targets:
            if not hasattr(target, name):
                raise AttributeError(f"{target.__name__} has no {name!r} to forward to")
    module.__dict__[_FORWARDS] = {name: tuple(targets) for name, targets in forwards.items()}
    module.__class__ = _ForwardingModule


__all__ = ["forward_patches"]
