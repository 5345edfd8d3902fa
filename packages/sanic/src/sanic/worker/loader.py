"""``sanic.worker.loader``: find the app in a worker; build its TLS context."""

from __future__ import annotations

import importlib
import logging
import os
import ssl
import sys
from pathlib import Path
from typing import Any

from hurtle_worker.loader import AppLoader as _AppLoader
from hurtle_worker.loader import CertLoader as _CertLoader
from sanic.http.tls.context import process_to_context  # noqa: F401 - as in Sanic
from sanic.http.tls.creators import MkcertCreator as MkcertCreator
from sanic.http.tls.creators import TrustmeCreator as TrustmeCreator

logger = logging.getLogger("sanic.root")


def simple_app(path: Path) -> Any:
    """An app that serves the files of ``path`` (``sanic ./folder --simple``)."""
    from sanic.app import Sanic

    if not path.is_dir():
        raise _not_a_folder(str(path))
    app = Sanic("SimpleServer")
    # As Sanic's simple server: index.html for a folder that has one, else a listing.
    app.static("/", str(path), name="main", index="index.html", directory_view=True)
    return app


def _not_a_folder(name: str) -> Exception:
    from sanic.exceptions import SanicException

    # SanicException, as Sanic's loader raises for a simple server that has no folder
    return SanicException(f"Cannot serve {name!r} as a simple app: it is not a directory.")


class AppLoader(_AppLoader):
    """Load the app a worker serves: ``module:app``, ``module.app``, factory, or folder."""

    def _load_simple(self) -> Any:
        if not Path(self.module_input or ".").resolve().is_dir():
            raise _not_a_folder(self.module_input)
        return super()._load_simple()


_AppLoader.simple_app_factory = staticmethod(simple_app)  # type: ignore[assignment]


class CertLoader(_CertLoader):
    """Build a server TLS context from ``ssl=``: a context, a dict of files, a certificate
    folder, or a list of those (chosen by the client's SNI; a list that starts with
    ``None`` refuses clients whose server name matches none, as ``--tls-strict-host``). ``Sanic(certloader_class=...)`` replaces it;
    a subclass may set ``self._ssl_data`` in ``load`` before calling ``super().load(app)``.
    """

    def __init__(self, ssl_data: Any) -> None:
        super().__init__(ssl_data)
        self._ssl_data = ssl_data
        creator = ssl_data.get("creator") if isinstance(ssl_data, dict) else None
        if creator and creator not in ("mkcert", "trustme"):
            # As Sanic, when the loader is made (the local certificate creators it knows)
            raise RuntimeError(f"Unknown certificate creator: {creator}")

    def load(self, app: Any = None) -> Any:
        """The TLS context (None without TLS). Raises ValueError saying what is wrong."""
        data = self._ssl_data
        if data is None or isinstance(data, ssl.SSLContext):
            return data
        from hurtle_http.server import load_ssl

        if isinstance(data, dict):
            from sanic.http.tls.context import require_cert_and_key

            require_cert_and_key(data)  # an entry missing: TypeError, as Sanic's
            if not (data.get("cert") or data.get("certfile")) or not (
                data.get("key") or data.get("keyfile")
            ):
                raise ValueError("SSL dict needs filenames for cert and key.")
            return load_ssl(data)
        if isinstance(data, str | os.PathLike):
            return load_ssl(_checked_folder(data))
        if not isinstance(data, list | tuple):
            raise ValueError(
                f"Invalid ssl argument {type(data)}. Expecting a list of certdirs, a dict or "
                "an SSLContext."
            )
        from hurtle_http.sni import cert_names, cert_vhosts, sni_context

        entries = []
        vhosts: list[str] = []
        for entry in data:
            if entry is None:
                continue
            if isinstance(entry, str | os.PathLike):
                entry = _checked_folder(entry)
            if isinstance(entry, ssl.SSLContext):
                # A CertSimple made by hand knows its names (as Sanic's selector reads
                # them); a plain context has none: it can only be the default.
                context, known = entry, list(getattr(entry, "sanic", {}).get("names", ()))
                names = {name.lower() for name in known}
            elif isinstance(entry, dict) and "names" in entry:
                # As Sanic: the names a dict gives replace its certificate's, for choosing
                # it by SNI too (not only in conn_info.cert and the vhosts line).
                context, known = CertLoader(entry).load(app), list(entry["names"])
                names = {name.lower() for name in known}
            else:
                context, cert = CertLoader(entry).load(app), _cert_file(entry)
                known, names = cert_vhosts(cert), cert_names(cert)
            entries.append((context, names))
            vhosts.extend(known)
        if not any(names for _, names in entries):
            # As Sanic: a list none of whose certificates has a name selects nothing.
            raise ValueError("No certificates with SubjectAlternativeNames found.")
        logger.info("Certificate vhosts: %s", ", ".join(vhosts))
        return sni_context(entries, strict=data[0] is None)


def _checked_folder(folder: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """A certificate folder that holds ``privkey.pem`` and ``fullchain.pem``."""
    from sanic.http.tls.context import check_cert_dir

    if Path(folder).is_file():
        raise ValueError(f"Certificate folder expected but {folder} is a file.")
    check_cert_dir(folder)
    return folder


def _cert_file(entry: Any) -> Any:
    """The certificate file of an ``ssl`` entry (None for a ready-made context)."""
    if isinstance(entry, dict):
        return entry.get("cert") or entry.get("certfile")
    if isinstance(entry, str | os.PathLike):
        return Path(entry) / "fullchain.pem"
    return None


def find_app(name: str, modules: tuple[str, ...] = ()) -> Any:
    """The registered app ``name`` in this (worker) process, or an error saying why not.

    ``modules`` are where the main process held the app (see ``modules_holding``): when
    importing the main module again did not create it (it was imported inside the
    ``if __name__ == "__main__":`` block), they are imported to find it.
    """
    from sanic.app import Sanic

    app = _registered(Sanic, name)
    if app is not None:
        return app
    for module in modules:
        importlib.import_module(module)
        app = _registered(Sanic, name)
        if app is not None:
            return app
    main = sys.modules.get("__mp_main__") or sys.modules.get("__main__")
    path = getattr(main, "__file__", None) or "your main module"
    known = ", ".join(sorted(Sanic._app_registry)) or "none"
    import multiprocessing

    method = multiprocessing.get_start_method(allow_none=True) or "spawn"
    raise AppNotFound(
        f'App "{name}" was not found in the worker process (apps found: {known}). '
        f"Workers are started with the {method!r} method: each one imports {path} again "
        f"(as __mp_main__), skipping its `if __name__ == \"__main__\":` block, and looks "
        f"the app up by name. Fix: create the app at module level in {path} "
        f'(`app = Sanic("{name}")` outside the __main__ block), or start the server with a '
        "loader that can import it: `Sanic.serve(primary=app, app_loader="
        'AppLoader("module:app"))`, or from the command line `sanic module:app` '
        "(`--factory` for a function that returns the app), or, where fork is available, "
        'set `Sanic.start_method = "fork"` before the run so that workers inherit the app.'
    )


def _registered(sanic: Any, name: str) -> Any:
    """The app registered as ``name``, or None; as ``Sanic.get_app``, a script's
    ``Sanic(__name__)`` (``__main__`` in the main process) is ``__mp_main__`` here."""
    from sanic.exceptions import SanicException

    try:
        return sanic.get_app(name)
    except SanicException:
        return None


def modules_holding(app: Any) -> tuple[str, ...]:
    """The importable modules (not ``__main__``) with ``app`` as a global, for a worker
    to import when the main module does not create it."""
    found = []
    for module_name, module in list(sys.modules.items()):
        if module is None or module_name in ("__main__", "__mp_main__"):
            continue
        namespace = getattr(module, "__dict__", None)
        if isinstance(namespace, dict) and any(v is app for v in list(namespace.values())):
            found.append(module_name)
    return tuple(found)


class AppNotFound(LookupError):
    """The worker could not find the app it was told to serve."""


DEFAULT_APP_NAME = "app"
"""The attribute looked up when a target names only a module (``sanic mymodule``)."""

__all__ = [
    "AppLoader",
    "AppNotFound",
    "CertLoader",
    "find_app",
    "modules_holding",
    "simple_app",
    "DEFAULT_APP_NAME",
]
