"""HTTP dates: IMF-fixdate formatting (RFC 9110 section 5.6.7) and lenient parsing."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import formatdate

from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.httpdate import format_http_date, parse_http_date


def test_the_rfc_example_is_formatted_as_the_rfc_writes_it() -> None:
    assert format_http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT"


@given(st.floats(min_value=-6e10, max_value=2.5e11, allow_nan=False))
def test_the_text_is_the_standard_librarys_imf_fixdate(seconds: float) -> None:
    # What Sanic sends (Last-Modified, Expires) is email.utils.formatdate(t, usegmt=True).
    assert format_http_date(seconds) == formatdate(seconds, usegmt=True)


def test_the_three_forms_a_recipient_must_accept_are_parsed() -> None:
    when = datetime(1994, 11, 6, 8, 49, 37, tzinfo=timezone.utc)
    for value in (
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ):
        assert parse_http_date(value).replace(tzinfo=timezone.utc) == when
