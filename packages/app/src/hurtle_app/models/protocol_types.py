"""Structural types: HTML-producing objects, byte ranges, transports."""

from __future__ import annotations

from asyncio import BaseTransport
from typing import Any, Protocol


class HTMLProtocol(Protocol):
    """An object that renders itself as HTML (``__html__`` or ``_repr_html_``)."""

    def __html__(self) -> str | bytes: ...

    def _repr_html_(self) -> str | bytes: ...


class Range(Protocol):
    """A byte range of a file response."""

    start: int | None
    end: int | None
    size: int | None
    total: int | None
    __slots__ = ()


class TransportProtocol(BaseTransport):
    """An asyncio transport as the server uses it."""

    __slots__ = ()

    def get_extra_info(self, name: str, default: Any = None) -> Any: ...


__all__ = ["HTMLProtocol", "Range", "TransportProtocol"]
