"""``importlib.metadata`` answers for the distributions whose import names Hurtle provides.

Hurtle is installed as the ``hurtle`` distributions, but code written for Sanic asks for
Sanic's: plugins and test suites call ``importlib.metadata.version("sanic")`` to check
which Sanic they run on (and ``"sanic-routing"``, ``"sanic-testing"``). Without an answer
that is a ``PackageNotFoundError`` although ``import sanic`` works. ``install()`` adds a
finder, after every other one, that describes those distributions with the API level that
Hurtle implements (each package's ``__version__``). A really installed distribution of
the same name is found first and wins.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from functools import cache
from typing import Any

# distribution name -> (its import name, the module whose ``__version__`` is its API level)
_STAND_INS = {
    "sanic": ("sanic", "sanic.__version__"),
    "sanic-routing": ("sanic_routing", "sanic_routing.__about__"),
    "sanic-testing": ("sanic_testing", "sanic_testing.__about__"),
}


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@cache
def _distribution_class() -> type:
    """The ``Distribution`` subclass, made on first use (``importlib.metadata`` is only
    needed once something asks it)."""
    import os
    from importlib.metadata import Distribution
    from pathlib import Path

    class StandInDistribution(Distribution):
        """A distribution's metadata made from the API level of the package standing in."""

        def __init__(self, name: str, package: str, module: str) -> None:
            self._name = name
            self._package = package
            self._module = module

        def read_text(self, filename: str) -> str | None:
            if filename == "top_level.txt":
                return self._package + "\n"
            if filename not in ("METADATA", "PKG-INFO"):
                return None  # no files, entry points or requirements of its own
            version = importlib.import_module(self._module).__version__
            return (
                f"Metadata-Version: 2.1\nName: {self._name}\nVersion: {version}\n"
                "Summary: provided by Hurtle\n"
            )

        def locate_file(self, path: str | os.PathLike[str]) -> Path:
            return Path(__file__).parent.parent / path

    return StandInDistribution


class StandInFinder:
    """A ``sys.meta_path`` entry that finds no modules, only the stand-in distributions
    (``importlib.metadata`` asks every entry's ``find_distributions``)."""

    @classmethod
    def find_spec(cls, *args: Any, **kwargs: Any) -> None:
        return None

    @classmethod
    def find_distributions(cls, context: Any = None) -> Iterator[Any]:
        wanted = getattr(context, "name", None)
        for name, (package, module) in _STAND_INS.items():
            if wanted is None or _normalize(wanted) == name:
                yield _distribution_class()(name, package, module)


def install() -> None:
    """Add the finder at the end of ``sys.meta_path`` (once)."""
    if StandInFinder not in sys.meta_path:
        sys.meta_path.append(StandInFinder)
