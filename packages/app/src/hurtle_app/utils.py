"""Configuration helpers: ``str_to_bool`` and loading a module from a file location."""

from __future__ import annotations

import re
import types
from importlib.util import module_from_spec, spec_from_file_location
from os import environ as os_environ
from pathlib import Path
from typing import Any

from hurtle_app.helpers import import_string
from hurtle_http.exceptions import LoadFileException, PyFileError

_TRUE = frozenset(["y", "yes", "yep", "yup", "t", "true", "on", "enable", "enabled", "1"])
_FALSE = frozenset(["n", "no", "f", "false", "off", "disable", "disabled", "0", "nope"])
_ENV_VAR = re.compile(r"\$\{([^}]*)\}")


def str_to_bool(val: str) -> bool:
    """Read a truth value written as text: ``yes``/``no``, ``true``/``false``, ``1``/``0`` ..."""
    low = val.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ValueError(f"Invalid truth value {val}")


def _expand_env_vars(location: str) -> str:
    """Replace every ``${NAME}`` in ``location`` by that environment variable."""
    missing = [name for name in _ENV_VAR.findall(location) if name not in os_environ]
    if missing:
        raise LoadFileException(
            f"The following environment variables are not set: {', '.join(missing)}"
        )
    return _ENV_VAR.sub(lambda m: os_environ[m.group(1)], location)


def load_module_from_file_location(
    location: bytes | str | Path, encoding: str = "utf8", *args: Any, **kwargs: Any
) -> Any:
    """Load a Python file (path, ``${ENV}``-expanded string, bytes) or an import string.

    A ``Path``, or a string with a ``/``, is a file: a ``.py`` file is imported (what it
    raises propagates), any other file is executed as Python source (failures are a
    ``PyFileError``; a file that cannot be read keeps its ``OSError`` type). A string
    without ``/`` is an import string (``"package.settings"``). ``LoadFileException`` when
    an environment variable in the path is unset.
    """
    if isinstance(location, bytes):
        location = location.decode(encoding)
    if isinstance(location, str) and "$" in location:
        location = _expand_env_vars(location)
    if not isinstance(location, (str, Path)):
        raise TypeError(
            f"a config location is a str, bytes or Path, not {type(location).__name__}"
        )
    if isinstance(location, str) and "/" not in location:
        if "." not in location:
            raise OSError(f"Unable to load configuration {location}")
        return import_string(location)
    if str(location).endswith(".py"):
        path = str(location)
        spec = spec_from_file_location(Path(path).stem, path, *args, **kwargs)
        if spec is None or spec.loader is None:
            raise OSError(f"Unable to load configuration {location}")
        module = module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    module = types.ModuleType("config")
    module.__file__ = str(location)
    try:
        with open(location, encoding=encoding) as config_file:
            source = config_file.read()
    except OSError as error:
        raise type(error)(
            error.errno, "Unable to load configuration file (e.strerror)", error.filename
        ) from None
    try:
        exec(compile(source, str(location), "exec"), module.__dict__)
    except Exception as error:
        raise PyFileError(str(location)) from error
    return module


__all__ = ["load_module_from_file_location", "str_to_bool"]
