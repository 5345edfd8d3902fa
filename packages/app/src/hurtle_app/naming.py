"""Name rules for apps and blueprints, and the process-wide registry of apps."""

from __future__ import annotations

import re
from typing import Any

from hurtle_http.exceptions import SanicException

#: The name of a script's module, and of the same file imported again by a spawned process.
MAIN_MODULE, SPAWNED_MAIN_MODULE = "__main__", "__mp_main__"

#: What an app or blueprint name may look like.
VALID_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_\-]*$")


def validate_name(kind: str, name: Any) -> str:
    """Return ``name`` if usable for an app/blueprint, else raise a ``SanicException``."""
    if name is None:
        raise SanicException(
            f"{kind} instance cannot be unnamed. Please use "
            "Sanic(name='your_application_name') instead."
        )
    if not isinstance(name, str):
        # Sanic fails here on a TypeError from its name pattern; the same type, saying why.
        raise TypeError(f"{kind} instance name must be a str, got {type(name).__name__} {name!r}")
    if not VALID_NAME.match(name):
        raise SanicException(
            f"{kind} instance named '{name}' uses an invalid format. Names must begin with "
            "a character and may only contain alphanumeric characters, _, or -."
        )
    return name


def generate_name(owner: str, objects: tuple[Any, ...]) -> str:
    """``owner.<name>`` for the first of ``objects`` that has a name.

    A string is a name; otherwise an object's ``name`` attribute, then its ``__name__``.
    A name already under ``owner.`` is kept as is.
    """
    for obj in objects:
        if isinstance(obj, str):
            name = obj
        else:
            name = getattr(obj, "name", None) or getattr(obj, "__name__", None)
        if isinstance(name, str) and name:
            break
    else:
        raise ValueError(
            "Could not generate a name for handler: pass a non-empty string, or an object "
            f"with a name or __name__ (got {objects!r})"
        )
    return name if name.startswith(owner + ".") else f"{owner}.{name}"


class AppRegistry:
    """The apps of this process by name (``Sanic.get_app``)."""

    def __init__(self, apps: dict[str, Any], app_class: type = object) -> None:
        self.apps = apps
        self.app_class = app_class

    def register(self, app: Any, test_mode: bool) -> None:
        """Add ``app``; a second app with the same name is an error outside test mode."""
        if not isinstance(app, self.app_class):
            raise SanicException("Registered app must be an instance of Sanic")
        if app.name in self.apps and not test_mode:
            raise SanicException(f'Sanic app name "{app.name}" already in use.')
        self.apps[app.name] = app

    def unregister(self, app: Any) -> None:
        """Remove ``app`` (if it is the one registered under its name)."""
        if self.apps.get(app.name) is app:
            del self.apps[app.name]

    def get(self, name: str | None, force_create: bool, factory: Any) -> Any:
        """Find an app by name (or the only one); create it when ``force_create``."""
        if name is None:
            if len(self.apps) > 1:
                raise SanicException('Multiple Sanic apps found, use Sanic.get_app("app_name")')
            if len(self.apps) == 1:
                return next(iter(self.apps.values()))
            raise SanicException("No Sanic apps have been registered.")
        try:
            return self.apps[name]
        except KeyError:
            if name == MAIN_MODULE:
                # ``Sanic(__name__)`` in a script run as ``python app.py``: a spawned worker
                # imports that file again as ``__mp_main__``, so the app has that name there.
                return self.get(SPAWNED_MAIN_MODULE, force_create, factory)
            if force_create:
                return factory(name)
            raise SanicException(
                f"Sanic app name '{name}' not found.\n"
                "App instantiation must occur outside if __name__ == '__main__' block or "
                "by using an AppLoader.\nSee https://sanic.dev/en/guide/deployment/"
                "app-loader.html for more details."
            ) from None


__all__ = [
    "MAIN_MODULE",
    "SPAWNED_MAIN_MODULE",
    "VALID_NAME",
    "AppRegistry",
    "generate_name",
    "validate_name",
]
