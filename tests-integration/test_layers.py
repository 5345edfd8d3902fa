"""The import graph between packages follows ARCHITECTURE.md."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_layers", ROOT / "scripts" / "check_layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_package_imports_a_forbidden_or_undeclared_sibling() -> None:
    assert _load_checker().check() == []


def test_checker_reports_a_forbidden_import(tmp_path, monkeypatch) -> None:
    checker = _load_checker()
    fake = tmp_path / "packages" / "router"
    (fake / "src" / "sanic_routing").mkdir(parents=True)
    (fake / "tests").mkdir()
    (fake / "pyproject.toml").write_text('[project]\nname = "hurtle-router"\ndependencies = []\n')
    (fake / "src" / "sanic_routing" / "bad.py").write_text("import hurtle_app\n")
    monkeypatch.setattr(checker, "ROOT", tmp_path)
    monkeypatch.setattr(checker, "LAYERS", {"router": checker.LAYERS["router"]})
    problems = checker.check()
    assert len(problems) == 1
    assert "sanic_routing may not import hurtle_app" in problems[0]
