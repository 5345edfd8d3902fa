"""The ``Host`` field of a request head, checked as RFC 9112 section 3.2 asks.

A request with more than one ``Host`` field line, or one whose value is not a URI authority
without user information (RFC 3986 section 3.2: ``host [ ":" port ]``), MUST be answered
with a 400: two hosts or a malformed one is how a request meant for one site is read as
another's by a cache or a proxy in front. An empty value is valid (a target without an
authority). An HTTP/1.1 request without ``Host`` is a 400 too (``Http`` checks that once
the head is complete; Sanic serves it).
"""

from __future__ import annotations

import re
import sys

from hurtle_http.exceptions import BadRequest

# reg-name: unreserved, sub-delims and %HH; IP-literal: [IPv6], [IPv6%25zone] (RFC 6874) or
# [vX.future]; port: digits
_AUTHORITY = re.compile(
    rb"(?:\[[0-9A-Za-z:._~!$&'()*+,;=%-]+\]|(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)"
    rb"(?::[0-9]*)?"
)

_HOST = sys.intern("host")

#: Host values (as received) seen valid, each with its field as ``request.headers`` holds it
#: (``("host", value)``); most servers see a handful. Bounded, emptied when full.
VALID_HOSTS: dict[bytes, tuple[str, str]] = {}
_MAX_REMEMBERED = 512


def check_host(value: bytes, *, again: bool = False) -> tuple[str, str]:
    """Raise ``BadRequest`` if this is a second ``Host`` of one head (``again``) or
    ``value`` is not a valid authority; remember a valid one with its field (returned:
    the value without trailing whitespace, RFC 9110 5.5: no part of a field value; llhttp
    keeps it, and leaves none in front), so that the next request with it costs one
    lookup."""
    if again:
        raise BadRequest("Multiple Host headers are not allowed")
    value = value.rstrip(b" \t")
    if _AUTHORITY.fullmatch(value) is None:
        raise BadRequest(f"Invalid Host header: {value.decode('latin-1')!r}")
    if len(VALID_HOSTS) >= _MAX_REMEMBERED:
        VALID_HOSTS.clear()
    field = VALID_HOSTS[value] = (_HOST, value.decode("ascii"))  # (an authority is ASCII)
    return field


def is_authority(value: str) -> bool:
    """Whether ``value`` is a ``host[:port]`` that ``check_host`` accepts (for the authority
    of an absolute-form target, which stands for ``Host``)."""
    return _AUTHORITY.fullmatch(value.encode("utf-8", "surrogateescape")) is not None


__all__ = ["VALID_HOSTS", "check_host", "is_authority"]
