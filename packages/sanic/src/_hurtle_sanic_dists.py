"""``importlib.metadata`` answers for the distributions whose import names Hurtle provides.

Hurtle is installed as the ``hurtle`` distributions, but code written for Sanic asks for
Sanic's: plugins and test suites call ``importlib.metadata.version("sanic")`` to check
which Sanic they run on (and ``"sanic-routing"``, ``"sanic-testing"``), some of them before
anything imports ``sanic`` (OpenTelemetry's instrumentors check it before patching).
``install()`` adds a finder, after every other one, that describes those distributions
with the API level that Hurtle implements (each package's ``__about__.__version__``). A
really installed distribution of the same name is found first and wins.

This is a top-level module, loaded at interpreter start-up by the ``hurtle-sanic-dists.pth``
file installed beside it: it imports nothing at load time, and reading a version neither
imports the package nor runs its code (the ``__about__.py`` file is read as text).
"""

import sys

# distribution name -> its import name (whose ``__about__.py`` holds ``__version__``)
_STAND_INS = {
    "sanic": "sanic",
    "sanic-routing": "sanic_routing",
    "sanic-testing": "sanic_testing",
}
_CLASS: list[type] = []  # the Distribution subclass, made on first use
# Whether a listing of every distribution (``distributions()``, ``packages_distributions()``)
# includes the stand-ins: only once ``import sanic`` ran. Before that only a lookup by name
# (``version("sanic")``, ``distribution("sanic")``) finds them, so tools that list a venv's
# distributions without importing Sanic (installers, checks that no real Sanic came in)
# see only what is installed.
_LISTED: list[bool] = []


def _normalize(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _api_level(package: str) -> str | None:
    """``__version__`` from the package's ``__about__.py``, without importing the package."""
    import importlib.util
    import re
    from pathlib import Path

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        about = Path(folder) / "__about__.py"
        if about.is_file():
            found = re.search(r'^__version__ = "([^"]+)"', about.read_text(), re.MULTILINE)
            if found:
                return found.group(1)
    return None


def _distribution_class() -> type:
    """The ``Distribution`` subclass (``importlib.metadata`` is loaded only when asked)."""
    if _CLASS:
        return _CLASS[0]
    import os
    from importlib.metadata import Distribution
    from pathlib import Path

    class StandInDistribution(Distribution):
        """A distribution's metadata made from the API level of the package standing in."""

        def __init__(self, name: str, package: str, version: str) -> None:
            self._name = name
            self._package = package
            self._version = version

        def read_text(self, filename: str) -> str | None:
            if filename == "top_level.txt":
                return self._package + "\n"
            if filename not in ("METADATA", "PKG-INFO"):
                return None  # no files, entry points or requirements of its own
            return (
                f"Metadata-Version: 2.1\nName: {self._name}\nVersion: {self._version}\n"
                "Summary: provided by Hurtle\n"
            )

        def locate_file(self, path: str | os.PathLike[str]) -> Path:
            return Path(__file__).parent / path

    _CLASS.append(StandInDistribution)
    return StandInDistribution


class StandInFinder:
    """A ``sys.meta_path`` entry that finds no modules, only the stand-in distributions
    (``importlib.metadata`` asks every entry's ``find_distributions``)."""

    @classmethod
    def find_spec(cls, *args: object, **kwargs: object) -> None:
        return None

    @classmethod
    def find_distributions(cls, context: object = None) -> list[object]:
        wanted = getattr(context, "name", None)
        if wanted is None and not _LISTED:
            return []
        found = []
        for name, package in _STAND_INS.items():
            if wanted is None or _normalize(wanted) == name:
                version = _api_level(package)
                if version is not None:  # the package is importable here
                    found.append(_distribution_class()(name, package, version))
        return found


def install(listed: bool = False) -> None:
    """Add the finder at the end of ``sys.meta_path`` (once); with ``listed``, listings of
    every distribution include the stand-ins from now on (``import sanic`` asks for it)."""
    if listed and not _LISTED:
        _LISTED.append(True)
    if StandInFinder not in sys.meta_path:
        sys.meta_path.append(StandInFinder)
