"""Every Sanic 25.12 module path in ``sanic_module_paths.txt`` imports under Hurtle."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

LIST = Path(__file__).with_name("sanic_module_paths.txt")


def module_paths() -> list[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_the_list_covers_the_usual_imports() -> None:
    paths = module_paths()
    assert len(paths) == len(set(paths))
    for usual in ("sanic", "sanic.response", "sanic.request", "sanic.exceptions", "sanic.views",
                  "sanic.mixins.routes", "sanic.models.handler_types", "sanic.cookies"):  # fmt: skip
        assert usual in paths


@pytest.mark.parametrize("path", module_paths())
def test_module_path_imports(path: str) -> None:
    module = importlib.import_module(path)
    assert module.__name__ == path
