"""The package's declared public API is importable and complete."""

import importlib


def test_every_name_in_all_is_importable() -> None:
    mod = importlib.import_module("sanic")
    missing = [name for name in mod.__all__ if not hasattr(mod, name)]
    assert missing == []


def test_all_has_no_duplicates() -> None:
    mod = importlib.import_module("sanic")
    assert len(mod.__all__) == len(set(mod.__all__))


def test_the_typing_helpers_sanic_exposes_are_there() -> None:
    """``sanic.SimpleNamespace`` and ``sanic.TypeAlias`` are names of Sanic's package
    (code written against Sanic may import them from it)."""
    import types
    import typing

    mod = importlib.import_module("sanic")
    assert mod.SimpleNamespace is types.SimpleNamespace
    assert mod.TypeAlias is typing.TypeAlias
