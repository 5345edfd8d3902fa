"""Accept header parsing and negotiation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_http.accept import Matched, MediaType, parse_accept, qvalue
from hurtle_http.exceptions import InvalidHeader


def test_missing_accept_means_anything() -> None:
    accept = parse_accept(None)
    assert [str(m) for m in accept] == ["*/*"]
    assert accept.match("image/png")


def test_sorted_by_quality_then_specificity() -> None:
    accept = parse_accept("text/html;q=0.9, application/json, */*;q=0.1, text/*")
    assert str(accept) == "application/json, text/*, text/html;q=0.9, */*;q=0.1"
    assert accept[0].q == 1.0 and accept[2].q == 0.9


def test_match_prefers_the_clients_order() -> None:
    accept = parse_accept("text/html;q=0.5, application/json")
    matched = accept.match("text/html", "application/json")
    assert matched == "application/json"
    assert matched.mime == "application/json"
    assert str(matched.header) == "application/json"


def test_match_at_equal_quality_takes_the_handlers_order() -> None:
    # The client's q decides first; among ranges it likes as much, the handler's first
    # offer wins, even when a more specific range accepts a later offer.
    accept = parse_accept("application/json, text/*")
    matched = accept.match("text/plain", "application/json")
    assert matched.mime == "text/plain" and str(matched.header) == "text/*"
    matched = parse_accept("text/html;level=1, application/json").match(
        "application/json", "text/html"
    )
    assert matched.mime == "application/json" and str(matched.header) == "application/json"
    # Lower q still loses to a later offer at higher q.
    matched = parse_accept("application/json;q=0.9, text/*").match(
        "application/json", "text/plain"
    )
    assert matched.mime == "text/plain"
    # Among ranges accepting the same offer, the first in the list's order.
    matched = parse_accept("application/json, */*;a=1").match("application/json", "text/x")
    assert str(matched.header) == "*/*;a=1"


def test_match_with_wildcards_and_without() -> None:
    accept = parse_accept("text/html, application/*;q=0.5")
    matched = accept.match("application/xml")
    assert matched and str(matched.header) == "application/*;q=0.5"
    assert not accept.match("application/xml", accept_wildcards=False)
    assert repr(accept.match("image/png")) == "<no match>"


def test_q_zero_is_not_acceptable() -> None:
    assert not parse_accept("text/html;q=0").match("text/html")


def test_media_type_match_and_params() -> None:
    plain_level = MediaType("text", "plain", level="1")
    assert plain_level.match("text/plain") is plain_level
    assert MediaType("text", "plain").match("text/plain;level=1") is None
    assert MediaType("text", "*").match("text/css") is not None
    assert MediaType("text", "html") == "text/html"
    assert Matched("x/y", None).__bool__() is False


@pytest.mark.parametrize("bad", ["text", "text/html;q=x", ";;"])
def test_malformed_accept_is_a_400(bad: str) -> None:
    with pytest.raises(InvalidHeader) as info:
        parse_accept(bad)
    assert info.value.status_code == 400
    assert "Accept" in str(info.value)


@given(st.text(max_size=80))
def test_parse_accept_raises_only_invalid_header(value: str) -> None:
    try:
        accept = parse_accept(value)
    except InvalidHeader:
        return
    assert all(isinstance(m, MediaType) for m in accept)


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("b,text/html", ["text/html"]),
        ("text/html, *, application/json;q=x", ["text/html"]),
        ("a/, text/plain;q=0.5, */*;q=0.1", ["text/plain;q=0.5", "*/*;q=0.1"]),
    ],
)
def test_a_malformed_range_among_valid_ones_is_skipped(value: str, kept: list[str]) -> None:
    """Only an Accept with no valid range is a 400; a stray malformed element next to
    valid ones (some clients send them) is left out: as Sanic 25.12 for one without a
    slash (``b``), where it answers the others (``*``, ``a/``, ``q=x``) with a 500."""
    assert [str(m) for m in parse_accept(value)] == kept


def test_ranges_keep_the_clients_case_but_match_in_any_case() -> None:
    # As Sanic 25.12: str(), .type, .subtype and .mime show what the client wrote; the
    # comparison is case-insensitive (RFC 9110 8.3.1; Sanic compares case-sensitively).
    accept = parse_accept("TEXT/HTML;level=1, Application/JSON;q=0.5")
    assert [str(m) for m in accept] == ["TEXT/HTML;level=1", "Application/JSON;q=0.5"]
    assert (accept[0].type, accept[0].subtype, accept[0].mime) == ("TEXT", "HTML", "TEXT/HTML")
    matched = accept.match("application/json")
    assert matched and matched.header is accept[1]
    assert accept[0] == "text/html"
    assert accept[0].match("text/html;level=1") is accept[0]
    assert accept[0].match("text/*") is accept[0]


def test_equality_is_of_the_type_as_in_sanic() -> None:
    # ``in request.accept`` and ``==`` compare type and subtype only, so a range with
    # parameters (or a q) is "in" the list by its mime; a string with parameters is a
    # ValueError pointing to match(), which compares them (Sanic 25.12).
    accept = parse_accept("application/json;q=0.9, text/html;level=1")
    assert "text/html" in accept and "application/json" in accept
    assert accept.index("text/html") == 0
    assert MediaType("text", "html", level="2") in accept
    assert MediaType("text", "html", a="1") == MediaType("text", "html")
    with pytest.raises(ValueError, match="Use match"):
        _ = accept[0] == "text/html;level=1"
    matched = accept.match("text/html")
    assert matched == "text/html" and matched.header == "text/html"
    assert Matched("text/html", MediaType("text", "*")) == "text/*"
    assert not Matched("text/html", MediaType("text", "*")) == "text/html;a=1"


def test_a_match_equals_a_string_with_parameters_by_type_and_subtype() -> None:
    # As Sanic: a Matched compares with a string holding parameters (q=...) by type and
    # subtype, where MediaType itself refuses such a string (use match()).
    accept = parse_accept("foo/bar;q=0.0, text/plain, foo/bar;q=0.5")
    found = accept.match("foo/bar")
    assert found == "foo/bar" and found == "foo/bar;q=0.5" and found == "foo/bar; q=0.9"
    assert found != "foo/baz;q=0.5"
    assert Matched.parse("foo/bar") == "foo/bar; q=0.1"
    assert not (accept.match("image/png") == "image/png;q=1")


def test_q_asked_for_is_a_parameter_to_match() -> None:
    # As Sanic: a mime with q=... is accepted only by a range with that very q.
    assert MediaType("text", "html", q="0.5").match("text/html;q=0.7") is None
    assert MediaType("text", "html").match(MediaType("text", "html", q="0.3")) is None
    assert not parse_accept("*/*").match("text/html;q=0.5")
    assert not parse_accept("text/html;level=2;q=0.4, text/html;level=1").match("text/html;q=0.5")
    ranged = MediaType("text", "html", q="0.5")
    assert ranged.match("text/html;q=0.5") is ranged


def test_matched_match_uses_the_accepting_range() -> None:
    # As Sanic: the result's header range must accept the other's range; a result with
    # no header (nothing matched) matches nothing; the other is what is answered.
    by_text = Matched("text/html", MediaType("text", "*"))
    found = by_text.match("text/plain")
    assert repr(found) == "<text/plain matched text/plain>"
    other = Matched("text/plain", MediaType("text", "plain"))
    assert by_text.match(other) is other
    assert by_text.match(by_text) is by_text
    assert by_text.match("image/png") is None
    assert Matched("text/html", None).match("text/html") is None
    assert Matched("text/html", MediaType("*", "*")).match("text/html;level=1") is None
    assert repr(Matched("x/y", MediaType("*", "*")).match("*/*")) == "<*/* matched */*>"


def test_matched_parse_on_a_subclass_makes_that_subclass() -> None:
    # As Sanic: ``parse`` is a classmethod; ``match`` and ``==`` still read strings as
    # plain ``Matched`` results.
    class Mine(Matched):
        pass

    parsed = Mine.parse("text/html;q=0.5")
    assert type(parsed) is Mine
    assert (parsed.mime, str(parsed.header)) == ("text/html;q=0.5", "text/html;q=0.5")
    assert type(Mine.parse("")) is Mine and not Mine.parse("")
    assert type(Matched.parse("text/html")) is Matched
    assert type(parsed.match("text/*")) is Matched


def test_matched_equality_needs_a_range_on_both_sides_or_neither() -> None:
    # As Sanic: the same mime is not enough when only one side has a range; two results
    # without one (a failed match, an unparsable string) are equal.
    assert not Matched("text/html", None) == "text/html"
    assert not Matched("x", MediaType("text", "*")) == "x"
    assert Matched("text/html", MediaType("text", "*")) == "text/html"
    assert Matched("a", None) == "b" and not Matched("a", None) != "b"
    assert Matched("", None) == Matched("other", None)
    assert Matched("a", MediaType("x", "y", l="1")) == Matched("b", MediaType("x", "y", l="2"))
    assert not Matched("a", MediaType("*", "*")) == "text/html"
    assert not Matched("a", None) == 5


# RFC 9110 12.4.2: a qvalue is a decimal from 0 to 1. Sanic reads q as Python's float()
# does, so q=nan and q=2 (or inf) outranked every real weight and q=-1 sank below q=0;
# here such a range is malformed and skipped, as one whose q is no number.
@pytest.mark.parametrize("q", ["nan", "NaN", "inf", "2", "1.0001", "-1", "-0", "+0.5", ".5",
                               "1e-1", "1_0", "0x1", "0.5abc", ""])
def test_a_q_that_is_no_qvalue_makes_the_range_malformed(q: str) -> None:
    accept = parse_accept(f"a/a;q={q}, b/b;q=0.4")
    assert [str(m) for m in accept] == ["b/b;q=0.4"]
    assert accept.match("a/a", "b/b").mime == "b/b"
    assert not accept.match("a/a")


@pytest.mark.parametrize(("q", "weight"), [("0", 0.0), ("0.", 0.0), ("0.5", 0.5),
                                           ("0.125", 0.125), ("1", 1.0), ("1.", 1.0),
                                           ("1.000", 1.0), ("1.0000", 1.0), ("0.1234", 0.1234)])
def test_qvalues_are_read(q: str, weight: float) -> None:
    # More than three decimals (beyond the grammar) are still read: the weight is plain.
    assert qvalue(q) == weight
    assert parse_accept(f"a/a;q={q}")[0].q == weight


def test_a_weight_named_in_capitals_is_the_weight() -> None:
    # RFC 9110 5.6.6 and 12.4.2: parameter names, "q" too, are case-insensitive, so
    # "Q=0" says "not acceptable" (Sanic reads Q as another parameter, weight 1). The
    # error page already chose its format this way; now request.accept agrees.
    accept = parse_accept("a/a;Q=0.5, b/b;q=0.7")
    assert [(str(m), m.q) for m in accept] == [("b/b;q=0.7", 0.7), ("a/a;Q=0.5", 0.5)]
    assert accept.match("a/a", "b/b").mime == "b/b"
    assert not parse_accept("a/a;Q=0, b/b").match("a/a")
    assert [str(m) for m in parse_accept("a/a;Q=nan, b/b")] == ["b/b"]
    assert parse_accept("a/a;q=0.3;Q=0.6")[0].q == 0.6  # the last one, as the error page


@pytest.mark.parametrize("name", ["subtype", "type_", "self", "params"])
def test_a_parameter_named_like_a_constructor_argument_is_a_parameter(name: str) -> None:
    accept = parse_accept(f"text/html;{name}=x;q=0.5, a/b")
    assert [str(m) for m in accept] == ["a/b", f"text/html;{name}=x;q=0.5"]
    assert accept[1].params == {name: "x", "q": "0.5"}
    assert accept[1].type == "text" and accept[1].subtype == "html"
    assert accept.match("text/html").header is accept[1]
    assert accept[1].match(f"text/*;{name}=x") is accept[1]
    assert MediaType("a", "b", subtype="c").params == {"subtype": "c"}
