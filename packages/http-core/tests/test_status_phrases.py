"""Reason phrases are Sanic's on every Python: 3.13's ``http.HTTPStatus`` renamed some."""

from __future__ import annotations

import pytest

from hurtle_http.exceptions import STATUS_CODES, PayloadTooLarge, RangeNotSatisfiable
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection


@pytest.mark.parametrize(
    ("status", "phrase"),
    [
        (413, b"Request Entity Too Large"),  # 3.13: "Content Too Large"
        (414, b"Request-URI Too Long"),  # 3.13: "URI Too Long"
        (416, b"Requested Range Not Satisfiable"),  # 3.13: "Range Not Satisfiable"
        (422, b"Unprocessable Entity"),  # 3.13: "Unprocessable Content"
        (418, b"I'm a teapot"),
    ],
)
async def test_status_line_phrase_is_fixed(status: int, phrase: bytes) -> None:
    async def handler(request):
        return text("x", status=status)

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert conn.take().startswith(b"HTTP/1.1 %d %s\r\n" % (status, phrase))
    assert STATUS_CODES[status] == phrase


def test_unlisted_statuses_have_no_phrase() -> None:
    assert 421 not in STATUS_CODES and 425 not in STATUS_CODES


def test_default_exception_messages_use_the_fixed_phrases() -> None:
    assert str(PayloadTooLarge()) == "Request Entity Too Large"
    assert str(RangeNotSatisfiable()) == "Requested Range Not Satisfiable"
