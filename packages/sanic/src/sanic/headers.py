"""``sanic.headers``: Header parsing helpers."""

from collections.abc import Iterable
from typing import Any

from hurtle_http.accept import AcceptList, Matched, MediaType, parse_accept
from hurtle_http.exceptions import InvalidHeader as InvalidHeader
from hurtle_http.forwarded import (
    fwd_normalize,
    fwd_normalize_address,
    parse_forwarded,
    parse_xforwarded,
)
from hurtle_http.headers import Options as Options
from hurtle_http.headers import (
    format_http1_response,
    parse_content_header,
    parse_credentials,
    parse_host,
)
from hurtle_http.http import STATUS_CODES as STATUS_CODES

#: Header parsing result types, as Sanic annotates them.
OptionsIterable = Iterable[tuple[str, str]]
HeaderIterable = Iterable[tuple[str, Any]]
HeaderBytesIterable = Iterable[tuple[bytes, bytes]]

__all__ = [
    "AcceptList",
    "Matched",
    "MediaType",
    "parse_accept",
    "format_http1_response",
    "parse_content_header",
    "parse_credentials",
    "parse_host",
    "fwd_normalize",
    "fwd_normalize_address",
    "parse_forwarded",
    "parse_xforwarded",
    "HeaderBytesIterable",
    "HeaderIterable",
    "Options",
    "OptionsIterable",
]
