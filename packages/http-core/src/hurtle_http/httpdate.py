"""HTTP dates (RFC 9110 section 5.6.7): formatting IMF-fixdate, parsing the three forms.

Formatting is ours: ``Sun, 06 Nov 1994 08:49:37 GMT`` from a POSIX time, the same text as
``email.utils.formatdate(t, usegmt=True)``. Parsing is the standard library's
``email.utils.parsedate_to_datetime`` (what Sanic uses, so the same values are accepted),
imported on first use: the ``email`` package costs memory in every worker, and most apps
never see a conditional request.
"""

from __future__ import annotations

from datetime import datetime, timezone

__all__ = ["format_http_date", "parse_http_date"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_http_date(seconds: float | None = None) -> str:
    """``seconds`` (POSIX time, now when ``None``) as an IMF-fixdate in GMT."""
    # Through ``datetime`` (which rounds a float to the microsecond first), as the
    # standard library's formatter does: 1.9999999 is 00:00:02, not 00:00:01.
    t = datetime.now(timezone.utc) if seconds is None else datetime.fromtimestamp(seconds, timezone.utc)
    return (
        f"{_DAYS[t.weekday()]}, {t.day:02d} {_MONTHS[t.month - 1]} {t.year:04d} "
        f"{t.hour:02d}:{t.minute:02d}:{t.second:02d} GMT"
    )


def parse_http_date(value: str) -> datetime:
    """A date field's value as a ``datetime``; ``ValueError``/``TypeError`` when it is none."""
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(value)
