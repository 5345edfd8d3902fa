"""BaseRouter: registration, finalize, resolution order, 404/405, hosts, slashes."""

from __future__ import annotations

import datetime
import uuid

import pytest
from router_support import Router, handler_named, make_router

from sanic_routing.exceptions import (
    BadMethod,
    FinalizationError,
    InvalidUsage,
    NoMethod,
    NotFound,
    RouteExists,
)

PRECEDENCE_ROUTES = (
    "/a/static",
    "/a/<x:uuid>",
    "/a/<x:ymd>",
    "/a/<x:int>",
    "/a/<x:float>",
    "/a/<x:alpha>",
    "/a/<x:slug>",
    "/a/<x:ext>",
    "/a/<x>",
    r"/a/<x:[A-Z]{3}\d>",
    "/a/<x:strorempty>",
    "/a/<x:path>",
)


@pytest.mark.parametrize(
    ("path", "route", "value"),
    [
        ("/a/static", "/a/static", None),
        (
            "/a/123e4567-e89b-12d3-a456-426614174000",
            "/a/<x:uuid>",
            uuid.UUID("123e4567-e89b-12d3-a456-426614174000"),
        ),
        ("/a/2024-02-29", "/a/<x:ymd>", datetime.date(2024, 2, 29)),
        ("/a/42", "/a/<x:int>", 42),
        ("/a/-7", "/a/<x:int>", -7),
        ("/a/1.5", "/a/<x:float>", 1.5),
        ("/a/Hello", "/a/<x:alpha>", "Hello"),
        ("/a/hello-world", "/a/<x:slug>", "hello-world"),
        ("/a/2024-13-01", "/a/<x:slug>", "2024-13-01"),
        ("/a/cat.jpg", "/a/<x:ext>", "cat"),
        ("/a/ABC1", "/a/<x>", "ABC1"),  # a plain str beats an inline regex
        ("/a/a_b", "/a/<x>", "a_b"),
        ("/a/", "/a/<x:strorempty>", ""),
        ("/a/b/c", "/a/<x:path>", "b/c"),
    ],
)
def test_precedence_static_then_types_by_priority_then_path(path, route, value) -> None:
    router = make_router(*PRECEDENCE_ROUTES)
    found, handler, params = router.resolve(path, method="GET")
    assert handler.__name__ == route
    assert params.get("x") == value


def test_inline_regex_beats_strorempty() -> None:
    router = make_router(r"/a/<x:[A-Z]{3}\d>", "/a/<x:strorempty>")
    assert router.resolve("/a/ABC1", method="GET")[1].__name__ == r"/a/<x:[A-Z]{3}\d>"
    assert router.resolve("/a/abc", method="GET")[1].__name__ == "/a/<x:strorempty>"


def test_static_segment_beats_dynamic_at_each_level_with_backtracking() -> None:
    router = make_router("/<a>/foo", "/a/<b>", "/m/<a:int>/<b>", "/m/<a>/z")
    assert router.resolve("/a/foo", method="GET")[1].__name__ == "/a/<b>"
    assert router.resolve("/b/foo", method="GET")[2] == {"a": "b"}
    assert router.resolve("/m/1/z", method="GET")[1].__name__ == "/m/<a:int>/<b>"
    assert router.resolve("/m/x/z", method="GET")[1].__name__ == "/m/<a>/z"


def test_fixed_length_routes_are_tried_before_path_routes() -> None:
    router = make_router("/b/<x:path>", "/b/<x:int>/c", "/c/<x:path>/z", "/c/<x:int>")
    assert router.resolve("/b/1/c", method="GET")[2] == {"x": 1}
    assert router.resolve("/b/x/c", method="GET")[2] == {"x": "x/c"}
    assert router.resolve("/c/1/2/z", method="GET")[2] == {"x": "1/2"}
    assert router.resolve("/c/1", method="GET")[2] == {"x": 1}


def test_unknown_path_raises_not_found_with_the_path() -> None:
    router = make_router("/a")
    with pytest.raises(NotFound) as info:
        router.resolve("/nope", method="GET")
    assert info.value.path == "/nope"


def test_wrong_method_raises_no_method_with_allowed_methods() -> None:
    router = Router()
    router.add("/m", handler_named("get"), methods=["GET", "POST"])
    router.add("/m", handler_named("put"), methods=["PUT"])
    router.add("/d/<x>", handler_named("d"), methods=["GET"])
    router.finalize()
    assert router.resolve("/m", method="PUT")[1].__name__ == "put"
    with pytest.raises(NoMethod) as info:
        router.resolve("/m", method="DELETE")
    assert info.value.allowed_methods == {"GET", "POST", "PUT"}
    with pytest.raises(NoMethod) as info:
        router.resolve("/d/1", method="POST")
    assert info.value.allowed_methods == {"GET"}


def test_route_exists_lists_every_method_of_the_new_route() -> None:
    # As sanic-routing: the new route's methods, not only those that clash (sorted here,
    # where sanic-routing's set order changes from run to run).
    router = Router()
    router.add("/a/<x>", handler_named("one"), methods=["PUT", "OPTIONS"])
    with pytest.raises(RouteExists, match=r"^Route already registered: a/<x> \[DELETE,GET,PUT\]$"):
        router.add("/a/<x>", handler_named("two"), methods=["GET", "PUT", "DELETE"])


def test_methods_are_checked_against_allowed_methods() -> None:
    router = Router()
    with pytest.raises(BadMethod, match="Bad method: \\['FETCH'\\]"):
        router.add("/x", handler_named("x"), methods=["FETCH"])


def test_duplicate_route_raises_route_exists_unless_overwrite_or_append() -> None:
    router = Router()
    router.add("/x", handler_named("one"), methods=["GET"])
    # The message is sanic-routing's, word for word (tests match on it).
    with pytest.raises(RouteExists, match="^Route already registered: x \\[GET\\]$"):
        router.add("/x", handler_named("two"), methods=["GET"])
    router.add("/x", handler_named("three"), methods=["GET"], overwrite=True)
    router.add("/x", handler_named("four"), methods=["GET"], append=True)
    router.finalize()
    assert [r.handler.__name__ for r in router.static_routes[("x",)]] == ["four", "three"]


def test_add_after_finalize_and_double_finalize_raise_finalization_error() -> None:
    router = make_router("/x")
    with pytest.raises(FinalizationError, match="already finalized"):
        router.add("/y", handler_named("y"))
    with pytest.raises(FinalizationError, match="more than once"):
        router.finalize()


def test_register_pattern_after_finalize_is_taken_and_leaves_the_routes_alone() -> None:
    # As sanic-routing: an app's start-up listener (after the router was finalized) may
    # register a type; Hurtle raised FinalizationError, which stopped the server.
    router = make_router("/n/<v:int>")
    router.register_pattern("int", str, r"^[a-z]+$")
    router.register_pattern("late", str, r"^l$")
    assert router.regex_types["late"][1].pattern == "^l$"
    assert router.get("/n/12", "GET")[2] == {"v": 12}
    with pytest.raises(NotFound):
        router.get("/n/ab", "GET")


def test_resolve_before_finalize_says_to_finalize() -> None:
    router = Router()
    router.add("/x", handler_named("x"))
    with pytest.raises(FinalizationError, match="finalize"):
        router.resolve("/x", method="GET")


def test_finalize_without_routes_is_refused() -> None:
    with pytest.raises(FinalizationError, match="no routes"):
        Router().finalize()


def test_reset_allows_adding_and_finalizing_again() -> None:
    router = make_router("/x")
    router.reset()
    router.add("/y", handler_named("y"))
    router.finalize()
    assert router.resolve("/y", method="GET")[1].__name__ == "y"


@pytest.mark.parametrize(
    ("route", "strict", "request_path", "found"),
    [
        ("/a", False, "/a", True),
        ("/a", False, "/a/", True),
        ("/a", False, "/a//", True),
        ("/a", True, "/a", True),
        ("/a", True, "/a/", False),
        ("/a/", True, "/a/", True),
        ("/a/", True, "/a", False),
        ("/a/", False, "/a", True),
        ("/d/<x>", False, "/d/1/", True),
        ("/d/<x>", True, "/d/1/", False),
        ("/d/<x>/", False, "/d/1", True),
    ],
)
def test_strict_slashes(route, strict, request_path, found) -> None:
    router = Router()
    router.add(route, handler_named("h"), methods=["GET"], strict=strict)
    router.finalize()
    if found:
        assert router.resolve(request_path, method="GET")[1].__name__ == "h"
    else:
        with pytest.raises(NotFound):
            router.resolve(request_path, method="GET")


def test_root_route() -> None:
    router = make_router("/")
    route, _, _ = router.resolve("/", method="GET")
    assert (route.path, route.uri, repr(route)) == ("", "/", "<Route: path=/>")


def test_host_requirements_select_the_route_and_404_otherwise() -> None:
    router = Router()
    router.add("/h", handler_named("a"), methods=["GET"], requirements={"host": "a.com"})
    router.add("/h", handler_named("b"), methods=["GET"], requirements={"host": "b.com"})
    router.add("/d/<x>", handler_named("da"), methods=["GET"], requirements={"host": "a.com"})
    router.add("/free", handler_named("free"), methods=["GET"])
    router.finalize()
    assert router.get("/h", "GET", "a.com")[1].__name__ == "a"
    assert router.get("/h", "GET", "b.com")[1].__name__ == "b"
    assert router.get("/d/1", "GET", "a.com")[2] == {"x": "1"}
    assert router.get("/free", "GET", "any.host")[1].__name__ == "free"
    for path, method, host in [
        ("/h", "GET", None),
        ("/h", "GET", "c.com"),
        ("/h", "POST", "a.com"),
        ("/d/1", "GET", "b.com"),
    ]:
        with pytest.raises(NotFound):
            router.get(path, method, host)


def test_percent_encoding_static_segments_and_str_params() -> None:
    router = make_router("/café/menu", "/q/<name>", "/f/<rest:path>")
    assert router.resolve("/caf%C3%A9/menu", method="GET")[0].path == "caf%C3%A9/menu"
    assert router.resolve("/q/a%20b", method="GET")[2] == {"name": "a%20b"}
    assert router.resolve("/f/a%20b/c", method="GET")[2] == {"rest": "a%20b/c"}


def test_unquote_route_decodes_path_params() -> None:
    router = Router()
    router.add("/f/<rest:path>", handler_named("f"), methods=["GET"], unquote=True)
    router.add("/q/<name>", handler_named("q"), methods=["GET"], unquote=True)
    router.finalize()
    assert router.resolve("/f/a%20b/c", method="GET")[2] == {"rest": "a b/c"}
    assert router.resolve("/q/a%2Fb", method="GET")[2] == {"name": "a/b"}


def test_names_index_and_lookup() -> None:
    router = Router()
    route = router.add("/x/<id:int>", handler_named("x"), name="app.x")
    router.add("/y", handler_named("y"))
    router.finalize()
    assert router.name_index == {"app.x": route}
    assert router.find_route_by_view_name("app.x") is route
    assert router.find_route_by_view_name("missing") is None


def test_route_collections() -> None:
    router = make_router("/s", "/d/<x:int>", r"/r/<x:\d+>", "/p/<x:path>")
    assert list(router.static_routes) == [("s",)]
    assert list(router.dynamic_routes) == [("d", "<__dynamic__:int>")]
    assert list(router.regex_routes) == [("r", "<__dynamic__:\\d+>"), ("p", "<__dynamic__:path>")]
    assert len(router.groups) == 4
    assert [r.path for r in router.routes] == ["s", "d/<x:int>", "r/<x:\\d+>", "p/<x:path>"]
    assert [m.pattern for m in router.matchers] == ["^/r/(?P<x>\\d+)$", "^/p/(?P<x>[^/]?.*?)$"]


def test_custom_pattern_registered_at_run_time() -> None:
    router = Router()
    router.register_pattern("hex", lambda s: int(s, 16), r"^[0-9a-f]+$")
    router.add("/h/<n:hex>", handler_named("hex"))
    router.add("/h/<n>", handler_named("str"))
    router.finalize()
    assert router.resolve("/h/ff", method="GET")[2] == {"n": 255}
    # As sanic-routing: outside a regex route a registered type is matched by its cast
    # alone (the pattern serves url_for and regex routes), so `FF` is hex as well.
    assert router.resolve("/h/FF", method="GET")[2] == {"n": 255}
    assert router.resolve("/h/zz", method="GET")[1].__name__ == "str"


def flavour(value: str) -> str:
    """A cast that refuses upper case: the pattern below would accept nothing else."""
    if value != value.lower():
        raise ValueError(value)
    return value.upper()


def test_a_registered_type_takes_what_its_cast_takes_whatever_its_pattern() -> None:
    # An ice-cream stall app registers `vanilla|mango` with an Enum lookup as the cast
    # (`Flavours[value.upper()]`); under Sanic `/icecream/MANGO` is served, the cast being
    # the only check. Hurtle matched the pattern too and answered 404.
    router = Router()
    router.register_pattern("flavour", str.lower, "vanilla|mango")
    router.register_pattern("lower", flavour, r"[a-z]+")
    router.add("/f/<v:flavour>", handler_named("flavour"))
    router.add("/l/<v:lower>", handler_named("lower"))
    router.add("/l/<v:str>", handler_named("str"))
    router.finalize()
    assert router.resolve("/f/MANGO", method="GET")[2] == {"v": "mango"}
    assert router.resolve("/f/kiwi", method="GET")[2] == {"v": "kiwi"}
    assert router.resolve("/l/ab1", method="GET")[2] == {"v": "AB1"}
    assert router.resolve("/l/ABC", method="GET")[1].__name__ == "str"


def test_a_registered_pattern_is_kept_as_written() -> None:
    # url_for checks a value against the pattern as given (a match at the start, as
    # sanic-routing) and names it so; a regex route embeds it as one group.
    router = Router()
    router.register_pattern("flavour", str, "vanilla|mango")
    router.add("/f/<v:flavour>", handler_named("f"), name="f")
    router.add("/p/<v:flavour>/<rest:path>", handler_named("p"), name="p")
    router.finalize()
    assert router.build("f", {"v": "mangoes"}) == "/f/mangoes"
    with pytest.raises(InvalidUsage, match=r'"kiwi".* vanilla\|mango$'):
        router.build("f", {"v": "kiwi"})
    assert router.resolve("/p/mango/x", method="GET")[2] == {"v": "mango", "rest": "x"}
    with pytest.raises(NotFound):
        router.resolve("/p/vanilla1/x", method="GET")


def test_dot_delimited_router_like_sanic_signals() -> None:
    router = Router(delimiter=".", stacking=True)
    router.add("http.lifecycle.<__trigger__>", handler_named("a"), append=True)
    router.add("http.lifecycle.<__trigger__>", handler_named("b"), append=True)
    router.add("foo.bar.baz", handler_named("c"))
    router.finalize()
    group, basket = router.find_route(
        ".http.lifecycle.begin", "GET", router, {"__params__": {}, "__matches__": {}}, {}
    )
    assert [r.handler.__name__ for r in group] == ["b", "a"]
    assert {p.name: basket["__matches__"][i] for i, p in group.params.items()} == {
        "__trigger__": "begin"
    }
    assert router.resolve(".foo.bar.baz", method="GET")[1].__name__ == "c"
    with pytest.raises(NotFound):
        router.resolve(".foo.bar", method="GET")


def test_cast_errors_never_escape_as_value_error() -> None:
    router = make_router("/i/<x:int>", "/e/<f:ext=png>")
    with pytest.raises(NotFound):
        router.resolve("/i/" + "9" * 5000 + "x", method="GET")
    with pytest.raises(NotFound, match="Invalid extension: jpg"):
        router.resolve("/e/a.jpg", method="GET")


def test_refused_extension_is_404_even_for_a_wrong_method() -> None:
    router = Router()
    router.add("/<f:ext=png>", handler_named("ext"), methods=["GET"])
    router.finalize()
    with pytest.raises(NotFound, match="Invalid extension: txt"):
        router.resolve("/a.txt", method="POST")
    with pytest.raises(NoMethod):
        router.resolve("/a.png", method="POST")


def test_a_dynamic_path_of_several_routes_names_their_methods() -> None:
    """RFC 9110 15.5.6: a 405 MUST carry Allow, so the NoMethod of a dynamic path served
    by several routes carries their methods (sanic-routing's carries none)."""
    router = Router()
    router.add("/d/<a:int>", handler_named("put"), methods=["PUT"])
    router.add("/d/<b:int>", handler_named("get"), methods=["GET", "HEAD"])
    router.finalize()
    with pytest.raises(NoMethod, match="^Method does not exist$") as info:
        router.resolve("/d/1", method="DELETE")
    assert info.value.allowed_methods == {"GET", "HEAD", "PUT"}


def test_a_slashed_path_of_several_routes_without_the_method_tries_it_unslashed() -> None:
    """As Sanic: `HEAD /b/` is served by a `/b` HEAD route beside `/b/<p:path>` routes
    that do not serve HEAD (Hurtle answered 405); with no `/b` route it is a 404."""
    router = Router()
    router.add("/b", handler_named("b"), methods=["HEAD"])
    router.add("/b/<p:path>", handler_named("pp"), methods=["PUT", "PATCH"])
    router.add("/b/<q:path>", handler_named("gp"), methods=["GET", "POST"])
    router.add("/c/<p:path>", handler_named("cp"), methods=["PUT"])
    router.add("/c/<q:path>", handler_named("cg"), methods=["GET"])
    router.finalize()
    assert router.resolve("/b/", method="HEAD")[1].__name__ == "b"
    assert router.resolve("/b/", method="GET")[2] == {"q": ""}
    with pytest.raises(NotFound):
        router.resolve("/c/", method="HEAD")
    with pytest.raises(NoMethod):
        router.resolve("/c/x", method="HEAD")


def test_refused_extension_is_checked_before_a_strict_trailing_slash() -> None:
    """As Sanic: `/s/f.json/` for a strict `/s/<a:ext=txt>` is the extension's 404 (its
    page says "Requested URL None"); `/s/f.txt/` is the slash's, naming the path."""
    router = Router()
    router.add("/s/<a:ext=txt>", handler_named("s"), methods=["GET"], strict=True)
    router.finalize()
    with pytest.raises(NotFound, match="Invalid extension: json") as info:
        router.resolve("/s/f.json/", method="GET")
    assert info.value.path is None
    with pytest.raises(NotFound) as info:
        router.resolve("/s/f.txt/", method="GET")
    assert info.value.path == "/s/f.txt"


def test_host_bound_extension_is_checked_after_host_and_method() -> None:
    """As Sanic: a refused extension on a host-bound route is the 404 that names no path
    only for the route's host and method; another host or method gets the plain 404
    naming the path (its 404 page says "Requested URL /x/a.json", not "None")."""
    router = Router()
    router.add(
        "/x/<f:ext=txt>", handler_named("ext"), methods=["DELETE"], requirements={"host": "h"}
    )
    router.finalize()
    for method, host in (("DELETE", "other"), ("GET", "h"), ("GET", "other")):
        with pytest.raises(NotFound) as info:
            router.resolve("/x/a.json", method=method, extra={"host": host})
        assert info.value.path == "/x/a.json"
    with pytest.raises(NotFound, match="Invalid extension: json") as info:
        router.resolve("/x/a.json", method="DELETE", extra={"host": "h"})
    assert info.value.path is None
    assert router.resolve("/x/a.txt", method="DELETE", extra={"host": "h"})[2] == {
        "f": "a",
        "ext": "txt",
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("/a/<x:[a-z]{2,4}>/", "/a/<y:[a-z]{2,4}>"),
        ("/a/<x:[a-z]+>", "/a/<y:[a-z]+>"),
        ("/a/<x:path>", "/a/<y:path>"),  # (a path parameter takes the trailing slash)
    ],
)
def test_regex_routes_of_one_shape_get_their_own_parameter_names(first: str, second: str) -> None:
    """Two routes of one path shape with other parameter names share one pattern: each
    still gets its value under its own name (Hurtle answered 500 with a KeyError, Sanic
    500s calling the handler with the other route's name)."""
    router = Router()
    router.add(first, handler_named("g"), methods=["GET"], strict=False)
    router.add(second, handler_named("p"), methods=["PUT"])
    router.finalize()
    for path in ("/a/xyz", "/a/xyz/"):
        value = path[3:] if "path" in first else "xyz"
        assert router.resolve(path, method="GET")[2] == {"x": value}
        assert router.resolve(path, method="PUT")[2] == {"y": value}


@pytest.mark.parametrize(
    ("typed", "refused", "taken"),
    [
        ("<a:float>", ["nan", "inf", "1e3", "1_0", "+1.5"], {"1.": 1.0, "-0.5": -0.5}),
        ("<a:int>", ["+3", "1_0"], {"007": 7, "-3": -3}),
        ("<a:uuid>", ["123e4567e89b12d3a456426614174000"], {}),
    ],
)
def test_typed_parameters_of_an_ext_list_route_match_their_pattern(
    typed: str, refused: list[str], taken: dict[str, object]
) -> None:
    """As in sanic-routing, a route with an `ext=` list is a regex route, whose typed
    parameters must match their type's pattern, not only cast: `/f/nan/a.txt` is a 404
    there (Hurtle served it with `float("nan")`), while `/g/nan` (no regex) is served."""
    router = Router()
    router.add(f"/f/{typed}/<b:ext=txt>", handler_named("f"), methods=["GET"])
    router.add(f"/g/{typed}", handler_named("g"), methods=["GET"])
    router.finalize()
    for value in refused:
        with pytest.raises(NotFound):
            router.resolve(f"/f/{value}/x.txt", method="GET")
        assert router.resolve(f"/g/{value}", method="GET")[1].__name__ == "g"
    for value, cast in taken.items():
        assert router.resolve(f"/f/{value}/x.txt", method="GET")[2] == {
            "a": cast,
            "b": "x",
            "ext": "txt",
        }


def test_strict_static_path_checks_method_first_dynamic_checks_slash_first() -> None:
    router = Router()
    router.add("/a", handler_named("a"), methods=["GET"], strict=True)
    router.add("/d/<x>", handler_named("d"), methods=["GET"], strict=True)
    router.finalize()
    with pytest.raises(NoMethod):
        router.resolve("/a/", method="PUT")
    with pytest.raises(NotFound):
        router.resolve("/d/1/", method="PUT")


@pytest.mark.parametrize(
    ("routes", "winner"),
    [
        ([r"/<a:[a-c]+>", r"/<a:[a-z]+>"], r"/<a:[a-c]+>"),
        ([r"/<a:[a-z]+>", r"/<a:[a-c]+>"], r"/<a:[a-c]+>"),
        ([r"/<a:[a-c]+>", r"/<a:[a-z]+>", r"/<a:[a-z]+>/b"], r"/<a:[a-z]+>"),
        ([r"/<a:[a-c]+>", "/<a:strorempty>", "/<a:strorempty>/b"], "/<a:strorempty>"),
        (["/<a:int>", "/<a>", "/<a>/b/c"], "/<a:int>"),
    ],
)
def test_equal_priority_siblings_prefer_the_branch_with_the_longest_route(routes, winner) -> None:
    router = make_router(*routes)
    assert router.resolve("/c" if "int" not in winner else "/1", method="GET")[1].__name__ == winner


def test_many_trailing_slashes_are_a_plain_not_found_or_match() -> None:
    router = make_router("/a")
    assert router.resolve("/a" + "/" * 5000, method="GET")[1].__name__ == "/a"
    with pytest.raises(NotFound):
        router.resolve("/b" + "/" * 5000, method="GET")


def test_a_path_of_many_trailing_slashes_is_matched_a_bounded_number_of_times() -> None:
    """Retrying once per trailing delimiter made 8,000 slashes cost 8,000 matcher runs
    over the whole path; a path keeps at most one delimiter more than any route has
    segments, so the matcher runs a few times whatever the count."""
    router = make_router("/a", "/b/<c:strorempty>/<d:strorempty>", "/p/<rest:path>")
    calls = []
    find = router._find_route

    def counting(*args):
        calls.append(args[0])
        return find(*args)

    router._find_route = counting
    with pytest.raises(NotFound):
        router.resolve("/z" + "/" * 8000, method="GET")
    assert len(calls) <= 6
    assert router.resolve("/a" + "/" * 8000, method="GET")[1].__name__ == "/a"
    # Parameters that accept an empty segment still get the delimiters they can take.
    assert router.resolve("/b" + "/" * 8000, method="GET")[2] == {"c": "", "d": ""}
    # A path parameter takes them all on the first try.
    assert router.resolve("/p/x" + "/" * 8000, method="GET")[2] == {"rest": "x" + "/" * 8000}


def test_a_host_bound_ext_route_checks_extensions_only_for_the_route_it_picks() -> None:
    router = Router()
    router.add("/r/<p:ext=txt|md>", handler_named("a"), requirements={"host": "a"})
    router.add("/r/<p:ext=txt>", handler_named("b"), requirements={"host": "b"})
    router.finalize()
    # Another host: a plain miss naming the path (Sanic 25.12), not a refused extension.
    with pytest.raises(NotFound) as caught:
        router.resolve("/r/1.5", method="GET", extra={"host": "c"})
    assert caught.value.path == "/r/1.5"
    # The host's own route refuses by its own list (b takes no .md; a does).
    with pytest.raises(NotFound, match="Invalid extension") as caught:
        router.resolve("/r/x.md", method="GET", extra={"host": "b"})
    assert caught.value.path is None
    assert router.resolve("/r/x.md", method="GET", extra={"host": "a"})[1].__name__ == "a"


def test_host_mismatch_on_a_trailing_slash_path_retries_without_it() -> None:
    router = Router()
    router.add("/ab/<p:path>", handler_named("hosted"), requirements={"host": "h1"})
    router.add("/<a>", handler_named("free"))
    router.finalize()
    assert router.resolve("/ab/", method="GET", extra={"host": "h2"})[2] == {"a": "ab"}


def test_routes_with_and_without_requirements_cannot_share_a_path() -> None:
    router = Router()
    router.add("/x", handler_named("free"), methods=["GET"])
    with pytest.raises(RouteExists):
        router.add("/x", handler_named("hosted"), methods=["POST"], requirements={"host": "a"})


def test_strictness_is_per_route_within_a_group() -> None:
    router = Router()
    router.add("/<a:alpha>", handler_named("get"), methods=["GET"])
    router.add("/<a:alpha>", handler_named("post"), methods=["POST"], strict=True)
    router.add("/c", handler_named("cget"), methods=["GET"])
    router.add("/c", handler_named("cpost"), methods=["POST"], strict=True)
    router.finalize()
    assert router.resolve("/abc/", method="GET")[1].__name__ == "get"
    assert router.resolve("/c//", method="GET")[1].__name__ == "cget"
    with pytest.raises(NotFound):
        router.resolve("/c/", method="POST")


def test_priority_requires_append() -> None:
    with pytest.raises(FinalizationError, match="priority if append is False"):
        Router().add("/p", handler_named("p"), priority=3)


def test_overwrite_and_append_together_are_refused() -> None:
    # As sanic-routing: the two say opposite things about an existing route; nothing is
    # added (it used to replace the route silently).
    router = Router()
    router.add("/p", handler_named("first"))
    with pytest.raises(FinalizationError, match="both overwrite and append"):
        router.add("/p", handler_named("second"), overwrite=True, append=True)
    router.finalize()
    assert router.get("/p", "GET", None)[1].__name__ == "first"


def test_a_fixed_path_given_empty_requirements_is_a_dynamic_route_found_by_any_host() -> None:
    # As sanic-routing: `requirements={}` (a plugin passing its conditions through) makes
    # the route dynamic; it still answers every request for its path.
    router = Router()
    route = router.add("/e", handler_named("e"), requirements={})
    router.finalize()
    assert route.static is False
    assert list(router.dynamic_routes) == [("e",)] and not router.static_routes
    assert router.get("/e", "GET")[1].__name__ == "e"
    assert router.get("/e", "GET", host="any")[1].__name__ == "e"


@pytest.mark.parametrize(
    ("stacking", "path", "named"),
    [
        (False, "/b/<y:int>", "<Route: path=b/<y:int>>"),
        (True, "/b/<y:int>", "<RouteGroup: "),
        (True, "/b/<y:path>", "<Route: path=b/<y:path>>"),
    ],
)
def test_a_method_not_served_names_the_route_or_the_stacking_group(
    stacking: bool, path: str, named: str
) -> None:
    router = Router(stacking=stacking)
    router.add(path, handler_named("b"), methods=["GET"])
    router.finalize()
    with pytest.raises(NoMethod) as info:
        router.get("/b/1", "PUT")
    assert str(info.value).startswith(f"Method 'PUT' not found on {named}")
    assert info.value.allowed_methods == {"GET"}


@pytest.mark.parametrize("path", ["/a", "/b/<x:int>"])
def test_a_strict_host_bound_route_checks_the_host_before_the_slash(path: str) -> None:
    # As sanic-routing: another host (or none) is the plain 404 whatever the trailing
    # slash; the right host with an extra slash is the strict route's own 404.
    router = Router()
    router.add(path, handler_named("a"), requirements={"host": "x"}, strict=True)
    router.finalize()
    asked = path.replace("<x:int>", "1") + "/"
    for host in (None, "y"):
        with pytest.raises(NotFound, match="^Not Found$"):
            router.get(asked, "GET", host=host)
    with pytest.raises(NotFound, match="^Path not found$"):
        router.get(asked, "GET", host="x")


def test_a_path_that_is_not_a_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a string, not bytes"):
        Router().add(b"/a", handler_named("a"))  # type: ignore[arg-type]


def test_a_host_bound_path_without_parameters_is_a_dynamic_route() -> None:
    # As sanic-routing: route.static is False and the group is with the dynamic routes.
    router = Router()
    bound = router.add("/h", handler_named("a"), requirements={"host": "a"})
    router.add("/h", handler_named("b"), requirements={"host": "b"})
    free = router.add("/k", handler_named("k"))
    router.finalize()
    assert (bound.static, free.static) == (False, True)
    assert list(router.static_routes) == [("k",)]
    assert list(router.dynamic_routes) == [("h",)]
    assert router.get("/h", "GET", host="b")[1].__name__ == "b"
    assert router.get("/h/", "GET", host="a")[1].__name__ == "a"
    with pytest.raises(NotFound):
        router.get("/h", "GET", host="c")


def test_a_path_with_and_without_a_host_is_still_one_route_group() -> None:
    router = Router()
    router.add("/h", handler_named("free"))
    with pytest.raises(RouteExists):
        router.add("/h", handler_named("bound"), requirements={"host": "a"})
    router.add("/h", handler_named("bound"), requirements={"host": "a"}, overwrite=True)
    router.finalize()
    assert [len(router.static_routes), len(router.dynamic_routes)] == [0, 1]
    assert router.get("/h", "GET", host="a")[1].__name__ == "bound"


def test_a_type_registered_under_a_built_in_label_replaces_it() -> None:
    # As sanic-routing: `register_pattern("int", float, ...)` makes `<v:int>` the new type,
    # matched by its cast alone (Hurtle kept matching the pattern it was given too, so a
    # value the new cast takes but the pattern does not was a 404).
    router = Router()
    router.register_pattern("int", float, r"[A-Z]+")
    router.register_pattern("str", str.upper, r"\d+")
    router.add("/i/<v:int>", handler_named("i"))
    router.add("/s/<v:str>", handler_named("s"))
    router.finalize()
    assert router.resolve("/i/12", method="GET")[2] == {"v": 12.0}
    assert router.resolve("/s/abc", method="GET")[2] == {"v": "ABC"}
    with pytest.raises(NotFound):
        router.resolve("/i/ABC", method="GET")


@pytest.mark.parametrize("label", ["a-b", "ü", "1a", "a.b", "a b"])
def test_any_label_can_be_registered_and_declared(label: str) -> None:
    router = Router()
    router.register_pattern(label, str.upper, "[a-z]+")
    router.add(f"/r/<v:{label}>", handler_named("r"), name="r")
    router.finalize()
    route, _handler, params = router.resolve("/r/x1", method="GET")
    assert params == {"v": "X1"}
    assert route.params[1].label == label


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((3, str, "a"), "When registering a pattern, label must be a string, not label=3"),
        (
            ("x", "nope", "a"),
            "When registering a pattern, cast must be a callable, not cast=nope",
        ),
        (
            ("", "nope", "a"),
            "When registering a pattern, cast must be a callable, not cast=nope",
        ),
        (
            ("x", str, 5),
            "When registering a pattern, pattern must be a string or a Pattern, not "
            "pattern=5, type=<class 'int'>",
        ),
    ],
)
def test_register_pattern_refuses_wrong_types_with_sanic_routings_words(args, message) -> None:
    with pytest.raises(InvalidUsage) as info:
        Router().register_pattern(*args)
    assert str(info.value) == message


def test_a_registered_pattern_naming_another_group_is_refused_in_a_regex_route() -> None:
    # As sanic-routing: the type's pattern is embedded in the route's regex (a `path`
    # parameter makes it one), where its group must bear the parameter's name; the route
    # was accepted and resolved here.
    router = Router()
    router.register_pattern("flavour", str, "(?P<x>vanilla)")
    router.add("/f/<v:flavour>", handler_named("f"))
    router.add("/p/<v:flavour>/<rest:path>", handler_named("p"))
    with pytest.raises(InvalidUsage, match=r"^Named group \(x\) must match your named parameter \(v\)$"):
        router.finalize()


@pytest.mark.parametrize("label", ["a:b", "a:b:c", ":ab", "ab:", "a/b"])
def test_a_registered_label_with_a_colon_or_slash_makes_a_regex_route(label: str) -> None:
    # As sanic-routing: such a label makes the route a regex route, which embeds the
    # type's pattern, so a value the cast takes but the pattern refuses is a 404 (it was
    # matched by the cast alone here), while a matching value is still cast.
    router = Router()
    router.register_pattern(label, lambda v: f"<{v}>", "[a-z]+")
    route = router.add(f"/r/<v:{label}>", handler_named("r"))
    router.finalize()
    assert route.regex is True
    assert router.resolve("/r/abc", method="GET")[2] == {"v": "<abc>"}
    with pytest.raises(NotFound):
        router.resolve("/r/AB", method="GET")


@pytest.mark.parametrize("label", ["int:q", "str:x", "path:x"])
def test_a_built_in_type_and_more_text_is_refused_even_when_registered(label: str) -> None:
    # As sanic-routing: `<v:int:q>` is a typo of a built-in type, refused at finalize even
    # when `int:q` itself was registered (it was taken as that type here).
    router = Router()
    router.register_pattern(label, str, "[a-z]+")
    router.add(f"/r/<v:{label}>", handler_named("r"))
    with pytest.raises(InvalidUsage, match=f"^Invalid parameter declaration: r/<v:{label}>$"):
        router.finalize()


def test_an_empty_label_can_be_registered_and_changes_nothing() -> None:
    # As sanic-routing: accepted (it was an InvalidUsage here); `<v:>` stays a plain str.
    router = Router()
    router.register_pattern("", int, r"\d+")
    router.add("/r/<v:>", handler_named("r"), name="r")
    router.finalize()
    assert router.resolve("/r/ab", method="GET")[2] == {"v": "ab"}


def picky(value: str) -> str:
    if value == "bad":
        raise ValueError(value)
    return value.upper()


def _path_routes() -> Router:
    router = Router()
    router.register_pattern("picky", picky, r"^[a-z]+$")
    for path in (
        "/d/<day:ymd>/<rest:path>",
        "/d/<s>/<rest:path>",
        "/p/<v:picky>/<rest:path>",
        "/p/<v>/<rest:path>",
        "/g/<f:ext=txt|md>/<s:slug>/<rest:path>",
        "/g/<f=alpha:ext=jpg|png>/<n:float>/<rest:path>",
    ):
        router.add(path, handler_named(path), methods=["GET"])
    router.finalize()
    return router


@pytest.mark.parametrize(
    ("path", "route", "params"),
    [
        # A `ymd` that is no date, a registered cast raising ValueError: the next path
        # route has the request, as a dynamic route would (and as in sanic-routing).
        ("/d/2024-02-30/x", "/d/<s>/<rest:path>", {"s": "2024-02-30", "rest": "x"}),
        ("/d/2024-02-28/x", "/d/<day:ymd>/<rest:path>", {"day": datetime.date(2024, 2, 28), "rest": "x"}),
        ("/p/bad/x/y", "/p/<v>/<rest:path>", {"v": "bad", "rest": "x/y"}),
        ("/p/good/x", "/p/<v:picky>/<rest:path>", {"v": "GOOD", "rest": "x"}),
        ("/g/x.txt/a/b/c", "/g/<f:ext=txt|md>/<s:slug>/<rest:path>", {"f": "x", "ext": "txt", "s": "a", "rest": "b/c"}),
    ],
)
def test_a_path_route_whose_cast_refuses_a_value_leaves_it_to_the_next(path, route, params) -> None:
    # Hurtle answered 404 ("Requested URL None not found") as soon as the first path
    # route whose regex matched had a cast refuse the value.
    _, handler, got = _path_routes().get(path, "GET")
    assert (handler.__name__, got) == (route, params)


def test_a_path_route_refusing_an_extension_is_a_404_as_a_dynamic_route() -> None:
    # As a dynamic route (and sanic-routing's): a refused extension ends the search.
    with pytest.raises(NotFound):
        _path_routes().get("/g/ab.png/2/a/b", "GET")
