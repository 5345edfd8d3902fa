"""Byte ranges (RFC 9110 §14): ``ContentRangeHandler`` parses a ``Range`` request header
against a file size, for ``file(..., _range=...)``, ``file_stream`` and ``app.static``."""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import Any

from hurtle_http.exceptions import HeaderNotFound, InvalidRangeType, RangeNotSatisfiable
from hurtle_http.fieldtext import field_text
from hurtle_http.response.conditional import (
    field_value,
    file_modified,
    if_range_holds,
    joined,
    modified_at,
)


class ContentRangeHandler:
    """One satisfiable byte range of a resource: ``start``, ``end`` (inclusive), ``size``,
    ``total`` and the ``Content-Range`` header to answer with.

    Raises ``HeaderNotFound`` without a ``Range`` header, ``InvalidRangeType`` (416) for a
    unit other than ``bytes`` (in any case, RFC 9110 §14.1) and ``RangeNotSatisfiable``
    (416, with ``Content-Range: bytes */size``) for a malformed or unsatisfiable range,
    with Sanic's messages. An end past the resource is clamped to its last byte and a
    suffix longer than the resource selects all of it (RFC 9110 §14.1.2). Several ranges
    in one header are refused with 416 (no multipart/byteranges).

    The ``Range`` is ignored (the handler is false, ``file()``/``file_stream()`` send the
    whole file with 200, ``headers`` is empty) for a method other than GET (RFC 9110
    §14.2) and when ``If-Range`` is a date other than the file's modification time or a
    weak entity-tag (§13.1.5). A strong entity-tag is kept in ``if_range_tag``:
    ``file()``/``file_stream()`` send the part only if the ``ETag`` they are given is
    that tag. Sanic honours the ``Range`` whatever ``If-Range`` and the method are.
    """

    __slots__ = ("end", "headers", "if_range_tag", "ignored", "refused", "size", "start", "total")

    def __init__(self, request: Any, stats: os.stat_result | Any) -> None:
        self.total = stats.st_size
        self.ignored = False
        self.if_range_tag: str | None = None
        self.refused: RangeNotSatisfiable | None = None
        header = request.headers.get("range")
        if header is None:
            raise HeaderNotFound("Range Header Not Found")
        holds = _range_holds(request, stats)
        if isinstance(holds, str):
            self.if_range_tag = holds
            try:
                self._parse(header)
            except RangeNotSatisfiable as error:
                # RFC 9110 13.1.5: only an If-Range naming the response's ETag lets the
                # Range count, 416 included; file()/file_stream() know the ETag and raise it
                # then (range_to_send), else send the whole file.
                self.refused = error
                self._ignore()
            return
        if not holds:
            self._ignore()
            return
        self._parse(header)

    def _ignore(self) -> None:
        self.ignored = True
        self.start, self.end, self.size = 0, self.total - 1, self.total
        self.headers: dict[str, str] = {}

    def _parse(self, header: str) -> None:
        unit, _, value = header.partition("=")
        if unit.strip().lower() != "bytes":
            raise InvalidRangeType(f"{field_text(unit)} is not a valid Range Type", self)
        specs = range_specs(value)
        # RFC 9110 5.6.1.2: the empty elements of the range-set list are ignored, so
        # "bytes=0-1," is "bytes=0-1" (Sanic answers 416). Several ranges: read whole, so
        # the 416 names the bad part as Sanic's does.
        first, _, last = (specs[0] if len(specs) == 1 else value.strip()).partition("-")
        start = _position(first, self)
        end = _position(last, self)
        if start is None:
            if end is None:
                raise RangeNotSatisfiable("Invalid for Content Range parameters", self)
            # "bytes=-N": the last N bytes.
            start = max(self.total - end, 0)
            end = self.total - 1
        elif end is None or end >= self.total:
            end = self.total - 1
        if start > end or start >= self.total:
            # RFC 9110 §15.5.17 (Sanic answers a start past the end with an empty 206).
            raise RangeNotSatisfiable("Invalid for Content Range parameters", self)
        self.start = start
        self.end = end
        self.size = end - start + 1
        self.headers = {"Content-Range": f"bytes {start}-{end}/{self.total}"}

    def __bool__(self) -> bool:
        # (A handler carried by its own 416 never got a size.)
        return not self.ignored and hasattr(self, "size") and self.size > 0


def _range_holds(request: Any, stats: Any) -> bool | str:
    """Whether the request's ``Range`` is to be answered: a GET (RFC 9110 §14.2: range
    handling is defined for GET only) whose ``If-Range``, if any, is the file's
    ``Last-Modified`` (§13.1.5; a modification time in the future is sent as now). A
    strong entity-tag in ``If-Range`` is returned, for the response's ``ETag``."""
    if getattr(request, "method", "GET") != "GET":
        return False
    if_range = joined(request.headers, "if-range")  # two lines: a list, no validator
    if if_range is None:
        return True
    if if_range.strip().startswith('"'):
        return if_range.strip()
    mtime = getattr(stats, "st_mtime", None)
    if mtime is None:
        return False
    return if_range_holds(if_range, last_modified=modified_at(file_modified(mtime)))


def range_specs(range_set: str) -> list[str]:
    """The range-specs of a ``Range`` value's range-set (after ``bytes=``): a list (RFC
    9110 14.1.1, ``1#range-spec``), its elements stripped of OWS and the empty ones left
    out (5.6.1.2)."""
    return [spec for spec in (part.strip(" \t") for part in range_set.split(",")) if spec]


def _position(text: str, handler: ContentRangeHandler) -> int | None:
    """One end of a byte range (``None`` if left out); the 416 names the bad part (a second
    range included: ``bytes=0-1,4-5`` names ``1,4-5``, as Sanic)."""
    if not text:
        return None
    # RFC 9110 14.1.1: a position is 1*DIGIT. int() alone also reads "1_0", "+1", " 1"
    # and non-ASCII digits (Sanic serves such ranges); an invalid range-set is rejected.
    if text.isascii() and text.isdigit():
        return int(text)
    raise RangeNotSatisfiable(f"'{field_text(text)}' is invalid for Content Range", handler)


def range_to_send(range_: Any, headers: MutableMapping[str, str]) -> Any:
    """``range_`` (a ``ContentRangeHandler``), or None when it is not to be answered: it
    is false, or its ``If-Range`` names an entity-tag other than the ``ETag`` in
    ``headers`` (strong comparison, RFC 9110 §13.1.5). ``headers`` then loses any
    ``Content-Range`` the caller copied from the handler."""
    tag = getattr(range_, "if_range_tag", None)
    if tag is None:
        return range_ if range_ else None
    etag = field_value(headers, "etag")
    if etag is not None and etag.strip() == tag:
        refused = getattr(range_, "refused", None)
        if refused is not None:
            raise refused
        return range_ if range_ else None
    for name in [k for k in headers if k.lower() == "content-range"]:
        if name in headers:  # a Header deletes every casing at the first
            del headers[name]
    return None


__all__ = ["ContentRangeHandler", "range_specs", "range_to_send"]
