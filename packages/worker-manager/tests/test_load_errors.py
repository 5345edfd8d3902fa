"""describe_load_error: the user's part of a loading failure's traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hurtle_worker import AppLoader, describe_load_error

BROKEN = {
    "broken_syntax": "x = 1\napp = make(\n",
    "broken_import": "import os\nimport no_such_dependency_here\napp = 1\n",
    "broken_statement": "app = None\nraise ValueError('settings are wrong')\n",
    "broken_factory": "def create_app():\n    return helper()\n"
                      "def helper():\n    raise RuntimeError('no database')\n",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name, source in BROKEN.items():
        (tmp_path / f"{name}.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in BROKEN:
        sys.modules.pop(name, None)


def shown_for(target: str, **options: bool) -> str | None:
    """What describe_load_error shows for loading ``target`` (this file being the caller,
    whose frames are left out as the command line leaves out its own)."""
    with pytest.raises(Exception) as caught:
        AppLoader(target, **options).load()
    return describe_load_error(caught.value, skip=(__file__,))


def test_a_syntax_error_shows_the_file_line_and_caret_only(folder: Path) -> None:
    shown = shown_for("broken_syntax:app")
    assert shown is not None
    assert f'File "{folder / "broken_syntax.py"}", line 2' in shown
    assert "app = make(" in shown and "^" in shown
    assert shown.splitlines()[-1].startswith("SyntaxError:")
    assert "importlib" not in shown and "loader.py" not in shown


def test_an_import_inside_the_module_is_shown_where_it_is(folder: Path) -> None:
    shown = shown_for("broken_import:app")
    assert shown is not None
    assert shown.splitlines()[0] == "Traceback (most recent call last):"
    assert f'File "{folder / "broken_import.py"}", line 2, in <module>' in shown
    assert "import no_such_dependency_here" in shown
    assert shown.endswith("ModuleNotFoundError: No module named 'no_such_dependency_here'")
    assert "importlib" not in shown and "hurtle_worker" not in shown


def test_a_failing_statement_and_a_failing_factory_keep_every_user_frame(folder: Path) -> None:
    statement = shown_for("broken_statement:app")
    assert statement is not None
    assert "raise ValueError('settings are wrong')" in statement
    assert statement.endswith("ValueError: settings are wrong")
    factory = shown_for("broken_factory:create_app", as_factory=True)
    assert factory is not None
    assert "in create_app" in factory and "in helper" in factory
    assert factory.endswith("RuntimeError: no database")
    assert "hurtle_worker" not in factory


def test_the_loaders_own_refusals_have_nothing_to_show(folder: Path) -> None:
    assert shown_for("no_such_module_at_all:app") is None
    (folder / "fine_module.py").write_text("app = 1\n")
    try:
        assert shown_for("fine_module:missing") is None
    finally:
        sys.modules.pop("fine_module", None)


def test_the_callers_own_frames_are_left_out(folder: Path) -> None:
    def caller() -> BaseException:
        try:
            AppLoader("broken_statement:app").load()
        except ValueError as exc:
            return exc
        raise AssertionError("no error")

    exc = caller()
    assert __file__ in "".join(describe_load_error(exc) or "")
    assert "in caller" not in (describe_load_error(exc, skip=(__file__,)) or "")
