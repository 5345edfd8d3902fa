"""Shared fixtures of the ``sanic`` meta-package's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _sanic_environment_restored() -> Iterator[None]:
    """A run leaves ``SANIC_LOG_EXTRA`` in ``os.environ`` (as Sanic's does, for apps and
    plugins to read), which every later ``Config()`` loads as a setting: each test here
    gets back the ``SANIC_*`` variables it started with, so none leaks into the next test
    (nor into another package's tests run in the same process)."""
    saved = {name: value for name, value in os.environ.items() if name.startswith("SANIC_")}
    yield
    for name in [name for name in os.environ if name.startswith("SANIC_")]:
        if name not in saved:
            del os.environ[name]
    os.environ.update(saved)
