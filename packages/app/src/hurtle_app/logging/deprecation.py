"""``deprecation(message, version)``: warn about an API Sanic removes in ``version``."""

from __future__ import annotations

from warnings import warn


def deprecation(message: str, version: float) -> None:
    """Emit a ``DeprecationWarning`` prefixed with the version that removes the API."""
    warn(f"[DEPRECATION v{version}] {message}", DeprecationWarning, stacklevel=2)


__all__ = ["deprecation"]
