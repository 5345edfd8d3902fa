"""The package's declared public API is importable and complete."""

import importlib


def test_every_name_in_all_is_importable() -> None:
    mod = importlib.import_module("hurtle_worker")
    missing = [name for name in mod.__all__ if not hasattr(mod, name)]
    assert missing == []


def test_all_has_no_duplicates() -> None:
    mod = importlib.import_module("hurtle_worker")
    assert len(mod.__all__) == len(set(mod.__all__))
