"""What the lazy request parsers compute from a large accepted request: the same result as
for a small one, with memory bounded by the input (no timing here: sizes and counts)."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hurtle_http.request.form as form_module
from hurtle_http.exceptions import BadRequest
from hurtle_http.headers import Header
from hurtle_http.request import Request
from hurtle_http.request.form import (
    _between_delimiters,
    parse_urlencoded,
    parse_urlencoded_pairs,
)


def _request(body: bytes, content_type: str, target: bytes = b"/") -> Request:
    request = Request(target, Header({"content-type": content_type}), "1.1", "POST", None, None)
    request.body = body
    return request


def _peak(work: Callable[[], Any]) -> int:
    """The most memory (bytes, Python allocations) ``work()`` held at once."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        work()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


URLENCODED = "application/x-www-form-urlencoded"


@pytest.mark.parametrize("keep_blank_values", [False, True])
def test_a_long_urlencoded_body_gives_every_field_in_order(keep_blank_values: bool) -> None:
    # 150,000 fields over many slices: repeated names, blanks, escapes, empty pairs.
    pieces = []
    for i in range(50_000):
        pieces += [f"k{i % 977}=v{i}", f"e{i % 13}=", "&", f"p%20{i % 7}=%C3%A4+{i}"]
    text = "&".join(pieces)
    assert len(text) > 20 * form_module._QS_SLICE
    request = _request(text.encode(), URLENCODED)
    parsed = request.get_form(keep_blank_values=keep_blank_values)
    expected = parse_qs(text, keep_blank_values=keep_blank_values)
    assert parsed == expected
    assert list(parsed) == list(expected)
    assert parsed.getlist("k5")[:2] == ["v5", "v982"]


def test_a_long_query_string_gives_every_arg_in_order() -> None:
    query = "&".join(f"a{i % 100}={i}" for i in range(30_000))
    request = Request(b"/?" + query.encode(), Header(), "1.1", "GET", None, None)
    assert request.args == parse_qs(query)
    assert list(request.args) == list(parse_qs(query))
    assert len(request.args.getlist("a7")) == 300
    assert request.query_args == parse_qsl(query)
    assert request.get_query_args(keep_blank_values=True)[7] == ("a7", "7")


def test_a_query_string_of_dropped_pairs_takes_memory_of_the_order_of_the_query() -> None:
    query = b"ab&" * 300_000  # (a client over ASGI is not held to the 8 KB head limit)
    request = Request(b"/?" + query, Header(), "1.1", "GET", None, None)
    peak = _peak(lambda: (request.args, request.query_args))
    assert request.args == {}
    assert request.query_args == []
    assert peak < 3 * len(query)


def test_an_urlencoded_body_of_dropped_pairs_takes_memory_of_the_order_of_the_body() -> None:
    # 3 MB of pairs parse_qs drops ("ab" has no "="): splitting the whole body first held
    # a million strings, about 20 times the body, before dropping them.
    body = b"ab&" * 1_000_000
    request = _request(body, URLENCODED)
    peak = _peak(lambda: request.form)
    assert request.form == {}
    assert peak < 3 * len(body)


@given(
    st.text(alphabet="ab=&+%2;é ", max_size=60),
    st.booleans(),
    st.integers(min_value=1, max_value=8),
)
def test_urlencoded_text_read_in_slices_is_read_as_parse_qs_reads_it(
    text: str, keep_blank_values: bool, slice_size: int
) -> None:
    saved = form_module._QS_SLICE
    form_module._QS_SLICE = slice_size
    try:
        parsed = parse_urlencoded(text, keep_blank_values)
        pairs = parse_urlencoded_pairs(text, keep_blank_values)
    finally:
        form_module._QS_SLICE = saved
    expected = parse_qs(text, keep_blank_values=keep_blank_values)
    assert parsed == expected
    assert list(parsed) == list(expected)
    assert pairs == parse_qsl(text, keep_blank_values=keep_blank_values)


MULTIPART = "multipart/form-data; boundary=XyZ"


def test_a_multipart_body_of_many_tiny_parts_gives_every_field() -> None:
    parts = [
        b'--XyZ\r\nContent-Disposition: form-data; name="f%d"\r\n\r\n%d\r\n' % (i % 100, i)
        for i in range(50_000)
    ]
    parts.append(b'--XyZ\r\nContent-Disposition: form-data; name="u"; filename="a"\r\n\r\nz\r\n')
    request = _request(b"".join(parts) + b"--XyZ--\r\n", MULTIPART)
    assert len(request.form) == 100
    assert request.form.getlist("f42") == [str(i) for i in range(42, 50_000, 100)]
    assert request.files.get("u").body == b"z"


def test_a_multipart_body_of_empty_parts_takes_no_memory_of_its_own() -> None:
    # 1 MB of bare delimiters: splitting the body first held a copy of it and a list of
    # 150,000 pieces (about 7 times the body) before the first part was looked at.
    body = b"--XyZ\r\n" * 150_000 + b"--XyZ--\r\n"
    request = _request(body, MULTIPART)
    peak = _peak(lambda: request.form)
    assert request.form == {}
    assert request.files == {}
    assert peak < len(body) // 4


@given(
    st.lists(st.sampled_from([b"-", b"--B", b"\r\n", b"x", b"B", b"\r"]), max_size=30),
    st.sampled_from([b"--B", b"B", b"--"]),
)
def test_the_pieces_between_delimiters_are_those_of_a_split(
    pieces: list[bytes], boundary: bytes
) -> None:
    body = b"".join(pieces)
    expected = (b"\r\n" + body).split(b"\r\n" + boundary)[1:-1]
    assert list(_between_delimiters(body, boundary)) == expected


@pytest.mark.parametrize("opening", [b"[", b'{"a":'])
@pytest.mark.parametrize("loads", [None, json.loads])
def test_json_nested_beyond_any_parser_depth_is_a_bad_request(
    opening: bytes, loads: Callable[[bytes], Any] | None
) -> None:
    # ujson stops at its depth limit, json.loads with a RecursionError: both a 400.
    request = _request(opening * 1_000_000, "application/json")
    with pytest.raises(BadRequest, match="Failed when parsing body as json"):
        request.load_json(loads)


def _charset_part(name: str, charset: str, content: bytes) -> bytes:
    return (
        b'--XyZ\r\nContent-Disposition: form-data; name="%s"\r\n' % name.encode()
        + b"Content-Type: text/plain; charset=%s\r\n\r\n" % charset.encode()
        + content
        + b"\r\n"
    )


def test_a_form_naming_thousands_of_charsets_looks_up_a_bounded_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each lookup of a name that is no codec costs tens of microseconds and stays in the
    # encodings package's cache for the life of the process.
    lookups: list[str] = []
    real_lookup = form_module.codecs.lookup

    def counting_lookup(name: str) -> Any:
        lookups.append(name)
        return real_lookup(name)

    monkeypatch.setattr(form_module.codecs, "lookup", counting_lookup)
    parts = [_charset_part("t", "latin-1", "é".encode("latin-1"))]
    parts += [_charset_part("u", f"no-such-{i}", "é".encode()) for i in range(5_000)]
    parts += [
        b"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename*=x-%d''%%C3%%A9\r\n\r\n"
        b"z\r\n" % i
        for i in range(5_000)
    ]
    request = _request(b"".join(parts) + b"--XyZ--\r\n", MULTIPART)
    assert request.form.getlist("t") == ["é"]
    assert request.form.getlist("u") == ["é"] * 5_000  # an unknown charset reads as UTF-8
    assert [f.name for f in request.files.getlist("f")] == ["é"] * 5_000
    assert len(lookups) <= 2 * form_module._MAX_CHARSETS


def test_a_form_with_a_few_charsets_reads_each_part_with_its_own() -> None:
    parts = [
        _charset_part("a", "latin-1", "é".encode("latin-1")),
        _charset_part("b", "cp1251", "ж".encode("cp1251")),
        _charset_part("c", "nope", "é".encode()),
        _charset_part("d", "shift_jis", "日本".encode("shift_jis")),
        _charset_part("e", "LATIN-1", "ü".encode("latin-1")),
        b'--XyZ\r\nContent-Disposition: form-data; name="f"; filename="p"; '
        b"filename*=iso-8859-1''%E9\r\n\r\nz\r\n",
        b'--XyZ\r\nContent-Disposition: form-data; name="g"; filename="p"; '
        b"filename*=nope''%E9\r\n\r\nz\r\n",
    ]
    request = _request(b"".join(parts) + b"--XyZ--\r\n", MULTIPART)
    assert request.form == {"a": ["é"], "b": ["ж"], "c": ["é"], "d": ["日本"], "e": ["ü"]}
    assert request.files.get("f").name == "é"
    assert request.files.get("g").name == "p"


def test_made_up_charsets_leave_nothing_behind_in_the_codec_cache() -> None:
    import encodings

    cache = encodings._cache  # type: ignore[attr-defined]
    size = len(cache)
    for i in range(200):
        urlencoded = _request(b"a=%41&b=1", f"{URLENCODED}; charset=made-up-{i}")
        parts = _charset_part("t", f"made-up-t{i}", b"x") + _charset_part("l", "latin-1", b"\xe9")
        multipart = _request(parts + b"--XyZ--\r\n", MULTIPART)
        assert urlencoded.form == {"a": ["A"], "b": ["1"]}
        assert multipart.form == {"t": ["x"], "l": ["é"]}
    assert _request(b"a=1", f"{URLENCODED}; charset=made-up").form == {"a": ["1"]}
    assert len(cache) <= size + 1  # (latin-1, a real codec, may stay)


def test_header_names_a_client_makes_up_are_not_interned() -> None:
    # An interned string is never freed on Python 3.12: each name would stay for good.
    import sys
    import uuid

    from hurtle_http.framing import _HOST, _lowered

    made_up = f"X-Made-Up-{uuid.uuid4().hex}"
    lowered = _lowered(made_up.encode())
    assert lowered == made_up.lower()
    assert sys.intern("".join(made_up.lower())) is not lowered
    assert _lowered(b"HoSt") is _HOST
