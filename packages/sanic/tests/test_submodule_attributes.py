"""Submodules are attributes of their package without an import of their own, as after
``import sanic`` in Sanic (``from sanic import handlers; handlers.error.ErrorHandler``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

LIST = Path(__file__).with_name("sanic_module_paths.txt")


def _nested_paths() -> list[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [p.strip() for p in lines if p.strip().count(".") >= 1 and not p.startswith("#")]


def test_every_listed_module_is_reachable_from_a_fresh_import_sanic() -> None:
    paths = _nested_paths()
    assert "sanic.handlers.error" in paths
    script = (
        "import functools, sys, sanic\n"
        "missing = []\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        functools.reduce(getattr, path.split('.')[1:], sanic)\n"
        "    except AttributeError as error:\n"
        "        missing.append(f'{path}: {error}')\n"
        "print('\\n'.join(missing))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *paths],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == ""


def test_attribute_access_gives_the_module_and_unknown_names_still_fail() -> None:
    import sanic.handlers

    assert sanic.handlers.error.ErrorHandler is sanic.handlers.ErrorHandler
    with pytest.raises(AttributeError, match="module 'sanic.handlers' has no attribute 'nope'"):
        _ = sanic.handlers.nope
    with pytest.raises(ImportError):
        from sanic.handlers import nope  # noqa: F401
