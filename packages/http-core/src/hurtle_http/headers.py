"""Header containers and header-value parsing: ``Header``, the HTTP/1.1 response head,
``Content-Type``/``Host``/``Authorization`` parsing.

Accept negotiation lives in :mod:`hurtle_http.accept`, proxy headers in
:mod:`hurtle_http.forwarded`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, KeysView
from ipaddress import IPv6Address

from multidict import CIMultiDict

# Sanic keeps Accept and proxy-header parsing in this module (``sanic.headers``); here
# they have modules of their own, re-exported for that import path.
from hurtle_http.accept import AcceptList, Matched, MediaType, parse_accept
from hurtle_http.exceptions import STATUS_CODES
from hurtle_http.forwarded import (
    Options,
    fwd_normalize,
    fwd_normalize_address,
    parse_forwarded,
    parse_xforwarded,
)
from hurtle_http.grammar import TCHAR

HeaderBytesIterable = Iterable[tuple[bytes, bytes]]


class Header(CIMultiDict):
    """Case-insensitive multidict of header fields (request and response).

    ``getone(key)`` gives the first value, ``getall(key)`` every value;
    ``headers.content_type`` reads ``Content-Type`` (all values joined by commas), and
    trailing underscores are dropped, as in Sanic (``headers.from_`` reads ``From``).
    """

    __slots__ = ()

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(f"'Header' object has no attribute '{key}'")
        return ",".join(self.getall(key.rstrip("_").replace("_", "-"), []))

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (alias of ``getall``; empty list when absent)."""
        return self.getall(key, [])

    # As multidict < 7 (which Sanic 25.12 pins): one name per field, in the case it came
    # in. multidict 7 gives each name once, so a field sent twice (or as "A" and "a") would
    # be iterated once. Only iteration and keys() are affected; lookups stay in C.
    def __iter__(self) -> Iterator[str]:
        return iter([name for name, _ in self.items()])

    def keys(self) -> _FieldNames:  # type: ignore[override]
        """The field names, one per field (a name sent twice is there twice)."""
        return _FieldNames(self)


class _FieldNames(KeysView):  # type: ignore[type-arg]
    """``Header.keys()``: a set-like view of the names whose iteration gives one name per
    field, and whose ``in`` is case-insensitive, as multidict 6's keys view."""

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping)  # type: ignore[attr-defined]  # (Header.__iter__)

    def __contains__(self, key: object) -> bool:
        return key in self._mapping  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return len(self._mapping)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<_KeysView({', '.join(repr(name) for name in self)})>"


# PERF: the status lines are encoded once at import; a response head is then one
# b"".join over pre-encoded pieces (text_head in benchmarks/bench_data_side.py).
_HTTP1_STATUSLINES: list[bytes] = [
    b"HTTP/1.1 %d %s\r\n" % (status, STATUS_CODES.get(status, b"UNKNOWN")) for status in range(1000)
]


class InvalidStatus(RuntimeError, IndexError):
    """A status that cannot be written: the RuntimeError a response with a bad status
    raises, and the IndexError Sanic's ``format_http1_response`` raises for one."""


def format_http1_response(status: int, headers: HeaderBytesIterable) -> bytes:
    """The HTTP/1.1 response head (status line, fields, blank line) as one bytes object."""
    if 0 <= status < 1000:
        head = _HTTP1_STATUSLINES[status]
    else:
        # RFC 9110 section 15: a status code is three digits; nothing else can go out.
        raise InvalidStatus(f"Invalid response status {status}")
    # PERF: one join over a flat list; of the variants timed (join of a comprehension,
    # %-formatting, one str encoded at the end) this loop was the fastest.
    parts = [head]
    for name, value in headers:
        parts.append(name + b": " + value + b"\r\n")
    parts.append(b"\r\n")
    return b"".join(parts)


# RFC 9110 5.6.2: a parameter name is an ASCII token ("bé=1" is no parameter, as in Sanic).
_token = rf"{TCHAR}+"
# name = "quoted \" string" | "browser string\" | bare-value
# RFC 9110 5.6.6: no whitespace around "=" (a "name = x" parameter is ignored, as in Sanic).
# A quoted value is first read as an RFC 9110 5.6.4 quoted-string (backslash escapes); when
# that does not end the parameter (no ";" or end after its closing quote), it is read as
# browsers write it (HTML form-data: '"' sent as %22, a backslash sent raw), so the field
# name 'a\' of <input name='a\'> arrives as name="a\"; filename="x" and parses as such.
# The quoted-string is written as an unrolled loop (runs of plain characters between
# escapes), which the re engine scans about 20 times faster than a per-character
# alternation: a multipart part head of megabytes parses in milliseconds.
# An unquoted value is a token (RFC 9110 5.6.6): it ends at the first other character, so
# filename=C:x.txt is "C", and "filename=" or "filename=é" gives no filename (as Sanic).
# Whitespace is ASCII whitespace (re.ASCII): a no-break space after ";" is no OWS
# (RFC 9110 5.6.3), and Sanic reads no parameter there either.
_param = re.compile(
    rf';\s*({_token})='
    r'(?:"([^"\\]*(?:\\.[^"\\]*)*)"(?=\s*(?:;|$))|"([^"]*)"|'
    rf"({TCHAR}+))",
    re.ASCII,
)


# Only \" and \\ are unescaped: browsers send Windows paths (filename="C:\d\x.txt") raw.
def _unescape(quoted: str) -> str:
    # Pairs of backslashes first, then \" in what is left: the same left-to-right reading
    # as a regex substitution (checked on 200,000 random strings), in C string methods
    # instead of a Python call per escape (10 MB of escapes: 0.1 s instead of 6 s).
    return "\\".join([part.replace('\\"', '"') for part in quoted.split("\\\\")])


def parse_content_header(value: str) -> tuple[str, Options]:
    """Split ``text/plain; charset=utf-8`` into ``("text/plain", {"charset": "utf-8"})``.

    Parameter names are lower-cased; quoted values lose their quotes and the escapes of
    ``"`` and ``\\`` (other backslashes are kept, so raw Windows paths survive). The
    escapes browsers use in form-data names and filenames are decoded as in Sanic: ``%22``
    is ``"`` and ``%0D%0A`` a newline.
    """
    pos = value.find(";")
    if pos == -1:
        return value.strip().lower(), {}
    main = value[:pos].strip().lower()
    options: Options = {}
    for match in _param.finditer(value, pos):
        name, quoted, raw, plain = match.groups()
        if quoted is not None:
            text = _unescape(quoted) if "\\" in quoted else quoted
        elif raw is not None:
            text = raw
        else:
            text = plain
        if "%" in text:
            # HTML form-data escapes in names and filenames: '"' as %22, a line break as
            # %0D%0A (the two cannot overlap, so two replaces read as one left-to-right
            # pass would; C speed for a head of megabytes of them).
            text = text.replace("%22", '"').replace("%0D%0A", "\n")
        options[name.lower()] = text
    return main, options


# An empty port ("a.example:") is the scheme's default (RFC 3986 3.2.3 and 6.2.3, RFC 9110
# 4.2.3): the host is a.example and the port None (Sanic: no host at all).
# (The port is ASCII digits: "\d" would read "٣", which a proxy may report in Forwarded.)
_host_re = re.compile(r"((?:\[[0-9a-fA-F:.]+\])|[a-zA-Z0-9.\-_]{1,253})(?::([0-9]{1,5})?)?")


def parse_host(host: str) -> tuple[str | None, int | None]:
    """Split a ``Host`` value into a lower-cased host name and a port (``None`` if invalid)."""
    match = _host_re.fullmatch(host)
    if not match:
        return None, None
    name, port = match.groups()
    if name[0] == "[" and not _is_ipv6(name[1:-1]):
        # RFC 3986 3.2.2: brackets hold an IPv6 address ("[1]", "[a]" are no host, as in
        # Sanic; "[::ffff:1.2.3.4]" is one, which Sanic refuses).
        return None, None
    return name.lower(), int(port) if port is not None else None


def _is_ipv6(text: str) -> bool:
    try:
        IPv6Address(text)
    except ValueError:
        return False
    return True


def parse_credentials(
    header: str | None, prefixes: list | tuple | set | None = None
) -> tuple[str | None, str | None]:
    """Split an ``Authorization`` value into ``(scheme, credentials)``.

    The scheme is recognised only when it is one of ``prefixes`` (default ``Basic``,
    ``Bearer``, ``Token``) followed by whitespace or nothing (``Bearer`` alone gives
    ``("Bearer", "")``, as in Sanic); otherwise it is ``None`` and the whole value is returned.
    The scheme is matched in any case (RFC 9110 11.1: ``bearer x`` is the Bearer scheme) and
    returned as spelled in ``prefixes``. Empty ``prefixes``, or ones that are not a list,
    tuple or set (a lone string), mean the default, as in Sanic.
    """
    if not prefixes or not isinstance(prefixes, (list, tuple, set)):
        prefixes = ("Basic", "Bearer", "Token")
    if header is None:
        return None, None
    for prefix in prefixes:
        if header[: len(prefix)].lower() == prefix.lower():
            rest = header[len(prefix) :]
            # RFC 9110 11.4: the scheme is a whole token, so "Tokens x" is not "Token".
            if not rest or rest[0] in " \t":
                return prefix, rest.strip()
    return None, header


__all__ = [
    "AcceptList",
    "Header",
    "HeaderBytesIterable",
    "Matched",
    "MediaType",
    "Options",
    "format_http1_response",
    "fwd_normalize",
    "fwd_normalize_address",
    "parse_accept",
    "parse_content_header",
    "parse_credentials",
    "parse_forwarded",
    "parse_host",
    "parse_xforwarded",
]
