"""``RequestParameters``: a dict of lists where ``get`` gives the first value.

A leaf module (it imports nothing of ours), so both the request and the cookie modules
can build on it without an import cycle."""

from __future__ import annotations

from typing import Any


class RequestParameters(dict):
    """A ``dict[str, list]`` (query args, form fields, files, cookies).

    ``params.get(key)`` returns the first value, ``params.getlist(key)`` all of them.
    """

    def get(self, name: str, default: Any | None = None) -> Any | None:  # type: ignore[override]
        """The first value of ``name``, or ``default``."""
        values = super().get(name)
        return values[0] if values else default

    def getlist(self, name: str, default: list[Any] | None = None) -> list[Any]:
        """Every value of ``name``, or ``default`` (``[]`` unless given), as in Sanic."""
        values = super().get(name)
        if values is not None:
            return values  # type: ignore[no-any-return]
        return default if default is not None else []


__all__ = ["RequestParameters"]
