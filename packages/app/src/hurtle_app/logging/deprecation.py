"""``deprecation(message, version)``: warn about an API Sanic removes in ``version``."""

from __future__ import annotations

from warnings import warn


def deprecation(message: str, version: float) -> None:
    """Emit a ``DeprecationWarning`` prefixed with the version that removes the API.

    As Sanic, the warning is raised from this module, so ``config.DEPRECATION_FILTER``
    (a filter on the framework's modules) decides whether it shows.
    """
    warn(f"[DEPRECATION v{version}] {message}", DeprecationWarning, stacklevel=1)


__all__ = ["deprecation"]
