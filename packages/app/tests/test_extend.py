"""Loading Sanic Extensions: once, only when installed, AUTO_EXTEND respected."""

from __future__ import annotations

import sys
import types
from types import SimpleNamespace
from typing import Any

import pytest

from hurtle_app.extend import INSTALL_HINT, auto_extend, setup_ext


class FakeApp:
    def __init__(self, auto: bool = True) -> None:
        self._ext: Any = None
        self.config = SimpleNamespace(AUTO_EXTEND=auto)


@pytest.fixture
def fake_sanic_ext(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    created: list[Any] = []

    class Extend:
        def __init__(self, app: Any, **kwargs: Any) -> None:
            self.app, self.kwargs = app, kwargs
            created.append(self)

    module = types.ModuleType("sanic_ext")
    module.Extend = Extend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sanic_ext", module)
    return created


def test_without_sanic_ext_nothing_happens_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sanic_ext", None)
    app = FakeApp()
    assert setup_ext(app) is None and app._ext is None
    with pytest.raises(RuntimeError, match="pip install sanic-ext"):
        setup_ext(app, fail=True)
    assert "sanic-ext" in INSTALL_HINT


def test_extensions_are_created_once(fake_sanic_ext: list[Any]) -> None:
    app = FakeApp()
    first = setup_ext(app, built_in_extensions=False)
    assert first is app._ext and first.kwargs == {"built_in_extensions": False}
    assert setup_ext(app) is first
    assert len(fake_sanic_ext) == 1


def test_auto_extend_follows_the_setting(fake_sanic_ext: list[Any]) -> None:
    assert auto_extend(FakeApp(auto=False)) is None
    app = FakeApp(auto=True)
    assert auto_extend(app) is app._ext is not None
