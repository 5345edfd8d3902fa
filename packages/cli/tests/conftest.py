"""Shared fixtures of the CLI tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def importable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., str]]:
    """``importable(module, source, app_name=None)``: write ``source`` as ``module`` in
    ``tmp_path`` (the working directory, first on ``sys.path``) and return the module name;
    afterwards the module, and the app named ``app_name``, are forgotten."""
    installed: list[tuple[str, str | None]] = []

    def install(module: str, source: str, app_name: str | None = None) -> str:
        (tmp_path / f"{module}.py").write_text(source)
        monkeypatch.chdir(tmp_path)
        monkeypatch.syspath_prepend(str(tmp_path))
        installed.append((module, app_name))
        return module

    yield install
    for module, app_name in installed:
        sys.modules.pop(module, None)
        if app_name is not None:
            from hurtle_app import Sanic

            Sanic._app_registry.pop(app_name, None)
