"""The banner's ``packages`` line names sanic-ext as Sanic does: by the import package."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from hurtle_app.app_surface import _sanic_ext_version, motd_packages


@pytest.fixture
def no_sanic_ext_distribution(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No distribution named ``sanic-ext``, and no ``sanic_ext`` imported yet."""
    real_version = metadata.version

    def version(name: str) -> str:
        if name == "sanic-ext":
            raise metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(metadata, "version", version)
    monkeypatch.delitem(sys.modules, "sanic_ext", raising=False)
    _sanic_ext_version.cache_clear()
    yield
    _sanic_ext_version.cache_clear()


def test_a_sanic_ext_without_its_distribution_is_listed_with_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_sanic_ext_distribution: None
) -> None:
    # a fork installed under another name, or a vendored copy: only the package is there
    (tmp_path / "sanic_ext").mkdir()
    (tmp_path / "sanic_ext" / "__init__.py").write_text('__version__ = "9.9.9"\n')
    monkeypatch.syspath_prepend(str(tmp_path))

    assert "sanic-ext==9.9.9" in motd_packages(testing_version="24.6.0", hurtle_version="0")


def test_no_sanic_ext_to_import_lists_none_and_imports_nothing(
    monkeypatch: pytest.MonkeyPatch, no_sanic_ext_distribution: None
) -> None:
    from importlib import util

    real_find_spec = util.find_spec
    monkeypatch.setattr(
        util, "find_spec", lambda name, *a: None if name == "sanic_ext" else real_find_spec(name, *a)
    )

    packages = motd_packages(testing_version="24.6.0", hurtle_version="0")

    assert not any(p.startswith("sanic-ext==") for p in packages)
    assert "sanic_ext" not in sys.modules
