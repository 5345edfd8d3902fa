"""Property: ``request.args`` and ``request.query_args`` read a request target's query as
``urllib.parse.parse_qs``/``parse_qsl`` read it with the same options (Sanic's contract).

The oracle takes the query from the raw target itself (RFC 3986 3.4: after the first
``?``, up to a ``#``), so it does not lean on ``request.query_string``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.headers import Header
from hurtle_http.request import Request

# Query characters (RFC 3986 3.4 pchar / "/" / "?") with the ones urlencoding gives a
# meaning to weighted in: separators, escapes good and bad, "+", non-ASCII escaped.
pieces = st.sampled_from(
    [
        "a",
        "b",
        "=",
        "&",
        ";",
        "+",
        "%",
        "%2",
        "%41",
        "%2B",
        "%26",
        "%3D",
        "%C3%A9",
        "%E9",
        "%ff",
        "?",
        "/",
        "~",
        "%20",
    ]
)
queries = st.lists(pieces, max_size=25).map("".join)
options = st.fixed_dictionaries(
    {
        "keep_blank_values": st.booleans(),
        "strict_parsing": st.booleans(),
        "encoding": st.sampled_from(["utf-8", "latin-1"]),
        "errors": st.sampled_from(["replace", "strict", "ignore"]),
    }
)


def oracle_query(target: bytes) -> str:
    _, sep, rest = target.partition(b"?")
    return rest.partition(b"#")[0].decode("utf-8", "replace") if sep else ""


def run(call):
    try:
        return call()
    except (ValueError, UnicodeDecodeError) as error:
        return type(error)


@settings(max_examples=200, deadline=None)
@given(queries, options, st.sampled_from([b"/p?", b"http://h.test/p?", b"/p/?"]))
@example(
    "a=1&&b&c=",
    {"keep_blank_values": True, "strict_parsing": False, "encoding": "utf-8", "errors": "replace"},
    b"/p?",
)
def test_query_args_are_parse_qsl_of_the_raw_query(query: str, opts: dict, prefix: bytes) -> None:
    target = prefix + query.encode("utf-8")
    request = Request(target, Header({"host": "h.test"}), "1.1", "GET", None, None)
    raw_query = oracle_query(target)
    expected_pairs = run(lambda: parse_qsl(raw_query, **opts))
    expected_dict = run(lambda: parse_qs(raw_query, **opts))
    assert run(lambda: request.get_query_args(**opts)) == expected_pairs
    got = run(lambda: request.get_args(**opts))
    assert got == expected_dict
    if isinstance(expected_dict, dict):
        # order of names is order of first appearance; getlist keeps every value in order
        assert list(got) == list(expected_dict)
        for name, values in expected_dict.items():
            assert got.getlist(name) == values
            assert got.get(name) == values[0]


@pytest.mark.parametrize("fragment", [b"#x", b"#a=b?c=d"])
def test_a_fragment_is_not_part_of_the_query(fragment: bytes) -> None:
    request = Request(b"/p?a=1" + fragment, Header({}), "1.1", "GET", None, None)
    assert request.query_args == [("a", "1")]
