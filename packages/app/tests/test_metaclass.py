"""The app and blueprint classes have Sanic's metaclasses (observable through type())."""

from __future__ import annotations

import pytest

from hurtle_app import Blueprint, Sanic
from hurtle_app.meta import SanicMeta
from hurtle_app.touchup import TouchUpMeta


def test_the_classes_have_sanic_metaclasses() -> None:
    # As Sanic: type(Blueprint) is SanicMeta, type(Sanic) is TouchUpMeta (a SanicMeta).
    assert type(Blueprint) is SanicMeta
    assert type(Sanic) is TouchUpMeta and issubclass(TouchUpMeta, SanicMeta)


def test_a_subclass_with_an_unrelated_metaclass_is_refused_as_on_sanic() -> None:
    # A project's `class MainApp(Sanic, metaclass=Singleton)` with `Singleton(type)` fails
    # at import on Sanic (metaclass conflict); it was accepted by Hurtle.
    class Singleton(type):
        pass

    with pytest.raises(TypeError, match="metaclass conflict"):

        class MainApp(Sanic, metaclass=Singleton):  # type: ignore[misc]
            pass

    class Compatible(SanicMeta):
        pass

    class Blueprinted(Blueprint, metaclass=Compatible):
        pass

    assert type(Blueprinted) is Compatible
