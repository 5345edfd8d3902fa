"""Conditional requests on app.static and on file() from a handler (RFC 9110 13.2),
through the protocol on a fake transport."""

from __future__ import annotations

from email.utils import formatdate
from pathlib import Path

import pytest

from hurtle_app import Sanic
from hurtle_http.response import file

OLDER = "Thu, 01 Jan 1970 00:00:00 GMT"
LATER = "Thu, 01 Jan 2099 00:00:00 GMT"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("hello world\n")
    return tmp_path


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"if-modified-since": LATER}, 304),
        ({"if-none-match": "*"}, 304),  # any current representation matches "*"
        ({"if-none-match": '"x"', "if-modified-since": LATER}, 200),  # IMS ignored
        ({"if-match": '"x"'}, 412),  # static files carry no ETag: no tag matches
        ({"if-match": "*"}, 200),
        ({"if-unmodified-since": OLDER}, 412),
        ({"if-unmodified-since": OLDER, "if-modified-since": LATER}, 412),
        ({"if-modified-since": f"{LATER}, {LATER}"}, 200),  # a list is no HTTP-date
        ({"if-none-match": "*", "range": "bytes=50-60"}, 304),  # before the Range
    ],
)
async def test_static_preconditions(
    app: Sanic, call, site: Path, headers: dict[str, str], status: int, stream: bool
) -> None:
    # Sanic 25.12 evaluates If-Modified-Since only: it served 200 for a failed If-Match or
    # If-Unmodified-Since, and 304 for an If-Modified-Since next to an If-None-Match.
    app.static("/s", site, use_content_range=True, stream_large_files=1 if stream else False)
    sent = await call("GET", "/s/a.txt", headers)
    assert sent.status == status
    if status == 304:
        assert sent.body == b"" and "content-length" not in sent.headers
    if status == 412:
        assert "Precondition Failed" in sent.text


async def test_a_static_304_keeps_the_cache_control_of_the_200(app: Sanic, call, site) -> None:
    # RFC 9110 15.4.5: a 304 MUST carry the Cache-Control its 200 would (Sanic: none).
    app.static("/s", site)
    full = await call("GET", "/s/a.txt")
    sent = await call("GET", "/s/a.txt", {"if-modified-since": full.headers["last-modified"]})
    assert full.headers["cache-control"] == "no-cache"
    assert sent.status == 304 and sent.headers.get("cache-control") == "no-cache"


async def test_head_of_a_static_file_is_conditional_too(app: Sanic, call, site) -> None:
    # As Sanic for If-Modified-Since (HEAD answered 200 before); RFC 9110 13.1.
    app.static("/s", site)
    assert (await call("HEAD", "/s/a.txt", {"if-modified-since": LATER})).status == 304
    assert (await call("HEAD", "/s/a.txt", {"if-none-match": "*"})).status == 304
    mtime = formatdate((site / "a.txt").stat().st_mtime, usegmt=True)
    assert (await call("HEAD", "/s/a.txt", {"if-unmodified-since": mtime})).status == 200


async def test_file_from_a_post_handler_answers_412_not_304(app: Sanic, call, site) -> None:
    # RFC 9110 13.1.2: a false If-None-Match is a 304 for GET and HEAD only, and
    # If-Modified-Since applies to GET and HEAD only (Sanic answered both with 304).
    @app.route("/f", methods=["GET", "POST"])
    async def handler(request):
        return await file(site / "a.txt", request_headers=request.headers)

    assert (await call("POST", "/f", {"if-none-match": "*"})).status == 412
    assert (await call("POST", "/f", {"if-modified-since": LATER})).status == 200
    assert (await call("GET", "/f", {"if-none-match": "*"})).status == 304


@pytest.mark.parametrize(
    ("value", "status", "body"),
    [
        ("bytes=0-4", 206, b"hello"),
        ("BYTES=0-4", 206, b"hello"),  # units are case-insensitive (RFC 9110 14.1)
        ("lines=0-4", 200, b"hello world\n"),  # an unknown unit MUST be ignored (14.2)
        ("items=0-4", 200, b"hello world\n"),
        ("bytes=0-1,4-5", 200, b"hello world\n"),  # satisfiable: ignored, not refused
        ("bytes=0-1, 4-5", 200, b"hello world\n"),
        ("bytes=50-60", 416, None),
        ("bytes=abc", 416, None),
    ],
)
async def test_static_ranges_that_are_ignored(
    app: Sanic, call, site: Path, value: str, status: int, body: bytes | None
) -> None:
    # Sanic answers 416 for another unit, an upper-case one and several ranges.
    app.static("/s", site, use_content_range=True)
    sent = await call("GET", "/s/a.txt", {"range": value})
    assert sent.status == status
    if body is not None:
        assert sent.body == body
    if status == 416:
        assert sent.headers["content-range"] == "bytes */12"


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("value", ["bytes=0-1,", "bytes=,0-1", "bytes=0-1, ,"])
async def test_static_range_set_with_empty_elements_is_one_range(
    app: Sanic, call, site: Path, value: str, stream: bool
) -> None:
    # RFC 9110 5.6.1.2: empty list elements are ignored, so this is "bytes=0-1" (Sanic:
    # 416 "Invalid for Content Range parameters"; Hurtle sent the whole file as for
    # several ranges).
    app.static("/s", site, use_content_range=True, stream_large_files=1 if stream else False)
    sent = await call("GET", "/s/a.txt", {"range": value})
    assert sent.status == 206
    assert sent.body == b"he"
    assert sent.headers["content-range"] == "bytes 0-1/12"


@pytest.mark.parametrize(("use_modified_since", "status"), [(True, 304), (False, 200)])
async def test_a_folder_index_follows_use_modified_since(
    app: Sanic, call, site: Path, use_modified_since: bool, status: int
) -> None:
    # As Sanic: without use_modified_since the index file a folder request gets is
    # served whatever If-Modified-Since says, as the folder's files are (it was a 304).
    (site / "index.html").write_text("<p>i</p>\n")
    app.static("/s", site, index="index.html", use_modified_since=use_modified_since)
    sent = await call("GET", "/s/", {"if-modified-since": LATER})
    assert sent.status == status
    if status == 200:
        assert sent.text == "<p>i</p>\n"


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize(
    "if_range",
    [
        "Tue, 14 Nov 2023 22:13:20 GMT",  # IMF-fixdate
        "Tuesday, 14-Nov-23 22:13:20 GMT",  # RFC 850
        "Tue Nov 14 22:13:20 2023",  # asctime
    ],
)
async def test_if_range_takes_the_files_date_in_any_http_date_form(
    app: Sanic, call, site, if_range: str, stream: bool
) -> None:
    # RFC 9110 5.6.7: a recipient MUST accept the three forms of an HTTP-date; the two
    # obsolete ones naming the file's very date got the whole file instead of the range.
    import os

    os.utime(site / "a.txt", (1_700_000_000, 1_700_000_000))
    app.static("/s", site, use_content_range=True, stream_large_files=1 if stream else False)
    sent = await call("GET", "/s/a.txt", headers={"range": "bytes=0-4", "if-range": if_range})
    assert (sent.status, sent.body) == (206, b"hello")
    other = await call(
        "GET", "/s/a.txt", headers={"range": "bytes=0-4", "if-range": "Tue Nov 14 22:13:21 2023"}
    )
    assert (other.status, other.body) == (200, b"hello world\n")


def _twice(name: str, value: str) -> dict[str, str]:
    """The field on two lines (the request writer sends each key: two spellings)."""
    return {name.lower(): value, name.title(): value}


@pytest.mark.parametrize("stream", [False, True])
async def test_static_date_fields_on_two_lines_are_lists_and_ignored(
    app: Sanic, call, site: Path, stream: bool
) -> None:
    # RFC 9110 13.1.3, 13.1.4: If-Modified-Since and If-Unmodified-Since MUST be ignored
    # when they hold a list of dates, which two field lines make (5.3). The first line was
    # read alone: 304 and 412 (Sanic answers the 304).
    app.static("/s", site, use_content_range=True, stream_large_files=1 if stream else False)
    assert (await call("GET", "/s/a.txt", {"if-modified-since": LATER})).status == 304
    sent = await call("GET", "/s/a.txt", _twice("if-modified-since", LATER))
    assert (sent.status, sent.body) == (200, b"hello world\n")
    assert (await call("GET", "/s/a.txt", {"if-unmodified-since": OLDER})).status == 412
    sent = await call("GET", "/s/a.txt", _twice("if-unmodified-since", OLDER))
    assert (sent.status, sent.body) == (200, b"hello world\n")


async def test_static_if_range_on_two_lines_names_no_validator(
    app: Sanic, call, site: Path
) -> None:
    # RFC 9110 13.1.5: two If-Range lines make a list, no validator: the Range MUST be
    # ignored (the first line was read alone and the part sent; Sanic sends it too).
    import os

    os.utime(site / "a.txt", (1_700_000_000, 1_700_000_000))
    app.static("/s", site, use_content_range=True)
    date = "Tue, 14 Nov 2023 22:13:20 GMT"
    sent = await call("GET", "/s/a.txt", {"range": "bytes=0-4", **_twice("if-range", date)})
    assert (sent.status, sent.body) == (200, b"hello world\n")


async def test_an_options_route_answering_a_file_ignores_preconditions(
    app: Sanic, call, site: Path
) -> None:
    # RFC 9110 13.2.1: OPTIONS selects no representation, so its preconditions MUST be
    # ignored; file(request_headers=...) answered 412 (Sanic answers the file).
    @app.route("/f", methods=["GET", "OPTIONS"])
    async def handler(request):
        return await file(site / "a.txt", request_headers=request.headers, headers={"ETag": '"v"'})

    for fields in ({"if-match": '"x"'}, {"if-none-match": '"v"'}):
        sent = await call("OPTIONS", "/f", fields)
        assert (sent.status, sent.body) == (200, b"hello world\n")
    assert (await call("GET", "/f", {"if-match": '"x"'})).status == 412
