"""Property: ``file(_range=ContentRangeHandler(...))`` answers a ``Range`` built from the RFC
9110 14.1 grammar with exactly the bytes the grammar selects.

The oracle reads ``ranges-specifier = range-unit "=" range-set`` itself: an int-range
``first-last`` selects ``first`` up to ``last`` clamped to the file's end, a suffix-range
``-n`` the last ``n`` bytes (all of them if fewer), a first-pos past the end or any range
of an empty file is unsatisfiable (416), a position that is not ``1*DIGIT`` or a last
before a first makes the field invalid (416: rejected, 14.2), several ranges are refused
with 416 by the handler (as Sanic's; ``app.static`` sends the whole file instead), and an
``If-Range`` that does not name the file (13.1.5) makes the server ignore the ``Range``:
the whole file with 200, whatever the ranges were.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.exceptions import RangeNotSatisfiable
from hurtle_http.headers import Header
from hurtle_http.httpdate import format_http_date
from hurtle_http.response import ContentRangeHandler, file

MTIME = 1577836800  # Wed, 01 Jan 2020 00:00:00 GMT
ETAG = '"v1"'
DATA = bytes(range(65, 65 + 20))

digits = st.integers(0, 25).map(str)
# Positions beyond 1*DIGIT that Python's int() reads as numbers.
odd_positions = st.sampled_from(["+1", "1_0", " 2", "\u0663", "0x1", "1.0", ""])
positions = st.one_of(digits, digits, digits, odd_positions)
int_range = st.tuples(positions, st.sampled_from(["", None]).flatmap(lambda _: positions)).map(
    lambda t: f"{t[0]}-{t[1]}"
)
suffix_range = digits.map(lambda n: f"-{n}")
range_specs = st.lists(st.one_of(int_range, suffix_range), min_size=1, max_size=3)
list_seps = st.sampled_from([",", ", ", " ,", " , "])
units = st.sampled_from(["bytes", "BYTES", "Bytes"])
if_ranges = st.sampled_from(
    [None, format_http_date(MTIME), format_http_date(MTIME + 60), ETAG, '"v2"', 'W/"v1"']
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("ranges")
    made = {}
    for size in (0, 1, 2, 5, 20):
        path = folder / f"f{size}"
        path.write_bytes(DATA[:size])
        os.utime(path, (MTIME, MTIME))
        made[size] = path
    return made


_DIGITS = re.compile(r"[0-9]+")


def oracle(unit: str, specs: list[str], if_range: str | None, size: int) -> tuple[int, bytes]:
    """(status, body) the grammar and Hurtle's documented choices give."""
    data = DATA[:size]
    if if_range is not None and if_range not in (format_http_date(MTIME), ETAG):
        return 200, data  # 13.1.5: the validator does not match: ignore the Range
    if len(specs) > 1:
        return 416, b""
    # A space before the first element is list whitespace (RFC 9110 5.6.1), not part of
    # its first position: "bytes= 2-2" is the range 2-2.
    first, _, last = specs[0].lstrip(" ").partition("-")
    for pos in (first, last):
        if pos and not _DIGITS.fullmatch(pos):
            return 416, b""  # not 1*DIGIT: an invalid range-set
    if not first and not last:
        return 416, b""
    if not first:  # suffix-range
        n = int(last)
        if n == 0 or size == 0:
            return 416, b""
        return 206, data[-n:]
    start = int(first)
    if last and int(last) < start:
        return 416, b""  # invalid int-range
    if start >= size:
        return 416, b""
    end = size - 1 if not last else min(int(last), size - 1)
    return 206, data[start : end + 1]


async def answer(path: Path, size: int, headers: Header) -> tuple[int, bytes]:
    request = SimpleNamespace(headers=headers, method="GET")
    try:
        handler = ContentRangeHandler(request, os.stat(path))
        response = await file(path, headers={"ETag": ETAG}, _range=handler)
    except RangeNotSatisfiable as error:
        assert error.headers["Content-Range"] == f"bytes */{size}"
        return 416, b""
    if response.status == 206:
        # 14.4: the Content-Range names exactly the bytes sent.
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", response.headers["content-range"])
        assert match is not None
        start, end, total = map(int, match.groups())
        assert total == size
        assert DATA[start : end + 1] == response.body
    return response.status, response.body


@settings(max_examples=150, deadline=None)
@given(
    units,
    st.sampled_from(["", " "]),
    range_specs,
    list_seps,
    if_ranges,
    st.sampled_from([0, 1, 2, 5, 20]),
)
@example("bytes", "", ["1_0-1_2"], ",", None, 20)  # not 1*DIGIT: 416 (Sanic reads 10-12)
@example("bytes", "", ["\u0663-5"], ",", None, 20)  # an Arabic-Indic 3: 416 (int() reads 3)
@example("bytes", "", ["-0"], ",", '"v2"', 0)  # 416 though If-Range names another tag
@example("bytes", "", [" 2-2"], ",", None, 5)  # list whitespace before the first range
@example("bytes", "", ["0-1", "3-4"], ",", '"v2"', 5)  # the same for several ranges
def test_a_range_gets_the_bytes_the_grammar_selects(
    files: dict[int, Path],
    unit: str,
    ows: str,
    specs: list[str],
    sep: str,
    if_range: str | None,
    size: int,
) -> None:
    value = f"{unit}={ows}{sep.join(specs)}{ows}"
    fields = {"Range": value}
    if if_range is not None:
        fields["If-Range"] = if_range
    got = asyncio.run(answer(files[size], size, Header(fields)))
    assert got == oracle(unit, specs, if_range, size)
