"""Loading Sanic Extensions (the ``sanic-ext`` plugin) onto an app.

``setup_ext(app)`` is what ``AUTO_EXTEND`` runs: when ``sanic-ext`` is importable and the
app has no extensions yet, it creates ``sanic_ext.Extend(app)`` and stores it where
``app.ext`` reads it (``app._ext``). Without ``sanic-ext`` it does nothing, unless
``fail=True`` asks for an error telling the user how to install it.
"""

from __future__ import annotations

import importlib
from typing import Any

INSTALL_HINT = (
    "Sanic Extensions is not installed. You can add it to your environment using:\n"
    "$ pip install sanic-ext"
)


def load_extend_class() -> Any | None:
    """``sanic_ext.Extend``, or ``None`` when ``sanic-ext`` is not installed."""
    try:
        module = importlib.import_module("sanic_ext")
    except ImportError:
        return None
    return getattr(module, "Extend", None)


def setup_ext(app: Any, *, fail: bool = False, **kwargs: Any) -> Any | None:
    """Attach Sanic Extensions to ``app`` once; returns the ``Extend`` object (or ``None``)."""
    existing = getattr(app, "_ext", None)
    if existing is not None:
        return existing
    extend = load_extend_class()
    if extend is None:
        if fail:
            raise RuntimeError(INSTALL_HINT)
        return None
    ext = extend(app, **kwargs)
    # Extend() may already have registered itself through app.extend(); keep one object.
    if getattr(app, "_ext", None) is None:
        object.__setattr__(app, "_ext", ext)
    return app._ext


def auto_extend(app: Any) -> Any | None:
    """Run ``setup_ext`` when ``AUTO_EXTEND`` is on (the default), else nothing."""
    if not getattr(app.config, "AUTO_EXTEND", True):
        return None
    return setup_ext(app)


def display_ext(app: Any) -> None:
    """Let the app's extensions object log what it loaded, as Sanic does at each start.

    sanic-ext's ``Extend._display()`` logs its "Sanic Extensions:" lines (it stays quiet
    by itself inside a worker process, where ``SANIC_WORKER_IDENTIFIER`` is set).
    """
    display = getattr(getattr(app, "_ext", None), "_display", None)
    if callable(display):
        display()


__all__ = ["INSTALL_HINT", "auto_extend", "display_ext", "load_extend_class", "setup_ext"]
