"""File responses: ``file`` (read whole), ``file_stream`` (chunked), ``validate_file``
(conditional requests, RFC 9110 §13)."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping, MutableMapping
from datetime import datetime
from mimetypes import guess_type
from os import path as os_path
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

import aiofiles
import aiofiles.os

from hurtle_http.compat import UTC
from hurtle_http.exceptions import SanicException
from hurtle_http.headers import Header
from hurtle_http.httpdate import format_http_date
from hurtle_http.quoting import quoted_pairs
from hurtle_http.response.conditional import (
    evaluate,
    field_value,
    file_modified,
    http_date,
    joined,
    modified_at,
)
from hurtle_http.response.ranges import range_to_send
from hurtle_http.response.types import HTTPResponse, ResponseStream

logger = logging.getLogger("sanic.root")


class Default:
    """Marker for "argument not given" where ``None`` has a meaning of its own."""

    def __repr__(self) -> str:
        return "<Default>"


_default = Default()


# Characters a quoted-string cannot hold (RFC 9110 5.6.4: CTLs other than HTAB).
_NOT_QDTEXT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def content_disposition(filename: str) -> str:
    """An ``attachment`` ``Content-Disposition`` value for ``filename`` (RFC 6266).

    Non-ASCII names, and names with control characters (CR, LF, NUL...), get an ASCII
    fallback with ``?`` in their place plus ``filename*=UTF-8''...`` carrying the exact
    name percent-encoded (RFC 8187), so no name can end the field or add another one
    (Sanic writes the name as is).
    """
    escaped = quoted_pairs(filename)
    if filename.isascii() and not _NOT_QDTEXT.search(filename):
        return f'attachment; filename="{escaped}"'
    fallback = _NOT_QDTEXT.sub("?", escaped.encode("ascii", "replace").decode("ascii"))
    # A name read from disk that is not UTF-8 holds surrogates: send its bytes.
    encoded = quote(filename, safe="", errors="surrogateescape")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


def _content_range(range_: Any) -> str:
    return f"bytes {range_.start}-{range_.end}/{range_.total}"


def _to_utc(value: datetime | float | int) -> datetime:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            return value.replace(tzinfo=UTC)
        return value
    return datetime.fromtimestamp(float(value), tz=UTC)


def _warn_naive(converted: str) -> None:
    logger.warning(
        "Cannot compare tz-aware and tz-naive datetimes. To avoid this conflict Sanic is "
        "converting %s to UTC.",
        converted,
    )


async def validate_file(
    request_headers: Any, last_modified: datetime | float | int
) -> HTTPResponse | None:
    """A ``304 Not Modified`` response if ``If-Modified-Since`` is not older than
    ``last_modified``, else ``None``. A value that is no HTTP-date is ignored (and
    logged), as ``file(request_headers=...)`` ignores it."""
    if_modified_since = joined(request_headers, "if-modified-since")
    if not if_modified_since:
        return None
    since = http_date(if_modified_since)
    if since is None:
        # RFC 9110 13.1.3: a value that is no valid HTTP-date (IMF-fixdate, rfc850 or
        # asctime, in GMT) MUST be ignored. Sanic takes whatever email.utils reads
        # ("+0100", "UTC", no weekday...), and a year past 9999 is its 500.
        logger.warning(
            "Ignorning invalid If-Modified-Since header received: '%s'", if_modified_since
        )
        return None
    if isinstance(last_modified, datetime) and last_modified.utcoffset() is None:
        # As Sanic: a naive time is reported, and taken as UTC.
        _warn_naive("last_modified")
    modified = _to_utc(last_modified).replace(microsecond=0)
    if modified <= since:
        return HTTPResponse(status=304)
    return None


# RFC 9110 section 15.4.5: what a 304 keeps of the 200 it stands for.
_NOT_MODIFIED_KEEPS = ("cache-control", "content-location", "etag", "expires", "vary")


def preconditions(
    request_headers: Any,
    headers: Mapping[str, str],
    last_modified: float | None,
    method: str | None = None,
) -> HTTPResponse | None:
    """The answer to the request's preconditions (RFC 9110 section 13.2.2) for a file
    sent with ``headers`` (its ``ETag``, if any) and modified at ``last_modified``: a
    ``304`` carrying the fields a 304 keeps, None to send the file, or a 412 raised.

    ``method`` defaults to the current request's (GET outside one).
    """
    if method is None:
        method = _current_method(request_headers)
    etag = field_value(headers, "etag")
    modified = None
    if last_modified is not None:
        modified = modified_at(last_modified)
    if_modified_since = joined(request_headers, "if-modified-since")
    if (
        if_modified_since
        and modified is not None
        and method in ("GET", "HEAD")
        and "If-None-Match" not in request_headers
        and http_date(if_modified_since) is None
    ):
        # As Sanic, a value that would have been evaluated is logged.
        logger.warning(
            "Ignorning invalid If-Modified-Since header received: '%s'", if_modified_since
        )
    status = evaluate(request_headers, method=method, etag=etag, last_modified=modified)
    if status is None:
        return None
    if status == 412:
        raise SanicException("Precondition Failed", status_code=412, quiet=True)
    kept = Header((k, v) for k, v in headers.items() if k.lower() in _NOT_MODIFIED_KEEPS)
    return HTTPResponse(status=304, headers=kept)


def _current_method(request_headers: Any) -> str:
    """The method of the request being handled, if ``request_headers`` are its own."""
    from hurtle_http.request.types import Request

    current = Request._current.get(None)
    if current is not None and current.headers is request_headers:
        return current.method
    return "GET"


def _cache_headers(
    headers: MutableMapping[str, str], max_age: float | int | None, no_store: bool | None
) -> None:
    if no_store:
        cache_control = "no-store"
    elif max_age:
        # RFC 9111 1.2.2: max-age is delta-seconds, 1*DIGIT; Sanic writes the number as
        # given (``max-age=1.5``, ``60.0``, ``-5``), which caches may read as no max-age.
        # (Expires first: a NaN or infinite max_age raises what Sanic raises.)
        headers.setdefault("expires", format_http_date(time.time() + max_age))
        cache_control = f"public, max-age={max(int(max_age), 0)}"
    else:
        cache_control = "no-cache"
    headers.setdefault("cache-control", cache_control)


async def file(
    location: str | PurePath,
    status: int = 200,
    request_headers: Any = None,
    validate_when_requested: bool = True,
    mime_type: str | None = None,
    headers: dict[str, str] | None = None,
    filename: str | None = None,
    last_modified: datetime | float | int | Default | None = _default,
    max_age: float | int | None = None,
    no_store: bool | None = None,
    _range: Any = None,
) -> HTTPResponse:
    """A response with the contents of the file at ``location``.

    ``Last-Modified`` comes from the file (or ``last_modified``; ``None`` to omit);
    given ``request_headers``, the request's preconditions (``If-Match``,
    ``If-None-Match`` against an ``ETag`` you pass in ``headers``, ``If-Modified-Since``,
    ``If-Unmodified-Since``) may answer ``304`` or ``412`` (RFC 9110 section 13.2.2).
    ``filename`` adds a ``Content-Disposition: attachment``; ``max_age``/``no_store`` set
    caching; ``_range`` (a ``ContentRangeHandler``) answers ``206`` with that slice.
    """
    fields = Header(headers) if headers else Header()  # a name given twice stays twice
    modified: float | None
    if isinstance(last_modified, datetime):
        modified = _to_utc(last_modified).replace(microsecond=0).timestamp()
    elif isinstance(last_modified, Default):
        stat = await aiofiles.os.stat(location)
        modified = file_modified(stat.st_mtime)
    else:
        modified = last_modified
    if modified:
        fields.setdefault("Last-Modified", format_http_date(modified))
    if filename:
        fields.setdefault("Content-Disposition", content_disposition(filename))
    _cache_headers(fields, max_age, no_store)
    # RFC 9110 13.2.1: preconditions are ignored where the answer would not be a 2xx
    # (a custom 404 page read from a file stays a 404; Sanic may answer it 304).
    if validate_when_requested and request_headers is not None and 200 <= status < 300:
        answer = preconditions(request_headers, fields, modified or None)
        if answer is not None:
            return answer
    name = filename or os_path.split(location)[-1]
    _range = range_to_send(_range, fields)
    async with aiofiles.open(location, mode="rb") as handle:
        if _range:
            await handle.seek(_range.start)
            body = await handle.read(_range.size)
            fields["Content-Range"] = _content_range(_range)
            status = 206
        else:
            body = await handle.read()
    if not mime_type:  # as Sanic, an empty one is guessed too
        guessed = guess_type(name)[0]
        if guessed is None or guessed.startswith("text/"):
            mime_type = f"{guessed or 'text/plain'}; charset=utf-8"
        else:
            mime_type = guessed
    return HTTPResponse(body=body, status=status, headers=fields, content_type=mime_type)


def _body_dropped(stream: Any) -> bool:
    """True once the connection drops what ``stream`` writes (HEAD, 204, 304): reading
    the rest of the file would only be thrown away (an endless one, never finished)."""
    connection = getattr(getattr(stream, "response", None), "stream", None)
    return getattr(connection, "body_dropped", False) is True


async def file_stream(
    location: str | PurePath,
    status: int = 200,
    chunk_size: int = 4096,
    mime_type: str | None = None,
    headers: dict[str, str] | None = None,
    filename: str | None = None,
    _range: Any = None,
) -> ResponseStream:
    """A response that streams the file at ``location`` in ``chunk_size`` pieces
    (chunked transfer); ``_range`` streams only that slice with ``206``."""
    fields = Header(headers) if headers else Header()  # a name given twice stays twice
    if filename:
        fields.setdefault("Content-Disposition", content_disposition(filename))
    name = filename or os_path.split(location)[-1]
    mime_type = mime_type or guess_type(name)[0] or "text/plain"
    _range = range_to_send(_range, fields)
    if _range:
        fields["Content-Range"] = _content_range(_range)
        status = 206

    async def _streaming_fn(response: ResponseStream) -> None:
        async with aiofiles.open(location, mode="rb") as handle:
            if _range:
                await handle.seek(_range.start)
                remaining = _range.size
                while remaining > 0:
                    content = await handle.read(min(remaining, chunk_size))
                    if not content:
                        break
                    remaining -= len(content)
                    await response.write(content)
                    if _body_dropped(response):
                        break
            else:
                while True:
                    content = await handle.read(chunk_size)
                    if not content:
                        break
                    await response.write(content)
                    if _body_dropped(response):
                        break

    return ResponseStream(
        streaming_fn=_streaming_fn, status=status, headers=fields, content_type=mime_type
    )


__all__ = [
    "Default",
    "content_disposition",
    "file",
    "file_stream",
    "preconditions",
    "validate_file",
]
