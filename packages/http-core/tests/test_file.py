"""File responses: file, file_stream, validate_file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from hurtle_http.compat import UTC
from hurtle_http.headers import Header
from hurtle_http.response import (
    ContentRangeHandler,
    HTTPResponse,
    file,
    file_stream,
    validate_file,
)

CONTENT = b"hello world, this is a file\n"
MTIME = 1700000000
MTIME_HTTP = "Tue, 14 Nov 2023 22:13:20 GMT"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "f.txt"
    target.write_bytes(CONTENT)
    os.utime(target, (MTIME, MTIME))
    return target


async def test_file_defaults(path: Path) -> None:
    response = await file(path)
    assert (response.status, response.body) == (200, CONTENT)
    assert response.content_type == "text/plain; charset=utf-8"
    assert list(response.headers.items()) == [
        ("Last-Modified", MTIME_HTTP),
        ("cache-control", "no-cache"),
    ]


async def test_file_options(path: Path) -> None:
    response = await file(path, filename="a.json", max_age=60, headers={"X": "1"}, status=201)
    assert response.status == 201
    assert response.content_type == "application/json"
    assert response.headers["Content-Disposition"] == 'attachment; filename="a.json"'
    assert response.headers["cache-control"] == "public, max-age=60"
    assert "expires" in response.headers and response.headers["X"] == "1"
    assert (await file(path, no_store=True)).headers["cache-control"] == "no-store"
    assert (await file(path, mime_type="text/x")).content_type == "text/x"
    assert "Last-Modified" not in (await file(path, last_modified=None)).headers
    dated = await file(path, last_modified=datetime(2020, 1, 1, tzinfo=UTC))
    assert dated.headers["Last-Modified"] == "Wed, 01 Jan 2020 00:00:00 GMT"


async def test_non_ascii_filename_gets_rfc6266_encoding(path: Path) -> None:
    response = await file(path, filename="x ü.txt")
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"x ?.txt\"; filename*=UTF-8''x%20%C3%BC.txt"
    )


@pytest.mark.parametrize(
    ("name", "fallback", "encoded"),
    [
        ("a\r\nSet-Cookie: x=1", "a??Set-Cookie: x=1", "a%0D%0ASet-Cookie%3A%20x%3D1"),
        ("a\x00b\x7f", "a?b?", "a%00b%7F"),
        ('d\u00e9\n"q"', 'd??\\"q\\"', "d%C3%A9%0A%22q%22"),
        ("\udcff.bin", "?.bin", "%FF.bin"),
    ],
)
async def test_a_filename_with_control_characters_cannot_break_the_header(
    path: Path, name: str, fallback: str, encoded: str
) -> None:
    # Sanic writes CR/LF from the name into the head (an injected Set-Cookie); the name
    # is carried percent-encoded in filename* (RFC 6266/8187), a surrogate (a name read
    # from disk that is not UTF-8) as its byte.
    for response in (await file(path, filename=name), await file_stream(path, filename=name)):
        assert response.headers["Content-Disposition"] == (
            f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
        )


async def test_an_empty_mime_type_is_guessed_like_none(path: Path) -> None:
    """As Sanic: mime_type="" is no type (it went out as an empty content-type)."""
    assert (await file(path, mime_type="")).content_type == "text/plain; charset=utf-8"
    named = await file(path, mime_type="", filename="x.tar.gz")
    assert named.content_type == "application/x-tar"


async def test_unknown_extension_is_text_plain(tmp_path: Path) -> None:
    target = tmp_path / "f.unknownext"
    target.write_bytes(b"x")
    assert (await file(target)).content_type == "text/plain; charset=utf-8"


async def test_if_modified_since(path: Path) -> None:
    not_modified = await file(path, request_headers=Header({"If-Modified-Since": MTIME_HTTP}))
    assert (not_modified.status, not_modified.body) == (304, b"")
    older = Header({"If-Modified-Since": "Tue, 14 Nov 2023 22:13:19 GMT"})
    assert (await file(path, request_headers=older)).status == 200
    garbage = Header({"If-Modified-Since": "garbage"})
    assert (await file(path, request_headers=garbage)).status == 200
    # A year past a C int: no valid HTTP-date, ignored (RFC 9110 13.1.3; Sanic: 500).
    for year in ("9999999999", "9" * 5000):
        huge = Header({"If-Modified-Since": f"Sun, 06 Nov {year} 08:49:37 GMT"})
        assert (await file(path, request_headers=huge)).status == 200
    unvalidated = await file(
        path,
        request_headers=Header({"If-Modified-Since": MTIME_HTTP}),
        validate_when_requested=False,
    )
    assert unvalidated.status == 200


async def test_if_none_match_against_a_given_etag(path: Path) -> None:
    tagged = {"ETag": '"v1"'}
    hit = await file(path, headers=tagged, request_headers=Header({"If-None-Match": 'W/"v1"'}))
    assert (hit.status, hit.headers["ETag"]) == (304, '"v1"')
    miss = await file(path, headers=tagged, request_headers=Header({"If-None-Match": '"v2"'}))
    assert miss.status == 200 and miss.body == CONTENT


async def test_a_field_given_twice_in_headers_goes_out_twice(path: Path) -> None:
    # difffuzz16: `headers=Header([...])` with one name twice (two `Vary`, two `Link`)
    # lost all but one value in file() and file_stream(), unlike every other helper.
    given = Header([("X-Twice", "1"), ("x-twice", "2"), ("Vary", "a"), ("Vary", "b")])
    sent = await file(path, headers=given)
    assert sent.headers.getall("x-twice") == ["1", "2"]
    streamed = await file_stream(path, headers=given)
    assert streamed.headers.getall("x-twice") == ["1", "2"]
    not_modified = await file(
        path, headers=given, request_headers=Header({"If-Modified-Since": MTIME_HTTP})
    )
    assert not_modified.status == 304
    assert not_modified.headers.getall("vary") == ["a", "b"]
    assert given.getall("x-twice") == ["1", "2"] and "Last-Modified" not in given
    # A singleton field given in another case than the helper's goes out once, the
    # handler's value (RFC 9110 5.3; Sanic sends both lines).
    own = await file(
        path, filename="a.txt", headers={"last-modified": "x", "content-disposition": "inline"}
    )
    assert own.headers.getall("Last-Modified") == ["x"]
    assert own.headers.getall("Content-Disposition") == ["inline"]


async def test_file_range(path: Path) -> None:
    rng = ContentRangeHandler(
        SimpleNamespace(headers=Header({"Range": "bytes=2-5"})), os.stat(path)
    )
    response = await file(path, _range=rng)
    assert (response.status, response.body) == (206, b"llo ")
    assert response.headers["Content-Range"] == "bytes 2-5/28"


async def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        await file(tmp_path / "nope.txt")


async def test_validate_file() -> None:
    headers = Header({"If-Modified-Since": MTIME_HTTP})
    assert isinstance(await validate_file(headers, MTIME), HTTPResponse)
    assert await validate_file(headers, MTIME + 1) is None
    assert await validate_file(Header(), MTIME) is None
    naive = datetime(2023, 11, 14, 22, 13, 20)
    assert (await validate_file(headers, naive)).status == 304  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("since", "last_modified", "converted"),
    [
        ("Sat, 01 Apr 2023 00:00:00 GMT", 1672524000, None),
        ("Sat, 01 Apr 2023 00:00:00 GMT", datetime(2023, 1, 1), "last_modified"),
        ("Sat, 01 Apr 2023 00:00:00 GMT", datetime(2023, 1, 1, tzinfo=UTC), None),
        ("Sat Apr  1 00:00:00 2023", datetime(2023, 1, 1, tzinfo=UTC), None),  # asctime: GMT
    ],
)
async def test_validate_file_reports_mixing_naive_and_aware_times(
    since: str, last_modified: Any, converted: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="sanic.root"):
        response = await validate_file(Header({"If-Modified-Since": since}), last_modified)
    assert response is not None and response.status == 304
    messages = [r.getMessage() for r in caplog.records]
    if converted is None:
        assert messages == []
    else:
        assert len(messages) == 1 and f"converting {converted} to UTC" in messages[0]
        assert caplog.records[0].levelname == "WARNING"


@pytest.mark.parametrize(
    "since",
    [
        "Sat, 01 Apr 2023 00:00:00",  # no zone
        "Sat, 01 Apr 2023 00:00:00 +0000",
        "Sat, 01 Apr 2023 00:00:00 UTC",
        "sat, 01 apr 2023 00:00:00 gmt",
        "01 Apr 2023 00:00:00 GMT",
        "Sat, 1 Apr 2023 00:00:00 GMT",
        "Sat, 01 Apr 2023 00:00:00 GMT, Sun, 02 Apr 2023 00:00:00 GMT",
    ],
)
async def test_validate_file_ignores_what_is_no_http_date_as_file_does(
    path: Path, since: str, caplog: pytest.LogCaptureFixture
) -> None:
    # RFC 9110 13.1.3: an If-Modified-Since that is no valid HTTP-date MUST be ignored.
    # file(request_headers=) ignored these; validate_file took them as dates (as Sanic
    # does for both) and answered 304.
    headers = Header({"If-Modified-Since": since})
    with caplog.at_level("WARNING", logger="sanic.root"):
        assert await validate_file(headers, 1672524000) is None
        assert (await file(path, request_headers=headers, last_modified=1672524000)).status == 200
    assert [r.getMessage() for r in caplog.records] == [
        f"Ignorning invalid If-Modified-Since header received: '{since}'"
    ] * 2


class Collector:
    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    async def write(self, data: bytes) -> None:
        self.chunks.append(data)


async def test_file_stream_chunks(path: Path) -> None:
    stream = await file_stream(path, chunk_size=10, filename="q.txt", headers={"A": "b"})
    assert (stream.status, stream.content_type) == (200, "text/plain")
    assert list(stream.headers.items()) == [
        ("A", "b"),
        ("Content-Disposition", 'attachment; filename="q.txt"'),
    ]
    sink: Any = Collector()
    await stream.streaming_fn(sink)
    assert sink.chunks == [CONTENT[:10], CONTENT[10:20], CONTENT[20:]]


async def test_file_stream_range(path: Path) -> None:
    rng = ContentRangeHandler(
        SimpleNamespace(headers=Header({"Range": "bytes=2-12"})), os.stat(path)
    )
    stream = await file_stream(path, chunk_size=4, _range=rng)
    assert stream.status == 206
    assert stream.headers["Content-Range"] == "bytes 2-12/28"
    sink: Any = Collector()
    await stream.streaming_fn(sink)
    assert b"".join(sink.chunks) == CONTENT[2:13]
    assert [len(c) for c in sink.chunks] == [4, 4, 3]


async def test_a_file_modified_in_the_future_is_sent_as_modified_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RFC 9110 8.8.2.1: an origin server MUST NOT send a Last-Modified later than the
    response, and MUST send the time of the response instead (a clock that was wrong, a
    file unpacked from an archive made elsewhere). Sanic sends the file's time."""
    from email.utils import parsedate_to_datetime

    from hurtle_http.response import conditional

    target = tmp_path / "future.txt"
    target.write_bytes(CONTENT)
    future = datetime(2100, 1, 1, tzinfo=UTC).timestamp()
    os.utime(target, (future, future))
    # "now" held still: both requests below fall in the same second (on a busy machine
    # the second one crossed into the next, and its time was later than the first's)
    now = datetime(2030, 6, 1, 12, 0, 0, tzinfo=UTC)
    monkeypatch.setattr(conditional, "time", SimpleNamespace(time=now.timestamp))
    response = await file(target)
    sent = parsedate_to_datetime(response.headers["Last-Modified"])
    assert sent == now
    # and the conditional request compares with that time, not the file's
    again = Header({"If-Modified-Since": response.headers["Last-Modified"]})
    assert (await file(target, request_headers=again)).status == 304
    # a time the application passes itself is its own
    given = await file(target, last_modified=future)
    assert given.headers["Last-Modified"] == "Fri, 01 Jan 2100 00:00:00 GMT"


@pytest.mark.parametrize(("request_line", "status", "head_only"), [
    (b"HEAD /endless", 200, True),
    (b"GET /endless", 204, False),
])
async def test_a_stream_whose_body_is_dropped_stops_reading_the_file(
        request_line: bytes, status: int, head_only: bool) -> None:
    # A HEAD answer (or a 204, 304) carries no content: once its head is out the built-in
    # stream stops reading. Before, it read the whole file only to drop what it wrote, so
    # an endless file (/dev/zero) never finished and the next request was never answered.
    import asyncio

    from hurtle_http.response import text
    from hurtle_http.testing import FakeConnection, parse_responses

    async def handler(request: Any) -> Any:
        if request.path == "/endless":
            return await file_stream("/dev/zero", chunk_size=7, status=status)
        return text("next")

    conn = FakeConnection(handler)
    conn.receive(request_line + b" HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
    written = b""
    for _ in range(1000):  # the file is read in a thread: wait for it, a bounded while
        await asyncio.sleep(0.01)
        written += conn.take()
        if written.endswith(b"next"):
            break
    split = written.index(b"HTTP/1.1 200 OK", 1) if head_only else None
    if split is None:
        first, second = parse_responses(written)
    else:
        [first], [second] = (parse_responses(written[:split], head_only=True),
                             parse_responses(written[split:]))
    assert (first.status, first.body, second.status, second.body) == (
        status, b"", 200, b"next")


@pytest.mark.parametrize(
    ("max_age", "written"), [(60, "60"), (60.0, "60"), (1.5, "1"), (-5, "0")]
)
async def test_max_age_is_written_as_delta_seconds(tmp_path, max_age, written: str) -> None:
    # RFC 9111 1.2.2 and 5.2.2.1: max-age=delta-seconds, which is 1*DIGIT (RFC 9110 2.2:
    # a sender MUST NOT generate what the grammar does not allow); Sanic and Hurtle wrote
    # `max-age=1.5`, `max-age=60.0`, `max-age=-5`.
    path = tmp_path / "a.txt"
    path.write_text("x")
    response = await file(path, max_age=max_age)
    assert response.headers["cache-control"] == f"public, max-age={written}"
    assert "expires" in response.headers


@pytest.mark.parametrize(
    ("max_age", "error"), [(float("nan"), ValueError), (float("inf"), OverflowError)]
)
async def test_a_max_age_that_is_no_number_of_seconds_raises_as_in_sanic(
    tmp_path, max_age: float, error: type
) -> None:
    # As Sanic: its Expires cannot be written (ValueError "Invalid value NaN", or
    # OverflowError), whatever Cache-Control would say.
    path = tmp_path / "a.txt"
    path.write_text("x")
    with pytest.raises(error) as raised:
        await file(path, max_age=max_age)
    if error is ValueError:
        assert "Invalid value NaN" in str(raised.value)
