"""``Accept`` header negotiation (RFC 9110 §12.5.1): ``parse_accept`` -> ``AcceptList``."""

from __future__ import annotations

import re
from typing import Any

from typing_extensions import Self

from hurtle_http.exceptions import InvalidHeader
from hurtle_http.fieldtext import field_text

# RFC 9110 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), read with
# any number of decimals (0.1234 and 1.0000 are still plain weights).
_QVALUE = re.compile(r"\s*(0(?:\.[0-9]*)?|1(?:\.0*)?)\s*")


def qvalue(text: str) -> float | None:
    """The weight a ``q`` parameter's value gives (RFC 9110 12.4.2), or None if it is none.

    Only a decimal from 0 to 1 is a weight: a sign, an exponent, ``nan``, ``inf`` or more
    than 1 is not (Sanic reads them as ``float()`` does, so ``q=nan`` or ``q=2`` outranks
    every real weight). The one rule for ``request.accept``, the error page's choice of
    format and the inspector's.
    """
    found = _QVALUE.fullmatch(text)
    return float(found[1]) if found else None


def _weight(params: dict[str, str]) -> str | None:
    """The value of the last ``q`` parameter, named in any case (RFC 9110 5.6.6: ``Q=0``
    is a weight too; Sanic reads only ``q``), else None."""
    weight = None
    for name, value in params.items():
        if name == "q" or name == "Q":
            weight = value
    return weight


class MediaType:
    """One media range of an ``Accept`` header, e.g. ``text/html;level=1;q=0.9``."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, type_: str, subtype: str, /, **params: str) -> None:
        # Positional-only: a media-range parameter may be named anything (RFC 9110 5.6.6),
        # ``subtype``, ``type_`` or ``self`` too, and goes to ``params`` like any other
        # (Sanic's TypeError there makes a handler reading ``request.accept`` a 500).
        self.type = type_
        self.subtype = subtype
        # Types are compared in any case (RFC 9110 8.3.1) but shown as the client wrote
        # them (str(), .type, .mime), as in Sanic.
        self._folded = (type_.lower(), subtype.lower())
        weight = _weight(params)
        self.q = 1.0 if weight is None else float(weight)
        self.params = params
        self.mime = f"{type_}/{subtype}"
        self.key = (
            -self.q,
            -len(self.params),
            self.subtype == "*",
            self.type == "*",
        )

    def __repr__(self) -> str:
        return self.mime + "".join(f";{k}={v}" for k, v in self.params.items())

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        # As Sanic's: equality is of type and subtype only (``"text/html" in
        # request.accept`` holds for ``text/html;level=1``); a string with parameters is
        # refused, match() compares those. Types compare in any case (RFC 9110 8.3.1).
        if isinstance(other, str):
            if ";" in other:
                raise ValueError("Use match() to compare with parameters")
            mt = MediaType._parse(other)
            return mt is not None and self._folded == mt._folded
        if isinstance(other, MediaType):
            return self._folded == other._folded
        return NotImplemented

    def match(self, mime_with_params: str | MediaType) -> MediaType | None:
        """``self`` if it accepts ``mime_with_params`` (wildcards on either side), else ``None``.

        Parameters asked for must be present with the same value in this range, ``q``
        among them (as in Sanic: ``"text/html;q=0.5"`` is accepted only by a range with
        ``q=0.5``).
        """
        mt = (
            MediaType._parse(mime_with_params)
            if isinstance(mime_with_params, str)
            else mime_with_params
        )
        if mt is None:
            return None
        if any(self.params.get(k) != v for k, v in mt.params.items()):
            return None
        (mine, my_sub), (theirs, their_sub) = self._folded, mt._folded
        if theirs != "*" and mine != "*" and theirs != mine:
            return None
        if their_sub != "*" and my_sub != "*" and their_sub != my_sub:
            return None
        return self

    @property
    def has_wildcard(self) -> bool:
        """Whether the type or subtype is ``*``."""
        return "*" in (self.type, self.subtype)

    @classmethod
    def _parse(cls, raw: str) -> MediaType | None:
        mime, *raw_params = raw.split(";")
        type_, sep, subtype = mime.strip().partition("/")
        if not sep or not type_ or not subtype:
            return None
        params: dict[str, str] = {}
        for item in raw_params:
            key, sep, value = item.partition("=")
            if not sep:
                return None
            params[key.strip()] = value.strip()
        weight = _weight(params)
        if weight is not None and qvalue(weight) is None:
            return None  # no weight: malformed, as a q that is no number
        return cls(type_, subtype, **params)


class Matched:
    """The result of ``AcceptList.match``: the chosen ``mime`` and the ``header`` range
    that accepted it; false when nothing matched."""

    def __init__(self, mime: str, header: MediaType | None) -> None:
        self.mime = mime
        self.header = header

    def __repr__(self) -> str:
        return f"<{self} matched {self.header}>" if self else "<no match>"

    def __str__(self) -> str:
        return self.mime

    def __bool__(self) -> bool:
        return self.header is not None

    def __eq__(self, other: Any) -> bool:
        # As Sanic: a string is read as ``Matched.parse`` reads it and is equal when it is
        # the chosen mime as written or its range equals the accepting one by type and
        # subtype (``MediaType.__eq__``: parameters such as q are not compared); two
        # results compare their ranges. Either way both or neither must have a range, so
        # two failed matches (or a failed one and an unparsable string) are equal.
        if isinstance(other, str):
            theirs = Matched.parse(other)
            same = self.mime == other or self.header == theirs.header
        elif isinstance(other, Matched):
            theirs = other
            same = self.header == theirs.header
        else:
            return False
        return same and (self.header is None) == (theirs.header is None)

    __hash__ = None  # type: ignore[assignment]

    def match(self, other: str | Matched) -> Matched | None:
        """``other`` (a string as ``Matched.parse`` reads it) if this result's accepting
        range accepts its range (``MediaType.match``), else ``None``; as in Sanic, a
        result without a range (no match) matches nothing."""
        if isinstance(other, str):
            other = Matched.parse(other)
        if self.header is None or other.header is None:
            return None
        return other if self.header.match(other.header) is not None else None

    @classmethod
    def parse(cls, raw: str) -> Self:
        """A result (of this class) whose mime and header are both ``raw``."""
        return cls(raw, MediaType._parse(raw))


class AcceptList(list):
    """The media ranges of an ``Accept`` header, most preferred first."""

    def match(self, *mimes: str, accept_wildcards: bool = True) -> Matched:
        """The first of ``mimes`` (the handler's order of preference) accepted at the
        client's highest q, with the first range in this list's order that accepts it; a
        false ``Matched`` if none does. As in Sanic, the q decides first, then the
        handler's order, then the ranges' order (specificity among equal q).

        A range with ``q=0`` means "not acceptable" (RFC 9110 §12.4.2) and never matches.
        """
        found: MediaType | None = None
        index = len(mimes)
        for accepted in self:
            if found is not None and accepted.q < found.q:
                break  # sorted by q: the rest are liked less
            if accepted.q == 0 or (not accept_wildcards and accepted.has_wildcard):
                continue
            for i, mime in enumerate(mimes[:index]):
                if accepted.match(mime):
                    found, index = accepted, i
                    break
            if index == 0:
                break
        if found is None:
            return Matched("", None)
        return Matched(mimes[index], found)

    def __str__(self) -> str:
        return ", ".join(str(m) for m in self)


def parse_accept(accept: str | None) -> AcceptList:
    """Parse an ``Accept`` value into an ``AcceptList`` sorted by preference.

    A missing header means ``*/*``. Malformed ranges are skipped; ``InvalidHeader`` (400)
    when there is no valid one.
    """
    if accept is None:
        return AcceptList([MediaType("*", "*")])
    ranges = []
    malformed = False
    for raw in accept.split(","):
        if not raw.strip():
            continue
        mt = MediaType._parse(raw)
        if mt is None:
            # As Sanic: a malformed range among valid ones is skipped (RFC 9110 5.6.1
            # recipients are lenient with list elements); with no valid one, a 400.
            malformed = True
            continue
        ranges.append(mt)
    if malformed and not ranges:
        raise InvalidHeader(f"Invalid header value in Accept: {field_text(accept)}")
    # Not only q: at equal q the more specific range comes first (RFC 9110 §12.5.1).
    return AcceptList(sorted(ranges, key=lambda m: m.key))


__all__ = ["AcceptList", "Matched", "MediaType", "parse_accept", "qvalue"]
