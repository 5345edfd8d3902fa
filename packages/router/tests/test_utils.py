"""path_to_parts / parts_to_path: how a route path is cut into parts (public helpers that
Sanic's signal router also uses)."""

from __future__ import annotations

import re

import pytest
from router_support import make_router

from sanic_routing.exceptions import InvalidUsage
from sanic_routing.utils import parts_to_path, path_to_parts


def test_path_to_parts_keeps_regex_parameters_whole() -> None:
    assert path_to_parts(r"a/<b:\d+/x>/c/", "/") == ("a", r"<b:\d+/x>", "c", "")
    assert path_to_parts("a.b.<c>", ".") == ("a", "b", "<c>")
    assert path_to_parts("a::<b::c>::d", "::") == ("a", "<b::c>", "d")


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("", ("",)),
        ("/", ("",)),
        ("/users/<uid:int>", ("users", "<uid:int>")),
        ("//users//<uid>/", ("users", "", "<uid>", "")),
    ],
)
def test_path_to_parts_drops_leading_delimiters(path: str, parts: tuple[str, ...]) -> None:
    assert path_to_parts(path) == parts


def test_path_to_parts_percent_encodes_static_parts_only() -> None:
    assert path_to_parts("/π/a b/<name:π+>") == ("%CF%80", "a%20b", "<name:π+>")
    # Escapes are decoded first: no double encoding, and an encoded delimiter splits.
    assert path_to_parts("/%CF%80/a%20b/x%2Fy") == ("%CF%80", "a%20b", "x", "y")
    assert path_to_parts("/100%/<v:a%20b>") == ("100%25", "<v:a b>")


@pytest.mark.parametrize(
    "parts",
    [
        ("files", r"<name:[^/]?.*?(?<!js)>"),
        ("p", r"<name:(?P<name>[a-z/]+)>", "end"),
        ("a", r"<rest:[a-z]{3}/more)?>"),
        ("a", "<b:x>y", "c"),
    ],
)
def test_path_to_parts_a_delimiter_inside_a_regex_does_not_split(parts: tuple[str, ...]) -> None:
    assert path_to_parts("/" + "/".join(parts)) == parts


def test_parts_to_path_joins_with_the_delimiter() -> None:
    for path in ["a/<b:int>/c", "x", ""]:
        assert parts_to_path(path_to_parts(path, "/"), "/") == path
    assert parts_to_path(("a", "<b>"), ".") == "a.<b>"


def test_parts_to_path_checks_parameter_parts_and_writes_their_short_form() -> None:
    # As sanic-routing's: a part starting with "<" must be a declaration; it joined any.
    assert parts_to_path(("a", "<x:>", "<f=int:ext=jpg>", "x>", "a<b")) == (
        "a/<x>/<f=int:ext=jpg>/x>/a<b"
    )
    for part in ["<1x>", "<x-y>", "<>", "<x", "<x>a", "<:int>", "<f=int>", "<ü>"]:
        with pytest.raises(InvalidUsage, match=f"^Invalid declaration: {re.escape(part)} "):
            parts_to_path(("a", part))


def test_a_route_declared_with_an_empty_type_has_the_short_raw_path() -> None:
    route = make_router("/a/<x:>").get("/a/1", "GET")[0]
    assert (route.raw_path, route.path) == ("a/<x>", "a/<x:str>")


def test_route_paths_are_cut_like_path_to_parts() -> None:
    router = make_router("/café/<x>", "/a%2Fb", "/100%")
    route = router.get("/caf%C3%A9/1", "GET")[0]
    assert (route.parts, route.raw_path) == (("caf%C3%A9", "<x:str>"), "caf%C3%A9/<x>")
    assert router.get("/a/b", "GET")[0].path == "a/b"
    assert router.get("/100%25", "GET")[0].raw_path == "100%25"
