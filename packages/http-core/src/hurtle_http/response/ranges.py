"""Byte ranges (RFC 9110 §14): ``ContentRangeHandler`` parses a ``Range`` request header
against a file size, for ``file(..., _range=...)`` and ``file_stream``."""

from __future__ import annotations

import os
from typing import Any

from hurtle_http.exceptions import HeaderNotFound, InvalidRangeType, RangeNotSatisfiable
from hurtle_http.fieldtext import field_text


class ContentRangeHandler:
    """One satisfiable byte range of a resource: ``start``, ``end`` (inclusive), ``size``,
    ``total`` and the ``Content-Range`` header to answer with.

    Raises ``HeaderNotFound`` without a ``Range`` header, ``InvalidRangeType`` (416) for a
    unit other than ``bytes`` and ``RangeNotSatisfiable`` (416) for a malformed or
    unsatisfiable range. An end past the resource is clamped to its last byte and a suffix
    longer than the resource selects all of it (RFC 9110 §14.1.2). Several ranges in one
    header are refused with 416 (no multipart/byteranges).
    """

    __slots__ = ("end", "headers", "size", "start", "total")

    def __init__(self, request: Any, stats: os.stat_result | Any) -> None:
        self.total = stats.st_size
        header = request.headers.get("range")
        if header is None:
            raise HeaderNotFound("Range Header Not Found")
        unit, sep, value = header.strip().partition("=")
        if not sep or unit.strip().lower() != "bytes":  # RFC 9110 14.1: any case
            raise InvalidRangeType(f"{field_text(unit.strip())} is not a valid Range Type", self)
        first, sep, last = value.strip().partition("-")
        first, last = first.strip(), last.strip()
        if not sep or "," in value:
            raise RangeNotSatisfiable(f"'{field_text(value)}' is invalid for Content Range", self)
        for part in (first, last):
            if part and not (part.isascii() and part.isdigit()):
                raise RangeNotSatisfiable(f"'{field_text(part)}' is invalid for Content Range", self)
        if first:
            start = int(first)
            end = int(last) if last else self.total - 1
            end = min(end, self.total - 1)
        elif last:
            suffix = int(last)
            if suffix == 0:
                raise RangeNotSatisfiable("Invalid for Content Range parameters", self)
            start = max(self.total - suffix, 0)
            end = self.total - 1
        else:
            raise RangeNotSatisfiable("Invalid for Content Range parameters", self)
        if start >= self.total or start > end:
            raise RangeNotSatisfiable("Invalid for Content Range parameters", self)
        self.start = start
        self.end = end
        self.size = end - start + 1
        self.headers = {"Content-Range": f"bytes {start}-{end}/{self.total}"}

    def __bool__(self) -> bool:
        return hasattr(self, "size") and self.size > 0


__all__ = ["ContentRangeHandler"]
