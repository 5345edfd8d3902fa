"""Range requests: ContentRangeHandler (RFC 9110 §14)."""

import os
from types import SimpleNamespace

import pytest

from hurtle_http.exceptions import HeaderNotFound, InvalidRangeType, RangeNotSatisfiable
from hurtle_http.headers import Header
from hurtle_http.response import ContentRangeHandler

STATS = SimpleNamespace(st_size=28)


def handler(value: str | None) -> ContentRangeHandler:
    headers = Header({"Range": value} if value is not None else {})
    return ContentRangeHandler(SimpleNamespace(headers=headers), STATS)


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("bytes=0-4", 0, 4),
        ("bytes=5-", 5, 27),
        ("bytes=-5", 23, 27),
        ("bytes=-50", 0, 27),
        ("bytes=0-100", 0, 27),
        ("bytes=27-27", 27, 27),
        ("BYTES=0-4", 0, 4),  # RFC 9110 14.1: range units are case-insensitive (Sanic: 416)
        ("Bytes=-5", 23, 27),
    ],
)
def test_satisfiable_ranges(value: str, start: int, end: int) -> None:
    rng = handler(value)
    assert (rng.start, rng.end, rng.size, rng.total) == (start, end, end - start + 1, 28)
    assert rng.headers == {"Content-Range": f"bytes {start}-{end}/28"}
    assert rng


@pytest.mark.parametrize(
    "value",
    ["bytes=5-2", "bytes=28-", "bytes=30-40", "bytes=-0", "bytes=", "bytes=a-b", "bytes=0-1,3-4"],
)
def test_unsatisfiable_ranges_are_416_with_content_range(value: str) -> None:
    with pytest.raises(RangeNotSatisfiable) as info:
        handler(value)
    assert info.value.status_code == 416
    assert info.value.headers == {"Content-Range": "bytes */28"}


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("bytes=0-4,", 0, 4),
        ("bytes=,0-4", 0, 4),
        ("bytes=0-4,,", 0, 4),
        ("bytes=0-4 , ", 0, 4),
        ("bytes= , -5", 23, 27),
    ],
)
def test_empty_elements_of_the_range_set_are_ignored(value: str, start: int, end: int) -> None:
    # RFC 9110 14.1.1 makes the range-set a list and 5.6.1.2 has a recipient ignore its
    # empty elements: one satisfiable range. Sanic (and Hurtle before) answered 416.
    rng = handler(value)
    assert (rng.start, rng.end) == (start, end)
    assert rng.headers == {"Content-Range": f"bytes {start}-{end}/28"}


@pytest.mark.parametrize("value", ["bytes=,", "bytes=, ,", "bytes=0-1,,3-4"])
def test_a_range_set_without_one_range_is_still_416(value: str) -> None:
    with pytest.raises(RangeNotSatisfiable):
        handler(value)


def test_other_units_and_missing_header() -> None:
    with pytest.raises(InvalidRangeType, match="items is not a valid Range Type"):
        handler("items=0-1")
    with pytest.raises(HeaderNotFound):
        handler(None)


# Wed, 01 Jan 2020 00:00:00 GMT
DATED = SimpleNamespace(st_size=28, st_mtime=1577836800.5)


def dated(method: str = "GET", **fields: str) -> ContentRangeHandler:
    headers = Header({"Range": "bytes=0-4", **{k.replace("_", "-"): v for k, v in fields.items()}})
    return ContentRangeHandler(SimpleNamespace(headers=headers, method=method), DATED)


@pytest.mark.parametrize(
    "if_range",
    [
        "Thu, 02 Jan 2020 00:00:00 GMT",  # another date
        'W/"v1"',  # a weak entity-tag never matches (strong comparison)
        "yesterday",
    ],
)
def test_if_range_that_does_not_name_the_file_ignores_the_range(if_range: str) -> None:
    # RFC 9110 13.1.5: the whole file (file() then answers 200), not a part of a version
    # the client does not hold (Sanic sent the 206).
    rng = dated(If_Range=if_range)
    assert not rng
    assert rng.headers == {}
    assert (rng.start, rng.end, rng.size) == (0, 27, 28)


def test_if_range_naming_the_modification_time_keeps_the_range() -> None:
    rng = dated(If_Range="Wed, 01 Jan 2020 00:00:00 GMT")
    assert rng
    assert rng.headers == {"Content-Range": "bytes 0-4/28"}


@pytest.mark.parametrize("method", ["HEAD", "POST", "PUT"])
def test_range_is_ignored_for_methods_other_than_get(method: str) -> None:
    # RFC 9110 14.2: range handling is defined for GET only (Sanic: a 206 to POST).
    rng = dated(method)
    assert not rng
    assert rng.headers == {}
    assert dated("GET")


def test_an_ignored_range_is_not_checked() -> None:
    headers = Header({"Range": "bytes=50-60", "If-Range": "Thu, 02 Jan 2020 00:00:00 GMT"})
    assert not ContentRangeHandler(SimpleNamespace(headers=headers, method="GET"), DATED)


async def test_file_sends_the_whole_file_when_if_range_does_not_hold(tmp_path) -> None:
    from hurtle_http.response import file

    path = tmp_path / "a.txt"
    path.write_bytes(b"hello world")
    os.utime(path, (1577836800, 1577836800))
    headers = Header({"Range": "bytes=0-4", "If-Range": "Thu, 02 Jan 2020 00:00:00 GMT"})
    request = SimpleNamespace(headers=headers, method="GET")
    response = await file(path, _range=ContentRangeHandler(request, os.stat(path)))
    assert response.status == 200
    assert response.body == b"hello world"
    assert "content-range" not in {k.lower() for k in response.headers}


def _file_request(tmp_path, **fields: str):
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello world")
    os.utime(path, (1577836800, 1577836800))
    headers = Header({"Range": "bytes=0-4", **fields})
    return path, ContentRangeHandler(SimpleNamespace(headers=headers, method="GET"), os.stat(path))


@pytest.mark.parametrize(
    ("etag", "status", "body"),
    [
        ('"v1"', 206, b"hello"),  # If-Range names the ETag the file is sent with
        ('"v2"', 200, b"hello world"),  # another version: the whole file
        ('W/"v1"', 200, b"hello world"),  # a weak ETag is never a strong match
        (None, 200, b"hello world"),  # no ETag to compare with
    ],
)
async def test_if_range_entity_tag_is_compared_with_the_files_etag(
    tmp_path, etag: str | None, status: int, body: bytes
) -> None:
    from hurtle_http.response import file, file_stream

    path, rng = _file_request(tmp_path, **{"If-Range": '"v1"'})
    assert rng.if_range_tag == '"v1"'
    headers = {"ETag": etag} if etag else {}
    response = await file(path, headers={**headers, **rng.headers}, _range=rng)
    assert (response.status, response.body) == (status, body)
    assert ("content-range" in {k.lower() for k in response.headers}) == (status == 206)
    streamed = await file_stream(path, headers=dict(headers), _range=rng)
    assert streamed.status == status


@pytest.mark.parametrize("value", ["bytes=50-60", "bytes=0-1,4-5"])
async def test_a_refused_range_counts_only_when_if_range_names_the_etag(tmp_path, value) -> None:
    # RFC 9110 13.1.5: an If-Range naming another ETag makes the Range ignored, a range
    # that would be a 416 included (it was raised when the handler was built).
    from hurtle_http.response import file, file_stream

    path = tmp_path / "a.txt"
    path.write_bytes(b"hello world")
    for tag, refused in (('"v2"', False), ('"v1"', True)):
        request = SimpleNamespace(headers=Header({"Range": value, "If-Range": tag}), method="GET")
        rng = ContentRangeHandler(request, os.stat(path))
        for send in (file, file_stream):
            if refused:
                with pytest.raises(RangeNotSatisfiable) as info:
                    await send(path, headers={"ETag": '"v1"'}, _range=rng)
                assert info.value.headers == {"Content-Range": "bytes */11"}
            else:
                response = await send(path, headers={"ETag": '"v1"'}, _range=rng)
                assert response.status == 200


@pytest.mark.parametrize(
    "value", ["Wed, 01 Jan 2020 00:00:00 GMT", '"v1"']
)
async def test_if_range_on_two_field_lines_is_no_validator(tmp_path, value: str) -> None:
    # RFC 9110 13.1.5: If-Range is one entity-tag or one HTTP-date; two field lines make a
    # list (5.3), which names no validator, so the Range MUST be ignored. The first line
    # was read alone and the part sent (206), as if the file had been named.
    from hurtle_http.response import file

    path = tmp_path / "a.txt"
    path.write_bytes(b"hello world")
    os.utime(path, (1577836800, 1577836800))
    one = Header([("Range", "bytes=0-4"), ("If-Range", value)])
    sent = await file(
        path,
        headers={"ETag": '"v1"'},
        _range=ContentRangeHandler(SimpleNamespace(headers=one, method="GET"), os.stat(path)),
    )
    assert sent.status == 206
    two = Header([("Range", "bytes=0-4"), ("If-Range", value), ("If-Range", value)])
    sent = await file(
        path,
        headers={"ETag": '"v1"'},
        _range=ContentRangeHandler(SimpleNamespace(headers=two, method="GET"), os.stat(path)),
    )
    assert sent.status == 200 and sent.body == b"hello world"
