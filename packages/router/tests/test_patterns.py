"""Parameter types: each label's accepted values and the Python type they become."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from router_support import Router, handler_named, make_router

from sanic_routing.exceptions import InvalidUsage, NotFound
from sanic_routing.patterns import REGEX_TYPES, alpha, ext, nonemptystr, parse_date, slug


@pytest.mark.parametrize(
    ("label", "segment", "expected"),
    [
        ("str", "hello", "hello"),
        ("int", "12", 12),
        ("int", "-3", -3),
        ("float", "2.5", 2.5),
        ("float", "7", 7.0),
        ("alpha", "abcXYZ", "abcXYZ"),
        ("slug", "my-post-1", "my-post-1"),
        ("ymd", "2021-03-04", datetime.date(2021, 3, 4)),
        (
            "uuid",
            "123e4567-e89b-12d3-a456-426614174000",
            uuid.UUID("123e4567-e89b-12d3-a456-426614174000"),
        ),
        ("strorempty", "", ""),
        ("path", "a/b/c", "a/b/c"),
    ],
)
def test_each_type_converts_to_its_python_type(label, segment, expected) -> None:
    router = make_router(f"/v/<x:{label}>")
    value = router.resolve(f"/v/{segment}", method="GET")[2]["x"]
    assert value == expected
    assert type(value) is type(expected)


def test_alpha_takes_any_letters_as_sanic_routing_does() -> None:
    # str.isalpha, as sanic-routing: a path that reaches the router undecoded (raw UTF-8 in
    # the target, or a direct router.resolve) with "\u00e9" matches alpha, not the str route.
    router = make_router("/v/<x:alpha>", "/v/<y:str>")
    for segment in ("\u00e9t\u00e9", "\u01c5", "\u03a9"):
        params = router.resolve(f"/v/{segment}", method="GET")[2]
        assert params == {"x": segment}
    assert router.resolve("/v/ab\u00b2", method="GET")[2] == {"y": "ab\u00b2"}


@pytest.mark.parametrize(
    ("label", "segment"),
    [
        ("str", ""),
        ("int", "1.5"),
        ("int", "abc"),
        ("float", "abc"),
        ("alpha", "ab1"),
        ("slug", "Not-A-Slug"),
        ("slug", "a--b"),
        ("ymd", "2021-02-30"),
        ("uuid", "not-a-uuid"),
        ("ext", "noextension"),
    ],
)
def test_each_type_rejects_values_it_cannot_convert(label, segment) -> None:
    router = make_router(f"/v/<x:{label}>")
    with pytest.raises(NotFound):
        router.resolve(f"/v/{segment}", method="GET")


@pytest.mark.parametrize(
    ("route", "segment", "params"),
    [
        ("/f/<file:ext>", "a.jpg", {"file": "a", "ext": "jpg"}),
        ("/f/<file:ext>", "a.b.c", {"file": "a.b", "ext": "c"}),
        ("/f/<file:ext=jpg|png>", "a.png", {"file": "a", "ext": "png"}),
        ("/f/<file=int:ext>", "12.txt", {"file": 12, "ext": "txt"}),
        ("/f/<file=alpha:ext=txt>", "ab.txt", {"file": "ab", "ext": "txt"}),
        ("/f/<file:ext=tar.gz|tar.xz>", "x.tar.gz", {"file": "x", "ext": "tar.gz"}),
    ],
)
def test_ext_splits_file_name_and_extension(route, segment, params) -> None:
    router = make_router(route)
    assert router.resolve(f"/f/{segment}", method="GET")[2] == params


@pytest.mark.parametrize(
    "route", ["/f/<dir:path>/<file:ext>", "/f/<file:ext=gz>/x", "/f/<file:ext=gz|png>"]
)
def test_an_ext_parameter_reads_a_long_segment_once(route: str) -> None:
    """The ext pattern (an ``ext=`` list, or any ext in a regex route) used to be retried
    after every dot, to the end of the segment each time: a 100 KB segment of dots took
    minutes to refuse; now it is read once. The valid splits, and the pattern a route
    shows, are unchanged."""
    assert r"(?P<file>[^/]+\.[a-z0-9](?:[a-z0-9\.]*[a-z0-9])?)" in make_router(route).routes[0].pattern
    router = make_router(route)
    tail = "/x" if route.endswith("/x") else ""
    head = "/f/d/" if "path" in route else "/f/"
    for junk in ("b." * 50_000, "b." * 50_000 + "!", "b." * 50_000 + ".gz"):
        with pytest.raises(NotFound):
            router.resolve(head + junk + tail, method="GET")
    long_name = "b." * 50_000 + "gz"
    params = router.resolve(head + long_name + tail, method="GET")[2]
    assert params["file"] == long_name[:-3] and params["ext"] == "gz"


@pytest.mark.parametrize(
    ("route", "segment", "message"),
    [
        ("/f/<file:ext=jpg|png>", "a.gif", "Invalid extension: gif"),
        ("/f/<file=int:ext>", "ab.txt", "Invalid filename: ab"),
    ],
)
def test_ext_refusals_say_what_is_wrong(route, segment, message) -> None:
    router = make_router(route)
    with pytest.raises(NotFound, match=message):
        router.resolve(f"/f/{segment}", method="GET")


def test_ext_allowed_list_must_have_consistent_subparts() -> None:
    with pytest.raises(InvalidUsage, match="same number of subparts"):
        make_router("/f/<file:ext=jpg|tar.gz>")


def test_parse_date_refuses_an_impossible_month_in_strptimes_words() -> None:
    # As sanic-routing's (strptime): it said "month must be in 1..12".
    for bad in ["2020-13-01", "2020-00-10"]:
        with pytest.raises(ValueError, match=f"^time data '{bad}' does not match format"):
            parse_date(bad)
    # strptime's own words for a day past the month's end, which Python 3.14 changed
    # ("day 30 must be in range 1..29 for month 2 in year 2020").
    with pytest.raises(ValueError) as expected:
        datetime.datetime.strptime("2020-02-30", "%Y-%m-%d")
    with pytest.raises(ValueError, match=f"^{re.escape(str(expected.value))}$"):
        parse_date("2020-02-30")


def test_cast_helpers() -> None:
    assert parse_date("2020-01-02") == datetime.date(2020, 1, 2)
    assert alpha("abc") == "abc"
    assert slug("a-b") == "a-b"
    assert nonemptystr("x") == "x"
    assert ext("a.tar.gz") == ("a", "tar", "gz")
    for func, bad in [(alpha, "a1"), (slug, "A"), (nonemptystr, ""), (ext, "a"), (ext, ".x")]:
        with pytest.raises(ValueError):
            func(bad)


def test_regex_types_table_has_the_builtin_labels() -> None:
    assert list(REGEX_TYPES) == [
        "strorempty",
        "str",
        "ext",
        "slug",
        "alpha",
        "path",
        "float",
        "int",
        "ymd",
        "uuid",
    ]


@pytest.mark.parametrize(
    "declaration",
    [
        "<file:ext=and:more>",
        "<file:ext=and=more>",
        "<file:ext=bad#>",
        "<file:ext=JPG>",
        "<file:ext=>",
    ],
)
def test_malformed_ext_list_is_refused_when_added(declaration) -> None:
    # As sanic-routing: not taken for an inline regex that would never match.
    router = Router()
    with pytest.raises(InvalidUsage, match=r"^Invalid extension parameter definition: f/<file"):
        router.add(f"/f/{declaration}", handler_named("x"))


@pytest.mark.parametrize("allowed", ["jpg|", "|jpg", "jpg||png"])
def test_an_empty_extension_in_the_list_is_refused(allowed) -> None:
    with pytest.raises(InvalidUsage, match=r"^Invalid extension: $"):
        Router().add(f"/f/<file:ext={allowed}>", handler_named("x"))


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        ("<file=path:ext>", "does not support the `path` type"),
        ("<file=hex:ext>", "only supports filename matching on known parameter types"),
    ],
)
def test_ext_file_name_type_must_be_a_builtin_one(declaration, message) -> None:
    router = Router()
    router.register_pattern("hex", lambda s: int(s, 16), r"[0-9a-f]+")
    with pytest.raises(InvalidUsage, match=message):
        router.add(f"/f/{declaration}", handler_named("x"))


def test_ext_file_name_may_itself_be_of_type_ext() -> None:
    router = make_router("/f/<file=ext:ext>")
    assert router.resolve("/f/a.tar.gz", method="GET")[2] == {"file": ("a", "tar"), "ext": "gz"}
    with pytest.raises(NotFound):
        router.resolve("/f/a.gz", method="GET")


@pytest.mark.parametrize(
    ("route", "path", "params"),
    [
        ("/f/<ext:ext>", "/f/a.jpg", {"ext": "jpg"}),
        ("/f/<ext>/<file:ext>", "/f/b/a.jpg", {"file": "a", "ext": "jpg"}),
        ("/f/<file:ext>/<ext>", "/f/a.jpg/b", {"file": "a", "ext": "jpg"}),
    ],
)
def test_a_parameter_named_ext_beside_an_ext_type_is_accepted(route, path, params) -> None:
    # As sanic-routing: no conflict at finalize; `ext` holds the extension.
    router = make_router(route)
    assert router.resolve(path, method="GET")[2] == params


def test_labels_that_only_start_with_ext_are_regexes() -> None:
    router = make_router("/f/<file:exts>")
    route = router.resolve("/f/exts", method="GET")[0]
    assert route.regex is True and route.params[1].regex is True


def test_an_ext_parameter_with_a_list_makes_a_regex_route() -> None:
    router = Router()
    listed = router.add("/f/<file=int:ext=jpg|png>", handler_named("listed"))
    plain = router.add("/f/<file:ext>", handler_named("plain"))  # no RouteExists
    router.finalize()
    assert (listed.regex, plain.regex) == (True, False)
    assert list(router.regex_routes) == [("f", "<__dynamic__:ext>")]
    assert listed.pattern == r"/f/(?P<file>[^/]+\.[a-z0-9](?:[a-z0-9\.]*[a-z0-9])?)"
    assert router.get("/f/1.png", "GET")[2] == {"file": 1, "ext": "png"}


@pytest.mark.parametrize("segment", ["a.TXT", "a.p-g", "a.t_t", "1.Txt"])
def test_an_extension_outside_the_list_alphabet_falls_through_to_the_next_route(
    segment,
) -> None:
    # As sanic-routing: with an `ext=` list the value must look like `name.[a-z0-9.]`, or
    # the route does not match at all (the next one may); a well-formed extension that is
    # not listed is a 404 ("Invalid extension").
    router = Router()
    router.add("/f/<file:ext=txt>", handler_named("listed"))
    router.add("/f/<file:str>", handler_named("str"))
    router.finalize()
    route, _, params = router.resolve(f"/f/{segment}", method="GET")
    assert (route.handler.__name__, params) == ("str", {"file": segment})
    with pytest.raises(NotFound, match="Invalid extension: png"):
        router.resolve("/f/a.png", method="GET")


def test_an_unlisted_extension_route_keeps_any_extension() -> None:
    router = make_router("/f/<file=int:ext>")
    assert router.resolve("/f/1.TXT", method="GET")[2] == {"file": 1, "ext": "TXT"}
    assert router.resolve("/f/1.p-g", method="GET")[2] == {"file": 1, "ext": "p-g"}


def test_cast_functions_take_sanic_routings_parameter_names() -> None:
    # Code that calls them by keyword (or wraps them by signature) works as with
    # sanic-routing.
    import inspect

    from sanic_routing import patterns

    names = {
        fn: list(inspect.signature(getattr(patterns, fn)).parameters)
        for fn in ("alpha", "slug", "nonemptystr", "ext", "parse_date")
    }
    assert names == {
        "alpha": ["param"],
        "slug": ["param"],
        "nonemptystr": ["param"],
        "ext": ["param"],
        "parse_date": ["d"],
    }
    assert patterns.slug(param="a-b") == "a-b"
    assert patterns.parse_date(d="2024-02-29").day == 29
