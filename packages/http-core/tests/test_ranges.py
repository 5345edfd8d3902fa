"""Range requests: ContentRangeHandler (RFC 9110 §14)."""

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


def test_other_units_and_missing_header() -> None:
    with pytest.raises(InvalidRangeType, match="items is not a valid Range Type"):
        handler("items=0-1")
    with pytest.raises(HeaderNotFound):
        handler(None)
