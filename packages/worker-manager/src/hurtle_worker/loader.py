"""``AppLoader`` (find the app a worker serves) and ``CertLoader`` (its TLS context).

``AppLoader`` knows nothing of any app class: it imports ``module:attr`` or
``module.attr``, calls a factory, or, for ``as_simple``, hands a directory to
``AppLoader.simple_app_factory`` (which the framework sets).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import ssl
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

#: Entry-point group a framework uses to provide the ``--simple`` static app builder.
SIMPLE_APP_ENTRY_POINT = "hurtle_worker.simple_app"


def _simple_app_plugin() -> Callable[[Path], Any] | None:
    from importlib.metadata import entry_points

    for entry_point in entry_points(group=SIMPLE_APP_ENTRY_POINT):
        return entry_point.load()
    return None


_MISSING = object()


class AppNotFoundError(AttributeError, ValueError):
    """The module has no attribute where the input points: an ``AttributeError``, and the
    ``ValueError`` Sanic's loader raises for a bare module name without an ``app``."""


class AppLoader:
    """Load an application: from an import string, a factory, or a static directory."""

    #: Builds a static-file app for a directory (``sanic ./folder --simple``).
    simple_app_factory: ClassVar[Callable[[Path], Any] | None] = None

    def __init__(
        self,
        module_input: str = "",
        as_factory: bool = False,
        as_simple: bool = False,
        args: Any = None,
        factory: Callable[[], Any] | None = None,
    ) -> None:
        self.module_input = module_input
        self.as_factory = as_factory
        self.as_simple = as_simple
        self.args = args
        self.factory = factory
        self.module_name = ""
        self.app_name = ""
        if module_input.endswith("()") and not as_simple:
            # 'server:create_app()' names a factory, as with --factory (Sanic's CLI form).
            module_input = module_input[:-2]
            self.module_input = module_input
            self.as_factory = True
        if module_input and not as_simple and not self._is_folder(module_input):
            self.module_name, self.app_name = self._split(module_input)

    @staticmethod
    def _is_folder(module_input: str) -> bool:
        """A path (with a separator) to a directory: served as a simple static app."""
        if os.sep not in module_input and not module_input.startswith("."):
            return False
        return Path(module_input).is_dir()

    def __repr__(self) -> str:
        if self.factory is not None:
            return f"AppLoader(factory={self.factory!r})"
        return f"AppLoader({self.module_input!r})"

    @staticmethod
    def _split(module_input: str) -> tuple[str, str]:
        if ":" in module_input:
            module_name, _, app_name = module_input.rpartition(":")
        elif "." in module_input and not module_input.endswith(".py"):
            module_name, _, app_name = module_input.rpartition(".")
        else:
            module_name, app_name = module_input, "app"
        if not module_name or not app_name:
            raise ValueError(
                f"Cannot load {module_input!r}: use 'module:app' or 'module.app', for example "
                "'server:app' for an `app` variable in server.py."
            )
        return module_name, app_name

    def load(self) -> Any:
        """Import (or build) and return the application."""
        if self.factory is not None:
            return self.factory()
        if self.as_simple or self._is_folder(self.module_input):
            return self._load_simple()
        if not self.module_name:
            raise ValueError("AppLoader needs a module_input ('module:app') or a factory.")
        module = self._import(self.module_name)
        target = getattr(module, self.app_name, _MISSING)
        if inspect.ismodule(target) or (target is _MISSING and self._dotted_module()):
            # 'path.to.server' names a module whose app is called `app` (Sanic's short form).
            module = target if inspect.ismodule(target) else self._import(self.module_input)
            self.module_name, self.app_name = module.__name__, "app"
            target = getattr(module, "app", _MISSING)
        if target is _MISSING:
            raise AppNotFoundError(
                f"Module {self.module_name!r} ({getattr(module, '__file__', '?')}) has no "
                f"attribute {self.app_name!r}. Point at the variable that holds your app, "
                f"e.g. '{self.module_name}:app', or at a factory with --factory."
            )
        # A plain function is a factory even without --factory, as Sanic's CLI treats it.
        if self.as_factory or inspect.isfunction(target) or inspect.ismethod(target):
            return self._call_factory(target)
        return target

    def _dotted_module(self) -> bool:
        """True when the whole input (``a.b`` with no colon) is an importable module."""
        text = self.module_input
        if ":" in text or "." not in text or text.endswith(".py") or os.sep in text:
            return False
        try:
            return importlib.util.find_spec(text) is not None
        except (ImportError, ValueError):
            return False

    def _call_factory(self, target: Any) -> Any:
        if not inspect.isclass(target) and hasattr(target, "prepare") and hasattr(
            target, "router"
        ):
            # An app instance is callable (ASGI): calling it would fail on its arguments.
            raise TypeError(
                f"{self.module_name}:{self.app_name} is already an app, not a factory; "
                "drop --factory to serve it."
            )
        if not callable(target):
            # ValueError, the type Sanic's loader raises here
            raise ValueError(
                f"{self.module_name}:{self.app_name} is not callable, so it cannot be a "
                "factory; drop --factory to load it as the app itself."
            )
        try:
            params = inspect.signature(target).parameters
        except (TypeError, ValueError):
            params = {}
        required = [name for name, param in params.items()
                    if param.default is param.empty
                    and param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD)]
        if len(required) > 1:
            # Called with the options alone it would fail on the second name, which reads
            # as if the first had been given.
            raise TypeError(
                f"The factory {self.module_name}:{self.app_name} needs {len(required)} "
                f"arguments ({', '.join(required)}); a factory takes none, or one (the "
                "parsed command-line options)."
            )
        return target(self.args) if params else target()

    def _load_simple(self) -> Any:
        path = Path(self.module_input or ".").resolve()
        if not path.is_dir():
            raise ValueError(
                f"Cannot serve {self.module_input!r} as a simple app: it is not a directory."
            )
        factory = (
            type(self).simple_app_factory or AppLoader.simple_app_factory
            or _simple_app_plugin()
        )
        if factory is None:
            raise RuntimeError(
                "Serving a directory needs a framework that builds the static app: install "
                f"one that provides the {SIMPLE_APP_ENTRY_POINT!r} entry point (the `hurtle` "
                "meta-package does), or set AppLoader.simple_app_factory."
            )
        return factory(path)

    @staticmethod
    def _import(module_name: str) -> Any:
        if module_name.endswith(".py") or os.sep in module_name:
            path = Path(module_name).resolve()
            spec = importlib.util.spec_from_file_location(path.stem, path)
            if spec is None or spec.loader is None or not path.is_file():
                raise ImportError(f"Cannot load the file {module_name!r}: it does not exist.")
            module = importlib.util.module_from_spec(spec)
            sys.modules[path.stem] = module
            spec.loader.exec_module(module)
            return module
        cwd = os.getcwd()
        if cwd not in sys.path:
            sys.path.insert(0, cwd)
        try:
            return importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            missing = exc.name or ""
            if missing and (module_name == missing or module_name.startswith(missing + ".")):
                # ModuleNotFoundError, as Sanic's loader raises (callers catch that type)
                raise ModuleNotFoundError(
                    f"No module named {module_name!r} (searched from {cwd}). Run from the "
                    "folder that contains it, or give its dotted path.",
                    name=missing,
                ) from exc
            raise


class CertLoader:
    """Build the ``ssl.SSLContext`` a server uses from a context, a dict or a folder."""

    def __init__(self, ssl_data: ssl.SSLContext | dict[str, Any] | str | os.PathLike | None
                 ) -> None:
        self._data = ssl_data

    def load(self, app: Any = None) -> ssl.SSLContext | None:
        """The server-side TLS context (None when there is no TLS)."""
        data = self._data
        if data is None or isinstance(data, ssl.SSLContext):
            return data
        if isinstance(data, str | os.PathLike):
            folder = Path(data)
            if not folder.is_dir():
                raise ValueError(f"TLS: {data!r} is not a folder with fullchain.pem/privkey.pem")
            data = {"cert": folder / "fullchain.pem", "key": folder / "privkey.pem"}
        if not isinstance(data, dict):
            raise TypeError(f"TLS settings must be an SSLContext, a dict or a folder, not {data!r}")
        cert = data.get("cert") or data.get("certfile")
        key = data.get("key") or data.get("keyfile")
        if not cert or not key:
            raise ValueError("TLS settings need both 'cert' and 'key' file paths")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert), str(key), password=data.get("password"))
        return context


__all__ = ["SIMPLE_APP_ENTRY_POINT", "AppLoader", "AppNotFoundError", "CertLoader"]
