"""Conditional requests (RFC 9110 section 13): the preconditions a request carries,
evaluated against a representation's validators, I/O free.

``evaluate`` follows the order of section 13.2.2: ``If-Match``, else
``If-Unmodified-Since`` (412 when false); then ``If-None-Match``, else
``If-Modified-Since`` for GET and HEAD (304 when false, 412 for other methods).
``if_range_holds`` is section 13.1.5. Used by ``file()`` and ``app.static``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from hurtle_http.compat import UTC
from hurtle_http.fieldlists import field_lines
from hurtle_http.httpdate import parse_http_date

# RFC 9110 section 8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, in a list, whose
# empty elements (``, "a"``, ``"a",,"b"``) a recipient MUST ignore (section 5.6.1.2).
_ENTITY_TAG = re.compile(r'[\s,]*(W/)?("[\x21\x23-\x7e\x80-\xff]*")\s*(?:,|$)')

# RFC 9110 section 5.6.7: IMF-fixdate, rfc850-date and asctime-date, nothing else.
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TIME = r"\d\d:\d\d:\d\d"
# (re.ASCII: a DIGIT is ASCII; "\d" alone also reads "٠١", and the parser after it too.)
_IMF_FIXDATE = re.compile(rf"{_DAY}, \d\d {_MONTH} \d{{4}} {_TIME} GMT", re.ASCII)
_RFC850 = re.compile(
    rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    rf"\d\d-{_MONTH}-(\d\d) {_TIME} GMT",
    re.ASCII,
)
_ASCTIME = re.compile(rf"{_DAY} {_MONTH} [ \d]\d {_TIME} \d{{4}}", re.ASCII)


def file_modified(mtime: float) -> float:
    """The modification time a file is sent with: its ``mtime``, or now if that is in
    the future (RFC 9110 8.8.2.1: an origin server MUST NOT send a ``Last-Modified``
    later than the time of the response, and MUST send that time instead; Sanic sends
    the file's)."""
    now = time.time()
    return mtime if mtime <= now else now


def modified_at(timestamp: float) -> datetime:
    """A ``Last-Modified`` time as the aware datetime it is compared as (whole seconds,
    as an HTTP-date carries them)."""
    return datetime.fromtimestamp(int(timestamp), tz=UTC)


def field_value(headers: Mapping[str, str], name: str) -> str | None:
    """The value of field ``name`` (lower case) in a mapping of response fields,
    whatever case its key has; None when absent."""
    return next((v for k, v in headers.items() if k.lower() == name), None)


def http_date(value: str | None) -> datetime | None:
    """The time an HTTP-date names (aware, UTC), or None for anything else: another
    format, a list of dates, a date that does not exist (RFC 9110 section 5.6.7)."""
    if not value:
        return None
    value = value.strip()
    rfc850 = None
    if not (_IMF_FIXDATE.fullmatch(value) or _ASCTIME.fullmatch(value)):
        rfc850 = _RFC850.fullmatch(value)
        if rfc850 is None:
            return None
    try:
        when = parse_http_date(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if when.utcoffset() is None:
        when = when.replace(tzinfo=UTC)
    if rfc850 is not None:
        # A two-digit year more than 50 years ahead is the latest such year in the past.
        year = datetime.now(UTC).year
        full = year - year % 100 + int(rfc850.group(1))
        if full > year + 50:
            full -= 100
        try:
            when = when.replace(year=full)
        except ValueError:  # 29 February of a year without one
            return None
    return when


def _tags(field: str) -> list[tuple[bool, str]] | None:
    """(weak, opaque-tag) of each entity-tag of a list; None if the list is malformed."""
    tags = []
    position = 0
    while position < len(field):
        match = _ENTITY_TAG.match(field, position)
        if match is None:
            if field[position:].strip(" \t,"):
                return None
            break
        tags.append((match.group(1) is not None, match.group(2)))
        position = match.end()
    return tags


def joined(request_headers: Any, name: str) -> str | None:
    """Every field line of ``name`` as one list (RFC 9110 section 5.3), or None. A date
    field sent twice so reads as a list of dates, which is no HTTP-date."""
    if hasattr(request_headers, "getall"):
        return field_lines(request_headers, name)
    value = request_headers.get(name)
    if value is None and hasattr(request_headers, "items"):
        # A plain dict: its keys in any case (``{"If-Modified-Since": ...}``).
        value = field_value(request_headers, name)
    return value


def _any_match(field: str, etag: str | None, *, weak: bool) -> bool:
    """Whether an ``If-Match``/``If-None-Match`` list matches ``etag`` (``*``: any current
    representation). Weak comparison for ``If-None-Match``, strong for ``If-Match``
    (RFC 9110 section 8.8.3.2); a malformed list matches nothing."""
    if field.strip() == "*":
        return True
    if etag is None:
        return False
    current = _tags(etag)
    if not current:
        # An ETag the app wrote without its quotes: compared as it was written.
        bare = etag.strip().removeprefix("W/")
        return any(tag.strip().removeprefix("W/") == bare for tag in field.split(","))
    tags = _tags(field)
    if tags is None:
        return False
    current_weak, opaque = current[0]
    if not weak and current_weak:
        return False
    return any(tag == opaque and (weak or not is_weak) for is_weak, tag in tags)


# RFC 9110 section 13.2.1: methods that neither select nor modify a representation.
_NO_PRECONDITIONS = frozenset(("OPTIONS", "CONNECT", "TRACE"))


def evaluate(
    request_headers: Any,
    *,
    method: str = "GET",
    etag: str | None = None,
    last_modified: datetime | None = None,
) -> int | None:
    """The status that answers the request's preconditions instead of the representation
    (304 or 412), or None to go on (RFC 9110 section 13.2.2).

    ``etag`` is the representation's ``ETag`` value, ``last_modified`` its modification
    time (aware, whole seconds); either may be None when it has none. Methods that
    select no representation (OPTIONS, CONNECT, TRACE) have no preconditions (section
    13.2.1: a server MUST ignore them).
    """
    if method in _NO_PRECONDITIONS:
        return None
    if_match = joined(request_headers, "if-match")
    if if_match is not None:
        if not _any_match(if_match, etag, weak=False):
            return 412
    elif last_modified is not None:
        since = http_date(joined(request_headers, "if-unmodified-since"))
        if since is not None and last_modified > since:
            return 412
    safe = method in ("GET", "HEAD")
    if_none_match = joined(request_headers, "if-none-match")
    if if_none_match is not None:
        if _any_match(if_none_match, etag, weak=True):
            return 304 if safe else 412
    elif safe and last_modified is not None:
        since = http_date(joined(request_headers, "if-modified-since"))
        if since is not None and last_modified <= since:
            return 304
    return None


def if_range_holds(
    if_range: str | None, *, etag: str | None = None, last_modified: datetime | None = None
) -> bool:
    """Whether a ``Range`` may be honoured given ``If-Range`` (RFC 9110 section 13.1.5):
    with none, or one naming the representation by its strong entity-tag or its exact
    modification date; otherwise the whole representation is sent."""
    if if_range is None:
        return True
    value = if_range.strip()
    if value.startswith(('"', "W/")):
        return etag is not None and not value.startswith("W/") and value == etag.strip()
    when = http_date(value)
    return when is not None and last_modified is not None and when == last_modified


__all__ = [
    "evaluate",
    "field_value",
    "file_modified",
    "http_date",
    "if_range_holds",
    "joined",
    "modified_at",
]
