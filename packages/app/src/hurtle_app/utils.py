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

    Returns the module (or the object an import string names). Raises
    ``LoadFileException`` when an environment variable in the path is unset,
    ``PyFileError`` when the file fails to execute and ``OSError`` when it can't be found.
    """
    if isinstance(location, bytes):
        location = location.decode(encoding)
    if isinstance(location, str) and "$" in location:
        location = _expand_env_vars(location)
    if isinstance(location, str) and not (
        "/" in location or location.endswith(".py") or Path(location).is_file()
    ):
        try:
            return import_string(location)
        except (ImportError, ValueError, AttributeError) as error:
            raise OSError(f"Unable to load configuration {location}") from error
    path = Path(location)
    if not path.is_file():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    if path.suffix == ".py":
        spec = spec_from_file_location(path.stem, str(path), *args, **kwargs)
        if spec is None or spec.loader is None:
            raise OSError(f"Unable to load configuration {location}")
        module = module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            raise PyFileError(str(path)) from error
        return module
    module = types.ModuleType("config")
    module.__file__ = str(path)
    try:
        source = path.read_text(encoding=encoding)
        exec(compile(source, str(path), "exec"), module.__dict__)
    except Exception as error:
        raise PyFileError(str(path)) from error
    return module


__all__ = ["load_module_from_file_location", "str_to_bool"]
