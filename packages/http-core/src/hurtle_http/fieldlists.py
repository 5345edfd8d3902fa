"""A list-based request field sent on several field lines, read as one list."""

from __future__ import annotations

from typing import Any


def field_lines(headers: Any, name: str) -> str | None:
    """Every field line of ``name`` in ``headers`` joined as one comma-separated list, in
    order (RFC 9110 section 5.3: that is what several lines of a list-based field mean), or
    None without any. ``headers`` without ``getall`` (a plain mapping) gives its one value."""
    getall = getattr(headers, "getall", None)
    if getall is None:
        return headers.get(name)
    values = getall(name, None)
    if not values:
        return None
    return values[0] if len(values) == 1 else ", ".join(values)


__all__ = ["field_lines"]
