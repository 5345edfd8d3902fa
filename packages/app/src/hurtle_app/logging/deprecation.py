"""``deprecation(message, version)``: warn about an API Sanic removes in ``version``."""

from __future__ import annotations

from warnings import warn


def deprecation(message: str, version: float) -> None:
    """Emit a ``DeprecationWarning`` prefixed with the version that removes the API.

    As Sanic, the warning is raised from this module, so ``config.DEPRECATION_FILTER``
    (a filter on the framework's modules) decides whether it shows.
    """
    # As Sanic: no version (None, 0, "") is left out of the prefix, and a message that is
    # not a str is a TypeError.
    prefix = f"[DEPRECATION v{version}] " if version else "[DEPRECATION] "
    warn(prefix + message, DeprecationWarning, stacklevel=1)


__all__ = ["deprecation"]
