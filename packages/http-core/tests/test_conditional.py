"""Conditional requests (RFC 9110 section 13): precondition evaluation, and file()'s
304 and 412 answers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hurtle_http.compat import UTC
from hurtle_http.exceptions import SanicException
from hurtle_http.headers import Header
from hurtle_http.response import file
from hurtle_http.response.conditional import evaluate, http_date, if_range_holds

MODIFIED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
LM = "Fri, 02 Jan 2026 03:04:05 GMT"
OLDER = "Thu, 01 Jan 1970 00:00:00 GMT"
LATER = "Thu, 01 Jan 2099 00:00:00 GMT"


def _eval(fields: list[tuple[str, str]], method: str = "GET", etag: str | None = '"v1"') -> int | None:
    return evaluate(Header(fields), method=method, etag=etag, last_modified=MODIFIED)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (LM, MODIFIED),
        ("Friday, 02-Jan-26 03:04:05 GMT", MODIFIED),  # rfc850-date
        ("Fri Jan  2 03:04:05 2026", MODIFIED),  # asctime-date
        ("Sunday, 06-Nov-94 08:49:37 GMT", datetime(1994, 11, 6, 8, 49, 37, tzinfo=UTC)),
        (f"{LM}, {LM}", None),  # a list: RFC 9110 13.1.3 MUST ignore
        ("Fri, 2 Jan 2026 03:04:05 GMT", None),
        ("Fri, 02 Jan 2026 03:04:05 +0000", None),
        ("garbage", None),
        ("", None),
        ("Sun, 06 Nov 9999999999 08:49:37 GMT", None),
    ],
)
def test_http_date_takes_the_three_formats_only(value: str, expected: datetime | None) -> None:
    assert http_date(value) == expected


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ([], None),
        # If-None-Match: weak comparison, lists, several field lines, "*" (13.1.2)
        ([("If-None-Match", '"v1"')], 304),
        ([("If-None-Match", 'W/"v1"')], 304),
        ([("If-None-Match", '"a", "v1"')], 304),
        ([("If-None-Match", '"a","v1"')], 304),
        ([("If-None-Match", '"a"'), ("If-None-Match", '"v1"')], 304),
        ([("If-None-Match", '"x"')], None),
        ([("If-None-Match", '"a,v1"')], None),
        ([("If-None-Match", "*")], 304),
        # If-Match: strong comparison (13.1.1)
        ([("If-Match", '"v1"')], None),
        ([("If-Match", '"a", "v1"')], None),
        ([("If-Match", "*")], None),
        ([("If-Match", 'W/"v1"')], 412),
        ([("If-Match", '"x"')], 412),
        # dates (13.1.3, 13.1.4)
        ([("If-Modified-Since", LM)], 304),
        ([("If-Modified-Since", LATER)], 304),
        ([("If-Modified-Since", OLDER)], None),
        ([("If-Modified-Since", f"{LATER}, {LATER}")], None),
        ([("If-Unmodified-Since", OLDER)], 412),
        ([("If-Unmodified-Since", LM)], None),
        ([("If-Unmodified-Since", "garbage")], None),
        # precedence (13.2.2)
        ([("If-None-Match", '"x"'), ("If-Modified-Since", LATER)], None),
        ([("If-None-Match", '"v1"'), ("If-Modified-Since", OLDER)], 304),
        ([("If-Match", "*"), ("If-Unmodified-Since", OLDER)], None),
        ([("If-Match", '"x"'), ("If-None-Match", "*")], 412),
        ([("If-Unmodified-Since", OLDER), ("If-Modified-Since", LATER)], 412),
    ],
)
def test_preconditions_are_evaluated_in_the_rfc_order(
    fields: list[tuple[str, str]], status: int | None
) -> None:
    assert _eval(fields) == status


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_other_methods_get_412_and_ignore_if_modified_since(method: str) -> None:
    assert _eval([("If-None-Match", '"v1"')], method) == 412
    assert _eval([("If-None-Match", "*")], method) == 412
    assert _eval([("If-Modified-Since", LATER)], method) is None


def test_a_weak_etag_never_matches_if_match() -> None:
    assert _eval([("If-Match", 'W/"v1"')], etag='W/"v1"') == 412
    assert _eval([("If-None-Match", '"v1"')], etag='W/"v1"') == 304


def test_without_an_etag_only_the_star_matches() -> None:
    assert _eval([("If-None-Match", '"v1"')], etag=None) is None
    assert _eval([("If-None-Match", "*")], etag=None) == 304
    assert _eval([("If-Match", '"v1"')], etag=None) == 412


def test_an_unquoted_etag_of_the_app_is_compared_as_written() -> None:
    assert _eval([("If-None-Match", "v1")], etag="v1") == 304
    assert _eval([("If-None-Match", "v2")], etag="v1") is None


@pytest.mark.parametrize(
    ("if_range", "holds"),
    [
        (None, True),
        ('"v1"', True),
        ('W/"v1"', False),
        ('"v2"', False),
        (LM, True),
        (OLDER, False),
        ("garbage", False),
    ],
)
def test_if_range_needs_a_strong_match(if_range: str | None, holds: bool) -> None:
    assert if_range_holds(if_range, etag='"v1"', last_modified=MODIFIED) is holds


@pytest.fixture
def hello(tmp_path: Path) -> Path:
    path = tmp_path / "hello.txt"
    path.write_bytes(b"hello")
    return path


async def test_a_304_from_file_keeps_the_fields_rfc_9110_names(hello: Path) -> None:
    # RFC 9110 15.4.5: Cache-Control, Expires, ETag, Vary and Content-Location of the 200
    # go with the 304 (Sanic's 304 carries none of them).
    headers = {"ETag": '"v1"', "Vary": "Accept-Encoding", "Content-Location": "/x", "X-A": "1"}
    response = await file(
        hello,
        request_headers=Header({"If-None-Match": '"v1"'}),
        headers=headers,
        max_age=60,
    )
    assert response.status == 304 and response.body in (b"", None)
    kept = {k.lower(): v for k, v in response.headers.items()}
    assert set(kept) == {"etag", "vary", "content-location", "cache-control", "expires"}
    assert kept["cache-control"] == "public, max-age=60"
    plain = await file(hello, request_headers=Header({"If-Modified-Since": LATER}))
    assert plain.status == 304 and dict(plain.headers) == {"cache-control": "no-cache"}


async def test_file_answers_a_failed_if_match_with_412(hello: Path) -> None:
    with pytest.raises(SanicException) as raised:
        await file(hello, request_headers=Header({"If-Match": '"x"'}), headers={"ETag": '"v1"'})
    assert raised.value.status_code == 412
    with pytest.raises(SanicException):
        await file(hello, request_headers=Header({"If-Unmodified-Since": OLDER}))
    sent = await file(hello, request_headers=Header({"If-Match": '"v1"'}), headers={"ETag": '"v1"'})
    assert sent.status == 200 and sent.body == b"hello"


async def test_file_ignores_if_modified_since_next_to_if_none_match(hello: Path) -> None:
    # RFC 9110 13.1.3 MUST ignore it then (Sanic answered 304 to an ETag that changed).
    request = Header({"If-None-Match": '"old"', "If-Modified-Since": LATER})
    sent = await file(hello, request_headers=request, headers={"ETag": '"v1"'})
    assert sent.status == 200 and sent.body == b"hello"


async def test_an_invalid_if_modified_since_is_logged_only_where_it_counts(
    hello: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from hurtle_http.response.file import preconditions

    bad = Header({"If-Modified-Since": "garbage"})
    with caplog.at_level("WARNING", logger="sanic.root"):
        assert preconditions(bad, {}, 1.0, "GET") is None
        assert preconditions(bad, {}, 1.0, "POST") is None  # not evaluated: not logged
        assert preconditions(bad, {}, None, "GET") is None
    # Sanic's exact words, its misspelling included: log filters and alerts match them.
    assert [r.getMessage() for r in caplog.records] == [
        "Ignorning invalid If-Modified-Since header received: 'garbage'"
    ]


@pytest.mark.parametrize("method", ["OPTIONS", "CONNECT", "TRACE"])
@pytest.mark.parametrize(
    "fields",
    [
        [("If-Match", '"x"')],
        [("If-None-Match", '"v1"')],
        [("If-Unmodified-Since", OLDER)],
        [("If-Modified-Since", LATER)],
    ],
)
def test_methods_that_select_no_representation_have_no_preconditions(
    method: str, fields: list[tuple[str, str]]
) -> None:
    # RFC 9110 13.2.1: a server MUST ignore the conditional fields for CONNECT, OPTIONS and
    # TRACE (an OPTIONS route answering with file(request_headers=...) was a 412).
    assert _eval(fields, method) is None


@pytest.mark.parametrize("name", ["If-Modified-Since", "If-Unmodified-Since"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_date_field_on_two_lines_is_a_list_and_ignored(name: str, method: str) -> None:
    # RFC 9110 13.1.3/13.1.4: a recipient MUST ignore the field when its value is a list
    # of dates, which two field lines make (5.3). Only the first line was read: 304 / 412.
    date = LATER if name == "If-Modified-Since" else OLDER
    assert _eval([(name, date)], method, etag=None) in (304, 412)
    assert _eval([(name, date), (name, date)], method, etag=None) is None


@pytest.mark.parametrize(
    "request_fields",
    [
        {"If-None-Match": "*"},
        {"If-Modified-Since": LATER},
        {"If-Match": '"x"'},
        {"If-Unmodified-Since": OLDER},
    ],
)
async def test_file_with_a_status_other_than_2xx_ignores_preconditions(
    hello: Path, request_fields: dict[str, str]
) -> None:
    # RFC 9110 13.2.1: preconditions MUST be ignored when the answer without them would be
    # no 2xx: a custom 404 page read with file() stays a 404 (was a 304, or a 412).
    sent = await file(hello, status=404, request_headers=Header(request_fields))
    assert sent.status == 404 and sent.body == b"hello"
    ok = await file(hello, status=203, request_headers=Header({"If-Modified-Since": LATER}))
    assert ok.status == 304


@pytest.mark.parametrize("value", [', "v1"', '"a",,"v1"', ',"a", ,"v1"'])
def test_empty_elements_of_an_entity_tag_list_are_ignored(value: str) -> None:
    # RFC 9110 5.6.1.2: a recipient MUST parse and ignore empty list elements; the list
    # was read as malformed, so If-None-Match matched nothing (200) and If-Match failed.
    assert _eval([("If-None-Match", value)]) == 304
    assert _eval([("If-Match", value)]) is None


async def test_validate_file_reads_a_plain_dict_in_any_case() -> None:
    # A dict's keys as the app wrote them (Sanic's validate_file wants a Header and raises
    # AttributeError for a dict; Hurtle reads both spellings).
    from hurtle_http.response import validate_file

    for key in ("If-Modified-Since", "if-modified-since"):
        sent = await validate_file({key: LATER}, MODIFIED)
        assert sent is not None and sent.status == 304
