"""Property: a ``Cookie`` header built from the RFC 6265 4.2.1 grammar reads back pair by pair.

The oracle is the grammar itself: ``cookie-string = cookie-pair *( ";" SP cookie-pair )``,
``cookie-pair = cookie-name "=" cookie-value``, where a value is ``*cookie-octet`` or the
same in double quotes (given to the app without them). Generated headers also carry what
browsers send beyond the grammar: no space or extra spaces around ``;``, and raw UTF-8 in
values set by scripts.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.cookies.request import parse_cookie
from hurtle_http.headers import Header
from hurtle_http.request import Request

# RFC 9110 5.6.2 tchar (a cookie-name is a token).
TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# RFC 6265 4.1.1 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
COOKIE_OCTET = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '",;\\')

names = st.text(TCHAR, min_size=1, max_size=8).filter(lambda n: not n.startswith("__"))
plain_values = st.text(COOKIE_OCTET, max_size=10)
# Values set by scripts: any letter that is not a separator, control or white space.
utf8_values = st.text(
    st.characters(
        min_codepoint=0xA1,
        max_codepoint=0x2FFF,
        exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc", "Cf"),
    ),
    min_size=1,
    max_size=5,
)
values = st.one_of(plain_values, utf8_values)
pairs = st.lists(st.tuples(names, values, st.booleans()), max_size=6)
separators = st.sampled_from(["; ", ";", ";  ", " ; ", ";\t"])


def oracle(items: list[tuple[str, str, bool]]) -> dict[str, list[str]]:
    """What the grammar says the header holds: every pair, in order, quotes removed."""
    expected: dict[str, list[str]] = {}
    for name, value, _quoted in items:
        expected.setdefault(name, []).append(value)
    return expected


def build(items: list[tuple[str, str, bool]], seps: list[str]) -> str:
    parts = [f'{n}="{v}"' if q else f"{n}={v}" for n, v, q in items]
    out = ""
    for i, part in enumerate(parts):
        out += (seps[i % len(seps)] if i else "") + part
    return out


@settings(max_examples=300, deadline=None)
@given(pairs, st.lists(separators, min_size=1, max_size=3))
@example([("a", "", True)], ["; "])  # a="" is the empty value (Sanic gives '""')
@example([("a", "b=c", False), ("a", "==", True)], [";"])
def test_a_cookie_header_from_the_grammar_reads_back(
    items: list[tuple[str, str, bool]], seps: list[str]
) -> None:
    raw = build(items, seps)
    expected = oracle(items)
    assert parse_cookie(raw) == expected
    request = Request(b"/", Header({"cookie": raw}), "1.1", "GET", None, None)
    for name, vals in expected.items():
        assert request.cookies.getlist(name) == vals
        assert request.cookies.get(name) == vals[0]


@settings(max_examples=100, deadline=None)
@given(pairs, pairs)
def test_cookie_fields_sent_apart_read_as_one_header(
    first: list[tuple[str, str, bool]], second: list[tuple[str, str, bool]]
) -> None:
    # RFC 6265 5.4 asks for one Cookie field; HTTP/2 and some proxies split it
    # (RFC 9113 8.2.3), which must read as the fields joined with "; ".
    fields = [("cookie", build(p, ["; "])) for p in (first, second) if p]
    request = Request(b"/", Header(fields), "1.1", "GET", None, None)
    expected = oracle(first + second)
    assert {k: request.cookies.getlist(k) for k in expected} == expected
