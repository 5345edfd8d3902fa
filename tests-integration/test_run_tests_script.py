"""scripts/run_tests.py picks the runs asked for: packages by folder name, ``integration``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _planned(monkeypatch: pytest.MonkeyPatch, *argv: str) -> list[str]:
    """The names of the runs ``run_tests.py ARGV`` would make (none is made)."""
    spec = importlib.util.spec_from_file_location("run_tests", ROOT / "scripts" / "run_tests.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "run_tests", module)  # (its dataclass looks it up)
    spec.loader.exec_module(module)
    names: list[str] = []

    def fake_run(name, installs, tests):
        names.append(name)
        assert Path(tests).is_dir()
        return module.Outcome(name, 0, 1, 0, 0, 0.0, "")

    monkeypatch.setattr(module, "run", fake_run)
    monkeypatch.setattr(sys, "argv", ["run_tests.py", *argv])
    assert module.main() == 0
    # (the runs start from a thread pool, in whatever order its threads take them)
    return sorted(names, key=lambda name: (name == "integration", name))


def _all_packages() -> list[str]:
    return sorted(
        f"pkg-{p.name}" for p in (ROOT / "packages").iterdir() if (p / "pyproject.toml").is_file()
    )


def test_no_argument_runs_every_package_then_the_integration_tests(monkeypatch) -> None:
    assert _planned(monkeypatch) == [*_all_packages(), "integration"]
    assert _planned(monkeypatch, "--no-integration") == _all_packages()


def test_the_integration_tests_can_be_run_by_name(monkeypatch) -> None:
    assert _planned(monkeypatch, "integration") == ["integration"]
    assert _planned(monkeypatch, "tests-integration/") == ["integration"]
    assert _planned(monkeypatch, "app", "integration") == ["pkg-app", "integration"]
    assert _planned(monkeypatch, "app") == ["pkg-app"]


def test_naming_integration_and_refusing_it_is_an_error(monkeypatch) -> None:
    with pytest.raises(SystemExit, match="^run_tests: .*--no-integration"):
        _planned(monkeypatch, "integration", "--no-integration")


def test_ci_runs_the_readme_test_command() -> None:
    command = "python3 scripts/run_tests.py"
    ci_last = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert ci_last == command
    assert f"{command}     # every package's tests" in (ROOT / "README.md").read_text()
