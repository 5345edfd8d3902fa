"""Property: ``http_date`` (the reader of ``If-Modified-Since``, ``If-Unmodified-Since`` and
a date ``If-Range``) reads the three forms of RFC 9110 5.6.7 as the time they name, and
nothing else.

The oracle is the time the date was written from: IMF-fixdate, rfc850-date (a two-digit
year, read within 50 years ahead) and asctime-date. A date whose digits are not ASCII
``DIGIT`` (``٠١`` for ``01``) is no HTTP-date: ``None``, and the precondition is ignored.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.headers import Header
from hurtle_http.response import file
from hurtle_http.response.conditional import http_date

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
LONG_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
times = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31)).map(
    lambda t: t.replace(microsecond=0, tzinfo=UTC)
)


def written(when: datetime, form: str) -> str:
    clock = f"{when:%H:%M:%S}"
    if form == "imf":
        return f"{DAYS[when.weekday()]}, {when.day:02d} {MONTHS[when.month - 1]} {when.year} {clock} GMT"
    if form == "rfc850":
        return (
            f"{LONG_DAYS[when.weekday()]}, {when.day:02d}-{MONTHS[when.month - 1]}-"
            f"{when.year % 100:02d} {clock} GMT"
        )
    return f"{DAYS[when.weekday()]} {MONTHS[when.month - 1]} {when.day:2d} {clock} {when.year}"


@settings(max_examples=200, deadline=None)
@given(times, st.sampled_from(["imf", "asctime", "rfc850"]))
def test_an_http_date_names_its_time(when: datetime, form: str) -> None:
    got = http_date(written(when, form))
    if form == "rfc850":
        now = datetime.now(UTC).year
        if not (now - 49 <= when.year <= now + 50):
            return  # a two-digit year names another century
    assert got == when


ARABIC_INDIC = str.maketrans(
    "0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
)


@settings(max_examples=100, deadline=None)
@given(times, st.sampled_from(["imf", "asctime", "rfc850"]), st.data())
@example(datetime(2020, 1, 1, tzinfo=UTC), "imf", None)
def test_a_date_with_other_digits_is_no_http_date(when: datetime, form: str, data) -> None:
    text = written(when, form)
    spots = [i for i, c in enumerate(text) if c.isdigit()]
    i = spots[0] if data is None else data.draw(st.sampled_from(spots))
    assert http_date(text[:i] + text[i].translate(ARABIC_INDIC) + text[i + 1 :]) is None


async def test_if_modified_since_in_other_digits_is_ignored(tmp_path) -> None:
    # RFC 9110 13.1.3: a value that is no valid HTTP-date MUST be ignored (it was read as
    # the file's own date, and answered 304 Not Modified).
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    os.utime(path, (1577836800, 1577836800))  # Wed, 01 Jan 2020 00:00:00 GMT
    for value, status in (
        ("Wed, 01 Jan 2020 00:00:00 GMT", 304),
        ("Wed, \u06601 Jan 2020 00:00:00 GMT", 200),
    ):
        headers = Header({"if-modified-since": value})
        response = await file(path, request_headers=headers, validate_when_requested=True)
        assert response.status == status
